// The browser app's performance figures (not a test: it measures and never fails).
//
//   node bench/bench.mjs
//
// Serves the existing dist/ (build it first: trunk build --release) and prints:
//   (a) navigation start → the example report interactive, median of 10 fresh-profile loads
//   (b) the gzip size (level 9) of everything the first load fetches
//   (c) keystroke in an amount cell → the updated total in the DOM, and → the preview updated,
//       median and p95 over 200 edits
//   (d) the same on the engine's large generated report (300 statement lines, five years),
//       written by `kassoren sample --large` into the temp directory and opened with "Öppna fil";
//       also its interactive time (kept in local storage, as on a return visit) and the time
//       from choosing the file to the editor showing it
//   (e) board review: the merge module's gzip size; "Spara som fil" → the download, the first
//       time (loading the merge module) and after; "Jämför med min version" → the comparison of
//       a board member's copy shown (record both, compare by history, review), median and p95

import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import { startServer, DIST, ROOT } from '../tests/e2e/server.mjs';
import { Kassoren, STORAGE, ids, launchBrowser } from '../tests/e2e/kassoren.mjs';

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

/**
 * What a first visit fetches, as the page asked for it (the page, its loader, scripts, wasm,
 * style sheets, icons, the manifest), each gzip -9 from dist/. The service worker's own
 * precaching afterwards is not counted: it runs after the app is up, and hashed files come
 * from the HTTP cache.
 */
async function gzipSizes(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const refs = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.href.startsWith(url)) refs.add(decodeURIComponent(u.pathname.slice(new URL(url).pathname.length)) || 'index.html');
  });
  await page.goto(url);
  await page.locator('aside.preview .preview-body .report').waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  const rows = [];
  for (const ref of [...refs].sort()) {
    const raw = await fs.readFile(path.join(DIST, ref)).catch(() => null);
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

/**
 * In the page: puts a report in local storage as the app keeps it, so that the app opens it on
 * load (`keys`: the local-storage keys, from STORAGE).
 */
function storeReport({ id, title, text, keys }) {
  if (localStorage.getItem(keys.current) === null) {
    localStorage.setItem(keys.report, text);
    localStorage.setItem(keys.index, JSON.stringify([{ id, title, updated: Date.now() }]));
    localStorage.setItem(keys.current, id);
  }
}

/** Navigation start → interactive, over fresh profiles; `stored` is a report kept beforehand. */
async function measureLoads(browser, url, stored = null) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    if (stored) {
      const keys = { current: STORAGE.current, report: STORAGE.report(stored.id), index: STORAGE.index };
      await context.addInitScript(storeReport, { ...stored, keys });
    }
    await context.addInitScript(interactiveProbe);
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(() => window.__interactiveAt, null, { timeout: 30000, polling: 50 });
    times.push(await handle.jsonValue());
    if (stored) {
      // The right report was opened (not the example).
      const title = await page.locator('header.toolbar .doc-title').innerText();
      if (!title.includes(stored.name)) throw new Error(`the stored report was not opened: ${title}`);
    }
    await context.close();
  }
  return times;
}

/**
 * Keystroke → updated text in the DOM: `total`'s computed cell in year 0 and the preview's row
 * of its sum, after each of `edits` input events on `line`'s cell in year 0 with `values` in turn.
 */
async function measureKeystrokes(app, { line, total, values }) {
  const cellId = ids.cell(line, 0);
  const previewRow = ids.previewLineSum(total);
  await app.cell(line, 0).waitFor();
  await app.computedCell(total, 0).waitFor();
  await app.preview().locator(`#${previewRow}`).waitFor({ state: 'attached' });
  const result = await app.page.evaluate(
    async ({ cellId, total, previewRow, values, edits }) => {
      const input = document.getElementById(cellId);
      const target = document.querySelector(`td.computed[data-line="${total}"][data-year="0"]`);
      const preview = document.querySelector('.preview-body');
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
        const row = preview.querySelector(`#${previewRow}`);
        const previewBefore = row ? row.textContent : '';
        const totalDone = waitText(target, totalBefore, (el, b) => el.textContent !== b);
        const previewDone = waitText(preview, previewBefore, (el, b) => {
          const r = el.querySelector(`#${previewRow}`);
          return r && r.textContent !== b;
        });
        const t0 = performance.now();
        input.value = values[i % values.length];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const [t1, t2] = await Promise.all([totalDone, previewDone]);
        toTotal.push(t1 - t0);
        toPreview.push(t2 - t0);
        // Let the frame finish (and the autosave timer be pushed back) between edits.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return { toTotal, toPreview };
    },
    { cellId, total, previewRow, values, edits: EDITS },
  );
  return { ...result, errors: app.pageErrors.map(String) };
}

