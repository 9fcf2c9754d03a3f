// Autosave: after an edit the indicator says "Sparar…", then "Sparat" once the report is in
// local storage; the stored JSON holds the edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';

const env = useApp();

/** Records every text the save indicator shows, with whether the stored report had `needle`. */
async function watchStatus(app, needle) {
  await app.page.evaluate((needle) => {
    const el = document.querySelector('[data-testid=save-status]');
    window.__status = [];
    const record = () => {
      const id = localStorage.getItem('kassoren.current');
      const stored = localStorage.getItem(`kassoren.report.${id}`) ?? '';
      const text = el.textContent.trim();
      if (window.__status.at(-1)?.text !== text) {
        window.__status.push({ text, t: performance.now(), stored: stored.includes(needle) });
      }
    };
    new MutationObserver(record).observe(el, { childList: true, characterData: true, subtree: true });
  }, needle);
}

test('an edit shows "Sparar…" then "Sparat", and the stored JSON has the edit', async () => {
  const app = await env.open();
  assert.equal(await app.saveStatus().innerText(), 'Sparat');
  const id = await app.currentId();
  assert.equal(id, 'exempel');
  await app.openPart('Organisation och år');
  const NAME = 'Friluftsföreningen Tresjöleden – sparad';
  await watchStatus(app, JSON.stringify(NAME));

  await app.page.locator('#org-name').fill(NAME);
  const edited = await app.page.evaluate(() => performance.now());
  await app.page.waitForFunction(
    () => window.__status.some((s) => s.text === 'Sparar…') && window.__status.at(-1).text === 'Sparat',
    null,
    { timeout: 5000 },
  );
  const log = await app.page.evaluate(() => window.__status);
  const texts = log.map((s) => s.text);
  assert.deepEqual(texts, ['Sparar…', 'Sparat'], JSON.stringify(log));
  // "Sparar…" is shown while the edit is not yet stored, "Sparat" once it is.
  assert.equal(log[0].stored, false, '"Sparar…" visades efter att ändringen redan sparats');
  assert.equal(log[1].stored, true, '"Sparat" visades innan ändringen sparades');
  assert.ok(log[1].t - edited < 2000, `sparades först efter ${Math.round(log[1].t - edited)} ms`);

  const stored = await app.storedReport(id);
  assert.equal(stored.format, 'kassoren-arsredovisning');
  assert.equal(stored.organisation.name, NAME);
  // The list's entry is updated too.
  const index = await app.storedIndex();
  assert.ok(index.find((e) => e.id === id).updated > 0);

  // Several quick edits (key by key): "Sparar…" until the last one is stored, then "Sparat".
  await watchStatus(app, '"222333"');
  await app.openPart('Resultaträkning');
  const cell = app.cell('medlemsavgifter', 0);
  await cell.click();
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('222333');
  await app.page.waitForFunction(() => window.__status.at(-1)?.text === 'Sparat', null, { timeout: 5000 });
  const log2 = await app.page.evaluate(() => window.__status);
  // Normally one "Sparar…" and one "Sparat" (the keys come faster than the autosave delay).
  assert.equal(log2[0].text, 'Sparar…', JSON.stringify(log2));
  log2.forEach((s, i) => assert.equal(s.text, i % 2 ? 'Sparat' : 'Sparar…', JSON.stringify(log2)));
  assert.equal(log2.at(-1).stored, true, '"Sparat" visades innan den sista ändringen sparades');
  const line = (await app.storedReport(id)).income_statement.lines[0].kind.group.children.find(
    (l) => l.id === 'medlemsavgifter',
  );
  assert.equal(line.kind.input.amounts[0], '222333');

  // After a reload, it is there.
  await app.reload();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('medlemsavgifter', 0), '222\u00a0333');
  app.assertClean();
});
