// "Tidigare versioner": a copy is kept before each destructive step and can be restored.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { useApp } from './harness.mjs';
import { formatAmount, SIE_SAMPLES } from './kassoren.mjs';

const env = useApp();

test('a deleted report is kept under "Tidigare versioner" and can be restored with its edits', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-600 040');
  await app.waitSaved();
  await app.openReportList();
  const [first] = await app.reportEntries();
  await app.deleteReport(first.id);
  const row = app.snapshotRows('Före borttagning');
  await row.waitFor();
  assert.match(await row.innerText(), /\(borttagen\)/);
  await app.restoreSnapshot('Före borttagning');
  await app.dialog().waitFor({ state: 'detached' });
  // It is back in the list as a report of its own, and open.
  await app.openReportList();
  assert.match(await app.currentReportTitle().inputValue(), /\(återställd /);
  await app.closeDialog();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), formatAmount(-600040));
  app.assertClean();
});

test('an SIE import over the open report keeps the figures from before it', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const before = await app.cellValue('verksamhetskostnader', 0);
  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__BL0001_typ1.SE'));
  await app.chooseSieOverOpenReport();
  await app.confirmSieImport();
  await app.openReportList();
  assert.equal(await app.snapshotRows('Före SIE-import').count(), 1);
  await app.restoreSnapshot('Före SIE-import');
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), before);
  app.assertClean();
});

test('20 snapshots are kept per report, the oldest dropped first', async () => {
  const app = await env.open();
  await app.waitSaved();
  const id = await app.currentId();
  // Twenty older snapshots of this report, then one more by deleting it.
  const text = await app.storedReportText(id);
  const old = Array.from({ length: 20 }, (_, i) => ({ at: 1e12 + i, reason: `gammal ${i}`, title: 'T', text }));
  await app.storeSnapshots(id, old);
  await app.openReportList();
  await app.deleteReport(id);
  const kept = (await app.storedSnapshots(id)).map((s) => s.reason);
  assert.equal(kept.length, 20);
  assert.equal(kept[0], 'gammal 1', 'the oldest is dropped');
  assert.equal(kept[19], 'Före borttagning');
  app.assertClean();
});

/** An edit that makes the report larger than the space left, and waits until it is saved. */
async function growAndSave(app) {
  await app.openPart('Resultaträkning');
  await app.label('verksamhetskostnader').fill(`Verksamhetskostnader ${'och mer '.repeat(300)}`);
  await app.typeAmount('verksamhetskostnader', 0, '-600 070');
  await app.waitSaved();
  const stored = await app.storedReportText();
  assert.match(stored, /"-600070"/);
  assert.equal(await app.saveFailedBanner().count(), 0);
}

test('when storage is full, old snapshots make room for the report: the edit is saved', async () => {
  const app = await env.open();
  await app.waitSaved();
  // Five old snapshots of another report, then storage filled to the quota.
  const text = 'x'.repeat(100 * 1024);
  const old = Array.from({ length: 5 }, (_, i) => ({ at: 1e12 + i, reason: `gammal ${i}`, title: 'T', text }));
  await app.storeSnapshots('borttagen', old);
  await app.fillStorage();
  await growAndSave(app);
  const left = (await app.storedSnapshots('borttagen')).map((s) => s.reason);
  assert.ok(left.length < 5, 'the oldest snapshots made room');
  assert.ok(!left.includes('gammal 0'), 'oldest first');
  app.assertClean();
});

test('with no snapshots left, exports kept for merging make room, lowest revision first', async () => {
  const app = await env.open();
  await app.waitSaved();
  const text = 'x'.repeat(100 * 1024);
  await app.storeExports('d-0000000000000abc', [1, 2, 3].map((revision) => ({ revision, text })));
  await app.fillStorage();
  await growAndSave(app);
  const left = (await app.storedExports('d-0000000000000abc')).map((e) => e.revision);
  assert.ok(left.length < 3 && !left.includes(1), `kvar: ${left}`);
  app.assertClean();
});
