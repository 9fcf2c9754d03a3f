// The browser app's performance figures (not a test: it measures and never fails).
//
//   node e2e/bench.mjs
//
// Serves the existing dist/ (build it first: trunk build --release) and prints:
//   (a) navigation start → the example report interactive, median of 10 fresh-profile loads
//   (b) the gzip size (level 9) of everything the first load fetches
//   (c) keystroke in an amount cell → the updated total in the DOM, over 200 edits
//   (d) the same on a large report (not measured: there is no large report file)

import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { startServer, DIST } from './server.mjs';
import { Kassoren, launchBrowser } from './kassoren.mjs';

const LOADS = 10;
const EDITS = 200;
const COST = 'verksamhetskostnader';
const TOTAL = 'kostnader';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The files dist/index.html loads (scripts, wasm, style sheets), index.html first. */
async function firstLoadFiles() {
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  const refs = new Set(['index.html']);
  for (const m of html.matchAll(/["'(]\.?\/?([^"'()\s]+\.(?:js|mjs|wasm|css))(?:\?[^"')]*)?["')]/g)) {
    const ref = m[1].replace(/^\/+/, '');
    if (!/^[a-z]+:/i.test(ref)) refs.add(ref);
  }
  return [...refs];
}

async function gzipSizes() {
  const rows = [];
  for (const ref of await firstLoadFiles()) {
    const file = path.join(DIST, ref);
    const raw = await fs.readFile(file).catch(() => null);
    if (!raw) {
      rows.push({ ref, missing: true });
      continue;
    }
    const gz = zlib.gzipSync(raw, { level: 9 });
    rows.push({ ref, raw: raw.length, gz: gz.length });
  }
  return rows;
}

/** Records, from the very start of the document, when the editor becomes usable. */
function interactiveProbe() {
  const ready = () => {
    const input = document.querySelector('main#editor input, main#editor textarea');
    const preview = document.querySelector('.preview-body');
    return input && !input.disabled && preview && preview.childElementCount > 0;
  };
  const observer = new MutationObserver(() => {
    if (window.__interactiveAt === undefined && ready()) {
      window.__interactiveAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function measureLoads(browser, url) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(interactiveProbe);
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(() => window.__interactiveAt, null, { timeout: 30000, polling: 50 });
    times.push(await handle.jsonValue());
    await context.close();
  }
  return times;
}

/** Keystroke → updated text in the DOM: the total's computed cell and the preview. */
async function measureKeystrokes(browser, url) {
  const app = await Kassoren.fresh(browser, url);
  await app.goto();
  await app.openPart('Resultaträkning');
  await app.cell(COST, 0).waitFor();
  const result = await app.page.evaluate(
    async ({ cellId, total, edits }) => {
      const input = document.getElementById(cellId);
      const target = document.querySelector(`td.computed[data-line="${total}"][data-year="0"]`);
      const preview = document.querySelector('.preview-body');
      const values = ['-600000', '-598640'];
      const toTotal = [];
      const toPreview = [];
      const waitText = (el, before, filter) =>
        new Promise((resolve, reject) => {
          const check = () => {
            if (filter(el, before)) {
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now());
              return true;
            }
            return false;
          };
          const observer = new MutationObserver(check);
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error('no DOM update within 5 s'));
          }, 5000);
          observer.observe(el, { childList: true, characterData: true, subtree: true });
        });
      input.focus();
      for (let i = 0; i < edits; i++) {
        const totalBefore = target.textContent;
        const previewRow = preview.querySelector('#line-kostnader-sum');
        const previewBefore = previewRow ? previewRow.textContent : '';
        const totalDone = waitText(target, totalBefore, (el, b) => el.textContent !== b);
        const previewDone = waitText(preview, previewBefore, (el, b) => {
          const row = el.querySelector('#line-kostnader-sum');
          return row && row.textContent !== b;
        });
        const t0 = performance.now();
        input.value = values[i % 2];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const [t1, t2] = await Promise.all([totalDone, previewDone]);
        toTotal.push(t1 - t0);
        toPreview.push(t2 - t0);
        // Let the frame finish (and the autosave timer be pushed back) between edits.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return { toTotal, toPreview };
    },
    { cellId: `cell-${COST}-0`, total: TOTAL, edits: EDITS },
  );
  const errors = app.pageErrors.map(String);
  await app.close();
  return { ...result, errors };
}

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    console.log(`Kassören, browser app (${server.url}, dist: ${DIST})`);

    const loads = await measureLoads(browser, server.url);
    console.log(
      `interactive (median of ${LOADS}): ${ms(median(loads))}  ` +
        `(min ${ms(Math.min(...loads))}, max ${ms(Math.max(...loads))}; navigation start → editor field enabled and preview rendered)`,
    );

    const sizes = await gzipSizes();
    console.log('first load, gzip -9:');
    let raw = 0;
    let gz = 0;
    for (const r of sizes) {
      if (r.missing) {
        console.log(`  ${r.ref}: missing in dist/`);
        continue;
      }
      raw += r.raw;
      gz += r.gz;
      console.log(`  ${r.ref}: ${kb(r.gz)} (${kb(r.raw)} uncompressed)`);
    }
    console.log(`first load total (gzip -9): ${kb(gz)} (${kb(raw)} uncompressed)`);

    const keys = await measureKeystrokes(browser, server.url);
    console.log(
      `keystroke → total in DOM, example report (${EDITS} edits): median ${ms(median(keys.toTotal))}, p95 ${ms(percentile(keys.toTotal, 95))}`,
    );
    console.log(
      `keystroke → preview updated, example report (${EDITS} edits): median ${ms(median(keys.toPreview))}, p95 ${ms(percentile(keys.toPreview, 95))}`,
    );
    if (keys.errors.length) console.log(`page errors during the edits: ${keys.errors.join('; ')}`);
    console.log('large report: not measured (there is no large report file to open in the browser)');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
