// Two tabs on the same report: what one saves, the other shows; a tab never writes over a newer
// version; edits made at the same time are merged, and what cannot be merged is kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();
const COSTS = 'verksamhetskostnader';
const FEES = 'medlemsavgifter';

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

test('the same cell changed in two tabs: the newer version is shown, and this tab\'s value is kept', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await app.saveFromElsewhere(COSTS, '-600031.00');
  await app.typeAmount(COSTS, 0, '-600 030');
  await eventually(async () => assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600031)));
  assert.match(await app.errorNotice().innerText(), /samtidigt i en annan flik/);
  assert.equal(await app.storedAmount(COSTS), -600031, 'the newer version is not written over');

  // "Ångra" brings this tab's value back (and saving it is then the treasurer's choice).
  await app.undo();
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600030));
  // It is also in "Tidigare versioner".
  await app.toolbarButton('Mina årsredovisningar').click();
  assert.equal(await app.snapshotRows('en annan flik sparade samtidigt').count(), 1);
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
  await a.toolbarButton('Mina årsredovisningar').click();
  assert.equal(await a.snapshotRows('Osparade ändringar').count(), 1);
  await a.restoreSnapshot('Osparade ändringar');
  await a.openPart('Resultaträkning');
  assert.equal(await a.cellValue(COSTS, 0), formatAmount(-600060));
  assert.deepEqual(a.dialogs, []);
});
