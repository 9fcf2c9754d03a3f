// Issue 14: a real association's report fits without workarounds. A new ideell förening's
// report re-entered with its own structure (inbetalda insatser, a heading with its subtotal,
// detail rows, "Inga" under the balansräkning), figures the program knows filled in, a cost
// note in positive amounts, a mistyped amount that never reaches the printout, and the draft
// question before printing with errors open.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, reportLine } from './kassoren.mjs';

const env = useApp();

/** The text of a row of the printout (tags stripped, spaces collapsed). */
function rowText(html, id) {
  const m = new RegExp(`<tr id="${id}"[^>]*>(.*?)</tr>`, 's').exec(html);
  assert.ok(m, `raden ${id} saknas i utskriften`);
  return m[1].replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

test('a real report fits: insatser, a heading with its subtotal, detail rows, "Inga" under the balansräkning — and the printout says so', async () => {
  const app = await env.open();
  // The club chose an årsredovisning (K2): it has a förvaltningsberättelse with a
  // resultatdisposition (a förenklat årsbokslut, an ideell förening's default, has neither).
  await app.newReport({ name: 'Schackklubben Löparen', form: 'ideell-forening', document: 'arsredovisning-k2' });
  assert.equal(await app.documentType(), 'Årsredovisning');

  // Resultaträkningen: membership fees split into detail rows; costs.
  await app.openPart('Resultaträkning');
  await app.splitButton('medlemsavgifter').click();
  let rows;
  await eventually(async () => {
    rows = await app.detailRowIds('medlemsavgifter');
    assert.equal(rows.length, 1);
  });
  await app.addDetailRow('medlemsavgifter');
  await eventually(async () => {
    rows = await app.detailRowIds('medlemsavgifter');
    assert.equal(rows.length, 2);
  });
  await app.label(rows[0]).fill('Seniorer');
  await app.label(rows[1]).fill('Juniorer');
  await app.detailCell('medlemsavgifter', rows[0], 0).fill('80 000');
  await app.detailCell('medlemsavgifter', rows[1], 0).fill('40 000');
  await app.detailCell('medlemsavgifter', rows[0], 1).fill('110 000');
  await app.typeAmount('verksamhetskostnader', 0, '-50 000');
  await app.typeAmount('verksamhetskostnader', 1, '-60 000');

  // Balansräkningen: the template has "Inbetalda insatser"; årets resultat is not typed.
  await app.openPart('Balansräkning');
  await app.typeAmount('inbetalda_insatser', 0, '30 000');
  await app.typeAmount('inbetalda_insatser', 1, '30 000');
  await app.typeAmount('balanserat_resultat', 0, '150 000');
  await app.typeAmount('balanserat_resultat', 1, '100 000');
  // A heading of the association's own, with its subtotal, and Kassa och bank under it.
  const heading = await app.addUnder('tillgangar', 'rubrik', 'Omsättningstillgångar');
  await app.rowMenuAction('kassa_och_bank', 'Flytta ner');
  await app.rowMenuAction('kassa_och_bank', 'Lägg under rubriken ovanför');
  await app.typeAmount('kassa_och_bank', 0, '250 000');
  await app.typeAmount('kassa_och_bank', 1, '180 000');
  // A prescribed line offers no removal; the added heading does.
  assert.ok(!(await app.rowMenuActions('balanserat_resultat')).includes('Ta bort raden'));
  assert.ok((await app.rowMenuActions(heading)).some((a) => a.startsWith('Ta bort rubriken')));
  assert.deepEqual(await app.offBalance('pledged'), { label: 'Ställda säkerheter', text: 'Inga' });

  // Nothing typed twice: årets resultat in the balansräkning is the resultaträkning's, so the
  // balansräkning balances and the disposition adds up without another figure.
  await eventually(async () => {
    assert.equal((await app.previewAmounts('arets_resultat_balans'))[0], formatAmount(70000));
    assert.deepEqual(await app.previewAmounts('tillgangar', { sum: true }), [formatAmount(250000), formatAmount(180000)]);
    assert.deepEqual(await app.previewAmounts(heading, { sum: true }), [formatAmount(250000), formatAmount(180000)]);
  });
  const codes = await app.problemCodes();
  for (const code of ['balance_sheet_unbalanced', 'result_mismatch', 'appropriation_mismatch', 'structure_changed']) {
    assert.ok(!codes.includes(code), `${code} bland ${codes.join(', ')}`);
  }

  // The printout.
  const { text: html } = await app.downloadPrintout();
  assert.match(rowText(html, 'line-inbetalda_insatser'), /^Inbetalda insatser 30 000 30 000$/);
  assert.match(rowText(html, `line-${heading}`), /^Omsättningstillgångar$/);
  assert.match(rowText(html, `line-${heading}-sum`), /^Summa omsättningstillgångar 250 000 180 000$/);
  assert.match(rowText(html, `detail-medlemsavgifter-${rows[0]}`), /^Seniorer 80 000 110 000$/);
  assert.match(rowText(html, `detail-medlemsavgifter-${rows[1]}`), /^Juniorer 40 000$/);
  assert.match(rowText(html, 'line-arets_resultat_balans'), /^Årets över-\/underskott 70 000 50 000$/);
  assert.match(html, /Ställda säkerheter<\/td><td class="text">Inga</);
  assert.match(html, /Eventualförpliktelser<\/td><td class="text">Inga</);
  // Balanseras i ny räkning: what is at the meeting's disposal, computed.
  assert.match(rowText(html, 'proposal-balanseras'), /^balanseras i ny räkning 220 000/);

  // The structure travels in the file.
  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  assert.deepEqual(
    reportLine(stored, heading).kind.group.children.map((c) => c.id),
    ['kassa_och_bank'],
  );
  app.assertClean();
});

test('a cost note in positive amounts ties out once it says so, and the check says which convention it uses', async () => {
  const app = await env.open();
  const NOTE = 'n-kostnader';
  await app.openPart('Noter');
  await app.setNoteSign(NOTE, 'positive');
  await eventually(async () => {
    const problems = await app.problems();
    const tie = problems.find((p) => p.code === 'note_tie_out');
    assert.ok(tie, JSON.stringify(problems));
    assert.match(tie.text, /som positiva tal/);
  });
  // The note's amounts as real reports print them: costs as positive numbers.
  await app.openPart('Noter');
  const columns = (await app.noteColumnIds(NOTE)).slice(0, 2);
  for (const row of await app.noteRowIds(NOTE)) {
    for (const column of columns) {
      const cell = app.noteCell(NOTE, row, column);
      if (!(await cell.count())) continue;
      const value = await cell.inputValue();
      if (value.startsWith('−') || value.startsWith('-')) await cell.fill(value.slice(1));
    }
  }
  await eventually(async () => {
    const codes = await app.problemCodes();
    assert.ok(!codes.includes('note_tie_out'), codes.join(', '));
  });
  const { text: html, asked } = await app.downloadPrintout();
  assert.equal(asked, null, 'the example with a tied-out note has no errors');
  assert.ok(!html.includes('UTKAST'));
  assert.ok(
    html.includes(`Personalkostnader</td><td class="amount">${formatAmount(1146250)}<`),
    'personalkostnaderna som positivt belopp i noten',
  );
  app.assertClean();
});

test('"61 9OO" is listed first with its place, printed as typed and never as 619, undone, and kept over a reload', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  await app.typeAmount('forsaljningsintakter', 0, '61 9OO');
  const problems = await app.problems();
  assert.equal(problems[0].code, 'invalid_amount', JSON.stringify(problems.slice(0, 3)));
  assert.match(problems[0].text, /^FelOgiltigt belopp i Försäljning av kartor och guideböcker, 2025: "61 9OO"/);

  await eventually(async () => {
    const shown = await app.previewAmounts('forsaljningsintakter');
    assert.match(shown[0], /61 9OO/);
    assert.doesNotMatch(shown[0], /^619$/);
  });
  const { text: html, asked } = await app.downloadPrintout();
  assert.match(asked ?? '', /^Rapporten har \d+ fel — ladda ner ändå\?$/);
  const row = rowText(html, 'line-forsaljningsintakter');
  assert.match(row, /61 9OO/);
  assert.doesNotMatch(row, /(^|\s)619(\s|$)/);
  assert.match(html, /UTKAST/);

  // Undo gives the amount back; redo the mistyped text again.
  await app.openPart('Resultaträkning');
  await app.undo();
  await eventually(async () => {
    assert.equal(await app.cellValue('forsaljningsintakter', 0), formatAmount(61900));
  });
  await app.redo();
  await eventually(async () => {
    assert.equal(await app.cellValue('forsaljningsintakter', 0), '61 9OO');
  });

  // The file keeps what was typed; a reload shows it marked again.
  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  assert.deepEqual(stored.invalid_amounts, [
    { place: { kind: 'line', line: 'forsaljningsintakter', year: 0 }, text: '61 9OO' },
  ]);
  await app.reload();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('forsaljningsintakter', 0), '61 9OO');
  assert.equal(await app.cell('forsaljningsintakter', 0).getAttribute('aria-invalid'), 'true');
  app.assertClean();
});

test('"Skriv ut" with errors open asks first; "Avbryt" prints nothing', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-1');
  await app.toolbarButton('Skriv ut').click();
  const question = app.draftQuestion();
  await question.waitFor();
  assert.match(await question.locator('h2').innerText(), /^Rapporten har \d+ fel — skriva ut ändå\?$/);
  await eventually(async () => {
    assert.equal(await app.page.evaluate(() => document.activeElement?.textContent), 'Skriv ut som utkast');
  });
  await question.getByRole('button', { name: 'Avbryt' }).click();
  await question.waitFor({ state: 'detached' });
  app.assertClean();
});
