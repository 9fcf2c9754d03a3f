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
/** The SIE sample files the tests import (tests/fixtures/sie/, see SOURCES.txt there). */
export const SIE_SAMPLES = path.join(ROOT, 'tests', 'fixtures', 'sie');
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

/**
 * Every page of the context reports Content-Security-Policy violations to the console (turned
 * into page errors by Kassoren), and any request that leaves the app's origin is a page error:
 * the app sends nothing anywhere.
 */
export function guardContext(context, baseURL, errors) {
  const origin = new URL(baseURL).origin;
  context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.origin === origin) return;
    errors.push(new Error(`en begäran lämnade appens ursprung: ${request.method()} ${request.url()}`));
  });
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
      // A Content-Security-Policy violation fails the test (see guardPage).
      if (/Content Security Policy|securitypolicyviolation/.test(m.text())) {
        this.pageErrors.push(new Error(`CSP: ${m.text()}`));
        return;
      }
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
    guardContext(context, baseURL, app.pageErrors);
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
    // The preview is rendered in a task of its own, right after the editor.
    await this.page.locator('aside.preview .preview-body .report').waitFor({ state: 'attached', timeout: 20000 });
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
    const input = this.page.locator('input#json-file');
    if (typeof file === 'string') {
      await input.setInputFiles(file);
    } else {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(file) });
    }
  }

  /** "Importera SIE" through its hidden <input type=file>: a file's path. */
  async importSie(path) {
    await this.page.locator('input#sie-file').setInputFiles(path);
    await this.page.locator('[role=dialog][aria-labelledby=sie-title]').waitFor();
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

  /**
   * The preview's whole text as laid out (innerText), off-screen parts included: the preview
   * skips laying out what is off screen (content-visibility: auto), and innerText leaves such
   * parts out. A copy outside the preview pane is laid out in full, then removed.
   */
  async previewText() {
    return this.preview().evaluate((el) => {
      const copy = el.cloneNode(true);
      copy.removeAttribute('class');
      for (const e of copy.querySelectorAll('[id]')) e.removeAttribute('id');
      const box = document.createElement('div');
      box.setAttribute('aria-hidden', 'true');
      box.style.cssText = `position:absolute;left:-100000px;top:0;width:${el.clientWidth || 800}px`;
      box.className = 'report-text-probe';
      box.appendChild(copy);
      document.body.appendChild(box);
      try {
        return copy.innerText;
      } finally {
        box.remove();
      }
    });
  }

  /** The preview's Innehåll: the top entries' texts ("1Sammanfattning" → number and title). */
  async previewToc() {
    return this.preview()
      .locator('nav.toc#innehall > ol > li > a')
      .evaluateAll((as) =>
        as.map((a) => ({
          number: a.querySelector('.number')?.textContent.trim() ?? '',
          title: [...a.childNodes]
            .filter((n) => !(n.nodeType === 1 && n.classList.contains('number')))
            .map((n) => n.textContent)
            .join('')
            .trim(),
          href: a.getAttribute('href'),
        })),
      );
  }

  /** The preview's narrative chapters: [{id, number, title}], in order. */
  async previewChapters() {
    return this.preview()
      .locator('div.part.chapters > section.chapter')
      .evaluateAll((els) =>
        els.map((s) => {
          const h = s.querySelector('h2, h3, h4');
          const number = h?.querySelector('.number')?.textContent.trim() ?? '';
          return {
            id: s.id,
            number,
            title: (h?.textContent ?? '').trim().slice(number.length).trim(),
          };
        }),
      );
  }

  /** The amounts of a statement row in the preview (`line-<id>` or `line-<id>-sum`). */
  async previewAmounts(rowId) {
    return this.preview()
      .locator(`tr#${rowId} td.amount`)
      .evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  /** The ids of the narrative sections in the editor, in order (`data-section`). */
  async editorSectionIds() {
    return this.page
      .locator('main#editor article.section-editor')
      .evaluateAll((els) => els.map((e) => e.dataset.section));
  }

  /** The editor article of a section (its tools: move, delete, the placeholder list). */
  sectionEditor(sectionId) {
    return this.page.locator(`main#editor article.section-editor[data-section="${sectionId}"]`);
  }

  /** The "Infoga uträknad uppgift" list of a section. */
  placeholderSelect(sectionId) {
    return this.page.locator(`select#sec-body-${sectionId}-figur`);
  }

  // ---- notes ---------------------------------------------------------------------------------

  noteEditor(noteId) {
    return this.page.locator(`main#editor article#edit-note-${noteId}`);
  }

  /** The row ids of a note table in the editor, in order. */
  async noteRowIds(noteId) {
    return this.noteEditor(noteId)
      .locator('table.note-table-editor tbody tr th input[id^="row-"]')
      .evaluateAll((els) => els.map((e) => e.id.slice('row-'.length)));
  }

  /** The column ids of a note table in the editor, in order. */
  async noteColumnIds(noteId) {
    return this.noteEditor(noteId)
      .locator('table.note-table-editor thead input[id^="col-"]')
      .evaluateAll((els) => els.map((e) => e.id.slice('col-'.length)));
  }

  noteCell(noteId, rowId, columnId) {
    return this.page.locator(`input#ncell-${noteId}-${rowId}-${columnId}`);
  }

  /** The texts of a note table's sum row in the editor (the computed cells). */
  async noteSumTexts(noteId, rowId) {
    return this.noteEditor(noteId)
      .locator('table.note-table-editor tbody tr', { has: this.page.locator(`input#row-${rowId}`) })
      .locator('td.computed')
      .evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
  }

  // ---- statements: detail rows ---------------------------------------------------------------

  /** The detail rows' ids of an input line, from their amount cells in year 0, in order. */
  async detailRowIds(lineId) {
    return this.page
      .locator(`main#editor tr.detail-row input.money[id^="cell-${lineId}-"][id$="-0"]`)
      .evaluateAll(
        (els, line) => els.map((e) => e.id.slice(`cell-${line}-`.length, -'-0'.length)),
        lineId,
      );
  }

  detailCell(lineId, rowId, year) {
    return this.page.locator(`input#cell-${lineId}-${rowId}-${year}`);
  }

  /** The `tr` of a statement line in the editor (the input or heading row). */
  lineRow(lineId) {
    return this.page.locator(
      `main#editor table.statement-editor tr:is(.input-row, .group-row, .result-row)[data-line="${lineId}"]`,
    );
  }

  // ---- checks --------------------------------------------------------------------------------

  /** The button of a listed problem in the Kontroller part (the part must be open). */
  problemButton(code) {
    return this.page.locator(`main#editor section.checks ul.problems li[data-code="${code}"] button.problem`);
  }

  // ---- focus and caret -----------------------------------------------------------------------

  /** document.activeElement: its id, tag, whether it is inside main#editor, its caret. */
  async active() {
    return this.page.evaluate(() => {
      const e = document.activeElement;
      return {
        id: e?.id ?? '',
        tag: e?.tagName.toLowerCase() ?? '',
        inEditor: !!e?.closest('main#editor'),
        selectionStart: typeof e?.selectionStart === 'number' ? e.selectionStart : null,
        selectionEnd: typeof e?.selectionEnd === 'number' ? e.selectionEnd : null,
        value: typeof e?.value === 'string' ? e.value : null,
      };
    });
  }

  /** Focuses a text field and puts the caret at `pos` (UTF-16 units). */
  async setCaret(locator, pos) {
    await locator.evaluate((e, p) => {
      e.focus();
      e.setSelectionRange(p, p);
    }, pos);
  }

  // ---- Mina årsredovisningar -----------------------------------------------------------------

  /** Opens "Mina årsredovisningar" (if not open) and returns the dialog. */
  async openReportList() {
    const dialog = this.page.locator('.dialog', { has: this.page.locator('ul.report-list') });
    if (!(await dialog.count())) await this.toolbarButton('Mina årsredovisningar').click();
    await dialog.waitFor();
    return dialog;
  }

  /** The list's entries: [{id, title, current}], in order (the dialog must be open). */
  async reportEntries() {
    return this.page.locator('.dialog ul.report-list li').evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.dataset.report,
        title: li.querySelector('input.report-title')?.value ?? '',
        current: li.classList.contains('current'),
      })),
    );
  }

  reportItem(id) {
    return this.page.locator(`.dialog ul.report-list li[data-report="${id}"]`);
  }

  /** localStorage kassoren.index, parsed. */
  async storedIndex() {
    return JSON.parse((await this.page.evaluate(() => localStorage.getItem('kassoren.index'))) ?? 'null');
  }

  async currentId() {
    return this.page.evaluate(() => localStorage.getItem('kassoren.current'));
  }

  /** The report stored for an id (parsed), or null. */
  async storedReport(id) {
    const text = await this.page.evaluate((k) => localStorage.getItem(k), `kassoren.report.${id}`);
    return text === null ? null : JSON.parse(text);
  }

  // ---- drag and drop -------------------------------------------------------------------------

  /**
   * Drops a file on the page as the browser would: 'dragenter', 'dragover' and 'drop' on
   * document.body with a DataTransfer holding it. Returns whether 'dragover' and 'drop' had their
   * default prevented (they must be, or the browser would navigate to the file).
   */
  async dropFile(text, name = 'arsredovisning.json', type = 'application/json') {
    return this.page.evaluate(
      ({ text, name, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type }));
        const fire = (kind) => {
          const ev = new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: dt });
          document.body.dispatchEvent(ev);
          return ev.defaultPrevented;
        };
        fire('dragenter');
        const over = fire('dragover');
        const dropped = fire('drop');
        return { over, dropped };
      },
      { text, name, type },
    );
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
