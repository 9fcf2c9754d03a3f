// Drag and drop: a report file dropped anywhere on the page opens as a new report in the list.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, reportLine } from './kassoren.mjs';

const env = useApp();

/**
 * The example as this build of the app stores it (its own file format), as another report:
 * another document id and name, one amount changed.
 */
async function droppedReport(app) {
  const r = await app.storedReport('exempel');
  r.organisation.name = 'Släppföreningen Ö';
  // Another report, not a copy of this one (a copy would be offered for comparison instead).
  r.lineage.document_id = 'd-00000000000051a0';
  r.settings.example = false;
  reportLine(r, 'medlemsavgifter').kind.input.amounts[0] = '222333';
  return JSON.stringify(r, null, 2);
}

test('a JSON report dropped on the page opens as a new entry in the list', async () => {
  const app = await env.open();
  const before = await app.storedIndex();
  assert.equal(before.length, 1);
  const text = await droppedReport(app);

  const { over, dropped } = await app.dropFile(text, 'slappforeningen.json');
  // Both must be cancelled, or Chromium would navigate to the dropped file.
  assert.ok(over, 'dragover avbröts inte (preventDefault)');
  assert.ok(dropped, 'drop avbröts inte (preventDefault)');

  await eventually(async () => assert.match(await app.title(), /Släppföreningen Ö 2025/));
  assert.equal(await app.errorNotice().count(), 0);
  assert.match(await app.notice().innerText(), /"slappforeningen\.json" har öppnats som en ny årsredovisning/);
  assert.equal(await app.exampleBadge().count(), 0);
  // The page is still the app (no navigation to the file).
  assert.equal(app.url(), env.server.url);
  // Not left in the "dragging" look.
  assert.equal(await app.draggingLook().count(), 0);

  await app.waitSaved();
  const index = await app.storedIndex();
  assert.equal(index.length, 2, JSON.stringify(index));
  const current = await app.currentId();
  assert.notEqual(current, 'exempel');
  assert.equal(index.find((e) => e.id === current).title, 'Släppföreningen Ö 2025');
  assert.equal((await app.storedReport(current)).organisation.name, 'Släppföreningen Ö');
  // The example is untouched.
  assert.equal((await app.storedReport('exempel')).organisation.name, 'Friluftsföreningen Tresjöleden');

  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('medlemsavgifter', 0), formatAmount(222333));
  await app.openReportList();
  const entries = await app.reportEntries();
  assert.deepEqual(
    entries.map((e) => [e.title, e.current]),
    [
      ['Exempel: Friluftsföreningen Tresjöleden 2025', false],
      ['Släppföreningen Ö 2025', true],
    ],
  );
  app.assertClean();
});

test('a dropped file that is not a report shows an error and changes nothing', async () => {
  const app = await env.open();
  const before = await app.storage();
  await app.dropFile('{"hej": 1}', 'inte-en-rapport.json');
  const notice = app.errorNotice();
  await notice.waitFor({ timeout: 5000 });
  const message = await notice.innerText();
  assert.match(message, /inte-en-rapport\.json/);
  assert.match(message, /Inget har ändrats/);
  await new Promise((r) => setTimeout(r, 600));
  assert.deepEqual(await app.storage(), before);
  assert.match(await app.title(), /Friluftsföreningen Tresjöleden/);
  app.assertClean();
});
