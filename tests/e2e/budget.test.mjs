// The budget the årsmöte votes on (issue 16): a small club's verksamhetsberättelse with "Budget
// <år>", "Avvikelse" and "Budget <år+1>" typed beside the outcome in the resultaträkning, summed
// and resulted like the outcome, in the preview and the downloaded printout; a mistyped budget
// kept and marked, never printed as a figure; an årsredovisning prints it only as a
// Budgetuppföljning after the signatures; SIE #PBUDGET fills it.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();

/** A row of the printout as text (tags stripped, spaces and minus signs plain). */
function rowText(html, id) {
  const m = new RegExp(`<tr id="${id}"[^>]*>(.*?)</tr>`, 's').exec(html);
  assert.ok(m, `raden ${id} saknas i utskriften`);
  return m[1].replace(/<[^>]*>/g, ' ').replace(/[\s\u00a0]+/g, ' ').replace(/\u2212/g, '-').trim();
}

test('a club types its budget beside the outcome: sums, result and Avvikelse in the editor, preview and printout', async () => {
  const app = await env.open();
  await app.newReport({ name: 'Schackklubben Löparen', document: 'verksamhetsberattelse' });
  await app.openPart('Resultaträkning');
  const [year, previous] = await app.statementYears();
  const next = String(Number(year) + 1);
  await app.typeAmount('medlemsavgifter', 0, '48 000');
  await app.typeAmount('medlemsavgifter', 1, '45 000');
  await app.typeAmount('verksamhetskostnader', 0, '-26 000');
  await app.typeAmount('verksamhetskostnader', 1, '-24 000');

  // Hidden until asked for; Avvikelse only with the budget.
  assert.equal(await app.budgetCell('medlemsavgifter', 'this').count(), 0);
  assert.equal(await app.deviationToggle().isDisabled(), true);
  await app.budgetToggle().check();
  await app.deviationToggle().check();
  assert.deepEqual(await app.statementHeadings(), [year, previous, `Budget ${year}`, 'Avvikelse', `Budget ${next}`]);
  assert.equal(
    await app.budgetCell('medlemsavgifter', 'next').getAttribute('aria-label'),
    `Medlemsavgifter, Budget ${next}`,
  );
  await app.typeBudget('medlemsavgifter', 'this', '50 000');
  await app.typeBudget('gavor_och_bidrag', 'this', '12 500');
  await app.typeBudget('verksamhetskostnader', 'this', '-30 000');
  await app.typeBudget('medlemsavgifter', 'next', '55 000');
  await app.typeBudget('verksamhetskostnader', 'next', '-31 000');

  // Worked out by hand: the budget's result 50 000 + 12 500 − 30 000 = 32 500; next year's
  // 55 000 − 31 000 = 24 000; Avvikelse = utfall − budget.
  await eventually(async () => {
    assert.equal(await app.budgetComputedText('arets_resultat', 'this'), formatAmount(32500));
    assert.equal(await app.budgetComputedText('arets_resultat', 'next'), formatAmount(24000));
    assert.equal(await app.budgetComputedText('arets_resultat', 'deviation'), formatAmount(-10500));
    assert.equal(await app.budgetComputedText('medlemsavgifter', 'deviation'), formatAmount(-2000));
    assert.equal(await app.budgetComputedText('verksamhetskostnader', 'deviation'), formatAmount(4000));
  });
  await eventually(async () => {
    assert.deepEqual(await app.previewHeadings('resultatrakning'), [
      `Utfall ${year}`,
      `Utfall ${previous}`,
      `Budget ${year}`,
      'Avvikelse',
      `Budget ${next}`,
    ]);
    assert.deepEqual(await app.previewAmounts('medlemsavgifter'), [48000, 45000, 50000, -2000, 55000].map(formatAmount));
    // A line with a budget and no outcome is printed.
    assert.deepEqual(await app.previewAmounts('gavor_och_bidrag'), [0, 0, 12500, -12500, 0].map(formatAmount));
    assert.deepEqual(await app.previewAmounts('arets_resultat'), [22000, 21000, 32500, -10500, 24000].map(formatAmount));
  });
  // The balansräkning has no budget.
  await app.openPart('Balansräkning');
  assert.deepEqual(await app.statementHeadings(), [year, previous]);

  const { text: html } = await app.downloadPrintout();
  assert.match(html, /<title>Verksamhetsberättelse \d{4} – Schackklubben Löparen<\/title>/);
  assert.ok(!html.includes('BFNAR'));
  assert.equal(rowText(html, 'line-medlemsavgifter'), 'Medlemsavgifter 48 000 45 000 50 000 -2 000 55 000');
  assert.equal(rowText(html, 'line-arets_resultat'), 'Årets över-/underskott 22 000 21 000 32 500 -10 500 24 000');

  // The budget is kept with the report.
  await app.waitSaved();
  await app.reload();
  await app.openPart('Resultaträkning');
  assert.equal(await app.budgetCell('medlemsavgifter', 'next').inputValue(), formatAmount(55000));
  assert.equal(await app.deviationToggle().isChecked(), true);
  app.assertClean();
});

