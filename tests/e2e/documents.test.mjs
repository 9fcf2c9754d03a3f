// The right document for each association (issue 16): made from scratch as a
// verksamhetsberättelse, switched between förenklat årsbokslut and årsredovisning with nothing
// lost, and an older file asked about once.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually } from './kassoren.mjs';

const env = useApp();

test('a small club\'s verksamhetsberättelse from scratch prints as one, with no BFNAR reference', async () => {
  const app = await env.open();
  await app.newReport({ name: 'Schackklubben Löparen', document: 'verksamhetsberattelse' });
  assert.equal(await app.documentType(), 'Verksamhetsberättelse');
  const html = await app.downloadHtml();
  assert.match(html, /<p class="doc-kind">Verksamhetsberättelse<\/p>/);
  assert.match(html, /<title>Verksamhetsberättelse \d{4} – Schackklubben Löparen<\/title>/);
  assert.ok(!html.includes('BFNAR'), 'no rule reference is printed');
  assert.ok(!html.includes('id="forvaltningsberattelse"'));
  assert.match(html, /Styrelsen lämnar denna verksamhetsberättelse till årsmötet\./);
  assert.match(html, /Revisorernas berättelse/);
  app.assertClean();
});

test('Ny rapport: an aktiebolag cannot choose a förenklat årsbokslut; the default follows the form', async () => {
  const app = await env.open();
  await app.toolbarButton('Ny rapport').click();
  const dialog = app.page.locator('form.dialog');
  await dialog.locator('#new-form').selectOption('aktiebolag');
  assert.equal(await dialog.locator('#new-document-forenklat-arsbokslut').isDisabled(), true);
  assert.equal(await dialog.locator('#new-document-arsredovisning-k2').isChecked(), true);
  await dialog.locator('#new-form').selectOption('ideell-forening');
  assert.equal(await dialog.locator('#new-document-forenklat-arsbokslut').isChecked(), true);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  app.assertClean();
});

test('the example switched to förenklat årsbokslut and back: parts and texts change, nothing is lost', async () => {
  const app = await env.open();
  assert.equal(await app.documentType(), 'Årsredovisning');
  await app.openPart('Berättelse');
  const before = await app.sectionBody('s-sammanfattning').inputValue();

  await app.chooseDocument('forenklat-arsbokslut');
  assert.equal(await app.documentType(), 'Förenklat årsbokslut');
  const listed = await app.notPrinted().allInnerTexts();
  assert.ok(listed.some((t) => /skrivs inte ut i ett förenklat årsbokslut/.test(t)), listed.join('\n'));
  let html = await app.downloadHtml();
  assert.ok(!html.includes('id="forvaltningsberattelse"'));
  assert.match(html, /BFNAR 2010:1/);
  assert.ok(!html.includes('BFNAR 2016:10'));
  assert.match(html, /Det förenklade årsbokslutet har upprättats av styrelsen\./);

  await app.chooseDocument('arsredovisning-k2');
  assert.equal(await app.documentType(), 'Årsredovisning');
  assert.equal(await app.notPrinted().count(), 0);
  html = await app.downloadHtml();
  assert.ok(html.includes('id="forvaltningsberattelse"'));
  assert.match(html, /BFNAR 2016:10/);
  await app.openPart('Berättelse');
  assert.equal(await app.sectionBody('s-sammanfattning').inputValue(), before, 'the text is kept');
  app.assertClean();
});

test('a file from before document types is an årsredovisning enligt K2, and the treasurer is asked once', async () => {
  const app = await env.open();
  const file = JSON.parse(await app.saveJson());
  file.version = 5;
  delete file.document;
  delete file.history;
  file.lineage.document_id = 'd-00000000000000f5';
  await app.openFile(Buffer.from(JSON.stringify(file, null, 2)), 'gammal.json');
  await app.noticeWith('har öppnats som en ny årsredovisning').waitFor();
  await app.confirmDocument().waitFor();
  assert.equal(await app.documentType(), 'Årsredovisning');
  await app.confirmDocument().getByRole('button', { name: 'Ja, det stämmer' }).click();
  await app.confirmDocument().waitFor({ state: 'detached' });
  await app.waitSaved();
  await app.reload();
  assert.equal(await app.confirmDocument().count(), 0, 'asked once');
  app.assertClean();
});

test('the sidebar lists the parts each document has, by its names; an årsbokslut asks for the notes the law requires', async () => {
  const app = await env.open();
  const rest = ['Resultaträkning', 'Balansräkning', 'Noter', 'Underskrifter', 'Konton från SIE', 'Kontroller', 'Granskning'];
  assert.deepEqual(await app.partLabels(), ['Organisation och år', 'Berättelse', 'Förvaltningsberättelse', ...rest]);

  // A verksamhetsberättelse: the förvaltningsberättelse's sections are printed with the
  // chapters, so they are edited there; the proposal is "Förslag till beslut".
  await app.chooseDocument('verksamhetsberattelse');
  await eventually(async () =>
    assert.deepEqual(await app.partLabels(), ['Organisation och år', 'Verksamhetsberättelse', 'Förslag till beslut', ...rest]),
  );
  await app.openPart('Verksamhetsberättelse');
  await app.sectionBody('s-sammanfattning').waitFor();
  await app.sectionBody('verksamheten').waitFor();
  await app.openPart('Förslag till beslut');
  assert.equal(await app.editorHeading(), 'Förslag till beslut');
  await app.proposalEditor().waitFor();
  assert.equal(await app.overviewEditor().count(), 0, 'no flerårsöversikt is printed, none is edited');

  // An årsbokslut prints neither a narrative nor a förvaltningsberättelse.
  await app.chooseDocument('arsbokslut');
  await eventually(async () => assert.deepEqual(await app.partLabels(), ['Organisation och år', ...rest]));
  let problems = (await app.problems()).filter((p) => p.code === 'required_disclosure');
  assert.deepEqual(
    problems.map((p) => p.text.match(/Raden "([^"]+)"/)?.[1]),
    ['Inventarier', 'Finansiella placeringar'],
    JSON.stringify(problems),
  );
  await app.problemButton('required_disclosure').first().click();
  await app.waitPartOpen('Balansräkning');
  await eventually(async () => assert.equal((await app.active()).id, 'label-inventarier'));

  // Ställda säkerheter emptied: named, and a click goes to the field under the balansräkning.
  await app.offBalanceText('pledged').fill('');
  problems = (await app.problems()).filter((p) => p.code === 'required_disclosure');
  assert.ok(problems.some((p) => /upplysa om ställda säkerheter/.test(p.text)), JSON.stringify(problems));
  await app.problemButton('required_disclosure').last().click();
  await app.waitPartOpen('Balansräkning');
  await eventually(async () => assert.equal((await app.active()).id, 'pledged-text'));
  app.assertClean();
});
