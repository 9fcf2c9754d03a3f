// Detail rows: an input line of the resultaträkning split into detail rows; the line's total is
// their sum, and the sums above follow; removing the rows gives the line back its own amount.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();

const LINE = 'medlemsavgifter';
const OWN = 131650; // 2025
const OWN_PREV = 124300; // 2024
const INTAKTER = 2125020; // summa intäkter 2025

test('"Dela upp posten i detaljrader": the line total is the sum of its detail rows; removing them keeps the sum', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue(LINE, 0), formatAmount(OWN));
  assert.equal(await app.page.locator('main#editor tr.detail-row').count(), 3, 'exemplets detaljrader (gåvor och bidrag)');

  // --- split: the line's own amounts move to the first detail row -----------------------------
  const split = app.lineRow(LINE).getByRole('button', { name: 'Dela upp posten i detaljrader' });
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
  await app.lineRow(LINE).getByRole('button', { name: 'Lägg till en detaljrad' }).click();
  await eventually(async () => {
    rows = await app.detailRowIds(LINE);
    assert.equal(rows.length, 2);
  });
  // The detail rows come right after their line, one level deeper.
  const order = await app.page
    .locator('main#editor table.statement-editor tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.dataset.line ?? tr.querySelector('input.money')?.id ?? ''));
  const at = order.indexOf(LINE);
  assert.ok(order[at + 1].startsWith(`cell-${LINE}-${rows[0]}-`), JSON.stringify(order.slice(at, at + 4)));
  assert.ok(order[at + 2].startsWith(`cell-${LINE}-${rows[1]}-`), JSON.stringify(order.slice(at, at + 4)));

  // --- amounts in both rows, key by key: the line and the sums above follow --------------------
  await app.page.locator(`input#label-${rows[0]}`).fill('Ordinarie medlemmar');
  await app.page.locator(`input#label-${rows[1]}`).fill('Familjemedlemmar');
  const first = app.detailCell(LINE, rows[0], 0);
  await first.click();
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('100000');
  assert.equal((await app.active()).id, `cell-${LINE}-${rows[0]}-0`, 'fokus tappades i detaljraden');
  await app.detailCell(LINE, rows[1], 0).click();
  await app.page.keyboard.type('35 500');
  assert.equal((await app.active()).id, `cell-${LINE}-${rows[1]}-0`, 'fokus tappades i detaljraden');
  await eventually(async () => {
    assert.equal(await app.computedValue(LINE, 0), 135500);
    assert.equal(await app.computedValue('intakter', 0), INTAKTER - OWN + 135500);
    assert.equal(await app.computedValue(LINE, 1), OWN_PREV); // the second row is empty in 2024
    assert.equal(await app.computedText(LINE, 0), formatAmount(135500));
    assert.equal((await app.previewAmounts(`line-${LINE}`))[0], formatAmount(135500));
  });

  // --- remove the first row: the total is the second row's ------------------------------------
  await app.page
    .locator('main#editor tr.detail-row', { has: app.page.locator(`input#label-${rows[0]}`) })
    .getByRole('button', { name: 'Ta bort detaljraden' })
    .click();
  await eventually(async () => {
    assert.deepEqual(await app.detailRowIds(LINE), [rows[1]]);
    assert.equal(await app.computedValue(LINE, 0), 35500);
    assert.equal(await app.computedValue(LINE, 1), 0);
    assert.equal(await app.computedValue('intakter', 0), INTAKTER - OWN + 35500);
  });

  // --- remove the last one: a plain input line again, with the rows' sum -----------------------
  await app.page
    .locator('main#editor tr.detail-row', { has: app.page.locator(`input#label-${rows[1]}`) })
    .getByRole('button', { name: 'Ta bort detaljraden' })
    .click();
  await eventually(async () => {
    assert.deepEqual(await app.detailRowIds(LINE), []);
    assert.equal(await app.cell(LINE, 0).count(), 1);
    assert.equal(await app.cellValue(LINE, 0), formatAmount(35500));
    assert.equal(await app.computedValue('intakter', 0), INTAKTER - OWN + 35500);
    assert.equal((await app.previewAmounts(`line-${LINE}`))[0], formatAmount(35500));
  });
  // The split button is back.
  assert.equal(await app.lineRow(LINE).getByRole('button', { name: 'Dela upp posten i detaljrader' }).count(), 1);

  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  const find = (lines) => {
    for (const l of lines) {
      if (l.id === LINE) return l;
      const kids = l.kind.group?.children;
      const hit = kids && find(kids);
      if (hit) return hit;
    }
    return null;
  };
  const line = find(stored.income_statement.lines);
  assert.deepEqual(line.kind.input.details ?? [], []);
  assert.equal(line.kind.input.amounts[0], '35500');
  app.assertClean();
});