test('a mistyped budget is kept as typed and marked, and never printed as a figure', async () => {
  const app = await env.open();
  await app.newReport({ name: 'Schackklubben Löparen', document: 'verksamhetsberattelse' });
  await app.openPart('Resultaträkning');
  await app.typeAmount('medlemsavgifter', 0, '48 000');
  await app.budgetToggle().check();
  await app.deviationToggle().check();
  await app.typeBudget('medlemsavgifter', 'this', '5O 000');
  const cell = app.budgetCell('medlemsavgifter', 'this');
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  assert.equal(await cell.inputValue(), '5O 000');
  // No deviation from a figure that is not one.
  assert.equal(await app.budgetComputedText('medlemsavgifter', 'deviation'), '');
  await eventually(async () => assert.ok((await app.problemCodes()).includes('invalid_amount')));
  await app.openPart('Resultaträkning');
  assert.equal(await app.budgetCell('medlemsavgifter', 'this').inputValue(), '5O 000');
  const { text: html, asked } = await app.downloadPrintout();
  assert.ok(asked, 'the draft question is asked');
  const row = rowText(html, 'line-medlemsavgifter');
  assert.match(row, /⚠ 5O 000/);
  assert.ok(!row.includes('50 000'), row);
  assert.match(html, /UTKAST/);
  app.assertClean();
});

test('in an årsredovisning the budget is a Budgetuppföljning after the signatures, never in the resultaträkning', async () => {
  const app = await env.open();
  await app.newReport({ name: 'Schackklubben Löparen', document: 'arsredovisning-k2' });
  await app.openPart('Resultaträkning');
  const [year] = await app.statementYears();
  await app.typeAmount('medlemsavgifter', 0, '48 000');
  await app.budgetToggle().check();
  await app.deviationToggle().check();
  assert.match(await app.page.locator('[data-testid=budget-toggles]').innerText(), /Budgetuppföljning, efter underskrifterna/);
  await app.typeBudget('medlemsavgifter', 'this', '50 000');
  await eventually(async () => {
    assert.deepEqual(await app.previewHeadings('resultatrakning'), [year, String(Number(year) - 1)]);
    // No line has next year's budget yet: that column is not printed.
    assert.deepEqual(await app.previewBudgetAmounts('medlemsavgifter'), [48000, 50000, -2000].map(formatAmount));
  });
  const toc = await app.previewToc();
  assert.deepEqual(toc.at(-1), { number: 'Bilaga', title: 'Budgetuppföljning', href: '#budgetuppfoljning' });
  const { text: html } = await app.downloadPrintout();
  assert.ok(html.indexOf('id="underskrifter"') < html.indexOf('id="budgetuppfoljning"'));
  assert.match(html, /ingår inte i årsredovisningen/);
  app.assertClean();
});

const PBUDGET = [
  '#FLAGGA 0',
  '#SIETYP 4',
  '#FNAMN "Ideella föreningen Skogsbrynet"',
  '#ORGNR 802000-0009',
  '#RAR 0 20250101 20251231',
  '#RAR -1 20240101 20241231',
  '#RAR 1 20260101 20261231',
  '#KONTO 1930 "Bank"',
  '#KONTO 2067 "Balanserat kapital"',
  '#KONTO 3890 "Medlemsavgifter"',
  '#KONTO 4500 "Material"',
  '#UB 0 1930 22000',
  '#UB 0 2067 0',
  '#RES 0 3890 -48000',
  '#RES 0 4500 26000',
  '#PBUDGET 0 202501 3890 {} -25000',
  '#PBUDGET 0 202507 3890 {} -25000',
  '#PBUDGET 0 202501 4500 {} 30000',
  '#PBUDGET 1 202601 3890 {} -55000',
  '',
].join('\n');

test('an SIE file\'s #PBUDGET fills this year\'s and next year\'s budget, summed over the periods', async () => {
  const app = await env.open();
  await app.chooseSieFile(Buffer.from(PBUDGET), 'skogsbrynet.se');
  await app.sieDialog().waitFor();
  assert.match(await app.sieDialog().innerText(), /budget 2025 och budget 2026 under Resultaträkningen/);
  await app.confirmSieImport();
  await app.openPart('Resultaträkning');
  assert.equal(await app.budgetToggle().isChecked(), true);
  assert.equal(await app.budgetCell('medlemsavgifter', 'this').inputValue(), formatAmount(50000));
  assert.equal(await app.budgetCell('medlemsavgifter', 'next').inputValue(), formatAmount(55000));
  assert.equal(await app.budgetCell('verksamhetskostnader', 'this').inputValue(), formatAmount(-30000));
  await eventually(async () => {
    assert.deepEqual(await app.previewAmounts('medlemsavgifter'), [48000, 0, 50000, 55000].map(formatAmount));
  });
  app.assertClean();
});

test('the five money columns fit: a 1440 px laptop edits them without sideways scrolling, no figure is cut, and the preview keeps the table inside its page', async () => {
  const app = await env.open();
  await app.setViewport(1440, 900);
  await app.chooseDocument('verksamhetsberattelse');
  await app.openPart('Resultaträkning');
  await app.budgetToggle().check();
  await app.deviationToggle().check();
  // Seven-digit figures in every column, negative ones the widest.
  await app.typeAmount('verksamhetskostnader', 0, '-1 146 250');
  await app.typeAmount('verksamhetskostnader', 1, '-1 098 400');
  await app.typeBudget('verksamhetskostnader', 'this', '-1 250 000');
  await app.typeBudget('verksamhetskostnader', 'next', '-1 310 000');
  await app.typeBudget('medlemsavgifter', 'this', '1 650 000');
  await eventually(async () => assert.equal(await app.budgetComputedText('verksamhetskostnader', 'deviation'), formatAmount(103750)));
  assert.equal(await app.editorOverflowX(), 0, 'the editor scrolls sideways');
  assert.equal(await app.cutFigures(), 0, 'a figure is cut in its field');
  await eventually(async () => assert.ok((await app.previewTableOverflow('resultatrakning')) <= 0.5));
  // A phone puts the budget on a row of its own: still nothing sideways, nothing cut.
  await app.setViewport(390, 844);
  await eventually(async () => assert.equal(await app.editorOverflowX(), 0));
  assert.equal(await app.cutFigures(), 0);
  app.assertClean();
});
