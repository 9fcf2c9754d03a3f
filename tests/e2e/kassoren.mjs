// The page object for Kassören's editor, and the few helpers the tests and the benchmark share.
//
// Element ids and classes come from src/app.rs, src/components/*.rs and engine/src/render.rs; the
// ids built from parts are built by `ids` below, the local-storage keys are in storage.mjs. The
// tests reach the page only through this object.

import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { ROOT } from './server.mjs';
import { STORAGE, FILLER_PREFIX, fillQuotaInPage, freeQuotaInPage } from './storage.mjs';

export { ROOT, STORAGE };
export const EXAMPLE_PATH = path.join(ROOT, 'examples', 'ideell-forening.json');
/** The SIE sample files the tests import (tests/fixtures/sie/, see SOURCES.txt there). */
export const SIE_SAMPLES = path.join(ROOT, 'tests', 'fixtures', 'sie');
export const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Debian's Chromium, headless; never a downloaded browser. `args`: more flags (`--lang=en-US`). */
export function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      ...args,
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

/**
 * The DOM ids the app builds from parts, one function each, in the app's formats
 * (src/components/statement.rs, inputs.rs, narrative.rs, notes.rs, checks.rs; the preview's in
 * engine/src/render.rs). Prefixes are the functions called with '' for the last parts.
 */
export const ids = {
  /** An amount cell of an input line; year 0 is the fiscal year. */
  cell: (line, year) => `cell-${line}-${year}`,
  /** A budget cell of a resultaträkning input line: `this` (Budget <år>) or `next` (Budget <år+1>). */
  budgetCell: (line, which) => `budget-${line}-${which}`,
  /** An amount cell of a detail row of an input line. */
  detailCell: (line, row, year) => `cell-${line}-${row}-${year}`,
  /** The message under an amount field that was refused. */
  fieldError: (fieldId) => `${fieldId}-fel`,
  /** The label field of a statement line or of a detail row. */
  label: (line) => `label-${line}`,
  sectionTitle: (section) => `sec-title-${section}`,
  sectionBody: (section) => `sec-body-${section}`,
  /** The "Infoga uträknad uppgift" list of a section. */
  placeholderSelect: (section) => `${ids.sectionBody(section)}-figur`,
  noteEditor: (note) => `edit-note-${note}`,
  noteCell: (note, row, column) => `ncell-${note}-${row}-${column}`,
  /** A note table row's label field in the editor. */
  noteRow: (row) => `row-${row}`,
  /** A note table column's header field in the editor. */
  noteColumn: (column) => `col-${column}`,
  /** A statement line's row in the preview. */
  previewLine: (line) => `line-${line}`,
  /** A group's sum row in the preview. */
  previewLineSum: (line) => `${ids.previewLine(line)}-sum`,
  previewSection: (section) => `section-${section}`,
  previewNote: (note) => `note-${note}`,
  previewNoteRow: (note, row) => `${ids.previewNote(note)}-row-${row}`,
};

/**
 * A statement line in a report's JSON (the resultaträkning's, then the balansräkning's), found
 * among the groups' children at any depth; null if there is none.
 */
export function reportLine(report, lineId) {
  const find = (lines) => {
    for (const l of lines) {
      if (l.id === lineId) return l;
      const kids = l.kind.group?.children;
      const hit = kids && find(kids);
      if (hit) return hit;
    }
    return null;
  };
  return find(report.income_statement.lines) ?? find(report.balance_sheet?.lines ?? []);
}

/**
 * The page's plain places, each a method of Kassoren named after what the treasurer sees there
 * (`app.editor()`, `app.notice()`, …) that returns its locator: one selector each, here; a pair
 * [place, selector] is found inside another place.
 */
