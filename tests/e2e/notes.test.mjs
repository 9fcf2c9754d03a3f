// Note tables in the Noter part: add a row and a column, type amounts, the sum row follows (in
// the editor and the preview), remove the column and the row.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, ids } from './kassoren.mjs';

const env = useApp();

const NOTE = 'n-intakter';
const SUM_ROW = 'ni-summa';
const COLUMNS = ['ni-c2025', 'ni-c2024', 'ni-c2023', 'ni-c2022'];
// Summa intäkter per column in the example's note.
const SUMS = [2125020, 1898300, 1590050, 1398050];

function previewSums(app) {
  return app.previewNoteAmounts(NOTE, SUM_ROW);
}

test('a note table: a new row and column, amounts typed in, the sum row follows; the column is removed', async () => {
  const app = await env.open();
  await app.openPart('Noter');
  const editor = app.noteEditor(NOTE);
  await editor.waitFor();
  const rows = await app.noteRowIds(NOTE);
  assert.equal(rows.at(-1), SUM_ROW);
  assert.deepEqual(await app.noteColumnIds(NOTE), COLUMNS);
  assert.deepEqual(
    (await app.noteSumTexts(NOTE, SUM_ROW)).map((t) => t),
    SUMS.map(formatAmount),
  );
  assert.deepEqual(await previewSums(app), SUMS.map(formatAmount));

  // --- a row: added above the sum row --------------------------------------------------------
  await app.addNoteRow(NOTE);
  let newRow;
  await eventually(async () => {
    const now = await app.noteRowIds(NOTE);
    assert.equal(now.length, rows.length + 1);
    newRow = now.find((r) => !rows.includes(r));
    assert.ok(newRow);
    assert.deepEqual(now.slice(-2), [newRow, SUM_ROW], 'den nya raden ska stå före summaraden');
  });
  // Every column has an empty cell in it.
  for (const c of COLUMNS) assert.equal(await app.noteCell(NOTE, newRow, c).inputValue(), '');

  // --- a column --------------------------------------------------------------------------------
  await app.addNoteColumn(NOTE);
  let newCol;
  await eventually(async () => {
    const now = await app.noteColumnIds(NOTE);
    assert.equal(now.length, COLUMNS.length + 1);
    newCol = now.at(-1);
    assert.ok(!COLUMNS.includes(newCol));
  });
  await eventually(async () => {
    // The sum row has a (still empty) computed cell for it; item rows an input.
    assert.equal((await app.noteSumTexts(NOTE, SUM_ROW)).length, COLUMNS.length + 1);
    assert.equal(await app.noteCell(NOTE, 'ni-medl', newCol).count(), 1);
    assert.equal(await app.noteCell(NOTE, newRow, newCol).count(), 1);
    assert.equal((await previewSums(app)).length, COLUMNS.length + 1);
  });
  await app.noteColumnHeader(newCol).fill('2021');
  await eventually(async () =>
    assert.match(await app.previewNoteHead(NOTE).textContent(), /2021/),
  );

  // --- amounts: typed key by key into the new row, year 2025 and the new column ---------------
  await app.noteRowLabel(newRow).fill('Sponsring');
  const cell = app.noteCell(NOTE, newRow, 'ni-c2025');
  await cell.click();
  await app.type('12 500');
  assert.equal((await app.active()).id, ids.noteCell(NOTE, newRow, 'ni-c2025'), 'fokus tappades i cellen');
  await eventually(async () => {
    const sums = await app.noteSumTexts(NOTE, SUM_ROW);
    assert.equal(sums[0], formatAmount(SUMS[0] + 12500));
    assert.equal(sums[1], formatAmount(SUMS[1]));
    assert.equal((await previewSums(app))[0], formatAmount(SUMS[0] + 12500));
  });
  assert.equal(await cell.inputValue(), '12 500', 'cellen visar det som skrevs');
  await app.noteCell(NOTE, 'ni-medl', newCol).fill('100 000');
  await app.noteCell(NOTE, newRow, newCol).fill('7 000');
  await eventually(async () => {
    assert.equal((await app.noteSumTexts(NOTE, SUM_ROW))[COLUMNS.length], formatAmount(107000));
    assert.equal((await previewSums(app))[COLUMNS.length], formatAmount(107000));
  });
  // The preview shows the new row with its label and amount.
  assert.match(
    await app.previewNoteRow(NOTE, newRow).textContent(),
    /Sponsring\s*12\u00a0500/,
  );
  // The table's sum no longer ties out to Summa intäkter in the resultaträkning.
  await eventually(async () => assert.ok((await app.problemCodes()).includes('note_tie_out')));
  await app.openPart('Noter');

  // --- remove the column -----------------------------------------------------------------------
  await app.removeNoteColumn(newCol);
  await eventually(async () => {
    assert.deepEqual(await app.noteColumnIds(NOTE), COLUMNS);
    assert.equal(await app.noteCell(NOTE, newRow, newCol).count(), 0);
    assert.deepEqual(await app.noteSumTexts(NOTE, SUM_ROW), [
      formatAmount(SUMS[0] + 12500),
      ...SUMS.slice(1).map(formatAmount),
    ]);
    assert.deepEqual(await previewSums(app), [formatAmount(SUMS[0] + 12500), ...SUMS.slice(1).map(formatAmount)]);
  });
  assert.doesNotMatch(await app.previewNoteHead(NOTE).textContent(), /2021/);

  // --- remove the row: back to the example's sums, the tie-out error is gone -------------------
  await app.removeNoteRow(newRow);
  await eventually(async () => {
    assert.deepEqual(await app.noteRowIds(NOTE), rows);
    assert.deepEqual(await app.noteSumTexts(NOTE, SUM_ROW), SUMS.map(formatAmount));
    assert.deepEqual(await previewSums(app), SUMS.map(formatAmount));
  });
  await eventually(async () => assert.match((await app.checkCounts()).text, / 0 fel/));

  // The stored report has the table as it was.
  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  const table = stored.notes.find((n) => n.id === NOTE).table;
  assert.deepEqual(
    table.columns.map((c) => c.id),
    COLUMNS,
  );
  assert.deepEqual(
    table.rows.map((r) => r.id),
    rows,
  );
  app.assertClean();
});
