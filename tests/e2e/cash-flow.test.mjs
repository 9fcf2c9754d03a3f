// A bostadsrättsförening's kassaflödesanalys (ÅRL 2 kap 1 §, issue 17): computed from the
// figures as they are typed, shown in the preview after the balansräkning and listed in
// Innehåll, never to be turned off; any other report has one when the treasurer asks for it.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();

test('a BRF\'s kassaflödesanalys follows the figures as they are typed, after the balansräkning', async () => {
  const app = await env.open();
  assert.ok(!(await app.previewContents()).some((t) => /Kassaflödesanalys/.test(t)), 'the example (an ideell förening) has none');
  await app.newReport({ name: 'Brf Lönnen', form: 'bostadsrattsforening' });
  await eventually(async () => assert.ok((await app.previewContents()).some((t) => /Kassaflödesanalys/.test(t))));

  // Worked out by hand: resultat efter finansiella poster 500 000 − 400 000 − 50 000 = 50 000,
  // avskrivningar 50 000 added back; the building 1 000 000 → 950 000 (nothing invested);
  // insatser and the loan unchanged: årets kassaflöde 100 000, kassa 100 000 → 200 000.
  await app.openPart('Resultaträkning');
  await app.typeAmount('nettoomsattning', 0, '500 000');
  await app.typeAmount('driftkostnader', 0, '-400 000');
  await app.typeAmount('av_och_nedskrivningar', 0, '-50 000');
  await app.openPart('Balansräkning');
  for (const [line, now, before] of [
    ['byggnader_och_mark', '950 000', '1 000 000'],
    ['kassa_och_bank', '200 000', '100 000'],
    ['medlemsinsatser', '800 000', '800 000'],
    ['arets_resultat_balans', '50 000', '0'],
    ['skulder_till_kreditinstitut_lang', '300 000', '300 000'],
  ]) {
    await app.typeAmount(line, 0, now);
    await app.typeAmount(line, 1, before);
  }
  await eventually(async () => {
    assert.deepEqual(await app.previewCashFlow('lopande_summa'), [formatAmount(100000)]);
    assert.deepEqual(await app.previewCashFlow('investering_summa'), [formatAmount(0)]);
    assert.deepEqual(await app.previewCashFlow('arets_kassaflode'), [formatAmount(100000)]);
    assert.deepEqual(await app.previewCashFlow('likvida_borjan'), [formatAmount(100000)]);
    assert.deepEqual(await app.previewCashFlow('likvida_slut'), [formatAmount(200000)]);
  });
  // A new investment of 80 000 paid from the bank: the building and the cash follow.
  await app.typeAmount('byggnader_och_mark', 0, '1 030 000');
  await app.typeAmount('kassa_och_bank', 0, '120 000');
  await eventually(async () => {
    assert.deepEqual(await app.previewCashFlow('investeringar'), [formatAmount(-80000)]);
    assert.deepEqual(await app.previewCashFlow('arets_kassaflode'), [formatAmount(20000)]);
    assert.deepEqual(await app.previewCashFlow('likvida_slut'), [formatAmount(120000)]);
  });
  assert.equal((await app.problems()).filter((p) => p.code === 'cash_flow_tie_out').length, 0);
  const html = await app.downloadHtml();
  assert.ok(html.indexOf('id="balansrakning"') < html.indexOf('id="kassaflodesanalys"'));
  app.assertClean();
});

test('any report can ask for a kassaflödesanalys; a BRF\'s årsredovisning always has one', async () => {
  const app = await env.open();
  const listed = async () => (await app.previewContents()).some((t) => /Kassaflödesanalys/.test(t));
  await app.openPart('Organisation och år');
  const choice = app.cashFlowChoice();
  assert.equal(await choice.isChecked(), false);
  assert.equal(await choice.isDisabled(), false);
  await choice.check();
  await eventually(async () => assert.equal(await listed(), true));
  // The example's figures balance both years: årets kassaflöde is the change in kassa och bank.
  await eventually(async () => assert.deepEqual(await app.previewCashFlow('likvida_slut'), [formatAmount(565550)]));
  assert.deepEqual(await app.previewCashFlow('likvida_borjan'), [formatAmount(483230)]);
  assert.deepEqual(await app.previewCashFlow('arets_kassaflode'), [formatAmount(565550 - 483230)]);
  const saved = JSON.parse(await app.saveJson());
  assert.equal(saved.settings.cash_flow, true);
  await choice.uncheck();
  await eventually(async () => assert.equal(await listed(), false));

  await app.newReport({ name: 'Brf Lönnen', form: 'bostadsrattsforening' });
  await app.openPart('Organisation och år');
  assert.equal(await app.cashFlowChoice().isChecked(), true);
  assert.equal(await app.cashFlowChoice().isDisabled(), true);
  assert.equal(await listed(), true);
  app.assertClean();
});
