// Never lose work: a full storage quota, a corrupt stored report, a page closed before the
// debounced save.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { useApp } from './harness.mjs';
import { Kassoren } from './kassoren.mjs';

const env = useApp();

test('storage full: a banner offers the report as a file with the latest edit; saving resumes by itself', async () => {
  const app = await env.open();
  await app.waitSaved();
  // Fill local storage to the quota.
  const filled = await app.page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    for (;;) {
      try {
        localStorage.setItem(`fyllnad.${i}`, chunk);
        i += 1;
      } catch {
        break;
      }
    }
    // Fill the last gap with smaller pieces.
    for (let size = 128 * 1024; size >= 16; size = Math.floor(size / 2)) {
      try {
        localStorage.setItem(`fyllnad.${i}`, 'x'.repeat(size));
        i += 1;
      } catch {
        /* the next, smaller size */
      }
    }
    return i;
  });
  assert.ok(filled > 0);
  // An edit that makes the report larger than the space left.
  await app.openPart('Berättelse');
  const body = app.sectionBody('s-sammanfattning');
  await body.fill(`${await body.inputValue()}\n\n${'Ett längre tillägg om året. '.repeat(100)}`);
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-612 345');
  const banner = app.page.locator('.save-failed');
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /Ändringarna kunde inte sparas i webbläsaren/);
  assert.match(await app.saveStatus().innerText(), /Inte sparat/);
  // One click gives the report as a file, with the edit.
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Ladda ner som fil' }).click(),
  ]);
  const text = await fs.readFile(await download.path(), 'utf8');
  assert.match(text, /"-612345"/);
  assert.match(text, /Ett längre tillägg om året/);
  // Editing goes on in memory.
  assert.equal(await app.computedValue('arets_resultat', 0), 40980 - (612345 - 598640));
  // Free the space: saving resumes by itself.
  await app.page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('fyllnad.')) localStorage.removeItem(k);
  });
  await banner.waitFor({ state: 'detached', timeout: 10000 });
  assert.equal((await app.saveStatus().innerText()).trim(), 'Sparat');
  const stored = await app.page.evaluate(() => localStorage.getItem(`kassoren.report.${localStorage.getItem('kassoren.current')}`));
  assert.match(stored, /"-612345"/);
});

test('a corrupt stored report: the app starts, nothing is deleted, the raw text can be downloaded', async () => {
  const app = await env.open();
  await app.waitSaved();
  const id = await app.page.evaluate(() => localStorage.getItem('kassoren.current'));
  await app.page.evaluate((id) => localStorage.setItem(`kassoren.report.${id}`, '{ trasig text'), id);
  await app.reload();
  assert.match(await app.errorNotice().innerText(), /kunde inte läsas/);
  // The corrupt text is still there.
  assert.equal(await app.page.evaluate((id) => localStorage.getItem(`kassoren.report.${id}`), id), '{ trasig text');
  await app.page.getByRole('button', { name: 'Mina årsredovisningar' }).click();
  const item = app.page.locator(`li[data-report="${id}"]`);
  assert.match(await item.innerText(), /Kan inte läsas/);
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    item.getByRole('button', { name: 'Ladda ner råtexten' }).click(),
  ]);
  assert.equal(await fs.readFile(await download.path(), 'utf8'), '{ trasig text');
  assert.match(await app.page.locator('[data-testid=storage-used]').innerText(), /\d+ kB/);
});

test('closing the page 50 ms after typing (before the debounced save) keeps the edit', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await app.cell('verksamhetskostnader', 0).fill('-600 001');
  await app.page.waitForTimeout(50);
  const context = app.context;
  await app.page.close({ runBeforeUnload: true });
  const page = await context.newPage();
  const again = new Kassoren(page, app.baseURL);
  await again.goto();
  await again.openPart('Resultaträkning');
  assert.equal(await again.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0001');
});
