// "Importera SIE": a real SIE file from the bookkeeping fills the statements; the totals shown
// are the file's (summed by hand from the file, not taken from the program), the balansräkning
// balances, and a bad file changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { useApp } from './harness.mjs';
import { SIE_SAMPLES } from './kassoren.mjs';

const env = useApp();

test('a SIE file from BL Administration becomes a balanced aktiebolag report with the file\'s totals', async () => {
  const app = await env.open();
  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__BL0001_typ1.SE'));
  const dialog = app.sieDialog();
  // The example is open, so the file becomes a new report; the form comes from #FTYP AB.
  assert.match(await dialog.innerText(), /SEEE Speak Easy Executive English AB/);
  assert.match(await dialog.innerText(), /#FTYP/);
  await app.confirmSieImport();
  assert.match(await app.title(), /SEEE Speak Easy Executive English AB/);

  // Hand-summed from the file: #UB 0 of accounts 1000–1999 = 1 616 471,64;
  // −(#RES 0 of 3000–8989) = 223 703,47.
  await app.openPart('Balansräkning');
  assert.equal(await app.computedText('tillgangar', 0), '1\u00a0616\u00a0471,64');
  assert.equal(await app.computedText('eget_kapital_och_skulder', 0), '1\u00a0616\u00a0471,64');
  await app.openPart('Resultaträkning');
  assert.equal(await app.computedText('arets_resultat', 0), '223\u00a0703,47');
  const codes = await app.problemCodes();
  assert.ok(!codes.includes('balance_sheet_unbalanced'), codes.join(', '));
  assert.ok(!codes.includes('result_mismatch'), codes.join(', '));

  // The mapping table lists the accounts with the lines they went to.
  await app.openPart('Konton från SIE');
  assert.ok((await app.mappingRows().count()) > 10);
  assert.equal(await app.accountLineSelect('1930').count(), 1);
});

test('a file that is not SIE is refused with the line and nothing changes', async () => {
  const app = await env.open();
  await app.waitSaved();
  const before = await app.storage();
  // Offer a text file under a SIE name.
  await app.chooseSieFile(Buffer.from('Det här är ingen SIE-fil\n'), 'bokforing.se');
  await app.errorNotice().waitFor();
  assert.match(await app.errorNotice().innerText(), /kunde inte läsas som en SIE-fil/);
  assert.match(await app.errorNotice().innerText(), /Rad 1/);
  assert.deepEqual(await app.storage(), before);
});

test('when the file does not tell the form, the treasurer is asked before the import', async () => {
  const app = await env.open();
  // Test3 (BRILJANT) has no #FTYP and a name that tells no form.
  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__Test3_typ3.SE'));
  const importButton = app.sieImportButton();
  assert.equal(await importButton.isDisabled(), true);
  assert.match(await app.sieAlert().innerText(), /Välj den ovan/);
  await app.sieForm().selectOption('ekonomisk-forening');
  assert.equal(await importButton.isDisabled(), false);
  await app.confirmSieImport();
  await app.openPart('Organisation och år');
  assert.match(await app.editor().innerText(), /Ekonomisk förening/);
});

/** Fees of January–May 2025 in a file written on 1 June 2025, without #RAR. */
const NO_RAR = [
  '#FLAGGA 0',
  '#SIETYP 4',
  '#GEN 20250601',
  '#FNAMN "Föreningen Ekbacken"',
  '#IB 0 1930 1000',
  '#IB 0 2067 -1000',
  '#VER A 1 20250107 "Avgifter"',
  '{',
  '#TRANS 1930 {} 400',
  '#TRANS 3890 {} -400',
  '}',
  '#VER A 2 20250530 "Avgifter"',
  '{',
  '#TRANS 1930 {} 100',
  '#TRANS 3890 {} -100',
  '}',
  '',
].join('\n');

const digits = (s) => s.replace(/[\s\u00a0]/g, '');

test('a file without #RAR gets the vouchers\' year, said in the dialog, and the treasurer may change it', async () => {
  const app = await env.open();
  await app.chooseSieFile(Buffer.from(NO_RAR), 'ekbacken.se');
  await app.sieDialog().waitFor();
  // The vouchers are all dated 2025: the year is 2025, not the year before #GEN.
  assert.equal(await app.sieYearStart().inputValue(), '2025-01-01');
  assert.equal(await app.sieYearEnd().inputValue(), '2025-12-31');
  assert.match(await app.sieDialog().innerText(), /taget från verifikationernas datum \(2 verifikationer från 2025-01-07 till 2025-05-30\)/);
  // A year that ends before it starts cannot be imported.
  await app.chooseSieYear('2025-12-31', '2025-01-01');
  assert.equal(await app.sieImportButton().isDisabled(), true);
  assert.match(await app.sieAlert().innerText(), /sista dag ska vara efter den första/);
  // A broken year, chosen.
  await app.chooseSieYear('2024-07-01', '2025-06-30');
  assert.equal(await app.sieImportButton().isDisabled(), false);
  assert.match(await app.sieDialog().innerText(), /2024-07-01 – 2025-06-30 är valt vid importen/);
  await app.confirmSieImport();
  await app.openPart('Resultaträkning');
  assert.deepEqual((await app.statementYears()).slice(0, 2), ['2024/25', '2023/24']);
  // 400 + 100 in fees.
  assert.equal(digits(await app.computedText('arets_resultat', 0)), '500');
  app.assertClean();
});

test('a file cut off before its balances offers nothing to import', async () => {
  const app = await env.open();
  const cut = '#FLAGGA 0\n#SIETYP 4\n#FNAMN "Ekbacken"\n#RAR 0 20210101 20211231\n#KONTO 1930 "Bank"\n';
  await app.chooseSieFile(Buffer.from(cut), 'avkapad.se');
  await app.sieDialog().waitFor();
  assert.equal(await app.sieImportButton().isDisabled(), true);
  assert.match(await app.sieWarnings().first().innerText(), /Filen innehåller inga saldon för 2021/);
  app.assertClean();
});

test('the mapping table is there after a reload, and an account can still be moved', async () => {
  const app = await env.open();
  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__BL0001_typ1.SE'));
  await app.confirmSieImport();
  await app.openPart('Konton från SIE');
  await app.accountLineSelect('1930').selectOption('andra_langfristiga_vardepappersinnehav');
  await app.waitSaved();

  await app.reload();
  await app.openPart('Konton från SIE');
  assert.ok((await app.mappingRows().count()) > 10);
  // Account, the file's name, both years' amounts (#UB 0 and #UB -1 of 1930), the line.
  const row = app.mappingRow('1930');
  assert.match(await row.innerText(), /Checkräkning/);
  assert.match(digits(await row.innerText()), /869015,45/);
  assert.match(digits(await row.innerText()), /623579,28/);
  assert.equal(await app.accountLineSelect('1930').inputValue(), 'andra_langfristiga_vardepappersinnehav');
  assert.match(await row.innerText(), /flyttat/);
  // Bank: 1910 85 404 + 1920 69 299,70 (1930 moved away); placements 100 000 + 869 015,45.
  await app.openPart('Balansräkning');
  assert.equal(digits(await app.cellValue('kassa_och_bank', 0)), '154703,70');
  assert.equal(digits(await app.cellValue('andra_langfristiga_vardepappersinnehav', 0)), '969015,45');

  // Moved back after the reload, without the SIE file: 85 404 + 69 299,70 + 869 015,45.
  await app.openPart('Konton från SIE');
  await app.accountLineSelect('1930').selectOption('');
  await app.openPart('Balansräkning');
  assert.equal(digits(await app.cellValue('kassa_och_bank', 0)), '1023719,15');
  assert.equal(digits(await app.cellValue('andra_langfristiga_vardepappersinnehav', 0)), '100000');
  app.assertClean();
});

test('"Nästa år" keeps the mapping table: the choice stays and this year\'s amounts become the comparison year\'s', async () => {
  const app = await env.open();
  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__BL0001_typ1.SE'));
  await app.confirmSieImport();
  await app.openPart('Konton från SIE');
  await app.accountLineSelect('1930').selectOption('andra_langfristiga_vardepappersinnehav');
  await app.waitSaved();
  await app.nextYear();
  assert.match(await app.title(), /2010\/11/);
  await app.openPart('Konton från SIE');
  assert.equal(await app.accountLineSelect('1930').inputValue(), 'andra_langfristiga_vardepappersinnehav');
  // 2009/10's closing balance of 1930 is now the comparison year's; 2010/11 is empty.
  const cells = await app.mappingRow('1930').locator('td.num').allInnerTexts();
  assert.deepEqual(cells.map(digits), ['', '869015,45']);
  app.assertClean();
});
