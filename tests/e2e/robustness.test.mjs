// Never lose work: a full storage quota, a corrupt stored report, a page closed before the
// debounced save.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';

const env = useApp();

test('storage full: a banner offers the report as a file with the latest edit; saving resumes by itself', async () => {
  const app = await env.open();
  await app.waitSaved();
  // Fill local storage to the quota.
  const filled = await app.fillStorage();
  assert.ok(filled > 0);
  // An edit that makes the report larger than the space left.
  await app.openPart('Berättelse');
  const body = app.sectionBody('s-sammanfattning');
  await body.fill(`${await body.inputValue()}\n\n${'Ett längre tillägg om året. '.repeat(100)}`);
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-612 345');
  const banner = app.saveFailedBanner();
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /Ändringarna kunde inte sparas i webbläsaren/);
  assert.match(await app.saveStatus().innerText(), /Inte sparat/);
  // One click gives the report as a file, with the edit.
  const { text } = await app.downloadUnsaved();
  assert.match(text, /"-612345"/);
  assert.match(text, /Ett längre tillägg om året/);
  // Editing goes on in memory.
  assert.equal(await app.computedValue('arets_resultat', 0), 40980 - (612345 - 598640));
  // Free the space: saving resumes by itself.
  await app.freeStorage();
  await banner.waitFor({ state: 'detached', timeout: 10000 });
  assert.equal((await app.saveStatus().innerText()).trim(), 'Sparat');
  const stored = await app.storedReportText();
  assert.match(stored, /"-612345"/);
});

test('a corrupt stored report: the app starts, nothing is deleted, the raw text can be downloaded', async () => {
  const app = await env.open();
  await app.waitSaved();
  const id = await app.currentId();
  await app.storeReportText(id, '{ trasig text');
  await app.reload();
  assert.match(await app.errorNotice().innerText(), /kunde inte läsas/);
  // The corrupt text is still there.
  assert.equal(await app.storedReportText(id), '{ trasig text');
  await app.openReportList();
  assert.match(await app.reportItem(id).innerText(), /Kan inte läsas/);
  assert.equal((await app.downloadRawText(id)).text, '{ trasig text');
  assert.match(await app.storageUsed().innerText(), /\d+ kB/);
});

test('closing the page 50 ms after typing (before the debounced save) keeps the edit', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await app.cell('verksamhetskostnader', 0).fill('-600 001');
  await new Promise((r) => setTimeout(r, 50));
  await app.closeTab({ runBeforeUnload: true });
  const again = await app.newTab({ shareErrors: false });
  await again.openPart('Resultaträkning');
  assert.equal(await again.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0001');
});
