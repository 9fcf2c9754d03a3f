// Two tabs on the same report: what one saves, the other shows; a tab never writes over a newer
// version; edits made at the same time are merged, and what cannot be merged is kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { Kassoren, eventually, formatAmount } from './kassoren.mjs';

const env = useApp();
const COSTS = 'verksamhetskostnader';
const FEES = 'medlemsavgifter';

/** A second tab (page) in the same browser profile as `app`. */
async function secondTab(app) {
  const other = new Kassoren(await app.context.newPage(), app.baseURL);
  other.pageErrors = app.pageErrors; // one list: the harness fails the test on any of them
  await other.goto();
  return other;
}

/** What is stored for the open report: the amount of `lineId` in year 0, as a number. */
async function storedAmount(app, lineId) {
  return app.page.evaluate((lineId) => {
    const text = localStorage.getItem(`kassoren.report.${localStorage.getItem('kassoren.current')}`);
    const find = (v) => {
      if (!v || typeof v !== 'object') return null;
      if (v.id === lineId && v.kind?.input) return v.kind.input.amounts[0];
      for (const child of Object.values(v)) {
        const hit = find(child);
        if (hit !== null) return hit;
      }
      return null;
    };
    return Number(find(JSON.parse(text)));
  }, lineId);
}

/**
 * Saves a changed copy of the open report as another tab would: the stored text and a higher
 * revision, without a storage event reaching this page.
 */
async function saveFromElsewhere(app, lineId, amount) {
  await app.page.evaluate(
    ({ lineId, amount }) => {
      const id = localStorage.getItem('kassoren.current');
      const report = JSON.parse(localStorage.getItem(`kassoren.report.${id}`));
      const set = (v) => {
        if (!v || typeof v !== 'object') return;
        if (v.id === lineId && v.kind?.input) v.kind.input.amounts[0] = amount;
        Object.values(v).forEach(set);
      };
      set(report);
      localStorage.setItem(`kassoren.report.${id}`, JSON.stringify(report, null, 2));
      const rev = Number(localStorage.getItem(`kassoren.rev.${id}`) || '0');
      localStorage.setItem(`kassoren.rev.${id}`, String(rev + 1));
    },
    { lineId, amount },
  );
}

test('two tabs: each shows what the other saved, and the stored report is B\'s plus A\'s later edits', async () => {
  const a = await env.open();
  await a.waitSaved();
  const b = await secondTab(a);

  await a.page.bringToFront();
  await a.openPart('Resultaträkning');
  await a.typeAmount(COSTS, 0, '-600 010');
  await a.waitSaved();

  await b.page.bringToFront();
  await b.openPart('Resultaträkning');
  await eventually(async () => assert.equal(await b.cellValue(COSTS, 0), formatAmount(-600010)));
  await b.typeAmount(FEES, 0, '140 010');
  await b.waitSaved();

  await a.page.bringToFront();
  await eventually(async () => assert.equal(await a.cellValue(FEES, 0), formatAmount(140010)));
  assert.equal(await a.cellValue(COSTS, 0), formatAmount(-600010));
  await a.typeAmount(COSTS, 0, '-600 011');
  await a.waitSaved();

  assert.equal(await storedAmount(a, FEES), 140010, "B's edit is stored");
  assert.equal(await storedAmount(a, COSTS), -600011, "A's later edit is stored");
  await eventually(async () => assert.equal(await b.cellValue(COSTS, 0), formatAmount(-600011)));
  assert.deepEqual(a.dialogs, []);
});

test('a write over a newer stored version is refused; edits in different places are merged', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await saveFromElsewhere(app, FEES, '140020.00');
  await app.typeAmount(COSTS, 0, '-600 020');
  await app.waitSaved();
  // Both edits are on screen and stored; nothing was written over the other tab's version.
  assert.equal(await app.cellValue(FEES, 0), formatAmount(140020));
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600020));
  assert.equal(await storedAmount(app, FEES), 140020);
  assert.equal(await storedAmount(app, COSTS), -600020);
  assert.match(await app.notice().innerText(), /förts samman med dina/);
});

test('the same cell changed in two tabs: the newer version is shown, and this tab\'s value is kept', async () => {
  const app = await env.open();
  await app.waitSaved();
  await app.openPart('Resultaträkning');
  await saveFromElsewhere(app, COSTS, '-600031.00');
  await app.typeAmount(COSTS, 0, '-600 030');
  await eventually(async () => assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600031)));
  assert.match(await app.errorNotice().innerText(), /samtidigt i en annan flik/);
  assert.equal(await storedAmount(app, COSTS), -600031, 'the newer version is not written over');

  // "Ångra" brings this tab's value back (and saving it is then the treasurer's choice).
  await app.page.getByRole('button', { name: 'Ångra' }).click();
  assert.equal(await app.cellValue(COSTS, 0), formatAmount(-600030));
  // It is also in "Tidigare versioner".
  await app.toolbarButton('Mina årsredovisningar').click();
  const row = app.page.locator('table.snapshots tbody tr', { hasText: 'en annan flik sparade samtidigt' });
  assert.equal(await row.count(), 1);
  assert.deepEqual(app.dialogs, []);
});

test('a report deleted in another tab: this tab keeps its unsaved edit as a snapshot and says so', async () => {
  const a = await env.open();
  await a.waitSaved();
  const b = await secondTab(a);
  await a.page.bringToFront();
  await a.openPart('Resultaträkning');
  // An edit in A that is not saved yet when B deletes the report.
  await a.cell(COSTS, 0).fill('-600 060');
  await b.page.evaluate(() => {
    const id = localStorage.getItem('kassoren.current');
    localStorage.removeItem(`kassoren.report.${id}`);
    localStorage.removeItem(`kassoren.rev.${id}`);
    localStorage.setItem('kassoren.index', '[]');
  });
  await eventually(async () => assert.match(await a.errorNotice().innerText(), /togs bort i en annan flik/));
  await a.toolbarButton('Mina årsredovisningar').click();
  const row = a.page.locator('table.snapshots tbody tr', { hasText: 'Osparade ändringar' });
  assert.equal(await row.count(), 1);
  await row.getByRole('button', { name: 'Återställ' }).click();
  await a.openPart('Resultaträkning');
  assert.equal(await a.cellValue(COSTS, 0), formatAmount(-600060));
  assert.deepEqual(a.dialogs, []);
});
