// Never lose work: a full storage quota, a corrupt stored report, a file too big to store (refused
// before anything is dropped), a page closed, hidden or killed before the debounced save.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import fs from 'node:fs/promises';

import { useApp } from './harness.mjs';
import { EXAMPLE_PATH } from './kassoren.mjs';

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

/** A valid report file of about `mb` MB: the example with a long story in its first section. */
async function bigReportFile(mb) {
  const report = JSON.parse(await fs.readFile(EXAMPLE_PATH, 'utf8'));
  report.narrative[0].body = 'Ett långt stycke om föreningens år. '.repeat(Math.ceil((mb * 1e6) / 37));
  return Buffer.from(JSON.stringify(report));
}

/** Snapshots and kept exports stored for the test: what must all be there afterwards. */
async function keepCopies(app) {
  const text = 'x'.repeat(100 * 1024);
  const snapshots = [0, 1, 2].map((i) => ({ at: 1e12 + i, reason: `gammal ${i}`, title: 'T', text }));
  await app.storeSnapshots('borttagen', snapshots);
  const exports = [1, 2].map((revision) => ({ revision, text }));
  await app.storeExports('d-0000000000000abc', exports);
  return { snapshots, exports };
}

async function assertCopiesKept(app, { snapshots, exports }) {
  assert.deepEqual(await app.storedSnapshots('borttagen'), snapshots, 'every snapshot is still there');
  assert.deepEqual(await app.storedExports('d-0000000000000abc'), exports, 'every kept export is still there');
}

test('a 15 MB report file is refused before anything is dropped; the list stays clean after a reload', async () => {
  const app = await env.open();
  await app.waitSaved();
  const copies = await keepCopies(app);
  const before = await app.storedIndex();
  const current = await app.currentId();
  const file = await bigReportFile(15);
  assert.ok(file.length > 15e6);
  await app.openFile(file, 'stor.json');
  const notice = app.errorNotice();
  await notice.waitFor({ timeout: 20000 });
  assert.match(
    await notice.innerText(),
    /lades inte till i listan: den kunde inte sparas i webbläsaren \(den är för stor för webbläsarens lagring: 15,\d MB, och webbläsaren rymmer omkring 5,2 MB\)\. Inget har tagits bort eller ändrats\./,
  );
  await assertCopiesKept(app, copies);
  assert.deepEqual(await app.storedIndex(), before);
  assert.equal(await app.currentId(), current, 'the open report stays open');
  assert.equal((await app.saveStatus().innerText()).trim(), 'Sparat');
  assert.equal(await app.saveFailedBanner().count(), 0);
  await app.reload();
  await app.openReportList();
  assert.deepEqual((await app.reportEntries()).map((e) => e.id), before.map((e) => e.id));
  assert.equal(await app.page.getByText('Kan inte läsas').count(), 0, 'no entry left that cannot be read');
  await assertCopiesKept(app, copies);
  app.assertClean();
});

test('storage nearly full: a report that would not fit even with every kept copy gone drops none of them', async () => {
  const app = await env.open();
  await app.waitSaved();
  const copies = await keepCopies(app);
  await app.fillStorage();
  // 1 MB: more than the 500 kB the snapshots and exports take.
  await app.openFile(await bigReportFile(1), 'mellanstor.json');
  const notice = app.errorNotice();
  await notice.waitFor({ timeout: 20000 });
  assert.match(await notice.innerText(), /lades inte till i listan: den kunde inte sparas i webbläsaren \(webbläsarens lagringsutrymme är fullt\)/);
  await assertCopiesKept(app, copies);
  await app.freeStorage();
  // With room, the same file opens.
  await app.closeNotice();
  await app.openFile(await bigReportFile(1), 'mellanstor.json');
  await app.noticeWith('har öppnats som en ny årsredovisning').waitFor({ timeout: 20000 });
  await assertCopiesKept(app, copies);
  app.assertClean();
});

test('the page hidden 50 ms after typing (switching tabs, the phone locked) writes the edit at once', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await app.cell('verksamhetskostnader', 0).fill('-600 002');
  await new Promise((r) => setTimeout(r, 50));
  await app.hideTab();
  assert.equal(await app.storedAmount('verksamhetskostnader'), -600002, 'written when hidden, not 400 ms later');
});

test('typing without a pause is written at least every second: a browser killed mid-sentence keeps all but the last second', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Berättelse');
  const body = app.sectionBody('s-sammanfattning');
  await app.setCaret(body, 1e6);
  const start = await body.inputValue();
  const typed = [];
  const t0 = Date.now();
  // Never a pause as long as the save delay (400 ms): key by key for 3 s.
  for (let i = 0; Date.now() - t0 < 3000; i++) {
    const key = String(i % 10);
    await app.type(key);
    typed.push({ key, t: Date.now() });
    await new Promise((r) => setTimeout(r, 100));
  }
  await app.crash();
  const text = typed.map((k) => k.key).join('');
  // Everything typed more than 1.5 s before the crash is there.
  const safe = typed.filter((k) => k.t < typed.at(-1).t - 1500).length;
  assert.ok(safe > 5);
  const again = await app.newTab({ shareErrors: false });
  await again.openPart('Berättelse');
  const kept = (await again.sectionBody('s-sammanfattning').inputValue()).slice(start.length);
  assert.ok(text.startsWith(kept), `${kept} is not what was typed`);
  assert.ok(kept.length >= safe, `only ${kept.length} of ${text.length} keys kept (${safe} were typed 1.5 s before)`);
});
