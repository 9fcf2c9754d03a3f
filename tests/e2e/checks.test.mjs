// The Kontroller part: a broken balansräkning is listed, and a click on the problem opens the
// Balansräkning with the focus on the place to fix.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();

test('a click on balance_sheet_unbalanced in Kontroller opens the Balansräkning and focuses a field there', async () => {
  const app = await env.open();
  await app.openPart('Balansräkning');
  assert.equal(await app.computedValue('tillgangar', 0), 955000);
  await app.typeAmount('kassa_och_bank', 0, '575 550'); // +10 000
  await eventually(async () => {
    assert.equal(await app.computedValue('tillgangar', 0), 965000);
    assert.ok((await app.checkCounts()).errors >= 1);
  });

  await app.openPart('Kontroller');
  const button = app.problemButton('balance_sheet_unbalanced');
  await button.waitFor();
  assert.equal(await button.count(), 1, 'ett problem, för 2025');
  assert.ok(await app.hasClass(app.problemItem('balance_sheet_unbalanced'), 'error'));
  const message = await button.innerText();
  assert.match(message, /Balansräkningen balanserar inte/);
  assert.match(message, /2025/);
  assert.ok(message.includes(formatAmount(10000)), `skillnaden saknas: ${message}`);

  await button.click();
  // The Balansräkning part is open …
  await app.waitPartOpen('Balansräkning');
  await app.statementEditor('balance').waitFor();
  // … and the focus is on a field of the balansräkning in the editor, in the line the problem
  // names (summa eget kapital och skulder) or the year it is about.
  await eventually(async () => {
    const a = await app.active();
    assert.ok(a.inEditor, `fokus är inte i redigeraren: ${JSON.stringify(a)}`);
    assert.ok(['input', 'textarea', 'select'].includes(a.tag), `fokus är inte på ett fält: ${JSON.stringify(a)}`);
    assert.match(a.id, /eget_kapital_och_skulder|tillgangar|-0$/, `fokus: ${JSON.stringify(a)}`);
  });
  assert.equal(await app.focusedStatement(), 'balance');
  // The focused field is on screen.
  assert.ok(await app.focusInEditorView(), 'det fokuserade fältet syns inte');

  // Fixing it there clears the problem.
  await app.typeAmount('kassa_och_bank', 0, '565 550');
  await eventually(async () => assert.match((await app.checkCounts()).text, / 0 fel/));
  assert.ok(!(await app.problemCodes()).includes('balance_sheet_unbalanced'));
  app.assertClean();
});
