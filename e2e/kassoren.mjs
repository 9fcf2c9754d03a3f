// The page object for Kassören's editor, and the few helpers the tests and the benchmark share.
//
// Element ids and classes come from src/app.rs, src/components/*.rs and engine/src/render.rs.

import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { ROOT } from './server.mjs';

export { ROOT };
export const EXAMPLE_PATH = path.join(ROOT, 'examples', 'ideell-forening.json');
export const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** U+00A0 no-break space and U+2212 minus, as the engine prints amounts. */
export const NBSP = '\u00a0';
export const MINUS = '\u2212';

/** "−1 234 567,50" (any spaces, U+2212 or "-") → -1234567.5; "" → null. */
export function toNumber(text) {
  const t = String(text ?? '')
    .replace(/[\s\u00a0\u202f\u2009]/g, '')
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (t === '' || t === '–') return null;
  const n = Number(t);
  assert.ok(!Number.isNaN(n), `inget belopp: ${JSON.stringify(text)}`);
  return n;
}

/** 39620 → "39 620", -600000 → "−600 000" (U+00A0 and U+2212), as the engine prints. */
export function formatAmount(n) {
  const digits = String(Math.abs(Math.round(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (n < 0 ? MINUS : '') + grouped;
}

/** Retries an (async) assertion until it passes or `timeout` ms have gone. */
export async function eventually(fn, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Kassoren {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} baseURL
   */
  constructor(page, baseURL) {
    this.page = page;
    this.baseURL = baseURL;
    /** Uncaught exceptions in the page. */
    this.pageErrors = [];
    /** console.error messages. */
    this.consoleErrors = [];
    /** alert/confirm/prompt dialogs that opened (dismissed at once). */
    this.dialogs = [];
    page.on('pageerror', (e) => this.pageErrors.push(e));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // The app has no icon; Chromium's own request for /favicon.ico is not the app's doing.
      if (/\/favicon\.ico(\?|$)/.test(m.location()?.url ?? '')) return;
      this.consoleErrors.push(`${m.text()} (${m.location()?.url ?? ''})`);
    });
    page.on('dialog', async (d) => {
      this.dialogs.push({ type: d.type(), message: d.message() });
      await d.dismiss().catch(() => {});
    });
  }

  /** A new page in a fresh context (fresh browser profile: empty local storage). */
  static async fresh(browser, baseURL) {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
      locale: 'sv-SE',
    });
    const page = await context.newPage();
    const app = new Kassoren(page, baseURL);
    app.context = context;
    return app;
  }

  async close() {
    await (this.context ?? this.page.context()).close();
  }

  /** Fails on any uncaught page error, console error or dialog that the test did not expect. */
  assertClean({ allowConsole = [] } = {}) {
    assert.deepEqual(
      this.pageErrors.map((e) => String(e.stack || e)),
      [],
      'oväntade fel i sidan',
    );
    const console = this.consoleErrors.filter((t) => !allowConsole.some((re) => re.test(t)));
    assert.deepEqual(console, [], 'oväntade fel i konsolen');
    assert.deepEqual(this.dialogs, [], 'oväntade dialogrutor');
  }

  /** Opens the app and waits until the editor is interactive. */
  async goto() {
    await this.page.goto(this.baseURL);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  async ready() {
    await this.page.locator('header.toolbar .doc-title').waitFor({ state: 'visible', timeout: 20000 });
    await this.page.locator('[data-testid=check-counts]').waitFor({ timeout: 20000 });
    await this.page.locator('main#editor .editor-part').first().waitFor({ timeout: 20000 });
  }

  // ---- toolbar -----------------------------------------------------------------------------

  toolbarButton(name) {
    return this.page.locator('header.toolbar nav.actions button', {
      hasText: new RegExp(`^${escapeRegExp(name)}$`),
    });
  }

  async title() {
    return (await this.page.locator('header.toolbar .doc-title').innerText()).trim();
  }

  exampleBadge() {
    return this.page.locator('header.toolbar .doc-title .badge.example');
  }

  saveStatus() {
    return this.page.locator('[data-testid=save-status]');
  }

  /**
   * Waits until the latest edit is written to local storage: the status leaves "Sparat" after an
   * edit (it shows "Sparar…" for 400 ms at least) and comes back to "Sparat".
   */
  async waitSaved() {
    const status = '[data-testid=save-status]';
    await this.page
      .waitForFunction((s) => document.querySelector(s)?.textContent.trim() !== 'Sparat', status, {
        timeout: 1500,
        polling: 10,
      })
      .catch(() => {});
    await this.page.waitForFunction((s) => document.querySelector(s)?.textContent.trim() === 'Sparat', status, {
      timeout: 10000,
    });
  }

  async download(buttonName) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 10000 }),
      this.toolbarButton(buttonName).click(),
    ]);
    const file = await download.path();
    const bytes = await fs.readFile(file);
    return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  }

  /** "Spara som fil": the downloaded JSON's text. */
  async saveJson() {
    return (await this.download('Spara som fil')).text;
  }

  /** "Ladda ner utskrift": the downloaded HTML's text. */
  async downloadHtml() {
    return (await this.download('Ladda ner utskrift')).text;
  }

  /**
   * "Öppna fil" through the hidden <input type=file>: a file's path, or its bytes (a Buffer or
   * Uint8Array) under `name`.
   */
  async openFile(file, name = 'arsredovisning.json') {
    const input = this.page.locator('input[type=file]');
    if (typeof file === 'string') {
      await input.setInputFiles(file);
    } else {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(file) });
    }
  }

  notice() {
    return this.page.locator('.notice');
  }

  errorNotice() {
    return this.page.locator('.notice.error');
  }

  async closeNotice() {
    const n = this.notice();
    if (await n.count()) {
      await n.getByRole('button', { name: 'Stäng' }).click();
      await n.waitFor({ state: 'detached' });
    }
  }

  /** Creates a report with "Ny årsredovisning". `form` is a slug, e.g. "aktiebolag". */
  async newReport({ name, orgNr = '', form = 'ideell-forening' }) {
    await this.toolbarButton('Ny årsredovisning').click();
    const dialog = this.page.locator('form.dialog');
    await dialog.waitFor();
    await dialog.locator('#new-name').fill(name);
    if (orgNr) await dialog.locator('#new-orgnr').fill(orgNr);
    await dialog.locator('#new-form').selectOption(form);
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** "Mina årsredovisningar": the titles in the list (the dialog stays open). */
  async reportTitles() {
    await this.toolbarButton('Mina årsredovisningar').click();
    const list = this.page.locator('.dialog ul.report-list');
    await list.waitFor();
    const inputs = list.locator('li input.report-title');
    return inputs.evaluateAll((els) => els.map((e) => e.value));
  }

  // ---- sidebar and parts -------------------------------------------------------------------

  partButton(label) {
    return this.page.locator('nav.sidebar button', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) });
  }

  async openPart(label) {
    const button = this.partButton(label);
    await button.click();
    await this.page.waitForFunction(
      (l) =>
        [...document.querySelectorAll('nav.sidebar button[aria-current=page]')].some((b) =>
          b.textContent.trim().startsWith(l),
        ),
      label,
    );
  }

  /** {errors, warnings} from " N fel, M varn." */
  async checkCounts() {
    const text = await this.page.locator('[data-testid=check-counts]').textContent();
    const m = /(\d+)\s*fel,\s*(\d+)\s*varn/.exec(text);
    assert.ok(m, `oväntad text i kontrollräknaren: ${JSON.stringify(text)}`);
    return { errors: Number(m[1]), warnings: Number(m[2]), text };
  }

  /** The problem codes listed in the Kontroller part (opens it). */
  async problemCodes() {
    await this.openPart('Kontroller');
    const part = this.page.locator('main#editor section.checks');
    await part.waitFor();
    return part.locator('ul.problems li[data-code]').evaluateAll((els) => els.map((e) => e.dataset.code));
  }

  // ---- statements ----------------------------------------------------------------------------

  /** The input cell of a line and year (0 = the fiscal year). */
  cell(lineId, year) {
    return this.page.locator(`input#cell-${lineId}-${year}`);
  }

  label(lineId) {
    return this.page.locator(`input#label-${lineId}`);
  }

  computedCell(lineId, year) {
    return this.page.locator(`td.computed[data-line="${lineId}"][data-year="${year}"]`);
  }

  /** Types `text` into an amount cell as one input event (like a paste), then leaves it. */
  async typeAmount(lineId, year, text, { blur = true } = {}) {
    const cell = this.cell(lineId, year);
    await cell.fill(text);
    if (blur) await cell.evaluate((e) => e.blur());
  }

  async cellValue(lineId, year) {
    return this.cell(lineId, year).inputValue();
  }

  /** The text of a computed sum cell, as shown. */
  async computedText(lineId, year) {
    return (await this.computedCell(lineId, year).innerText()).trim();
  }

  /** A computed sum as a number. */
  async computedValue(lineId, year) {
    return toNumber(await this.computedText(lineId, year));
  }

  // ---- narrative -----------------------------------------------------------------------------

  sectionBody(sectionId) {
    return this.page.locator(`textarea#sec-body-${sectionId}`);
  }

  sectionTitle(sectionId) {
    return this.page.locator(`#sec-title-${sectionId}`);
  }

  // ---- förvaltningsberättelse ----------------------------------------------------------------

  equityTable() {
    return this.page.locator('main#editor table.figures.equity');
  }

  /** The equity table's row of a kind ("opening", "year-result", "closing", …): cell texts. */
  async equityRow(kind) {
    return this.equityTable()
      .locator(`tbody tr.${kind} td`)
      .evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
  }

  // ---- preview -------------------------------------------------------------------------------

  preview() {
    return this.page.locator('aside.preview .preview-body');
  }

  /** The amounts of a statement row in the preview (`line-<id>` or `line-<id>-sum`). */
  async previewAmounts(rowId) {
    return this.preview()
      .locator(`tr#${rowId} td.amount`)
      .evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  // ---- storage -------------------------------------------------------------------------------

  /** Every kassoren.* key in local storage with its value. */
  async storage() {
    return this.page.evaluate(() => {
      const out = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith('kassoren.')) out[k] = localStorage.getItem(k);
      }
      return out;
    });
  }
}
