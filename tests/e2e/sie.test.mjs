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
