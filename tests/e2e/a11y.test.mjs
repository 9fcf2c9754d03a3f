// Keyboard use and an automated accessibility scan (axe-core).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';

const env = useApp();

const TOOLBAR = [
  'Ny rapport',
  'Mina rapporter',
  'Öppna fil',
  'Spara som fil',
  'Ladda ner utskrift',
  'Skriv ut',
  'Nästa år',
];
const PARTS = [
  'Organisation och år',
  'Berättelse',
  'Förvaltningsberättelse',
  'Resultaträkning',
  'Balansräkning',
  'Noter',
  'Underskrifter',
  'Kontroller',
];
const MAX_TABS = 60;

test('Tab reaches the toolbar, the sidebar and the editor, with a visible focus', async (t) => {
  const app = await env.open();
  await app.dropFocus();

  const seen = [];
  let reachedEditor = null;
  for (let i = 0; i < MAX_TABS && !reachedEditor; i++) {
    await app.press('Tab');
    const f = await app.focusStop();
    if (!f) continue;
    seen.push(f);
    if (f.where === 'editor' && f.firstEditorInput) reachedEditor = f;
  }
  t.diagnostic(`Tab-ordning: ${seen.map((f) => `${f.where}:${f.id || f.text.slice(0, 24)}`).join(' → ')}`);

  const reached = (where, name) => seen.some((f) => f.where === where && f.text.startsWith(name));
  for (const name of TOOLBAR) assert.ok(reached('toolbar', name), `Tab når inte verktygsknappen "${name}"`);
  for (const name of PARTS) assert.ok(reached('sidebar', name), `Tab når inte delen "${name}"`);
  assert.ok(reachedEditor, `Tab når inte redigerarens första fält inom ${MAX_TABS} tryck`);
  assert.equal(reachedEditor.id, 'org-name');
  // The toolbar comes before the sidebar, the sidebar before the editor.
  const firstIndex = (where) => seen.findIndex((f) => f.where === where);
  assert.ok(firstIndex('toolbar') < firstIndex('sidebar'));
  assert.ok(firstIndex('sidebar') < seen.indexOf(reachedEditor));

  // The focus is visible on every button it reached.
  const buttons = seen.filter((f) => f.tag === 'button');
  assert.ok(buttons.length >= TOOLBAR.length + PARTS.length);
  const invisible = buttons.filter((f) => f.outlineStyle === 'none' || f.outlineWidth === '0px');
  assert.deepEqual(
    invisible.map((f) => `${f.where}:${f.tag}#${f.id}:${f.text.slice(0, 30)} (${f.outlineStyle} ${f.outlineWidth})`),
    [],
    'fokus syns inte',
  );

  // Enter on a focused sidebar button opens that part.
  const income = app.partButton('Resultaträkning');
  await income.focus();
  await app.press('Enter');
  await app.statementEditor('income').waitFor();
  assert.equal(await income.getAttribute('aria-current'), 'page');
  app.assertClean();
});

function describe(violations) {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.count} element)\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

for (const part of ['Organisation och år', 'Resultaträkning']) {
  test(`axe-core finds no serious or critical violations (${part})`, async (t) => {
    const app = await env.open();
    await app.openPart(part);
    if (part === 'Resultaträkning') await app.statementEditor().waitFor();
    const violations = await app.axeViolations();
    if (violations.length) t.diagnostic(`axe (${part}):\n${describe(violations)}`);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (severe.length) console.log(`axe-core, ${part}: allvarliga brister\n${describe(severe)}`);
    assert.deepEqual(
      severe.map((v) => `${v.impact} ${v.id} (${v.count})`),
      [],
      `axe-core: allvarliga brister i "${part}"`,
    );
    app.assertClean();
  });
}
