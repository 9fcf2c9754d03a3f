// Undo and redo (buttons and Ctrl+Z / Ctrl+Shift+Z) for every kind of edit, at least 200 steps.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';

const env = useApp();

test('an amount edit is undone and redone with the buttons; the totals follow', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const before = await app.computedText('kostnader', 0);
  const cellBefore = await app.cellValue('verksamhetskostnader', 0);
  assert.equal(await app.undoButton().isDisabled(), true);
  await app.typeAmount('verksamhetskostnader', 0, '-600 000');
  assert.notEqual(await app.computedText('kostnader', 0), before);
  await app.undo();
  assert.equal(await app.computedText('kostnader', 0), before);
  assert.equal(await app.cellValue('verksamhetskostnader', 0), cellBefore);
  await app.redo();
  assert.equal(await app.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0000');
});

test('keystrokes in one field are one step, undone with Ctrl+Z in the field', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const label = app.label('medlemsavgifter');
  const original = await label.inputValue();
  await label.click();
  await label.press('End');
  await app.type(' och serviceavgifter');
  assert.equal(await label.inputValue(), `${original} och serviceavgifter`);
  await label.press('Control+z');
  assert.equal(await label.inputValue(), original);
  await app.press('Control+Shift+z');
  assert.equal(await label.inputValue(), `${original} och serviceavgifter`);
});

test('deleting a section is undone and redone', async () => {
  const app = await env.open();
  await app.openPart('Berättelse');
  const ids = await app.editorSectionIds();
  assert.ok(ids.includes('s-organisation'));
  await app.deleteSection('s-organisation');
  assert.ok(!(await app.editorSectionIds()).includes('s-organisation'));
  await app.undo();
  assert.deepEqual(await app.editorSectionIds(), ids);
  await app.redo();
  assert.ok(!(await app.editorSectionIds()).includes('s-organisation'));
});

test('at least 200 edits can be undone', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const a = 'medlemsavgifter';
  const b = 'verksamhetskostnader';
  const bBefore = await app.cellValue(b, 0);
  // 201 edits, alternating between two cells so each is its own step.
  for (let i = 1; i <= 201; i++) {
    await app.typeAmount(i % 2 ? a : b, 0, String(i % 2 ? i : -i));
  }
  assert.equal(await app.cellValue(a, 0), '201');
  for (let i = 0; i < 200; i++) await app.press('Control+z');
  // Back to the state after the first edit.
  assert.equal(await app.cellValue(a, 0), '1');
  assert.equal(await app.cellValue(b, 0), bBefore);
});