async function measureExampleKeystrokes(browser, url) {
  const app = await Kassoren.fresh(browser, url);
  try {
    await app.goto();
    await app.openPart('Resultaträkning');
    return await measureKeystrokes(app, {
      line: COST,
      total: TOTAL,
      values: ['-600000', '-598640'],
    });
  } finally {
    await app.close();
  }
}

// ---- the large report --------------------------------------------------------------------------

/** Writes the engine's large generated report into the temp directory; its path and text. */
async function generateLarge() {
  const file = path.join(os.tmpdir(), `kassoren-large-${process.pid}.json`);
  const cargo = process.env.CARGO || path.join(os.homedir(), '.cargo', 'bin', 'cargo');
  await promisify(execFile)(
    await fs.access(cargo).then(() => cargo, () => 'cargo'),
    ['run', '-q', '--release', '-p', 'kassoren-cli', '--bin', 'kassoren', '--', 'sample', '--large', '-o', file],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const text = await fs.readFile(file, 'utf8');
  await fs.rm(file, { force: true });
  return { text, report: JSON.parse(text) };
}

// ---- a 50 MB SIE file ---------------------------------------------------------------------------

/** The engine's generated SIE 4 file (about 50 MB, 500 000 #TRANS rows) in the temp directory. */
async function generateSie() {
  const file = path.join(os.tmpdir(), `kassoren-large-${process.pid}.se`);
  const cargo = process.env.CARGO || path.join(os.homedir(), '.cargo', 'bin', 'cargo');
  await promisify(execFile)(
    await fs.access(cargo).then(() => cargo, () => 'cargo'),
    ['run', '-q', '--release', '-p', 'kassoren-cli', '--bin', 'kassoren', '--', 'sample', '--sie', '-o', file],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return file;
}

/**
 * "Importera SIE" with the large file: from the file chosen to the import dialog showing what
 * the file holds (read, decoded, parsed and mapped in the browser), then to the report shown.
 */
async function measureSie(browser, url, file) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const app = await Kassoren.fresh(browser, url);
    try {
      await app.goto();
      await app.page.evaluate(() => {
        document
          .querySelector('input#sie-file')
          .addEventListener('change', () => (window.__chosenAt = performance.now()), { capture: true, once: true });
        new MutationObserver((_, obs) => {
          if (document.querySelector('[aria-labelledby=sie-title]')) {
            window.__dialogAt = performance.now();
            obs.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      await app.chooseSieFile(file);
      const handle = await app.page.waitForFunction(() => window.__dialogAt && window.__dialogAt - window.__chosenAt, null, {
        timeout: 60000,
      });
      const toDialog = await handle.jsonValue();
      const start = await app.page.evaluate(() => performance.now());
      await app.sieImportButton().click();
      await app.sieDialog().waitFor({ state: 'detached', timeout: 60000 });
      const toReport = (await app.page.evaluate(() => performance.now())) - start;
      runs.push({ toDialog, toReport });
    } finally {
      await app.close();
    }
  }
  return runs;
}

/** The file format version the app in dist/ writes (and so reads): its stored example's. */
async function fileVersion(browser, url) {
  const app = await Kassoren.fresh(browser, url);
  try {
    await app.goto();
    return (await app.storedReport('exempel')).version;
  } finally {
    await app.close();
  }
}

/**
 * The resultaträkning's first group with a printed sum whose children include a plain input line
 * (no detail rows) with an amount in year 0: that line, its amount and the group.
 */
function pickLine(report) {
  const walk = (lines) => {
    for (const l of lines) {
      const g = l.kind.group;
      if (!g) continue;
      if (g.sum_label) {
        const input = g.children.find(
          (c) => c.kind.input && !(c.kind.input.details ?? []).length && c.kind.input.amounts[0] != null,
        );
        if (input) return { line: input.id, amount: Number(input.kind.input.amounts[0]), group: l.id };
      }
      const hit = walk(g.children);
      if (hit) return hit;
    }
    return null;
  };
  return walk(report.income_statement.lines);
}

/** "Öppna fil" with the large report; the time from the file chosen to the editor showing it. */
async function openLarge(app, text, name) {
  await app.page.evaluate((name) => {
    const input = document.querySelector('input#json-file');
    input.addEventListener('change', () => (window.__chosenAt = performance.now()), { capture: true, once: true });
    const title = document.querySelector('header.toolbar .doc-title');
    const observer = new MutationObserver(() => {
      if (title.textContent.includes(name)) {
        window.__shownAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(title, { childList: true, characterData: true, subtree: true });
  }, name);
  await app.openFile(Buffer.from(text), 'stor-arsredovisning.json');
  const handle = await app.page.waitForFunction(() => window.__shownAt && window.__shownAt - window.__chosenAt, null, {
    timeout: 30000,
  });
  const notice = await app.notice().innerText();
  if (!/har öppnats/.test(notice)) throw new Error(`the large report did not open: ${notice}`);
  return handle.jsonValue();
}

async function measureLarge(browser, url, large) {
  const { report, text } = large;
  const picked = pickLine(report);
  if (!picked) throw new Error('the large report has no group with a plain input line');
  const app = await Kassoren.fresh(browser, url);
  try {
    await app.goto();
    const openMs = await openLarge(app, text, report.organisation.name);
    await app.openPart('Resultaträkning');
    // The DOM has the input cell and its group's computed total.
    const keys = await measureKeystrokes(app, {
      line: picked.line,
      total: picked.group,
      values: [String(picked.amount + 1000), String(picked.amount + 2000)],
    });
    return { ...keys, openMs, picked };
  } finally {
    await app.close();
  }
}

/** Board review in the browser: saving a file and comparing a member's copy (see (e)). */
async function measureReview(browser, url) {
  const t = await Kassoren.fresh(browser, url);
  const anna = await Kassoren.fresh(browser, url);
  try {
    await t.goto();
    await t.setMyName('Karin Kassör');
    let start = performance.now();
    const sent = await t.saveJson();
    const firstSave = performance.now() - start;
    const saves = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      await t.saveJson();
      saves.push(performance.now() - start);
    }
    await anna.goto();
    const fromAnna = await anna.editAndSave('Anna Ledamot', sent, async (a) => {
      await a.openPart('Resultaträkning');
      await a.typeAmount('ovriga_verksamhetsintakter', 0, '95 000');
      await a.replaceSectionText('medlemmar', (old) => `${old}\n\nAnnas tillägg.`);
    });
    const compares = [];
    for (let i = 0; i < 10; i++) {
      await t.openFile(Buffer.from(fromAnna), 'anna.json');
      start = performance.now();
      await t.compareWithMine();
      await t.comparedChanges().first().waitFor();
      compares.push(performance.now() - start);
      await t.page.getByRole('button', { name: 'Avbryt jämförelsen' }).click();
    }
    return { firstSave, saves, compares };
  } finally {
    await t.close();
    await anna.close();
  }
}

async function mergeModuleSize() {
  const files = (await fs.readdir(DIST)).filter((f) => /^kassoren-merge-web-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f));
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const bytes = await fs.readFile(path.join(DIST, f));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, gz, raw };
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

    const sizes = await gzipSizes(browser, server.url);
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

    const keys = await measureExampleKeystrokes(browser, server.url);
    console.log(
      `keystroke → total in DOM, example report (${EDITS} edits): median ${ms(median(keys.toTotal))}, p95 ${ms(percentile(keys.toTotal, 95))}`,
    );
    console.log(
      `keystroke → preview updated, example report (${EDITS} edits): median ${ms(median(keys.toPreview))}, p95 ${ms(percentile(keys.toPreview, 95))}`,
    );
    if (keys.errors.length) console.log(`page errors during the edits: ${keys.errors.join('; ')}`);

    let large;
    try {
      large = await generateLarge();
    } catch (e) {
      console.log(`large report: not measured (kassoren sample --large failed: ${String(e.stderr || e.message).trim()})`);
    }
    if (large) {
      // The engine in the source tree may write a newer file format than this build reads.
      const appVersion = await fileVersion(browser, server.url);
      if (large.report.version > appVersion) {
        console.log(
          `large report: not measured (the engine writes format version ${large.report.version}, ` +
            `the app in dist/ reads up to version ${appVersion}: rebuild dist/ with trunk build --release)`,
        );
        large = null;
      }
    }
    if (large) {
      const r = large.report;
      const lines = (ls) => ls.reduce((n, l) => n + 1 + (l.kind.group ? lines(l.kind.group.children) : 0), 0);
      console.log(
        `large report: ${r.organisation.name}, ${lines(r.income_statement.lines) + lines(r.balance_sheet.lines)} statement lines, ` +
          `${r.years.length} years, ${r.notes.length} notes, ${r.narrative.length} sections, ${kb(Buffer.byteLength(large.text))} JSON`,
      );
      const largeLoads = await measureLoads(browser, server.url, {
        id: 'stor',
        title: r.organisation.name,
        name: r.organisation.name,
        text: large.text,
      });
      console.log(
        `interactive, large report (median of ${LOADS}): ${ms(median(largeLoads))}  ` +
          `(min ${ms(Math.min(...largeLoads))}, max ${ms(Math.max(...largeLoads))}; kept in local storage, navigation start → editor field enabled and preview rendered)`,
      );
      const lk = await measureLarge(browser, server.url, large);
      console.log(`open file → editor shows it, large report: ${ms(lk.openMs)}`);
      const what = `large report, cell ${lk.picked.line} → total ${lk.picked.group}`;
      console.log(
        `keystroke → total in DOM, ${what} (${EDITS} edits): median ${ms(median(lk.toTotal))}, p95 ${ms(percentile(lk.toTotal, 95))}`,
      );
      console.log(
        `keystroke → preview updated, ${what} (${EDITS} edits): median ${ms(median(lk.toPreview))}, p95 ${ms(percentile(lk.toPreview, 95))}`,
      );
      if (lk.errors.length) console.log(`page errors during the edits: ${lk.errors.join('; ')}`);
    }
    const module = await mergeModuleSize();
    console.log(`merge module (loaded on demand, not in the first load), gzip -9: ${kb(module.gz)} (${kb(module.raw)} uncompressed, ${module.files} files)`);
    const review = await measureReview(browser, server.url);
    console.log(
      `Spara som fil → download: first ${ms(review.firstSave)} (loads the merge module), then median ${ms(median(review.saves))}, p95 ${ms(percentile(review.saves, 95))}`,
    );
    console.log(
      `Jämför med min version → the comparison shown, example report (${review.compares.length} runs): median ${ms(median(review.compares))}, p95 ${ms(percentile(review.compares, 95))}`,
    );

    const sieFile = await generateSie();
    try {
      const size = (await fs.stat(sieFile)).size;
      const runs = await measureSie(browser, server.url, sieFile);
      const toDialog = runs.map((r) => r.toDialog);
      console.log(
        `SIE import in the browser, ${(size / 1e6).toFixed(1)} MB, 500 000 #TRANS rows (median of ${runs.length}): ` +
          `${ms(median(toDialog))} from the file chosen to the import dialog ` +
          `(${((size / 1e6) / (median(toDialog) / 1000)).toFixed(0)} MB/s; min ${ms(Math.min(...toDialog))}), ` +
          `then ${ms(median(runs.map((r) => r.toReport)))} to the report shown`,
      );
    } finally {
      await fs.rm(sieFile, { force: true });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
