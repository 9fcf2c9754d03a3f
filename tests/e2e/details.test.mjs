// Detail rows: an input line of the resultaträkning split into detail rows; the line's total is
// their sum, and the sums above follow; removing the last row leaves a plain, empty line.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, ids, reportLine } from './kassoren.mjs';

const env = useApp();

const LINE = 'medlemsavgifter';
const OWN = 131650; // 2025
const OWN_PREV = 124300; // 2024
const INTAKTER = 2125020; // summa intäkter 2025

test('"Dela upp posten i detaljrader": the line total is the sum of its detail rows; removing the last leaves no stale amount', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue(LINE, 0), formatAmount(OWN));
  assert.equal(await app.detailRows().count(), 3, 'exemplets detaljrader (gåvor och bidrag)');

  // --- split: the line's own amounts move to the first detail row -----------------------------
  const split = app.splitButton(LINE);
  assert.equal(await split.count(), 1);
  await split.click();
  let rows;
  await eventually(async () => {
    rows = await app.detailRowIds(LINE);
    assert.equal(rows.length, 1);
    // The line shows computed totals now, not input cells.
    assert.equal(await app.cell(LINE, 0).count(), 0);
    assert.equal(await app.computedValue(LINE, 0), OWN);
    assert.equal(await app.computedValue(LINE, 1), OWN_PREV);
  });
  assert.equal(await app.detailCell(LINE, rows[0], 0).inputValue(), formatAmount(OWN));
  assert.equal(await app.detailCell(LINE, rows[0], 1).inputValue(), formatAmount(OWN_PREV));
  assert.equal(await app.computedValue('intakter', 0), INTAKTER);

  // --- a second detail row -----------------------------------------------------------------
  await app.addDetailRow(LINE);
  await eventually(async () => {
    rows = await app.detailRowIds(LINE);
    assert.equal(rows.length, 2);
  });
  // The detail rows come right after their line, one level deeper.
  const order = await app.statementRowKeys();
  const at = order.indexOf(LINE);
  assert.ok(order[at + 1].startsWith(ids.detailCell(LINE, rows[0], '')), JSON.stringify(order.slice(at, at + 4)));
  assert.ok(order[at + 2].startsWith(ids.detailCell(LINE, rows[1], '')), JSON.stringify(order.slice(at, at + 4)));

  // --- amounts in both rows, key by key: the line and the sums above follow --------------------
  await app.label(rows[0]).fill('Ordinarie medlemmar');
  await app.label(rows[1]).fill('Familjemedlemmar');
  const first = app.detailCell(LINE, rows[0], 0);
  await app.selectAll(first);
  await app.type('100000');
  assert.equal((await app.active()).id, ids.detailCell(LINE, rows[0], 0), 'fokus tappades i detaljraden');
  await app.detailCell(LINE, rows[1], 0).click();
  await app.type('35 500');
  assert.equal((await app.active()).id, ids.detailCell(LINE, rows[1], 0), 'fokus tappades i detaljraden');
  await eventually(async () => {
    assert.equal(await app.computedValue(LINE, 0), 135500);
    assert.equal(await app.computedValue('intakter', 0), INTAKTER - OWN + 135500);
    assert.equal(await app.computedValue(LINE, 1), OWN_PREV); // the second row is empty in 2024
    assert.equal(await app.computedText(LINE, 0), formatAmount(135500));
    assert.equal((await app.previewAmounts(LINE))[0], formatAmount(135500));
  });

  // --- remove the first row: the total is the second row's ------------------------------------
  await app.removeDetailRow(rows[0]);
  await eventually(async () => {
    assert.deepEqual(await app.detailRowIds(LINE), [rows[1]]);
    assert.equal(await app.computedValue(LINE, 0), 35500);
    assert.equal(await app.computedValue(LINE, 1), 0);
    assert.equal(await app.computedValue('intakter', 0), INTAKTER - OWN + 35500);
  });

  // --- remove the last one: a plain, empty input line again (no stale amount) ----------------
  await app.removeDetailRow(rows[1]);
  await eventually(async () => {
    assert.deepEqual(await app.detailRowIds(LINE), []);
    assert.equal(await app.cell(LINE, 0).count(), 1);
    assert.equal(await app.cellValue(LINE, 0), '');
    assert.equal(await app.computedValue('intakter', 0), INTAKTER - OWN);
  });
  // The split button is back.
  assert.equal(await app.splitButton(LINE).count(), 1);

  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  const line = reportLine(stored, LINE);
  assert.deepEqual(line.kind.input.details ?? [], []);
  assert.deepEqual(line.kind.input.amounts, [null, null]);
  app.assertClean();
});
