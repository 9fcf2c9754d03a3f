// The report survives a reload (local storage), and "Spara som fil" → "Öppna fil" in another
// browser profile gives the same report, byte for byte.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, STORAGE } from './kassoren.mjs';

const env = useApp();

const TEXT = 'Sammanfattning åäö ÅÄÖ\nrad ett\nrad två';

test('a reload restores the edited amount and narrative text exactly', async () => {
  const app = await env.open();

  await app.openPart('Resultaträkning');
  await app.typeAmount('medlemsavgifter', 0, '140 000');
  await eventually(async () => assert.equal(await app.computedValue('intakter', 0), 2125020 - 131650 + 140000));
  const amount = await app.cellValue('medlemsavgifter', 0);
  assert.equal(amount, formatAmount(140000));

  await app.openPart('Berättelse');
  const body = app.sectionBody('s-sammanfattning');
  await body.fill(TEXT);
  assert.equal(await body.inputValue(), TEXT);
  await app.waitSaved();
  assert.equal(await app.saveStatus().innerText(), 'Sparat');

  await app.reload();
  assert.match(await app.title(), /Friluftsföreningen Tresjöleden/);
  await app.openPart('Berättelse');
  assert.equal(await app.sectionBody('s-sammanfattning').inputValue(), TEXT);
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('medlemsavgifter', 0), amount);
  assert.equal(await app.computedValue('intakter', 0), 2125020 - 131650 + 140000);
  // The text reaches the preview too.
  assert.match(await app.previewText(), /åäö ÅÄÖ\s+rad ett\s+rad två/);
  app.assertClean();
});

test('"Spara som fil" then "Öppna fil" in a fresh browser profile gives an identical report', async () => {
  const first = await env.open();
  await first.openPart('Resultaträkning');
  await first.typeAmount('medlemsavgifter', 0, '140 000,50');
  await first.openPart('Berättelse');
  await first.sectionBody('s-sammanfattning').fill(TEXT);
  await first.waitSaved();
  const saved = await first.download('Spara som fil');
  assert.match(saved.name, /^arsredovisning-.*2025\.json$/, saved.name);
  const json = JSON.parse(saved.text);
  assert.equal(json.format, 'kassoren-arsredovisning');
  assert.ok(/"140000\.50?"/.test(saved.text), 'det ändrade beloppet saknas i filen');
  assert.ok(saved.text.includes(JSON.stringify(TEXT).slice(1, -1)), 'den ändrade texten saknas i filen');

  // A second, fresh profile: it starts with the example; the file opens as a new report.
  const second = await env.open();
  const before = await second.storage();
  await second.openFile(saved.bytes, saved.name);
  const notice = second.notice();
  await notice.waitFor();
  assert.equal(await second.errorNotice().count(), 0, await notice.innerText());
  assert.match(await notice.innerText(), /har öppnats/);
  await second.openPart('Resultaträkning');
  assert.equal(await second.cellValue('medlemsavgifter', 0), '140\u00a0000,50');
  await second.openPart('Berättelse');
  assert.equal(await second.sectionBody('s-sammanfattning').inputValue(), TEXT);
  const after = await second.storage();
  const reports = (o) => Object.keys(o).filter(STORAGE.isReport);
  assert.equal(reports(after).length, reports(before).length + 1, 'en ny årsredovisning i listan');
  // Kept byte for byte as the file was.
  const added = reports(after).find((k) => !(k in before));
  assert.equal(after[added], saved.text);

  // Saved again as a file: the same report, as a new revision of the same document.
  const again = await second.download('Spara som fil');
  assert.equal(again.name, saved.name);
  const [a, b] = [JSON.parse(again.text), JSON.parse(saved.text)];
  assert.equal(a.lineage.document_id, b.lineage.document_id);
  assert.equal(a.lineage.revision, b.lineage.revision + 1);
  delete a.lineage;
  delete b.lineage;
  assert.deepEqual(a, b, 'filerna skiljer sig');
  first.assertClean();
  second.assertClean();
});
