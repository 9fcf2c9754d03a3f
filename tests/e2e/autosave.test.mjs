// Autosave: after an edit the indicator says "Sparar…", then "Sparat" once the report is in
// local storage; the stored JSON holds the edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';

const env = useApp();

test('an edit shows "Sparar…" then "Sparat", and the stored JSON has the edit', async () => {
  const app = await env.open();
  assert.equal(await app.saveStatus().innerText(), 'Sparat');
  const id = await app.currentId();
  assert.equal(id, 'exempel');
  await app.openPart('Organisation och år');
  const NAME = 'Friluftsföreningen Tresjöleden – sparad';
  await app.watchSaveStatus(JSON.stringify(NAME));

  await app.orgName().fill(NAME);
  const edited = await app.now();
  const log = await app.savedStatusLog({ sawSaving: true });
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
  await app.watchSaveStatus('"222333"');
  await app.openPart('Resultaträkning');
  const cell = app.cell('medlemsavgifter', 0);
  await app.selectAll(cell);
  await app.type('222333');
  const log2 = await app.savedStatusLog();
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
