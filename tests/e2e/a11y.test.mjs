// Keyboard use and an automated accessibility scan (axe-core).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { useApp } from './harness.mjs';
import { AXE_PATH } from './kassoren.mjs';

const env = useApp();

const TOOLBAR = [
  'Ny årsredovisning',
  'Mina årsredovisningar',
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
  const { page } = app;
  await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
  await page.evaluate(() => document.activeElement?.blur());

  const seen = [];
  let reachedEditor = null;
  for (let i = 0; i < MAX_TABS && !reachedEditor; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.textContent || '').trim(),
        where: el.closest('header.toolbar nav.actions')
          ? 'toolbar'
          : el.closest('nav.sidebar')
            ? 'sidebar'
            : el.closest('main#editor')
              ? 'editor'
              : el.closest('aside.preview')
                ? 'preview'
                : 'other',
        outlineStyle: style.outlineStyle,
        outlineWidth: style.outlineWidth,
        focusVisible: el.matches(':focus-visible'),
        firstEditorInput: el === document.querySelector('main#editor input, main#editor textarea, main#editor select'),
      };
    });
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
  await page.keyboard.press('Enter');
  await page.locator('table.statement-editor[data-statement=income]').waitFor();
  assert.equal(await income.getAttribute('aria-current'), 'page');
  app.assertClean();
});

async function axeScan(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated by the test driver: the page's CSP rightly refuses an inline <script>.
    await page.evaluate(await fs.readFile(AXE_PATH, 'utf8'));
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      count: v.nodes.length,
    }));
  });
}

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
    if (part === 'Resultaträkning') await app.page.locator('table.statement-editor').waitFor();
    const violations = await axeScan(app.page);
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
