// Typing an amount recomputes everything: sums, results, the equity changes, the preview and the
// checks; bad input is refused without touching the totals.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, ids } from './kassoren.mjs';

const env = useApp();

// The example report, fiscal year 2025 (year 0).
const COST = 'verksamhetskostnader';
const ORIGINAL = {
  cost: -598640,
  kostnader: -2093910,
  verksamhetensResultat: 31110,
  aretsResultat: 40980,
  egetKapital: 533820,
  egetKapitalOchSkulder: 955000,
  tillgangar: 955000,
};

test('a new amount in the resultaträkning updates sums, results, balansräkning, equity table, preview and checks', async () => {
  const app = await env.open();
  assert.equal((await app.checkCounts()).errors, 0);

  // --- resultaträkning: a cost line, 2025 --------------------------------------------------
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue(COST, 0), formatAmount(ORIGINAL.cost));
  assert.equal(await app.computedValue('kostnader', 0), ORIGINAL.kostnader);
  assert.equal(await app.computedValue('arets_resultat', 0), ORIGINAL.aretsResultat);

  await app.typeAmount(COST, 0, '-600 000');
  const delta = -600000 - ORIGINAL.cost; // −1 360
  await eventually(async () => {
    assert.equal(await app.computedValue('kostnader', 0), ORIGINAL.kostnader + delta);
    assert.equal(await app.computedValue('verksamhetens_resultat', 0), ORIGINAL.verksamhetensResultat + delta);
    assert.equal(await app.computedValue('arets_resultat', 0), ORIGINAL.aretsResultat + delta);
  });
  // The sums are shown the Swedish way.
  assert.equal(await app.computedText('kostnader', 0), formatAmount(ORIGINAL.kostnader + delta));
  // The comparison year is untouched.
  assert.equal(await app.computedValue('arets_resultat', 1), -19540);
  // The cell shows the formatted amount once left.
  assert.equal(await app.cellValue(COST, 0), formatAmount(-600000));

  // --- the preview: U+00A0 thousands separators, U+2212 minus ---------------------------------
  await eventually(async () => {
    assert.equal((await app.previewAmounts(COST))[0], '\u2212600\u00a0000');
    assert.equal((await app.previewAmounts('kostnader', { sum: true }))[0], formatAmount(ORIGINAL.kostnader + delta));
    assert.equal((await app.previewAmounts('arets_resultat'))[0], '39\u00a0620');
  });

  // --- a check error: the resultaträkning's result no longer matches the balansräkning's -----
  await eventually(async () => {
    const counts = await app.checkCounts();
    assert.ok(counts.errors >= 1, `kontrollräknaren: ${counts.text}`);
  });
  assert.ok((await app.problemCodes()).includes('result_mismatch'), 'result_mismatch saknas i Kontroller');
  const mismatch = app.problemItem('result_mismatch', { error: true });
  assert.equal(await mismatch.count(), 1);

  // --- förvaltningsberättelse: förändringar i eget kapital ------------------------------------
  await app.openPart('Förvaltningsberättelse');
  await app.equityTable().waitFor();
  const yearResult = await app.equityRow('year-result');
  assert.equal(yearResult.at(-1), formatAmount(ORIGINAL.aretsResultat + delta), `årets resultat: ${yearResult}`);
  const closing = await app.equityRow('closing');
  assert.equal(closing.at(-1), formatAmount(ORIGINAL.egetKapital + delta), `utgående: ${closing}`);

  // --- typed back: the error disappears ---------------------------------------------------
  await app.openPart('Resultaträkning');
  await app.typeAmount(COST, 0, '−598 640');
  await eventually(async () => {
    assert.equal(await app.computedValue('arets_resultat', 0), ORIGINAL.aretsResultat);
    assert.match((await app.checkCounts()).text, / 0 fel/);
  });
  assert.ok(!(await app.problemCodes()).includes('result_mismatch'));
  await eventually(async () =>
    assert.equal((await app.previewAmounts('arets_resultat'))[0], formatAmount(ORIGINAL.aretsResultat)),
  );

  // --- balansräkning: its computed sums follow its inputs, the balance check follows them ----
  await app.openPart('Balansräkning');
  assert.equal(await app.computedValue('eget_kapital', 0), ORIGINAL.egetKapital);
  await app.typeAmount('arets_resultat_balans', 0, '39 620');
  await eventually(async () => {
    assert.equal(await app.computedValue('eget_kapital', 0), ORIGINAL.egetKapital + delta);
    assert.equal(await app.computedValue('eget_kapital_och_skulder', 0), ORIGINAL.egetKapitalOchSkulder + delta);
    assert.equal(await app.computedValue('tillgangar', 0), ORIGINAL.tillgangar);
    assert.equal((await app.previewAmounts('eget_kapital', { sum: true }))[0], formatAmount(ORIGINAL.egetKapital + delta));
  });
  let codes = await app.problemCodes();
  assert.ok(codes.includes('balance_sheet_unbalanced'), `koder: ${codes}`);
  assert.ok(codes.includes('result_mismatch'), `koder: ${codes}`);
  await app.openPart('Balansräkning');
  await app.typeAmount('arets_resultat_balans', 0, '40980');
  await eventually(async () => {
    assert.equal(await app.computedValue('eget_kapital_och_skulder', 0), ORIGINAL.egetKapitalOchSkulder);
    assert.match((await app.checkCounts()).text, / 0 fel/);
  });
  codes = await app.problemCodes();
  assert.ok(!codes.includes('balance_sheet_unbalanced') && !codes.includes('result_mismatch'), `koder: ${codes}`);
  app.assertClean();
});

test('a bad amount is marked invalid with a Swedish message, counts as empty and is listed first', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const cell = app.cell(COST, 0);
  assert.equal(await cell.getAttribute('aria-invalid'), 'false');
  const previewBefore = await app.previewAmounts('kostnader', { sum: true });

  await app.typeAmount(COST, 0, '12a', { blur: false });
  await eventually(async () => assert.equal(await cell.getAttribute('aria-invalid'), 'true'));
  const error = app.cellError(COST, 0);
  assert.equal(await error.count(), 1, 'felmeddelandet saknas');
  assert.ok(await app.hasClass(error, 'cell-error'));
  assert.ok(await error.isVisible());
  const message = await error.innerText();
  assert.match(message, /12a/);
  assert.match(message, /inget belopp/, `meddelandet: ${message}`);
  assert.equal(await cell.getAttribute('aria-describedby'), ids.fieldError(ids.cell(COST, 0)));
  // The text is kept as typed (not turned into 0, nor into the last valid amount): the cell
  // counts as empty until an amount is typed, and the checks name it first.
  assert.equal(await cell.inputValue(), '12a');
  await eventually(async () => {
    assert.equal(await app.computedValue('kostnader', 0), ORIGINAL.kostnader - ORIGINAL.cost);
    assert.notDeepEqual(await app.previewAmounts('kostnader', { sum: true }), previewBefore);
    assert.match((await app.previewAmounts(COST))[0], /12a/);
    assert.ok((await app.checkCounts()).errors >= 1);
  });
  // Leaving the cell keeps the bad text and the mark.
  await app.blur(cell);
  assert.equal(await cell.inputValue(), '12a');
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');

  // Escape restores the amount the cell held before the bad text.
  await cell.focus();
  await cell.press('Escape');
  await eventually(async () => {
    assert.equal(await cell.getAttribute('aria-invalid'), 'false');
    assert.equal(await cell.inputValue(), formatAmount(ORIGINAL.cost));
  });
  assert.equal(await error.count(), 0);
  app.assertClean();
});
