// "Mina rapporter": copy, rename and delete (with confirmation); the list and
// localStorage kassoren.index follow; deleting the open report opens another.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, STORAGE } from './kassoren.mjs';

const env = useApp();

const EXAMPLE_TITLE = 'Exempel: Friluftsföreningen Tresjöleden 2025';

/** The list as shown and kassoren.index as stored: [{id, title}] each. */
async function listAndIndex(app) {
  const shown = (await app.reportEntries()).map(({ id, title }) => ({ id, title }));
  const stored = (await app.storedIndex()).map(({ id, title }) => ({ id, title }));
  return { shown, stored };
}

test('copy, rename and delete in "Mina rapporter": the list and kassoren.index follow', async () => {
  const app = await env.open();
  await app.openReportList();
  assert.deepEqual(await app.reportEntries(), [{ id: 'exempel', title: EXAMPLE_TITLE, current: true }]);
  // The open report cannot be "opened" again.
  assert.ok(await app.reportButton('exempel', 'Öppna').isDisabled());

  // --- copy: a new entry, opened -----------------------------------------------------------------
  await app.copyReport('exempel');
  let copyId;
  await eventually(async () => {
    const entries = await app.reportEntries();
    assert.equal(entries.length, 2);
    const copy = entries.find((e) => e.id !== 'exempel');
    assert.ok(copy);
    copyId = copy.id;
    assert.equal(copy.title, `Kopia av ${EXAMPLE_TITLE}`);
    assert.ok(copy.current, 'kopian ska vara öppen');
  });
  await app.waitSaved();
  await eventually(async () => {
    const { shown, stored } = await listAndIndex(app);
    assert.deepEqual(stored, shown);
    assert.equal(await app.currentId(), copyId);
  });
  // The same content; the copy is a document of its own (a new id), never taken for the other's copy.
  const [copy, original] = [await app.storedReport(copyId), await app.storedReport('exempel')];
  assert.notEqual(copy.lineage.document_id, original.lineage.document_id);
  delete copy.lineage;
  delete original.lineage;
  assert.deepEqual(copy, original);

  // --- rename: the title field, committed by its change event ------------------------------------
  const input = app.reportTitleInput(copyId);
  await input.fill('Budgetförslag 2025 – utkast');
  await input.press('Tab'); // change
  await eventually(async () => {
    const { shown, stored } = await listAndIndex(app);
    assert.deepEqual(shown, [
      { id: 'exempel', title: EXAMPLE_TITLE },
      { id: copyId, title: 'Budgetförslag 2025 – utkast' },
    ]);
    assert.deepEqual(stored, shown);
  });
  // Surrounding spaces are trimmed.
  const renamed = app.reportTitleInput(copyId);
  await renamed.fill('  Budget  ');
  await renamed.dispatchEvent('change');
  await eventually(async () =>
    assert.equal((await app.storedIndex()).find((e) => e.id === copyId).title, 'Budget'),
  );

  // --- delete the other one (not open): "Avbryt" first keeps it ----------------------------------
  const confirm = await app.askDeleteReport('exempel');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /Ta bort "Exempel: Friluftsföreningen Tresjöleden 2025"\? En kopia sparas under Tidigare versioner/);
  await app.answer(confirm, 'Avbryt');
  await confirm.waitFor({ state: 'detached' });
  assert.equal((await app.storedIndex()).length, 2);

  // --- a third report, then delete the open one: another opens ----------------------------------
  await app.copyReport('exempel');
  let thirdId;
  await eventually(async () => {
    const entries = await app.reportEntries();
    assert.equal(entries.length, 3);
    thirdId = entries.find((e) => e.id !== 'exempel' && e.id !== copyId).id;
    assert.equal(await app.currentId(), thirdId);
  });
  await app.waitSaved();
  await app.deleteReport(thirdId);
  await eventually(async () => {
    const { shown, stored } = await listAndIndex(app);
    assert.deepEqual(
      shown.map((e) => e.id),
      ['exempel', copyId],
    );
    assert.deepEqual(stored, shown);
    const current = await app.currentId();
    assert.ok(['exempel', copyId].includes(current), `öppen: ${current}`);
    assert.ok((await app.reportEntries()).find((e) => e.id === current).current);
  });
  assert.equal(await app.storedReport(thirdId), null, 'den borttagna årsredovisningen finns kvar i localStorage');

  // --- delete the example while the copy is open ------------------------------------------------
  if ((await app.currentId()) !== copyId) {
    await app.reportButton(copyId, 'Öppna').click();
    await app.openReportList();
  }
  await app.deleteReport('exempel');
  await eventually(async () => {
    const { shown, stored } = await listAndIndex(app);
    assert.deepEqual(shown, [{ id: copyId, title: 'Budget' }]);
    assert.deepEqual(stored, shown);
    assert.equal(await app.currentId(), copyId);
  });
  assert.equal(await app.storedReport('exempel'), null);

  // After a reload the list is the same.
  await app.reload();
  await app.openReportList();
  assert.deepEqual(await app.reportEntries(), [{ id: copyId, title: 'Budget', current: true }]);
  app.assertClean();
});

test('a report deleted at once after an edit (its autosave still pending) stays deleted', async () => {
  const app = await env.open();
  await app.openReportList();
  await app.copyReport('exempel');
  let copyId;
  await eventually(async () => {
    const entries = await app.reportEntries();
    assert.equal(entries.length, 2);
    copyId = entries.find((e) => e.id !== 'exempel').id;
  }, { interval: 5 });
  // An edit in the copy, then at once "Ja, ta bort" on it while its save is pending. The edit is
  // typed with the question already open, and answered in the same moment, so that a slow
  // machine cannot let the autosave (400 ms) run in between.
  await app.closeDialog();
  await app.openPart('Resultaträkning');
  await app.cell('medlemsavgifter', 0).waitFor();
  await app.openReportList();
  const confirm = await app.askDeleteReport(copyId);
  await app.answerButton(confirm, 'Ja, ta bort').waitFor();
  const status = await app.typeAndDeleteAtOnce(copyId, { line: 'medlemsavgifter', year: 0, text: '140 001' });
  assert.equal(status, 'Sparar…', 'förutsättning: ändringen var ännu inte sparad när kopian togs bort');

  await new Promise((r) => setTimeout(r, 800)); // past the autosave delay
  await app.waitSaved();
  assert.equal(await app.currentId(), 'exempel');
  assert.deepEqual(
    (await app.reportEntries()).map((e) => e.id),
    ['exempel'],
    'den borttagna årsredovisningen är tillbaka i listan',
  );
  assert.deepEqual(
    (await app.storedIndex()).map((e) => e.id),
    ['exempel'],
    `den borttagna årsredovisningen är tillbaka i ${STORAGE.index}`,
  );
  assert.equal(await app.storedReport(copyId), null, 'den borttagna årsredovisningen sparades igen');
  app.assertClean();
});
