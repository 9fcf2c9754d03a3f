// "Öppna fil" with files that are not reports: a clear Swedish message, and nothing kept in the
// browser changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { useApp } from './harness.mjs';
import { EXAMPLE_PATH } from './kassoren.mjs';

const env = useApp();

async function newerVersion() {
  const example = JSON.parse(await fs.readFile(EXAMPLE_PATH, 'utf8'));
  assert.ok(Number.isInteger(example.version) && example.version < 99, `version ${example.version}`);
  example.version = 99;
  return Buffer.from(JSON.stringify(example, null, 2));
}

const CASES = [
  { what: 'broken JSON', name: 'trasig.json', bytes: async () => Buffer.from('{ not json'), message: 'inte giltig JSON' },
  { what: 'JSON that is not a report', name: 'hej.json', bytes: async () => Buffer.from('{"hello":1}'), message: 'ingen årsredovisning från Kassören' },
  { what: 'a file from a newer version', name: 'framtid.json', bytes: newerVersion, message: 'nyare version av Kassören' },
];

for (const c of CASES) {
  test(`opening ${c.what} shows "${c.message}" and leaves local storage unchanged`, async () => {
    const app = await env.open();
    // Make an edit first, so that there is something that must stay as it is.
    await app.openPart('Resultaträkning');
    await app.typeAmount('medlemsavgifter', 0, '140 000');
    await app.waitSaved();
    const before = await app.storage();
    assert.ok(Object.keys(before).length >= 3, JSON.stringify(Object.keys(before)));
    const title = await app.title();

    await app.openFile(await c.bytes(), c.name);
    const notice = app.errorNotice();
    await notice.waitFor({ timeout: 5000 });
    const text = await notice.innerText();
    assert.ok(text.includes(c.message), `meddelandet: ${text}`);
    assert.ok(text.includes(c.name), `meddelandet nämner inte filen: ${text}`);
    assert.equal(await notice.getAttribute('role'), 'alert');

    await new Promise((r) => setTimeout(r, 700)); // longer than the autosave delay
    assert.deepEqual(await app.storage(), before);
    assert.equal(await app.title(), title);
    assert.equal(await app.cellValue('medlemsavgifter', 0), '140\u00a0000');
    assert.equal(await app.saveStatus().innerText(), 'Sparat');
    const titles = await app.reportTitles();
    assert.equal(titles.length, 1, JSON.stringify(titles));
    // The message can be closed.
    await app.closeDialog();
    await app.closeNotice();
    assert.equal(await app.notice().count(), 0);
    app.assertClean();
  });
}