const PLACES = {
  /** The editor pane. */
  editor: 'main#editor',
  /** The list of parts. */
  sidebar: 'nav.sidebar',
  /** The preview pane (its body is preview()). */
  previewPane: 'aside.preview',
  /** The "Redigera" / "Förhandsvisning" tabs of a narrow screen. */
  paneTabs: '.pane-tabs',
  /** The "Exempel" badge by the title. */
  exampleBadge: 'header.toolbar .doc-title .badge.example',
  /** The banner above the editor while the example is open. */
  exampleBanner: '.example-banner',
  /** The page's look while a file is dragged over it. */
  draggingLook: '.app.dragging',
  /** "Sparat", "Sparar…" or "Inte sparat". */
  saveStatus: '[data-testid=save-status]',
  /** The banner that offers a new deployment. */
  updateBanner: '[data-testid=update-banner]',
  /** The SIE import dialog. */
  sieDialog: '[role=dialog][aria-labelledby=sie-title]',
  /** The notice under the toolbar (what just happened). */
  notice: '.notice',
  /** The notice when it tells of an error. */
  errorNotice: '.notice.error',
  /** The banner shown when an edit could not be saved in the browser. */
  saveFailedBanner: '.save-failed',
  /**
   * The banner shown while this tab does not write because of another tab (the same place
   * saved at the same time, or a version it cannot read).
   */
  heldBanner: '.notice.held',
  /** Any open dialog. */
  dialog: '.dialog',
  /** The organisation's name field. */
  orgName: '#org-name',
  /** The Organisation och år part's fields (their text shows the form, e.g. "Aktiebolag"). */
  organisationForm: 'main#editor .form-grid',
  /** Förvaltningsberättelse: förändringar i eget kapital. */
  equityTable: 'main#editor table.figures.equity',
  /** The preview of the printed report. */
  preview: 'aside.preview .preview-body',
  /** Any image on the page with src=x or an onerror attribute (what an injection would leave). */
  injectedImages: 'img[src=x], img[onerror]',
  /** Every detail row in the editor. */
  detailRows: 'main#editor tr.detail-row',
  /** The comment's text field. */
  commentText: '#comment-text',
  /** The place the new comment is about, as chosen in its list. */
  chosenCommentTarget: '#comment-target option:checked',
  /** The comments listed in Granskning. */
  comments: 'ul.comments li.comment',
  /** The toolbar's count of open comments. */
  openComments: '[data-testid=open-comments]',
  /** The reviews listed in Granskning. */
  reviews: '[data-testid=reviews] li',
  /** The comparison of a copy with this version. */
  comparison: 'section.compare',
  /** The rows of the "Konton från SIE" table. */
  mappingRows: 'table.mapping tbody tr',
  /** The open report's title field in the list. */
  currentReportTitle: '.dialog ul.report-list li.current input.report-title',
  /** What the list says of the local storage used. */
  storageUsed: '[data-testid=storage-used]',
  /** What the list says of persistent storage. */
  persistenceNote: '[data-testid=persistence]',
  /** The preview's title page. */
  previewTitlePage: ['preview', '#titelsida'],
  /** The "Exempel" mark on the preview's title page. */
  previewExampleMarker: ['preview', '.example-marker'],
  /** The images in the preview. */
  previewImages: ['preview', 'img'],
  /** The comparison's changes that do not conflict. */
  comparedChanges: ['comparison', 'li.change'],
  /** The comparison's conflicts (the same place changed in both). */
  comparedConflicts: ['comparison', 'li.conflict'],
  /** The comparison's marked new words. */
  comparedInsertions: ['comparison', 'ins'],
  /** The comparison's struck-through removed words. */
  comparedDeletions: ['comparison', 'del'],
  /** The comparison's one-line summary ("3 skillnader i …", or "Inga nya ändringar …"). */
  compareSummary: ['comparison', '[data-testid=compare-summary]'],
  /** The note that a file shares no history with this version (every difference a conflict). */
  compareUnrelated: ['comparison', '[data-testid=compare-unrelated]'],
  /** The SIE dialog's list of forms (shown when the file does not tell the form). */
  sieForm: ['sieDialog', '#sie-form'],
  /** The SIE dialog's alert (what must be chosen before importing). */
  sieAlert: ['sieDialog', '[role=alert]'],
  /** The SIE dialog's warnings, errors first. */
  sieWarnings: ['sieDialog', 'ul.sie-warnings li'],
  /** The SIE dialog's first day of the fiscal year (shown for a file without #RAR). */
  sieYearStart: ['sieDialog', '#sie-year-start'],
  /** The SIE dialog's last day of the fiscal year (shown for a file without #RAR). */
  sieYearEnd: ['sieDialog', '#sie-year-end'],
};

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
  static async fresh(browser, baseURL, { locale = 'sv-SE', viewport = { width: 1400, height: 900 } } = {}) {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport,
      locale,
    });
    const page = await context.newPage();
    const app = new Kassoren(page, baseURL);
    app.context = context;
    app.requests = [];
    // The page's own requests, not the service worker's (which keeps every file for offline use).
    context.on('request', (request) => {
      if (!request.serviceWorker()) app.requests.push(request.url());
    });
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

  /** The page's address. */
  url() {
    return this.page.url();
  }

  // ---- tabs, windows and the network ---------------------------------------------------------

  /**
   * The app in another tab of the same browser profile, loaded. Its page errors go to this
   * app's list (so the harness fails the test on them) unless `shareErrors` is false.
   */
  async newTab({ shareErrors = true } = {}) {
    const context = this.context ?? this.page.context();
    const other = new Kassoren(await context.newPage(), this.baseURL);
    other.context = context;
    if (shareErrors) other.pageErrors = this.pageErrors;
    await other.goto();
    return other;
  }

  /** Closes this tab (its `beforeunload` handlers run if `runBeforeUnload`). */
  async closeTab({ runBeforeUnload = false } = {}) {
    await this.page.close({ runBeforeUnload });
  }

  /** The tab's renderer dies at once, as when the browser is killed: no event reaches the page. */
  async crash() {
    const cdp = await (this.context ?? this.page.context()).newCDPSession(this.page);
    // The answer never comes: the page is gone.
    cdp.send('Page.crash').catch(() => {});
    await this.page.waitForEvent('crash', { timeout: 5000 });
  }

  /** The page goes to the background as the browser hides it: `visibilitychange` to hidden. */
  async hideTab() {
    await this.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
  }

  /** Makes this tab the one in front (the others are hidden). */
  async bringToFront() {
    await this.page.bringToFront();
  }

  /** The treasurer comes back to the tab: a `visibilitychange` event. */
  async comeBackToTab() {
    await this.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  }

  async setViewport(width, height) {
    await this.page.setViewportSize({ width, height });
  }

  /** Takes the browser profile off the network (or back on). */
  async setOffline(offline) {
    await (this.context ?? this.page.context()).setOffline(offline);
  }

  /** Calls `listener` with every request of the browser profile. */
  onRequest(listener) {
    (this.context ?? this.page.context()).on('request', listener);
  }

  /** Waits until the service worker controls the page (it has cached the whole build then). */
  async waitForServiceWorker() {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  }

  /** The scope of the service worker the page registered. */
  async serviceWorkerScope() {
    return this.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  }

  /** The web app manifest, as the page fetches it. */
  async manifest() {
    return this.page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
  }

  /** What Chromium says keeps it from offering to install the app: [{errorId, …}]. */
  async installabilityErrors() {
    const cdp = await (this.context ?? this.page.context()).newCDPSession(this.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return installabilityErrors;
  }

  /** The content of a `<meta name=…>` in the page, or undefined. */
  async metaContent(name) {
    return this.page.evaluate((n) => document.querySelector(`meta[name="${n}"]`)?.content, name);
  }

  /** Whether the browser has promised to keep the storage (asked for a while: ~2 s). */
  async storagePersisted() {
    return this.page.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        if (await navigator.storage.persisted()) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    });
  }

  /** "Ladda om" in the update banner: waits for the new page to load and be ready. */
  async acceptUpdate() {
    await Promise.all([
      this.page.waitForEvent('load', { timeout: 30000 }),
      this.updateBanner().getByRole('button', { name: 'Ladda om' }).click(),
    ]);
    await this.ready();
  }

  /** Prints an HTML document with headless Chromium (in a page of its own): the PDF's bytes. */
  async printToPdf(html) {
    const printPage = await (this.context ?? this.page.context()).newPage();
    await printPage.setContent(html, { waitUntil: 'load' });
    const pdf = await printPage.pdf({ preferCSSPageSize: true, printBackground: true });
    await printPage.close();
    return pdf;
  }

  // ---- keyboard and focus --------------------------------------------------------------------

  /** Presses a key or a chord ("Tab", "Control+z", …) where the focus is. */
  async press(key) {
    await this.page.keyboard.press(key);
  }

  /** Types text key by key where the focus is. */
  async type(text) {
    await this.page.keyboard.type(text);
  }

  /** Clicks into a field and selects all of its text with Ctrl+A (what a key then replaces). */
  async selectAll(field) {
    await field.click();
    await this.press('Control+A');
  }

  /** Leaves a field (blur), as a click elsewhere would. */
  async blur(field) {
    await field.evaluate((e) => e.blur());
  }

  /** Clicks an empty corner of the page and drops the focus, so that Tab starts from the top. */
  async dropFocus() {
    await this.page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await this.page.evaluate(() => document.activeElement?.blur());
  }

  /** Waits until the element with this id has the focus. */
  async waitForFocus(id) {
    await this.page.waitForFunction((i) => document.activeElement?.id === i, id);
  }

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

  /**
   * Where Tab put the focus, and how it looks: the element's tag, id, text, the region it is in
   * (toolbar, sidebar, editor, preview or other), its outline, whether it matches
   * :focus-visible and whether it is the editor's first field; null when nothing is focused.
   */
  async focusStop() {
    return this.page.evaluate(() => {
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
  }

  /** The `data-statement` ("income" or "balance") of the statement the focused field is in. */
  async focusedStatement() {
    return this.page.evaluate(() => document.activeElement.closest('table.statement-editor')?.dataset.statement);
  }

  /** Whether the focused element lies wholly inside the editor pane's visible area. */
  async focusInEditorView() {
    return this.page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      const pane = document.querySelector('main#editor').getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom;
    });
  }

  /** Focuses a text field and puts the caret at `pos` (UTF-16 units). */
  async setCaret(locator, pos) {
    await locator.evaluate((e, p) => {
      e.focus();
      e.setSelectionRange(p, p);
    }, pos);
  }

  /** Whether an element has a class. */
  async hasClass(locator, name) {
    return locator.evaluate((e, n) => e.classList.contains(n), name);
  }

  // ---- accessibility -------------------------------------------------------------------------

  /** An axe-core scan of the whole page: its violations, each with up to five of its elements. */
  async axeViolations() {
    if (!(await this.page.evaluate(() => typeof window.axe !== 'undefined'))) {
      // Evaluated by the test driver: the page's CSP rightly refuses an inline <script>.
      await this.page.evaluate(await fs.readFile(AXE_PATH, 'utf8'));
    }
    return this.page.evaluate(async () => {
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

  // ---- layout (the panes themselves: PLACES) --------------------------------------------

  paneTab(name) {
    return this.paneTabs().getByRole('tab', { name });
  }

  /** How many px the page is wider than the window (0 or less: no sideways scrolling). */
  async horizontalOverflow() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  // ---- toolbar -----------------------------------------------------------------------------

  toolbarButton(name) {
    return this.page.locator('header.toolbar nav.actions button', {
      hasText: new RegExp(`^${escapeRegExp(name)}$`),
    });
  }

  /** The phone's "Meny" button (hidden on a wider screen). */
  menuButton() {
    return this.page.locator('header.toolbar button.menu-button');
  }

  /** Clicks a toolbar action, opening the phone's menu first when the toolbar is folded. */
  async toolbarAction(name) {
    const menu = this.menuButton();
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await this.toolbarButton(name).click();
  }

  /** "Nästa år": the dialog that explains it and asks first. */
  nextYearDialog() {
    return this.page.locator('[role=dialog][aria-labelledby=next-year-title]');
  }

  /** "Nästa år", then "Skapa nästa års årsredovisning" in its dialog. */
  async nextYear() {
    await this.toolbarAction('Nästa år');
    const dialog = this.nextYearDialog();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Skapa nästa års årsredovisning' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The page's own scroll position (the document never scrolls: only its panes do). */
  async documentScroll() {
    return this.page.evaluate(() => ({
      top: document.scrollingElement.scrollTop,
      left: document.scrollingElement.scrollLeft,
    }));
  }

  /** Whether the toolbar is wholly in the window. */
  async toolbarInView() {
    return this.page.evaluate(() => {
      const r = document.querySelector('header.toolbar').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
    });
  }

  /**
   * Names and labels in the editor whose text is cut (wider than their box): table headings,
   * line names, field labels, note references. Each as {id, text, scroll, client}.
   */
  async cutTexts() {
    return this.page.evaluate(() => {
      const cut = [];
      const sel = 'main#editor :is(th, td, .field-label, textarea.label-text, .note-ref select, label, legend, h2, h3, button)';
      for (const el of document.querySelectorAll(sel)) {
        if (!el.getClientRects().length) continue;
        const style = getComputedStyle(el);
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
        if (el.scrollWidth > el.clientWidth + 1 || (el.tagName === 'TEXTAREA' && el.scrollHeight > el.clientHeight + 1)) {
          cut.push({ id: el.id, tag: el.tagName, text: (el.value ?? el.textContent).trim().slice(0, 40), scroll: el.scrollWidth, client: el.clientWidth });
        }
      }
      return cut;
    });
  }

  async title() {
    return (await this.page.locator('header.toolbar .doc-title').innerText()).trim();
  }

  /**
   * Waits until the latest edit is written to local storage: the status leaves "Sparat" after an
   * edit (it shows "Sparar…" for 400 ms at least) and comes back to "Sparat".
   */
  async waitSaved() {
    const status = PLACES.saveStatus;
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

  /**
   * From now on, records every text the save status shows, with the time and whether the open
   * report's stored JSON then had `needle` (read with savedStatusLog).
   */
  async watchSaveStatus(needle) {
    await this.page.evaluate(
      ({ needle, status, currentKey, reportPrefix }) => {
        const el = document.querySelector(status);
        window.__status = [];
        const record = () => {
          const id = localStorage.getItem(currentKey);
          const stored = localStorage.getItem(`${reportPrefix}${id}`) ?? '';
          const text = el.textContent.trim();
          if (window.__status.at(-1)?.text !== text) {
            window.__status.push({ text, t: performance.now(), stored: stored.includes(needle) });
          }
        };
        new MutationObserver(record).observe(el, { childList: true, characterData: true, subtree: true });
      },
      { needle, status: PLACES.saveStatus, currentKey: STORAGE.current, reportPrefix: STORAGE.report('') },
    );
  }

  /**
   * What watchSaveStatus recorded, once the status is "Sparat" again (and, if `sawSaving`,
   * after it showed "Sparar…"): [{text, t, stored}].
   */
  async savedStatusLog({ sawSaving = false } = {}) {
    await this.page.waitForFunction(
      (sawSaving) =>
        (!sawSaving || window.__status.some((s) => s.text === 'Sparar…')) && window.__status.at(-1)?.text === 'Sparat',
      sawSaving,
      { timeout: 5000 },
    );
    return this.page.evaluate(() => window.__status);
  }

  /** The page's clock (performance.now(), ms), to compare with the times savedStatusLog gives. */
  async now() {
    return this.page.evaluate(() => performance.now());
  }

  /**
   * Clicks `clickable` and waits for the download it starts (within `timeout` ms, Playwright's
   * default if not given): {name, bytes, text}.
   */
  async downloadFrom(clickable, { timeout } = {}) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', timeout === undefined ? {} : { timeout }),
      clickable.click(),
    ]);
    const file = await download.path();
    const bytes = await fs.readFile(file);
    return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  }

  async download(buttonName) {
    return this.downloadFrom(this.toolbarButton(buttonName), { timeout: 10000 });
  }

  /** "Spara som fil": the downloaded JSON's text. */
  async saveJson() {
    return (await this.download('Spara som fil')).text;
  }

  /** "Ladda ner utskrift": the downloaded HTML's text (as a draft if the report has errors). */
  async downloadHtml() {
    return (await this.downloadPrintout()).text;
  }

  /** Chooses a file in a hidden <input type=file>: a path, or bytes (Buffer, Uint8Array) under `name`. */
  async #chooseFile(input, file, name, mimeType) {
    if (typeof file === 'string') {
      await input.setInputFiles(file);
    } else {
      await input.setInputFiles({ name, mimeType, buffer: Buffer.from(file) });
    }
  }

  /**
   * "Öppna fil" through the hidden <input type=file>: a file's path, or its bytes (a Buffer or
   * Uint8Array) under `name`.
   */
  async openFile(file, name = 'arsredovisning.json') {
    await this.#chooseFile(this.page.locator('input#json-file'), file, name, 'application/json');
  }

  /** "Importera SIE" with a file: its path, or its bytes under `name` (the dialog may not open). */
  async chooseSieFile(file, name = 'bokforing.se') {
    await this.#chooseFile(this.page.locator('input#sie-file'), file, name, 'text/plain');
  }

  /** "Importera SIE" through its hidden <input type=file>: a file's path; waits for the dialog. */
  async importSie(path) {
    await this.chooseSieFile(path);
    await this.sieDialog().waitFor();
  }

  /** The SIE import dialog's "Importera" button. */
  sieImportButton() {
    return this.sieDialog().getByRole('button', { name: 'Importera', exact: true });
  }

  /** "Importera" in the SIE dialog; waits until the dialog is gone. */
  async confirmSieImport() {
    await this.sieImportButton().click();
    await this.sieDialog().waitFor({ state: 'detached' });
  }

  /** In the SIE dialog, imports over the open report (the first choice) rather than as a new one. */
  async chooseSieOverOpenReport() {
    await this.sieDialog().locator('input[name=sie-target]').first().check();
  }

  /** The notice that says `text`. */
  noticeWith(text) {
    return this.page.locator('.notice', { hasText: text });
  }

  async closeNotice() {
    const n = this.notice();
    if (await n.count()) {
      await n.getByRole('button', { name: 'Stäng' }).click();
      await n.waitFor({ state: 'detached' });
    }
  }

  /** "Ladda ner som fil" in the save-failed banner: the download. */
  async downloadUnsaved() {
    return this.downloadFrom(this.saveFailedBanner().getByRole('button', { name: 'Ladda ner som fil' }));
  }

  /** "Behåll den här flikens version" in the held banner (the same place changed in two tabs). */
  async keepThisTabsVersion() {
    await this.heldBanner().getByRole('button', { name: 'Behåll den här flikens version' }).click();
    await this.heldBanner().waitFor({ state: 'detached' });
  }

  /** "Visa den andra flikens version" in the held banner. */
  async showOtherTabsVersion() {
    await this.heldBanner().getByRole('button', { name: 'Visa den andra flikens version' }).click();
    await this.heldBanner().waitFor({ state: 'detached' });
  }

  /** "Ångra" in the toolbar. */
  undoButton() {
    return this.page.getByRole('button', { name: 'Ångra', exact: true });
  }

  async undo() {
    await this.undoButton().click();
  }

  async redo() {
    await this.page.getByRole('button', { name: 'Gör om', exact: true }).click();
  }

  /** The open dialog's close button. */
  async closeDialog() {
    await this.page.locator('.dialog button.close').click();
  }

  /** A button that answers a question (`.confirm`): "Avbryt", "Ja, ta bort", … */
  answerButton(confirm, name) {
    return confirm.getByRole('button', { name });
  }

  async answer(confirm, name) {
    await this.answerButton(confirm, name).click();
  }

  /**
   * Creates a report with "Ny rapport". `form` is a slug, e.g. "aktiebolag"; `document` a
   * document type's slug (e.g. "verksamhetsberattelse"), else the one the form calls for.
   */
  async newReport({ name, orgNr = '', form = 'ideell-forening', document }) {
    await this.toolbarButton('Ny rapport').click();
    const dialog = this.page.locator('form.dialog');
    await dialog.waitFor();
    await dialog.locator('#new-name').fill(name);
    if (orgNr) await dialog.locator('#new-orgnr').fill(orgNr);
    await dialog.locator('#new-form').selectOption(form);
    if (document) await dialog.locator(`#new-document-${document}`).check();
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The document type shown in the title bar ("Årsredovisning", "Verksamhetsberättelse" …). */
  async documentType() {
    return (await this.page.locator('[data-testid=document-type]').innerText()).trim();
  }

  /** Chooses the open report's document type (a slug) under Organisation och år. */
  async chooseDocument(slug) {
    await this.openPart('Organisation och år');
    await this.page.locator(`#org-document-${slug}`).check();
  }

  /** What the report holds that its document type does not print (the list under the choice). */
  notPrinted() {
    return this.page.locator('[data-testid=not-printed] li');
  }

  /** The one-time question whether a report from an older file is the right document type. */
  confirmDocument() {
    return this.page.locator('[data-testid=confirm-document]');
  }

  /** "Mina rapporter": the titles in the list (the dialog stays open). */
  async reportTitles() {
    await this.toolbarButton('Mina rapporter').click();
    const list = this.page.locator('.dialog ul.report-list');
    await list.waitFor();
    const inputs = list.locator('li input.report-title');
    return inputs.evaluateAll((els) => els.map((e) => e.value));
  }

  // ---- sidebar and parts -------------------------------------------------------------------

  partButton(label) {
    return this.page.locator('nav.sidebar button', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) });
  }

  /** The parts the sidebar lists, in order, without their counts or chapters. */
  async partLabels() {
    return this.page.locator('nav.sidebar > ul > li > button').evaluateAll((els) =>
      els.map((b) => {
        const copy = b.cloneNode(true);
        copy.querySelectorAll('.counts').forEach((c) => c.remove());
        return copy.textContent.trim();
      }),
    );
  }

  async openPart(label) {
    const button = this.partButton(label);
    await button.click();
    await this.waitPartOpen(label);
  }

  /** Waits until the sidebar marks the part as the open one. */
  async waitPartOpen(label) {
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

  /** The statement editor: "income" or "balance", or whichever is open. */
  statementEditor(kind) {
    return this.page.locator(`main#editor table.statement-editor${kind ? `[data-statement=${kind}]` : ''}`);
  }

  /** The years over the statement editor's amount columns, in order. */
  async statementYears() {
    return this.statementEditor()
      .locator('thead th.num')
      .evaluateAll((ths) => ths.map((th) => th.textContent.trim()));
  }

  /** The amount fields of the open statement. */
  amountFields() {
    return this.statementEditor().locator('input.money');
  }

  /** The ids of the open statement's amount cells of a year that are not empty. */
  async filledCellIds(year) {
    return this.statementEditor()
      .locator(`input.money[id$="-${year}"]`)
      .evaluateAll((els) => els.filter((e) => e.value !== '').map((e) => e.id));
  }

  /**
   * The open statement's rows in order, each as its line id (`data-line`) or else the id of its
   * first amount field (detail rows).
   */
  async statementRowKeys() {
    return this.statementEditor()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.dataset.line ?? tr.querySelector('input.money')?.id ?? ''));
  }

  /** The input cell of a line and year (0 = the fiscal year). */
  cell(lineId, year) {
    return this.page.locator(`input#${ids.cell(lineId, year)}`);
  }

  /** The message under a refused amount cell. */
  cellError(lineId, year) {
    return this.page.locator(`#${ids.fieldError(ids.cell(lineId, year))}`);
  }

  /** The label field of a statement line or of a detail row. */
  label(lineId) {
    return this.page.locator(`textarea#${ids.label(lineId)}`);
  }

  computedCell(lineId, year) {
    return this.page.locator(`td.computed[data-line="${lineId}"][data-year="${year}"]`);
  }

  /** Types `text` into an amount cell as one input event (like a paste), then leaves it. */
  async typeAmount(lineId, year, text, { blur = true } = {}) {
    const cell = this.cell(lineId, year);
    await cell.fill(text);
    if (blur) await this.blur(cell);
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

  // ---- budget --------------------------------------------------------------------------------

  /** "Visa budget" in the resultaträkning editor. */
  budgetToggle() {
    return this.page.locator('input#budget-shown');
  }

  /** "Visa avvikelse" in the resultaträkning editor. */
  deviationToggle() {
    return this.page.locator('input#budget-deviation');
  }

  /** The budget cell of an input line: `which` is `this` (Budget <år>) or `next` (Budget <år+1>). */
  budgetCell(lineId, which) {
    return this.page.locator(`input#${ids.budgetCell(lineId, which)}`);
  }

  /** Types into a budget cell as one input event, then leaves it. */
  async typeBudget(lineId, which, text) {
    const cell = this.budgetCell(lineId, which);
    await cell.fill(text);
    await this.blur(cell);
  }

  /** A computed budget cell of a sum or result (`this`, `next`) or a line's deviation (`deviation`), as shown. */
  async budgetComputedText(lineId, which) {
    return (await this.page.locator(`td.computed[data-line="${lineId}"][data-budget="${which}"]`).innerText()).trim();
  }

  /** The headings of the open statement editor's columns after "Post". */
  async statementHeadings() {
    return this.statementEditor()
      .locator('thead th.num')
      .evaluateAll((ths) => ths.map((th) => th.textContent.trim()));
  }

  /** The headings of a statement table in the preview, by its part's anchor (`resultatrakning`, `budgetuppfoljning`). */
  async previewHeadings(anchor) {
    return this.preview()
      .locator(`section#${anchor} thead th.amount`)
      .evaluateAll((ths) => ths.map((th) => th.textContent));
  }

  /**
   * How far the editor's content reaches past its width, in px (0: no sideways scrolling): the
   * pane itself and every table in it that scrolls on its own (`.table-scroll`).
   */
  async editorOverflowX() {
    return this.page.locator('main#editor').evaluate((e) =>
      Math.max(...[e, ...e.querySelectorAll('.table-scroll')].map((x) => x.scrollWidth - x.clientWidth)),
    );
  }

  /** How far a part's table in the preview reaches past the page's text width, in px (≤ 0: it fits). */
  async previewTableOverflow(anchor) {
    return this.preview()
      .locator(`section#${anchor} table`)
      .first()
      .evaluate((t) => {
        const page = t.closest('.report');
        const s = getComputedStyle(page);
        const inner = page.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        // The page may be scaled to fit the pane: compare in the page's own (unscaled) pixels.
        return t.offsetWidth - inner;
      });
  }

  /** The widest money cell's figure that does not fit its field, in px (0: every figure is whole). */
  async cutFigures() {
    return this.page.locator('main#editor input.money').evaluateAll((els) =>
      Math.max(0, ...els.map((e) => e.scrollWidth - e.clientWidth)),
    );
  }

  /** "Skriv ut en kassaflödesanalys" under Organisation och år (the part must be open). */
  cashFlowChoice() {
    return this.page.locator('input#settings-cash-flow');
  }

  /** A row of the preview's kassaflödesanalys (`arets_kassaflode`, `likvida_slut` …): its amounts. */
  async previewCashFlow(rowId) {
    return this.preview()
      .locator(`section#kassaflodesanalys tr#kf-${rowId} td.amount`)
      .evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  /** The preview's Innehåll: each entry's text. */
  async previewContents() {
    return this.preview()
      .locator('.toc a')
      .evaluateAll((as) => as.map((a) => a.textContent.replace(/\s+/g, ' ').trim()));
  }

  /** A line's amounts in the preview's Budgetuppföljning. */
  async previewBudgetAmounts(lineId) {
    return this.preview()
      .locator(`section#budgetuppfoljning tr#${ids.previewLine(lineId)} td.amount`)
      .evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  // ---- narrative -----------------------------------------------------------------------------

  sectionBody(sectionId) {
    return this.page.locator(`textarea#${ids.sectionBody(sectionId)}`);
  }

  sectionTitle(sectionId) {
    return this.page.locator(`#${ids.sectionTitle(sectionId)}`);
  }

  /** "Nytt kapitel". */
  async addChapter() {
    await this.page.locator('main#editor .section-list > button.add', { hasText: 'Nytt kapitel' }).click();
  }

  /** "Flytta upp" on a section. */
  async moveSectionUp(sectionId) {
    await this.sectionEditor(sectionId).getByRole('button', { name: 'Flytta upp' }).click();
  }

  /** "Ta bort avsnittet": the question it opens (answer it with answer()). */
  async askDeleteSection(sectionId) {
    const editor = this.sectionEditor(sectionId);
    await editor.getByRole('button', { name: 'Ta bort avsnittet' }).click();
    return editor.locator('.confirm');
  }

  /** "Ta bort avsnittet", then "Ja, ta bort". */
  async deleteSection(sectionId) {
    await this.answer(await this.askDeleteSection(sectionId), 'Ja, ta bort');
  }

  /** "Kommentera avsnittet". */
  async commentOnSection(sectionId) {
    await this.sectionEditor(sectionId).getByRole('button', { name: 'Kommentera avsnittet' }).click();
  }

  // ---- förvaltningsberättelse ----------------------------------------------------------------

  /** The equity table's row of a kind ("opening", "year-result", "closing", …): cell texts. */
  async equityRow(kind) {
    return this.equityTable()
      .locator(`tbody tr.${kind} td`)
      .evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
  }

  // ---- preview -------------------------------------------------------------------------------

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

  /** The amounts of a statement line's row in the preview (of its sum row, if `sum`). */
  async previewAmounts(lineId, { sum = false } = {}) {
    const rowId = sum ? ids.previewLineSum(lineId) : ids.previewLine(lineId);
    return this.preview()
      .locator(`tr#${rowId} td.amount`)
      .evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  /** A statement line's label in the preview. */
  previewLineLabel(lineId) {
    return this.preview().locator(`tr#${ids.previewLine(lineId)} td.label`);
  }

  /**
   * Where a statement line's row in the preview is against the preview pane's visible area:
   * {top, bottom} in px from the pane's top, and the pane's height.
   */
  async previewLinePosition(lineId) {
    return this.page.evaluate((sel) => {
      const pane = document.querySelector('aside.preview').getBoundingClientRect();
      const r = document.querySelector(`.preview-body ${sel}`).getBoundingClientRect();
      return { top: r.top - pane.top, bottom: r.bottom - pane.top, height: pane.height };
    }, `#${ids.previewLine(lineId)}`);
  }

  /** A narrative section's chapter in the preview. */
  previewSection(sectionId) {
    return this.preview().locator(`section#${ids.previewSection(sectionId)}`);
  }

  /** A narrative section's text in the preview (rendered Markdown). */
  previewSectionBody(sectionId) {
    return this.previewSection(sectionId).locator('.md');
  }

  /** A note table's row in the preview. */
  previewNoteRow(noteId, rowId) {
    return this.preview().locator(`section#${ids.previewNote(noteId)} tr#${ids.previewNoteRow(noteId, rowId)}`);
  }

  /** The amounts of a note table's row in the preview. */
  async previewNoteAmounts(noteId, rowId) {
    return this.previewNoteRow(noteId, rowId)
      .locator('td.amount')
      .evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  /** A note table's column headings in the preview. */
  previewNoteHead(noteId) {
    return this.preview().locator(`section#${ids.previewNote(noteId)} thead`);
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
    return this.page.locator(`select#${ids.placeholderSelect(sectionId)}`);
  }

  /** The texts of the "Infoga uträknad uppgift" list's options. */
  async placeholderOptions(sectionId) {
    return this.placeholderSelect(sectionId).locator('option').allTextContents();
  }

  // ---- notes ---------------------------------------------------------------------------------

  noteEditor(noteId) {
    return this.page.locator(`main#editor article#${ids.noteEditor(noteId)}`);
  }

  /** The row ids of a note table in the editor, in order. */
  async noteRowIds(noteId) {
    const prefix = ids.noteRow('');
    return this.noteEditor(noteId)
      .locator(`table.note-table-editor tbody tr th textarea[id^="${prefix}"]`)
      .evaluateAll((els, p) => els.map((e) => e.id.slice(p.length)), prefix);
  }

  /** The column ids of a note table in the editor, in order. */
  async noteColumnIds(noteId) {
    const prefix = ids.noteColumn('');
    return this.noteEditor(noteId)
      .locator(`table.note-table-editor thead input[id^="${prefix}"]`)
      .evaluateAll((els, p) => els.map((e) => e.id.slice(p.length)), prefix);
  }

  noteCell(noteId, rowId, columnId) {
    return this.page.locator(`input#${ids.noteCell(noteId, rowId, columnId)}`);
  }

  /** A note table row's label field in the editor. */
  noteRowLabel(rowId) {
    return this.page.locator(`textarea#${ids.noteRow(rowId)}`);
  }

  /** A note table column's header field in the editor. */
  noteColumnHeader(columnId) {
    return this.page.locator(`input#${ids.noteColumn(columnId)}`);
  }

  /** The texts of a note table's sum row in the editor (the computed cells). */
  async noteSumTexts(noteId, rowId) {
    return this.noteEditor(noteId)
      .locator('table.note-table-editor tbody tr', { has: this.noteRowLabel(rowId) })
      .locator('td.computed')
      .evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
  }

  /** "+ Rad" under a note table. */
  async addNoteRow(noteId) {
    await this.noteEditor(noteId).getByRole('button', { name: '+ Rad', exact: true }).click();
  }

  /** "+ Kolumn" under a note table. */
  async addNoteColumn(noteId) {
    await this.noteEditor(noteId).getByRole('button', { name: '+ Kolumn', exact: true }).click();
  }

  /** "Ta bort kolumnen" in a note table column's heading. */
  async removeNoteColumn(columnId) {
    await this.page
      .locator('main#editor table.note-table-editor thead th', { has: this.noteColumnHeader(columnId) })
      .getByRole('button', { name: 'Ta bort kolumnen' })
      .click();
  }

  /** "Ta bort raden" on a note table row. */
  async removeNoteRow(rowId) {
    await this.page
      .locator('main#editor table.note-table-editor tbody tr', { has: this.noteRowLabel(rowId) })
      .getByRole('button', { name: 'Ta bort raden' })
      .click();
  }

  // ---- statements: detail rows ---------------------------------------------------------------

  /** The detail rows' ids of an input line, from their amount cells in year 0, in order. */
  async detailRowIds(lineId) {
    const prefix = ids.cell(lineId, '');
    const suffix = `-${0}`;
    return this.page
      .locator(`main#editor tr.detail-row input.money[id^="${prefix}"][id$="${suffix}"]`)
      .evaluateAll((els, [p, s]) => els.map((e) => e.id.slice(p.length, -s.length)), [prefix, suffix]);
  }

  detailCell(lineId, rowId, year) {
    return this.page.locator(`input#${ids.detailCell(lineId, rowId, year)}`);
  }

  /** "Dela upp posten i detaljrader" on a line. */
  splitButton(lineId) {
    return this.lineRow(lineId).getByRole('button', { name: 'Dela upp posten i detaljrader' });
  }

  /** "Lägg till en detaljrad" on a line. */
  async addDetailRow(lineId) {
    await this.lineRow(lineId).getByRole('button', { name: 'Lägg till en detaljrad' }).click();
  }

  /** "Ta bort detaljraden" on a detail row. */
  async removeDetailRow(rowId) {
    await this.detailRows()
      .filter({ has: this.label(rowId) })
      .getByRole('button', { name: 'Ta bort detaljraden' })
      .click();
  }

  /** The `tr` of a statement line in the editor (the input or heading row). */
  lineRow(lineId) {
    return this.page.locator(
      `main#editor table.statement-editor tr:is(.input-row, .group-row, .result-row)[data-line="${lineId}"]`,
    );
  }

  // ---- checks --------------------------------------------------------------------------------

  /** A listed problem in the Kontroller part (only if it is an error, if `error`). */
  problemItem(code, { error = false } = {}) {
    return this.page.locator(`main#editor ul.problems li${error ? '.error' : ''}[data-code="${code}"]`);
  }

  /** The button of a listed problem in the Kontroller part (the part must be open). */
  problemButton(code) {
    return this.page.locator(`main#editor section.checks ul.problems li[data-code="${code}"] button.problem`);
  }

  /** The n-th listed problem in the Kontroller part. */
  problemAt(index) {
    return this.page.locator('ul.problems li').nth(index);
  }

  /** The message of the n-th listed problem. */
  async problemMessage(index) {
    return this.problemAt(index).locator('.message').innerText();
  }

  /** "Kommentera" on the n-th listed problem. */
  async commentOnProblem(index) {
    await this.problemAt(index).getByRole('button', { name: 'Kommentera' }).click();
  }

  // ---- Granskning ----------------------------------------------------------------------------

  /** Opens Granskning and gives the name the copies and comments are signed with. */
  async setMyName(name) {
    await this.openPart('Granskning');
    await this.page.locator('#me-name').fill(name);
    await this.page.locator('#me-name').press('Tab');
  }

  /** "Lägg till kommentar" with `text`, about `target` (an option's label) if given. */
  async addComment(text, { target } = {}) {
    if (target) await this.page.locator('#comment-target').selectOption({ label: target });
    await this.commentText().fill(text);
    await this.page.getByRole('button', { name: 'Lägg till kommentar' }).click();
  }

  /** "Jag har granskat version N". */
  async markReviewed() {
    await this.page.getByRole('button', { name: /^Jag har granskat version/ }).click();
  }

  /** "Jämför med min version" when a copy of the open report was opened. */
  async compareWithMine() {
    await this.page
      .locator('[role=dialog][aria-labelledby=offer-title]')
      .getByRole('button', { name: 'Jämför med min version' })
      .click();
  }

  /**
   * A board member's round trip in this (fresh) browser: names herself, opens `text` as a new
   * report, makes `edits` (an async function given this page) and saves it as a file; the
   * saved text.
   */
  async editAndSave(name, text, edits) {
    await this.setMyName(name);
    await this.openFile(Buffer.from(text), 'arsredovisning.json');
    await this.noticeWith('har öppnats som en ny årsredovisning').waitFor();
    await edits(this);
    await this.waitSaved();
    return this.saveJson();
  }

  /** Opens a board member's file, compares it with this version and waits for the result. */
  async compareFile(text, name) {
    await this.openFile(Buffer.from(text), name);
    await this.compareWithMine();
    await this.comparison().waitFor();
  }

  /** Replaces a narrative section's text (as typed) and leaves the field. */
  async replaceSectionText(sectionId, f) {
    await this.openPart('Berättelse');
    const body = this.sectionBody(sectionId);
    await body.fill(f(await body.inputValue()));
    await body.press('Tab');
  }

  /** The addresses the page has requested since it was opened (not its service worker's). */
  requested() {
    return this.requests ?? [];
  }

  /** Takes "Deras" (theirs) in the comparison's conflict. */
  async takeTheirs() {
    await this.comparedConflicts().locator('label', { hasText: 'Deras' }).locator('input').check();
  }

  /** "För in de godtagna ändringarna"; waits until the comparison is gone. */
  async applyAccepted() {
    await this.page.getByRole('button', { name: 'För in de godtagna ändringarna' }).click();
    await this.comparison().waitFor({ state: 'detached' });
  }

  // ---- SIE mapping ---------------------------------------------------------------------------

  /** The line chosen for an account in the "Konton från SIE" table. */
  accountLineSelect(account) {
    return this.page.locator(`table.mapping tr[data-account="${account}"] select`);
  }

  /** The row of an account in the "Konton från SIE" table. */
  mappingRow(account) {
    return this.page.locator(`table.mapping tr[data-account="${account}"]`);
  }

  /** In the SIE dialog, sets the fiscal year of a file without #RAR (ISO dates). */
  async chooseSieYear(start, end) {
    await this.sieYearStart().fill(start);
    await this.sieYearStart().dispatchEvent('change');
    await this.sieYearEnd().fill(end);
    await this.sieYearEnd().dispatchEvent('change');
  }

  // ---- Mina rapporter -----------------------------------------------------------------

  /** Opens "Mina rapporter" (if not open) and returns the dialog. */
  async openReportList() {
    const dialog = this.page.locator('.dialog', { has: this.page.locator('ul.report-list') });
    if (!(await dialog.count())) await this.toolbarButton('Mina rapporter').click();
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

  /** A button of a report's entry in the list: "Öppna", "Kopiera", "Ladda ner råtexten", … */
  reportButton(id, name) {
    return this.reportItem(id).getByRole('button', { name });
  }

  /** The title field of a report's entry in the list. */
  reportTitleInput(id) {
    return this.reportItem(id).locator('input.report-title');
  }

  /** "Kopiera" on a report in the list. */
  async copyReport(id) {
    await this.reportButton(id, 'Kopiera').click();
  }

  /** "Ta bort" on a report in the list: the question it opens (answer it with answer()). */
  async askDeleteReport(id) {
    await this.reportButton(id, 'Ta bort').click();
    return this.reportItem(id).locator('.confirm');
  }

  /** "Ta bort", then "Ja, ta bort", on a report in the list. */
  async deleteReport(id) {
    await this.answer(await this.askDeleteReport(id), 'Ja, ta bort');
  }

  /**
   * With a report's delete question open: types `text` into an amount cell (one input event)
   * and, in the same task of the page, after one frame, answers "Ja, ta bort", so that no
   * autosave can run in between. Returns the save status shown just before the answer.
   */
  async typeAndDeleteAtOnce(reportId, { line, year, text }) {
    return this.page.evaluate(
      async ({ reportId, cellId, text, status }) => {
        const cell = document.getElementById(cellId);
        cell.value = text;
        cell.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(r));
        const shown = document.querySelector(status).textContent;
        const item = document.querySelector(`.dialog ul.report-list li[data-report="${reportId}"]`);
        [...item.querySelectorAll('.confirm button')].find((b) => b.textContent === 'Ja, ta bort').click();
        return shown;
      },
      { reportId, cellId: ids.cell(line, year), text, status: PLACES.saveStatus },
    );
  }

  /** "Ladda ner råtexten" on a report that cannot be read: the download. */
  async downloadRawText(id) {
    return this.downloadFrom(this.reportButton(id, 'Ladda ner råtexten'));
  }

  /** "Tidigare versioner": the rows, or those that mention `text`. */
  snapshotRows(text) {
    return this.page.locator('table.snapshots tbody tr', text ? { hasText: text } : {});
  }

  /** "Återställ" on the earlier version that mentions `text`. */
  async restoreSnapshot(text) {
    await this.snapshotRows(text).getByRole('button', { name: 'Återställ' }).click();
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

  // ---- storage (the keys: storage.mjs) -------------------------------------------------------

  /** Every kassoren.* key in local storage with its value. */
  async storage() {
    return this.page.evaluate((prefix) => {
      const out = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith(prefix)) out[k] = localStorage.getItem(k);
      }
      return out;
    }, STORAGE.prefix);
  }

  /** A local-storage item's text, or null. */
  async #stored(key) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  async #store(key, text) {
    await this.page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, text]);
  }

  /** localStorage kassoren.index, parsed. */
  async storedIndex() {
    return JSON.parse((await this.#stored(STORAGE.index)) ?? 'null');
  }

  async currentId() {
    return this.#stored(STORAGE.current);
  }

  /** The text stored for a report, the open one's if no id is given; null if there is none. */
  async storedReportText(id) {
    if (id !== undefined) return this.#stored(STORAGE.report(id));
    return this.page.evaluate(
      ({ current, reportPrefix }) => localStorage.getItem(`${reportPrefix}${localStorage.getItem(current)}`),
      { current: STORAGE.current, reportPrefix: STORAGE.report('') },
    );
  }

  /** Stores a report's text as it is (whether or not it is a report). */
  async storeReportText(id, text) {
    await this.#store(STORAGE.report(id), text);
  }

  /** The report stored for an id (parsed), or null. */
  async storedReport(id) {
    const text = await this.storedReportText(id);
    return text === null ? null : JSON.parse(text);
  }

  /** The open report's stored amount of an input line in year 0, as a number. */
  async storedAmount(lineId) {
    const line = reportLine(JSON.parse(await this.storedReportText()), lineId);
    return Number(line?.kind.input ? line.kind.input.amounts[0] : null);
  }

  /** "Tidigare versioner" kept for a report: [{at, reason, title, text}] ([] if none). */
  async storedSnapshots(id) {
    return JSON.parse((await this.#stored(STORAGE.snapshots(id))) ?? '[]');
  }

  async storeSnapshots(id, snapshots) {
    await this.#store(STORAGE.snapshots(id), JSON.stringify(snapshots));
  }

  /** The exports of a document kept for merging: [{revision, text}] ([] if none). */
  async storedExports(documentId) {
    return JSON.parse((await this.#stored(STORAGE.exports(documentId))) ?? '[]');
  }

  async storeExports(documentId, exports) {
    await this.#store(STORAGE.exports(documentId), JSON.stringify(exports));
  }

  /**
   * Saves a changed copy of the open report as another tab would: the stored text with the
   * amount of `lineId` in year 0 set to `amount`, and a higher revision, without a storage
   * event reaching this page.
   */
  async saveFromElsewhere(lineId, amount) {
    const id = await this.currentId();
    const text = await this.storedReportText(id);
    const report = JSON.parse(text);
    reportLine(report, lineId).kind.input.amounts[0] = amount;
    const saved = await this.page.evaluate(
      ({ reportKey, revKey, text, changed }) => {
        if (localStorage.getItem(reportKey) !== text) return false;
        localStorage.setItem(reportKey, changed);
        const rev = Number(localStorage.getItem(revKey) || '0');
        localStorage.setItem(revKey, String(rev + 1));
        return true;
      },
      { reportKey: STORAGE.report(id), revKey: STORAGE.rev(id), text, changed: JSON.stringify(report, null, 2) },
    );
    assert.ok(saved, 'den sparade årsredovisningen ändrades medan en annan flik sparade');
  }

  /**
   * Stores `text` as the open report with a higher revision, as another tab (perhaps of a newer
   * Kassören) would, without a storage event reaching this page.
   */
  async saveTextFromElsewhere(text) {
    await this.page.evaluate(
      ({ current, reportPrefix, revPrefix, text }) => {
        const id = localStorage.getItem(current);
        localStorage.setItem(`${reportPrefix}${id}`, text);
        const rev = Number(localStorage.getItem(`${revPrefix}${id}`) || '0');
        localStorage.setItem(`${revPrefix}${id}`, String(rev + 1));
      },
      { current: STORAGE.current, reportPrefix: STORAGE.report(''), revPrefix: STORAGE.rev(''), text },
    );
  }

  /** A narrative section's text in each snapshot kept for a report: [{reason, body}]. */
  async snapshotBodies(id, sectionId) {
    return (await this.storedSnapshots(id)).map((s) => ({
      reason: s.reason,
      body: JSON.parse(s.text).narrative.find((n) => n.id === sectionId)?.body,
    }));
  }

  /** A narrative section's text in the stored open report. */
  async storedBody(sectionId) {
    return JSON.parse(await this.storedReportText()).narrative.find((n) => n.id === sectionId)?.body;
  }

  /** Deletes the open report from local storage as another tab would, and empties the list. */
  async deleteReportElsewhere() {
    await this.page.evaluate(
      ({ current, reportPrefix, revPrefix, index }) => {
        const id = localStorage.getItem(current);
        localStorage.removeItem(`${reportPrefix}${id}`);
        localStorage.removeItem(`${revPrefix}${id}`);
        localStorage.setItem(index, '[]');
      },
      { current: STORAGE.current, reportPrefix: STORAGE.report(''), revPrefix: STORAGE.rev(''), index: STORAGE.index },
    );
  }

  /** Fills local storage to its last few bytes (pieces the app does not know); how many pieces. */
  async fillStorage() {
    return this.page.evaluate(fillQuotaInPage, FILLER_PREFIX);
  }

  /** Removes what fillStorage put in local storage. */
  async freeStorage() {
    await this.page.evaluate(freeQuotaInPage, FILLER_PREFIX);
  }

  // ---- a statement's structure ----------------------------------------------------------------

  /** A statement line's "⋯" button (its menu: move, under a heading, remove, BAS accounts). */
  rowMenuButton(lineId) {
    return this.statementEditor().locator(`tr[data-line="${lineId}"] .row-menu > button`).first();
  }

  /** Opens a line's menu and clicks the action named `name` ("Flytta ner", "Ta bort raden", …). */
  async rowMenuAction(lineId, name) {
    await this.rowMenuButton(lineId).click();
    const popup = this.page.locator(`#meny-${lineId}`);
    await popup.getByRole('button', { name, exact: true }).click();
  }

  /** The names of the actions a line's menu offers (opens and closes it). */
  async rowMenuActions(lineId) {
    await this.rowMenuButton(lineId).click();
    const names = await this.page
      .locator(`#meny-${lineId} button`)
      .evaluateAll((bs) => bs.map((b) => b.textContent.trim()));
    await this.rowMenuButton(lineId).click();
    return names;
  }

  /**
   * Adds a line ("rad") or a heading ("rubrik") under the heading `headingId`, names it `label`
   * and returns its id (the label field that gets the focus).
   */
  async addUnder(headingId, what, label) {
    const name = what === 'rubrik' ? 'Lägg till en rubrik med summa' : 'Lägg till en rad under rubriken';
    await this.rowMenuAction(headingId, name);
    await this.page.waitForFunction(() => document.activeElement?.id?.startsWith('label-'));
    const id = await this.page.evaluate(() => document.activeElement.id.slice('label-'.length));
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.type(label);
    return id;
  }

  /** The text field of "Ställda säkerheter" (`pledged`) or "Eventualförpliktelser" (`contingent`). */
  offBalanceText(which) {
    return this.page.locator(`input#${which}-text`);
  }

  /** The open part's heading in the editor. */
  async editorHeading() {
    return (await this.page.locator('main#editor h2').first().innerText()).trim();
  }

  /** The board's proposal (resultatdisposition or förslag till beslut) in the editor. */
  proposalEditor() {
    return this.page.locator('main#editor #proposal');
  }

  /** The flerårsöversikt in the editor (an årsredovisning's förvaltningsberättelse only). */
  overviewEditor() {
    return this.page.locator('main#editor #edit-flerarsoversikt');
  }

  /** "Ställda säkerheter" / "Eventualförpliktelser" under the balansräkning: {label, text}. */
  async offBalance(which) {
    const label = await this.page.locator(`select#${which}-label`).inputValue();
    const text = await this.offBalanceText(which).inputValue();
    return { label, text };
  }

  /** Sets a note table's sign convention: "positive" or "as_statement". */
  async setNoteSign(noteId, sign) {
    await this.noteEditor(noteId).locator('select.note-sign').selectOption(sign);
  }

  // ---- the printout with errors open ----------------------------------------------------------

  /** The question asked before printing or downloading a report that has errors. */
  draftQuestion() {
    return this.page.locator('[role=alertdialog].draft-question');
  }

  /**
   * "Ladda ner utskrift": the downloaded HTML's {name, text, asked}; `asked` is the draft
   * question's heading when the report had errors (answered "Ladda ner som utkast"), else null.
   */
  async downloadPrintout() {
    const button = this.toolbarButton('Ladda ner utskrift');
    const downloading = this.page.waitForEvent('download', { timeout: 10000 });
    await button.click();
    let asked = null;
    const question = this.draftQuestion();
    const which = await Promise.race([
      downloading.then(() => 'download'),
      question.waitFor({ timeout: 10000 }).then(() => 'question'),
    ]);
    if (which === 'question') {
      asked = (await question.locator('h2').innerText()).trim();
      await question.getByRole('button', { name: 'Ladda ner som utkast' }).click();
    }
    const download = await downloading;
    const bytes = await fs.readFile(await download.path());
    return { name: download.suggestedFilename(), text: bytes.toString('utf8'), asked };
  }

  /** The Kontroller part's problems in order: [{code, text}] (opens it). */
  async problems() {
    await this.openPart('Kontroller');
    const part = this.page.locator('main#editor section.checks');
    await part.waitFor();
    return part
      .locator('ul.problems li[data-code]')
      .evaluateAll((els) => els.map((e) => ({ code: e.dataset.code, text: e.textContent.trim() })));
  }
}

// The methods of PLACES.
for (const [name, selector] of Object.entries(PLACES)) {
  assert.ok(!(name in Kassoren.prototype), `Kassoren.${name} finns redan`);
  Object.defineProperty(Kassoren.prototype, name, {
    value() {
      const [within, sel] = Array.isArray(selector) ? selector : [null, selector];
      return (within ? this[within]() : this.page).locator(sel);
    },
    writable: true,
    configurable: true,
  });
}
