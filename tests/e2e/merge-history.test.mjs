// Board review by the change history that travels in the file (issue 15): copies travel between
// board members in any order, in separate browser profiles, and merging never needs a base kept
// in the browser. The merge module is loaded only when a file is saved or compared.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { formatAmount } from './kassoren.mjs';

const env = useApp();
const MERGE_MODULE = /kassoren-merge-web-[0-9a-f]{16}(_bg\.wasm|\.js)$/;

test('the forwarding chain T → Anna → Bertil → T keeps the treasurer\'s two edits and brings both members\'', async () => {
  const t = await env.open();
  await t.waitSaved();
  assert.ok(!t.requested().some((u) => MERGE_MODULE.test(u)), 'the merge module is not part of the first load');
  await t.setMyName('Karin Kassör');
  const revision1 = await t.saveJson();
  assert.ok(t.requested().some((u) => MERGE_MODULE.test(u)), 'saving a file loads the merge module');
  assert.ok(JSON.parse(revision1).history, 'the file carries its history');

  // The treasurer goes on: two amounts, and revision 2.
  await t.openPart('Resultaträkning');
  await t.typeAmount('medlemsavgifter', 0, '150 000');
  await t.typeAmount('verksamhetskostnader', 0, '-610 000');
  await t.waitSaved();
  const revision2 = JSON.parse(await t.saveJson());
  assert.equal(revision2.lineage.revision, 2);

  // Anna edits revision 1; Bertil opens Anna's file and edits it.
  const anna = await env.open();
  const fromAnna = await anna.editAndSave('Anna Ledamot', revision1, async (a) => {
    await a.openPart('Resultaträkning');
    await a.typeAmount('ovriga_verksamhetsintakter', 0, '95 000');
  });
  const bertil = await env.open();
  const fromBertil = await bertil.editAndSave('Bertil Ledamot', fromAnna, async (b) => {
    await b.replaceSectionText('s-sammanfattning', (old) => `${old}\n\nBertils tillägg om leden.`);
  });
  assert.equal(JSON.parse(fromBertil).lineage.revision, 3);

  await t.compareFile(fromBertil, 'bertil.json');
  const described = await t.comparedChanges().allInnerTexts();
  assert.equal(await t.comparedConflicts().count(), 0, described.join('\n'));
  assert.ok(described.some((d) => /Kurs- och lägeravgifter/.test(d)), described.join('\n'));
  assert.ok(described.some((d) => /Bertils tillägg/.test(d)), described.join('\n'));
  assert.ok(!described.some((d) => /Medlemsavgifter|Verksamhetskostnader/.test(d)), described.join('\n'));
  await t.applyAccepted();
  await t.openPart('Resultaträkning');
  assert.equal(await t.cellValue('medlemsavgifter', 0), formatAmount(150000));
  assert.equal(await t.cellValue('verksamhetskostnader', 0), formatAmount(-610000));
  assert.equal(await t.cellValue('ovriga_verksamhetsintakter', 0), formatAmount(95000));

  // The same file, and Anna's (which Bertil's contains), bring nothing new.
  await t.compareFile(fromBertil, 'bertil.json');
  assert.match(await t.compareSummary().innerText(), /Inga nya ändringar/);
  await t.page.getByRole('button', { name: 'Stäng jämförelsen' }).click();
  await t.compareFile(fromAnna, 'anna.json');
  assert.match(await t.compareSummary().innerText(), /Inga nya ändringar/);
  for (const app of [t, anna, bertil]) app.assertClean();
});

test('two members editing different sentences of one section both come in, marked on the rendered text', async () => {
  const t = await env.open();
  await t.setMyName('Karin Kassör');
  const sent = await t.saveJson();
  const SECTION = 'medlemmar';
  const anna = await env.open();
  const fromAnna = await anna.editAndSave('Anna Ledamot', sent, (a) =>
    a.replaceSectionText(SECTION, (old) => old.replace('418 medlemmar', '419 medlemmar')));
  const bertil = await env.open();
  const fromBertil = await bertil.editAndSave('Bertil Ledamot', sent, (b) =>
    b.replaceSectionText(SECTION, (old) => `${old}\n\nBertils sista mening.`));

  await t.compareFile(fromAnna, 'anna.json');
  await t.applyAccepted();
  await t.compareFile(fromBertil, 'bertil.json');
  assert.equal(await t.comparedConflicts().count(), 0, 'different sentences of one text are no conflict');
  // Shown on the rendered text: bold stays bold, no Markdown stars; Bertil's words marked.
  const shown = await t.comparison().innerText();
  assert.ok(!shown.includes('**'), shown);
  assert.ok((await t.comparedInsertions().allInnerTexts()).join(' ').includes('Bertils'), shown);
  await t.applyAccepted();
  await t.openPart('Berättelse');
  const text = await t.sectionBody(SECTION).inputValue();
  assert.ok(text.includes('419 medlemmar'), text);
  assert.ok(text.endsWith('Bertils sista mening.'), text);
  t.assertClean();
});

test('a file without a history: every difference is a conflict to decide, none taken as theirs', async () => {
  const t = await env.open();
  await t.setMyName('Karin Kassör');
  const sent = await t.saveJson();
  const anna = await env.open();
  const fromAnna = JSON.parse(await anna.editAndSave('Anna Ledamot', sent, async (a) => {
    await a.openPart('Resultaträkning');
    await a.typeAmount('medlemsavgifter', 0, '140 000');
  }));
  delete fromAnna.history; // as an older Kassören, or a program, would write it
  await t.openPart('Resultaträkning');
  await t.typeAmount('verksamhetskostnader', 0, '-610 000');
  await t.waitSaved();

  await t.compareFile(JSON.stringify(fromAnna, null, 2), 'anna-utan-historik.json');
  await t.compareUnrelated().waitFor();
  assert.equal(await t.comparedChanges().count(), 0, 'nothing is listed as their change');
  const conflicts = t.comparedConflicts();
  assert.equal(await conflicts.count(), 2, await t.comparison().innerText());
  // Mine is chosen in each until the treasurer takes theirs.
  for (const c of await conflicts.all()) {
    assert.equal(await c.locator('label', { hasText: 'Min' }).locator('input').isChecked(), true);
  }
  await t.applyAccepted();
  await t.openPart('Resultaträkning');
  assert.equal(await t.cellValue('verksamhetskostnader', 0), formatAmount(-610000));
  assert.notEqual(await t.cellValue('medlemsavgifter', 0), formatAmount(140000));
  t.assertClean();
});

test('a rejected change is recorded: the same file again brings nothing new', async () => {
  const t = await env.open();
  await t.setMyName('Karin Kassör');
  const sent = await t.saveJson();
  const anna = await env.open();
  const fromAnna = await anna.editAndSave('Anna Ledamot', sent, async (a) => {
    await a.openPart('Resultaträkning');
    await a.typeAmount('medlemsavgifter', 0, '140 000');
  });
  await t.compareFile(fromAnna, 'anna.json');
  await t.page.getByRole('button', { name: 'Avvisa alla' }).click();
  await t.applyAccepted();
  await t.compareFile(fromAnna, 'anna.json');
  await t.page.waitForFunction(() => /Inga nya ändringar/.test(document.querySelector('[data-testid=compare-summary]')?.textContent ?? ''));
  await t.page.getByRole('button', { name: 'Stäng jämförelsen' }).click();
  await t.openPart('Resultaträkning');
  assert.notEqual(await t.cellValue('medlemsavgifter', 0), formatAmount(140000));
  t.assertClean();
});
