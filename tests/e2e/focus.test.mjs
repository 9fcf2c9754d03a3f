// Typing never loses the focus or the caret: every keystroke edits the report (and everything
// recomputes), yet the field being typed in stays focused and the caret stays where it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount, ids } from './kassoren.mjs';

const env = useApp();

const COST = 'verksamhetskostnader';
const KOSTNADER = -2093910; // the example's summa kostnader, 2025
const ORIGINAL_COST = -598640;

/** Types `text` one key at a time and checks, after every key, that `id` has the focus. */
async function typeKeyByKey(app, id, text, { caretAt } = {}) {
  let caret = caretAt;
  for (const ch of text) {
    await app.type(ch);
    const a = await app.active();
    assert.equal(a.id, id, `fokus tappades efter ${JSON.stringify(ch)}: aktivt element ${JSON.stringify(a)}`);
    if (caret !== undefined) {
      caret += ch.length;
      assert.equal(a.selectionStart, caret, `markören flyttades efter ${JSON.stringify(ch)}`);
      assert.equal(a.selectionEnd, caret, `markören flyttades efter ${JSON.stringify(ch)}`);
    }
  }
}

test('typing an amount key by key keeps the focus and the caret in the cell; the total follows', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const id = ids.cell(COST, 0);
  const cell = app.cell(COST, 0);
  await app.selectAll(cell);
  await app.press('Backspace');
  assert.equal(await cell.inputValue(), '');
  assert.equal((await app.active()).id, id);

  const typed = '-600000';
  // The caret is at the end after every key (each key appends).
  await typeKeyByKey(app, id, typed, { caretAt: 0 });
  assert.equal(await cell.inputValue(), typed, 'cellen visar det som skrevs');
  // Every keystroke reached the report: the total is the typed amount's.
  await eventually(async () =>
    assert.equal(await app.computedValue('kostnader', 0), KOSTNADER - ORIGINAL_COST - 600000),
  );
  // Still focused after the recompute, with the text untouched.
  await new Promise((r) => setTimeout(r, 600)); // past the autosave
  const a = await app.active();
  assert.equal(a.id, id);
  assert.equal(a.value, typed);
  assert.equal(a.selectionStart, typed.length);

  // Editing in the middle of the amount: the caret stays where the key went.
  await app.setCaret(cell, 2); // "-6|00000"
  await typeKeyByKey(app, id, '1', { caretAt: 2 });
  assert.equal(await cell.inputValue(), '-6100000'); // "-6" + "1" + "00000"
  await eventually(async () =>
    assert.equal(await app.computedValue('kostnader', 0), KOSTNADER - ORIGINAL_COST - 6100000),
  );

  // Leaving the cell shows the formatted amount.
  await app.press('Tab');
  assert.equal(await cell.inputValue(), formatAmount(-6100000));
  app.assertClean();
});

test('typing ÅÄÖ in the middle of a narrative text inserts it at the caret and keeps the caret after it', async () => {
  const app = await env.open();
  await app.openPart('Berättelse');
  const id = ids.sectionBody('s-sammanfattning');
  const body = app.sectionBody('s-sammanfattning');
  const before = await body.inputValue();
  assert.ok(before.length > 100, 'exemplets text saknas');
  const at = Math.floor(before.length / 2);

  await app.setCaret(body, at);
  await typeKeyByKey(app, id, 'ÅÄÖ', { caretAt: at });
  const expected = before.slice(0, at) + 'ÅÄÖ' + before.slice(at);
  assert.equal(await body.inputValue(), expected);
  const a = await app.active();
  assert.equal(a.id, id);
  assert.equal(a.selectionStart, at + 3);
  assert.equal(a.selectionEnd, at + 3);

  // A few more keys, including a new line, after the recompute: still in place.
  await new Promise((r) => setTimeout(r, 100));
  await typeKeyByKey(app, id, 'x y', { caretAt: at + 3 });
  await app.press('Enter');
  assert.equal((await app.active()).selectionStart, at + 7);
  assert.equal(
    await body.inputValue(),
    before.slice(0, at) + 'ÅÄÖx y\n' + before.slice(at),
  );
  // The stored report has the text.
  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  assert.equal(
    stored.narrative.find((s) => s.id === 's-sammanfattning').body,
    before.slice(0, at) + 'ÅÄÖx y\n' + before.slice(at),
  );
  assert.equal((await app.active()).id, id, 'fokus tappades när rapporten sparades');
  app.assertClean();
});

test('typing ÅÄÖ in the middle of a line label keeps the focus and the caret; the preview follows', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const id = ids.label('medlemsavgifter');
  const label = app.label('medlemsavgifter');
  const before = await label.inputValue();
  assert.equal(before, 'Medlemsavgifter');
  const at = 6; // "Medlem|savgifter"

  await app.setCaret(label, at);
  await typeKeyByKey(app, id, 'ÅÄÖ', { caretAt: at });
  const expected = 'MedlemÅÄÖsavgifter';
  assert.equal(await label.inputValue(), expected);
  const a = await app.active();
  assert.equal(a.id, id);
  assert.equal(a.selectionStart, at + 3);

  await eventually(async () =>
    assert.equal(
      (await app.previewLineLabel('medlemsavgifter').textContent()).trim(),
      expected,
    ),
  );
  assert.equal((await app.active()).id, id);
  app.assertClean();
});

test('an edit keeps the preview where it is: the edited line stays in view', async () => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  const row = 'medlemsavgifter';
  // The preview has scrolled to the resultaträkning (the edited line is in view).
  await eventually(async () => {
    const p = await app.previewLinePosition(row);
    assert.ok(p.top >= 0 && p.bottom <= p.height, `raden syns inte i förhandsvisningen: ${JSON.stringify(p)}`);
  });
  const before = await app.previewLinePosition(row);

  // Key by key in the amount, then in the label.
  await app.cell('medlemsavgifter', 0).click();
  await app.press('End');
  await app.type('1');
  await eventually(async () =>
    assert.equal((await app.previewAmounts('medlemsavgifter'))[0], formatAmount(1316501)),
  );
  await new Promise((r) => setTimeout(r, 100));
  let after = await app.previewLinePosition(row);
  assert.ok(
    Math.abs(after.top - before.top) < 100,
    `förhandsvisningen hoppade ${Math.round(after.top - before.top)} px när beloppet ändrades (före ${JSON.stringify(before)}, efter ${JSON.stringify(after)})`,
  );

  await app.setCaret(app.label('medlemsavgifter'), 0);
  await app.type('Å');
  await eventually(async () =>
    assert.match(await app.previewLineLabel(row).textContent(), /^ÅMedlemsavgifter/),
  );
  await new Promise((r) => setTimeout(r, 100));
  after = await app.previewLinePosition(row);
  assert.ok(
    Math.abs(after.top - before.top) < 100,
    `förhandsvisningen hoppade ${Math.round(after.top - before.top)} px när radens namn ändrades`,
  );
  app.assertClean();
});
