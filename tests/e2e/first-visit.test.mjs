// A first visit shows the example report; "Ny rapport" and "Mina rapporter".

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, STORAGE } from './kassoren.mjs';

const env = useApp();

test('first visit shows the example report with no check errors', async () => {
  const app = await env.open();
  assert.match(await app.title(), /Friluftsföreningen Tresjöleden/);
  assert.equal((await app.exampleBadge().innerText()).trim(), 'Exempel');
  await eventually(async () => {
    const counts = await app.checkCounts();
    assert.match(counts.text, / 0 fel/, `kontrollräknaren: ${JSON.stringify(counts.text)}`);
    assert.equal(counts.errors, 0);
  });
  // The Organisation part is open, the preview shows the example's title page.
  assert.equal(await app.orgName().inputValue(), 'Friluftsföreningen Tresjöleden');
  assert.match(await app.preview().innerText(), /Friluftsföreningen Tresjöleden/);
  // The example is kept in the browser from the start.
  const storage = await app.storage();
  assert.equal(storage[STORAGE.current], 'exempel');
  assert.ok(storage[STORAGE.report('exempel')], `${STORAGE.report('exempel')} saknas`);
  assert.equal(await app.saveStatus().innerText(), 'Sparat');
  app.assertClean();
});

test('"Ny rapport" creates an aktiebolag report, "Mina rapporter" lists both', async () => {
  const app = await env.open();
  await app.newReport({ name: 'Testbolaget Kassör AB', form: 'aktiebolag' });

  await eventually(async () => assert.match(await app.title(), /Testbolaget Kassör AB/));
  assert.doesNotMatch(await app.title(), /Friluftsföreningen/);
  assert.equal(await app.exampleBadge().count(), 0, 'Exempel-märket ska försvinna');
  assert.equal(await app.exampleBanner().count(), 0);
  assert.equal(await app.orgName().inputValue(), 'Testbolaget Kassör AB');
  assert.match(await app.organisationForm().innerText(), /Aktiebolag/);
  // The aktiebolag template's resultaträkning (not the ideell förening's).
  await app.openPart('Resultaträkning');
  assert.equal(await app.cell('medlemsavgifter', 0).count(), 0);
  assert.ok((await app.amountFields().count()) > 0);

  const titles = await app.reportTitles();
  assert.equal(titles.length, 2, `listan: ${JSON.stringify(titles)}`);
  assert.ok(titles.some((t) => /Friluftsföreningen Tresjöleden/.test(t)), JSON.stringify(titles));
  assert.ok(titles.some((t) => /Testbolaget Kassör AB/.test(t)), JSON.stringify(titles));
  // The open report is marked current.
  assert.match(
    await app.currentReportTitle().inputValue(),
    /Testbolaget Kassör AB/,
  );
  app.assertClean();
});
