// Two tabs on the same report: what one saves, the other shows; a tab never writes over a newer
// version, nor over one it cannot read; edits made at the same time are merged, and when both
// changed the same place neither is written over the other until the treasurer chooses (texts are
// never mixed).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();
const COSTS = 'verksamhetskostnader';
const FEES = 'medlemsavgifter';
const SUMMARY = 's-sammanfattning';

test('two tabs: each shows what the other saved, and the stored report is B\'s plus A\'s later edits', async () => {
  const a = await env.open();
  await a.waitSaved();
  const b = await a.newTab();

  await a.bringToFront();
  await a.openPart('Resultaträkning');
  await a.typeAmount(COSTS, 0, '-600 010');
  await a.waitSaved();

  await b.bringToFront();
  await b.openPart('Resultaträkning');
  await eventually(async () => assert.equal(await b.cellValue(COSTS, 0), formatAmount(-600010)));
  await b.typeAmount(FEES, 0, '140 010');
  await b.waitSaved();

  await a.bringToFront();
  await eventually(async () => assert.equal(await a.cellValue(FEES, 0), formatAmount(140010)));
  assert.equal(await a.cellValue(COSTS, 0), formatAmount(-600010));
  await a.typeAmount(COSTS, 0, '-600 011');
  await a.waitSaved();

  assert.equal(await a.storedAmount(FEES), 140010, "B's edit is stored");
  assert.equal(await a.storedAmount(COSTS), -600011, "A's later edit is stored");
  await eventually(async () => assert.equal(await b.cellValue(COSTS, 0), formatAmount(-600011)));
  assert.deepEqual(a.dialogs, []);
});

test('a write over a newer stored version is refused; edits in different places are merged', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await app.saveFromElsewhere(FEES, '140020.00');
  await app.typeAmount(COSTS, 0, '-600 020');
  await app.waitSaved();
  // Both edits are on screen and stored; nothing was written over the other tab's version.
  assert.equal(await app.cellValue(FEES, 0), formatAmount(140020));
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600020));
  assert.equal(await app.storedAmount(FEES), 140020);
  assert.equal(await app.storedAmount(COSTS), -600020);
  assert.match(await app.notice().innerText(), /förts samman med dina/);
});

test('the same cell changed in two tabs: neither is written over the other; the treasurer chooses', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await app.saveFromElsewhere(COSTS, '-600031.00');
  await app.typeAmount(COSTS, 0, '-600 030');
  const banner = app.heldBanner();
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /samtidigt i en annan flik på samma ställe/);
  assert.match(await app.saveStatus().innerText(), /Inte sparat: krock med en annan flik/);
  // This tab's value stays on screen, and it is kept; the other version is not written over.
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600030));
  assert.equal(await app.storedAmount(COSTS), -600031, 'the newer version is not written over');
  const id = await app.currentId();
  const kept = await app.storedSnapshots(id);
  assert.equal(kept.length, 1);
  assert.match(kept[0].text, /"-600030"/);

  // "Visa den andra flikens version": the other value; "Ångra" brings this tab's back.
  await app.showOtherTabsVersion();
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600031));
  await app.undo();
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600030));
  await app.waitSaved();
  assert.equal(await app.storedAmount(COSTS), -600030);
  await app.toolbarButton('Mina rapporter').click();
  assert.equal(await app.snapshotRows('en annan flik sparade samtidigt').count(), 1);
  assert.deepEqual(app.dialogs, []);
});

