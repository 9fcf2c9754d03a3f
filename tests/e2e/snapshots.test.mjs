// "Tidigare versioner": a copy is kept before each destructive step and can be restored.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { useApp } from './harness.mjs';
import { formatAmount, SIE_SAMPLES } from './kassoren.mjs';

const env = useApp();

async function openList(app) {
  await app.toolbarButton('Mina årsredovisningar').click();
  await app.page.locator('.dialog ul.report-list').waitFor();
}

function snapshotRows(app, text) {
  return app.page.locator('table.snapshots tbody tr', text ? { hasText: text } : {});
}

test('a deleted report is kept under "Tidigare versioner" and can be restored with its edits', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-600 040');
  await app.waitSaved();
  await openList(app);
  const entry = app.page.locator('ul.report-list li').first();
  await entry.getByRole('button', { name: 'Ta bort' }).click();
  await entry.getByRole('button', { name: 'Ja, ta bort' }).click();
  const row = snapshotRows(app, 'Före borttagning');
  await row.waitFor();
  assert.match(await row.innerText(), /\(borttagen\)/);
  await row.getByRole('button', { name: 'Återställ' }).click();
  await app.page.locator('.dialog').waitFor({ state: 'detached' });
  // It is back in the list as a report of its own, and open.
  await openList(app);
  assert.match(await app.page.locator('ul.report-list li.current input.report-title').inputValue(), /\(återställd /);
  await app.page.locator('.dialog button.close').click();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), formatAmount(-600040));
  app.assertClean();
});

test('an SIE import over the open report keeps the figures from before it', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const before = await app.cellValue('verksamhetskostnader', 0);
  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__BL0001_typ1.SE'));
  const dialog = app.page.locator('[role=dialog][aria-labelledby=sie-title]');
  await dialog.locator('input[name=sie-target]').first().check();
  await dialog.getByRole('button', { name: 'Importera' }).click();
  await dialog.waitFor({ state: 'detached' });
  await openList(app);
  const row = snapshotRows(app, 'Före SIE-import');
  assert.equal(await row.count(), 1);
  await row.getByRole('button', { name: 'Återställ' }).click();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), before);
  app.assertClean();
});

test('20 snapshots are kept per report, the oldest dropped first', async () => {
  const app = await env.open();
  await app.waitSaved();
  const id = await app.page.evaluate(() => localStorage.getItem('kassoren.current'));
  // Twenty older snapshots of this report, then one more by deleting it.
  await app.page.evaluate((id) => {
    const text = localStorage.getItem(`kassoren.report.${id}`);
    const old = Array.from({ length: 20 }, (_, i) => ({ at: 1e12 + i, reason: `gammal ${i}`, title: 'T', text }));
    localStorage.setItem(`kassoren.snapshots.${id}`, JSON.stringify(old));
  }, id);
  await openList(app);
  const entry = app.page.locator(`ul.report-list li[data-report="${id}"]`);
  await entry.getByRole('button', { name: 'Ta bort' }).click();
  await entry.getByRole('button', { name: 'Ja, ta bort' }).click();
  const kept = await app.page.evaluate((id) => JSON.parse(localStorage.getItem(`kassoren.snapshots.${id}`)).map((s) => s.reason), id);
  assert.equal(kept.length, 20);
  assert.equal(kept[0], 'gammal 1', 'the oldest is dropped');
  assert.equal(kept[19], 'Före borttagning');
  app.assertClean();
});

/** Fills local storage to its last few bytes: big pieces, then ever smaller ones. */
function fillStorage() {
  let i = 0;
  for (let size = 256 * 1024; size >= 16; size = Math.floor(size / 2)) {
    for (;;) {
      try {
        localStorage.setItem(`fyllnad.${i}`, 'x'.repeat(size));
        i += 1;
      } catch {
        break;
      }
    }
  }
}

/** An edit that makes the report larger than the space left, and waits until it is saved. */
async function growAndSave(app) {
  await app.openPart('Resultaträkning');
  await app.label('verksamhetskostnader').fill(`Verksamhetskostnader ${'och mer '.repeat(300)}`);
  await app.typeAmount('verksamhetskostnader', 0, '-600 070');
  await app.waitSaved();
  const stored = await app.page.evaluate(() => localStorage.getItem(`kassoren.report.${localStorage.getItem('kassoren.current')}`));
  assert.match(stored, /"-600070"/);
  assert.equal(await app.page.locator('.save-failed').count(), 0);
}

test('when storage is full, old snapshots make room for the report: the edit is saved', async () => {
  const app = await env.open();
  await app.waitSaved();
  // Five old snapshots of another report, then storage filled to the quota.
  await app.page.evaluate(() => {
    const text = 'x'.repeat(100 * 1024);
    const old = Array.from({ length: 5 }, (_, i) => ({ at: 1e12 + i, reason: `gammal ${i}`, title: 'T', text }));
    localStorage.setItem('kassoren.snapshots.borttagen', JSON.stringify(old));
  });
  await app.page.evaluate(fillStorage);
  await growAndSave(app);
  const left = await app.page.evaluate(() => JSON.parse(localStorage.getItem('kassoren.snapshots.borttagen') ?? '[]').map((s) => s.reason));
  assert.ok(left.length < 5, 'the oldest snapshots made room');
  assert.ok(!left.includes('gammal 0'), 'oldest first');
  app.assertClean();
});

test('with no snapshots left, exports kept for merging make room, lowest revision first', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.page.evaluate(() => {
    const text = 'x'.repeat(100 * 1024);
    localStorage.setItem('kassoren.exports.d-0000000000000abc', JSON.stringify([1, 2, 3].map((revision) => ({ revision, text }))));
  });
  await app.page.evaluate(fillStorage);
  await growAndSave(app);
  const left = await app.page.evaluate(() => JSON.parse(localStorage.getItem('kassoren.exports.d-0000000000000abc') ?? '[]').map((e) => e.revision));
  assert.ok(left.length < 3 && !left.includes(1), `kvar: ${left}`);
  app.assertClean();
});