test('two visible windows typing in one section at the same time: both texts stay whole, one saved, the other kept', async () => {
  const a = await env.open();
  await a.waitSaved();
  const b = await a.newTab();
  const id = await a.currentId();
  for (const w of [a, b]) {
    await w.openPart('Berättelse');
    await w.setCaret(w.sectionBody(SUMMARY), 1e6);
  }
  const start = await a.sectionBody(SUMMARY).inputValue();
  // Key by key in turn, 40 ms apart: far inside the save delay, for longer than the longest
  // wait, so both windows save while the other is typing.
  const words = { a: '', b: '' };
  for (let i = 1; i <= 4; i++) {
    for (const name of ['a', 'b']) words[name] += ` same${name.toUpperCase()}${i}`;
  }
  for (let k = 0; k < words.a.length; k++) {
    await a.type(words.a[k]);
    await new Promise((r) => setTimeout(r, 20));
    await b.type(words.b[k]);
    await new Promise((r) => setTimeout(r, 20));
  }
  const mineA = start + words.a;
  const mineB = start + words.b;
  // Each window shows its own text, whole.
  await eventually(async () => {
    assert.equal(await a.sectionBody(SUMMARY).inputValue(), mineA);
    assert.equal(await b.sectionBody(SUMMARY).inputValue(), mineB);
  });
  // One is stored, whole; the other window holds, says so, and its text is kept whole.
  let saved;
  let held;
  await eventually(async () => {
    const stored = await a.storedBody(SUMMARY);
    assert.ok(stored === mineA || stored === mineB, `blandad text: ${JSON.stringify(stored.slice(start.length))}`);
    [saved, held] = stored === mineA ? [a, b] : [b, a];
    await held.heldBanner().waitFor({ timeout: 100 });
    const kept = (await a.snapshotBodies(id, SUMMARY)).map((s) => s.body);
    assert.deepEqual(kept, [held === a ? mineA : mineB]);
  });
  assert.match(await held.heldBanner().innerText(), /samtidigt i en annan flik på samma ställe \(Berättelse › /);
  assert.equal(await saved.heldBanner().count(), 0);
  const heldText = held === a ? mineA : mineB;
  const savedText = held === a ? mineB : mineA;

  // The treasurer keeps the held window's text: it is saved, the other window shows it, and the
  // text it replaced is kept too.
  await held.keepThisTabsVersion();
  await held.waitSaved();
  assert.equal(await held.storedBody(SUMMARY), heldText);
  await eventually(async () => assert.equal(await saved.sectionBody(SUMMARY).inputValue(), heldText));
  const kept = await a.snapshotBodies(id, SUMMARY);
  assert.deepEqual(
    kept.map((s) => s.body),
    [heldText, savedText],
  );
  assert.match(kept[1].reason, /Den andra flikens version/);
  assert.match(await held.notice().innerText(), /Den här flikens version är sparad/);
  assert.deepEqual(a.dialogs, []);
});

test('another tab saves a version this tab cannot read: this tab stops writing, says why and keeps its edit', async () => {
  const a = await env.open();
  await a.waitSaved();
  const b = await a.newTab();
  const id = await a.currentId();
  await a.openPart('Resultaträkning');
  // A newer Kassören in tab B saves the report in a file version this one does not know.
  const newer = JSON.parse(await a.storedReportText());
  newer.version = 99;
  const newerText = JSON.stringify(newer, null, 2);
  await a.cell(COSTS, 0).fill('-600 090');
  await b.saveTextFromElsewhere(newerText);
  const banner = a.heldBanner();
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /En annan flik har sparat årsredovisningen i en form som den här fliken inte kan läsa\. Den här flikens ändringar sparas inte över den; de finns under "Tidigare versioner"\. Skälet: Filen är skapad med en nyare version av Kassören \(filformat 99; .*Ladda om sidan/);
  assert.equal(await banner.getByRole('button', { name: 'Behåll den här flikens version' }).count(), 0);
  await eventually(async () =>
    assert.equal((await a.saveStatus().innerText()).trim(), 'Inte sparat: okänd version i en annan flik'),
  );
  // Editing goes on; the edits are kept in one copy in "Tidigare versioner", brought up to date.
  await a.typeAmount(FEES, 0, '140 090');
  await eventually(async () => {
    const kept = await a.storedSnapshots(id);
    assert.equal(kept.length, 1);
    assert.match(kept[0].text, /"-600090"/);
    assert.match(kept[0].text, /"140090"/);
  });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await a.storedReportText(id), newerText, 'the version it cannot read is never written over');
  // The banner's download has the edits.
  const { text } = await a.downloadFrom(banner.getByRole('button', { name: 'Ladda ner som fil' }));
  assert.match(text, /"140090"/);
  await a.toolbarButton('Mina rapporter').click();
  assert.equal(await a.snapshotRows('inte kan läsas här').count(), 1);
  assert.deepEqual(a.dialogs, []);
});

test('a stored version that is not JSON at all: the same, and nothing is written over it', async () => {
  const app = await env.open();
  await app.waitSaved();
  const id = await app.currentId();
  await app.openPart('Resultaträkning');
  await app.saveTextFromElsewhere('{ trasig');
  await app.typeAmount(COSTS, 0, '-600 091');
  await app.heldBanner().waitFor({ timeout: 5000 });
  assert.match(await app.heldBanner().innerText(), /inte kan läsa\. .* Skälet: \S/);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await app.storedReportText(id), '{ trasig');
  assert.match((await app.storedSnapshots(id))[0].text, /"-600091"/);
  assert.deepEqual(app.dialogs, []);
});

test('a report deleted in another tab: this tab keeps its unsaved edit as a snapshot and says so', async () => {
  const a = await env.open();
  await a.waitSaved();
  const b = await a.newTab();
  await a.bringToFront();
  await a.openPart('Resultaträkning');
  // An edit in A that is not saved yet when B deletes the report.
  await a.cell(COSTS, 0).fill('-600 060');
  await b.deleteReportElsewhere();
  await eventually(async () => assert.match(await a.errorNotice().innerText(), /togs bort i en annan flik/));
  await a.toolbarButton('Mina rapporter').click();
  assert.equal(await a.snapshotRows('Osparade ändringar').count(), 1);
  await a.restoreSnapshot('Osparade ändringar');
  await a.openPart('Resultaträkning');
  assert.equal(await a.cellValue(COSTS, 0), formatAmount(-600060));
  assert.deepEqual(a.dialogs, []);
});
