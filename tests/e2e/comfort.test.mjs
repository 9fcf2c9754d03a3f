// The editor on a laptop (1440×900) and a phone (390×844, 360×740): Swedish dates whatever the
// browser's language, a page that never scrolls (only its panes do), nothing cut off, both years
// on a phone, focus that goes where it should, links in the preview that never replace the app,
// names that cannot reorder the interface, and axe-core clean on every part. Screenshots of each
// part at both widths go to tests/e2e/artifacts/ (ignored by git).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { useApp } from './harness.mjs';
import { Kassoren, ROOT, eventually, launchBrowser } from './kassoren.mjs';

const env = useApp();

const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const WIDTHS = [
  ['laptop', LAPTOP],
  ['phone', PHONE],
];
const PARTS = [
  'Organisation och år',
  'Berättelse',
  'Förvaltningsberättelse',
  'Resultaträkning',
  'Balansräkning',
  'Noter',
  'Underskrifter',
  'Konton från SIE',
  'Kontroller',
  'Granskning',
];
const ARTIFACTS = path.join(ROOT, 'tests', 'e2e', 'artifacts');

async function openAt(viewport, options = {}) {
  const app = await Kassoren.fresh(options.browser ?? env.browser, env.server.url, { viewport, ...options });
  env.apps.push(app);
  await app.goto();
  return app;
}

const slug = (s) => s.normalize('NFD').replace(/[^\w]+/g, '-').replace(/-+$/, '').toLowerCase();

// ---- dates ---------------------------------------------------------------------------------

let english = null;
before(async () => {
  english = await launchBrowser({ args: ['--lang=en-US'] });
});
after(async () => {
  await english?.close();
});

const storedSigningDate = async (app) => (await app.storedReport(await app.currentId())).signatures.date;

/** Types the signing date digit by digit and returns what is stored (once `want` is) and shown. */
async function typeSigningDate(app, text, want) {
  await app.openPart('Underskrifter');
  const field = app.page.locator('#sign-date');
  await field.click();
  await field.press('Control+A');
  await app.page.keyboard.type(text, { delay: 15 });
  await field.press('Tab');
  await eventually(async () => assert.equal(await storedSigningDate(app), want));
  await app.waitSaved();
  return { stored: await storedSigningDate(app), shown: await field.inputValue(), field };
}

for (const [lang, browser] of [
  ['sv-SE', () => env.browser],
  ['en-US', () => english],
]) {
  test(`a date typed digit by digit in a ${lang} browser is stored as ÅÅÅÅ-MM-DD, at both widths`, async () => {
    for (const [, viewport] of WIDTHS) {
      const app = await openAt(viewport, { browser: browser(), locale: lang });
      assert.equal(await app.page.evaluate(() => navigator.language), lang);
      assert.equal(await app.page.locator('main#editor input[type=date]').count(), 0, 'ingen webbläsarstyrd datumruta');
      // Eight digits, as a phone's number pad gives them.
      const typed = await typeSigningDate(app, '20260315', '2026-03-15');
      assert.equal(typed.stored, '2026-03-15');
      assert.equal(typed.shown, '2026-03-15');
      // With dashes, as on a laptop.
      const dashed = await typeSigningDate(app, '2026-04-02', '2026-04-02');
      assert.equal(dashed.stored, '2026-04-02');
      // Partial input is kept as typed, marked and explained, and the stored date stays.
      const partial = await typeSigningDate(app, '2025', '2026-04-02');
      assert.equal(partial.shown, '2025', 'det skrivna ska stå kvar');
      assert.equal(partial.stored, '2026-04-02');
      assert.equal(await partial.field.getAttribute('aria-invalid'), 'true');
      assert.match(await app.page.locator('#sign-date-fel').innerText(), /månad och dag saknas.*ÅÅÅÅ-MM-DD/);
      // Retyping only the year: select it and type over it.
      const field = partial.field;
      await field.fill('2026-04-02');
      await field.press('Tab');
      await field.evaluate((e) => {
        e.focus();
        e.setSelectionRange(0, 4);
      });
      for (const digit of '2027') {
        await app.page.keyboard.type(digit);
        assert.notEqual(await field.inputValue(), '', 'fältet töms aldrig medan man skriver');
      }
      await field.press('Tab');
      await eventually(async () => assert.equal(await storedSigningDate(app), '2027-04-02'));
      assert.equal(await field.inputValue(), '2027-04-02');
      // A fiscal year's first day: a date that does not exist is refused and explained.
      await app.openPart('Organisation och år');
      const start = app.page.locator('main#editor fieldset.year input').first();
      await start.fill('2025-02-30');
      await start.press('Tab');
      assert.equal(await start.inputValue(), '2025-02-30');
      assert.equal(await start.getAttribute('aria-invalid'), 'true');
      await app.waitSaved();
      assert.equal((await app.storedReport(await app.currentId())).years[0].start, '2025-01-01');
      app.assertClean();
    }
  });
}

// ---- the page never scrolls ------------------------------------------------------------------

for (const [name, viewport] of WIDTHS) {
  test(`at ${name} width the page never scrolls: every part, a new chapter, a notice`, async () => {
    const app = await openAt(viewport);
    const still = async (what) => {
      const scroll = await app.documentScroll();
      assert.deepEqual(scroll, { top: 0, left: 0 }, `sidan rullade (${what})`);
      assert.ok(await app.toolbarInView(), `verktygsraden syns inte (${what})`);
    };
    for (const part of PARTS) {
      await app.openPart(part);
      await still(part);
      // Tab into the part: a focused field far down scrolls its pane, not the page.
      for (let i = 0; i < 8; i++) await app.press('Tab');
      await still(`${part}, Tab`);
    }
    await app.openPart('Berättelse');
    await app.addChapter();
    await still('nytt kapitel');
    // A notice while typing in a cell far down: it floats, the page stays.
    await app.openPart('Balansräkning');
    const last = app.page.locator('main#editor input.money').last();
    await last.scrollIntoViewIfNeeded();
    await last.fill('1 000');
    await app.page.evaluate(() => document.querySelector('#json-file'));
    await app.openFile(Buffer.from('{"format": "nej"'), 'trasig.json');
    await app.notice().waitFor();
    await still('meddelande');
    const notice = await app.notice().boundingBox();
    assert.ok(notice.y >= 0 && notice.y + notice.height <= viewport.height, 'meddelandet syns inte');
    // It stays until dismissed.
    await app.page.waitForTimeout(1500);
    assert.equal(await app.notice().count(), 1);
    await app.closeNotice();
    await still('stängt meddelande');
    app.assertClean();
  });
}

// ---- nothing cut off, both years on a phone ---------------------------------------------------

for (const [name, viewport] of [...WIDTHS, ['small phone', SMALL_PHONE]]) {
  test(`at ${name} width no name or label is cut in the statements, the notes and the management report`, async () => {
    const app = await openAt(viewport);
    for (const part of ['Resultaträkning', 'Balansräkning', 'Noter', 'Förvaltningsberättelse']) {
      await app.openPart(part);
      await eventually(async () => assert.deepEqual(await app.cutTexts(), [], `avskuret i ${part}`));
    }
    app.assertClean();
  });
}

for (const [name, viewport] of [
  ['390×844', PHONE],
  ['360×740', SMALL_PHONE],
]) {
  test(`on a ${name} phone the statements show both years without sideways scrolling, and the preview fits`, async () => {
    const app = await openAt(viewport);
    // The toolbar is one row with a "Meny" button.
    const toolbar = await app.page.locator('header.toolbar').boundingBox();
    assert.ok(toolbar.height <= 72, `verktygsraden är ${toolbar.height} px hög`);
    assert.ok(await app.menuButton().isVisible());
    assert.ok(!(await app.toolbarButton('Spara som fil').isVisible()));
    await app.menuButton().click();
    assert.equal(await app.menuButton().getAttribute('aria-expanded'), 'true');
    assert.ok(await app.toolbarButton('Spara som fil').isVisible());
    await app.press('Escape');
    assert.ok(!(await app.toolbarButton('Spara som fil').isVisible()));

    for (const part of ['Resultaträkning', 'Balansräkning']) {
      await app.openPart(part);
      const layout = await app.page.evaluate(() => {
        const scroller = document.querySelector('main#editor .table-scroll');
        const years = [...document.querySelectorAll('main#editor table.statement-editor thead th.num')];
        return {
          overflow: scroller.scrollWidth - scroller.clientWidth,
          years: years.map((th) => {
            const r = th.getBoundingClientRect();
            return { left: r.left, right: r.right };
          }),
          width: window.innerWidth,
        };
      });
      assert.equal(layout.years.length, 2);
      assert.ok(layout.overflow <= 0, `${part}: tabellen är ${layout.overflow} px för bred`);
      for (const y of layout.years) assert.ok(y.left >= 0 && y.right <= layout.width, `${part}: ett år syns inte ${JSON.stringify(y)}`);
      assert.ok((await app.horizontalOverflow()) <= 0);
    }
    await app.paneTab('Förhandsvisning').click();
    await eventually(async () => {
      const fit = await app.page.evaluate(() => {
        const pane = document.querySelector('aside.preview');
        const report = pane.querySelector('.report').getBoundingClientRect();
        return { overflow: pane.scrollWidth - pane.clientWidth, right: report.right, width: window.innerWidth };
      });
      assert.ok(fit.overflow <= 0, `förhandsvisningen är ${fit.overflow} px för bred`);
      assert.ok(fit.right <= fit.width + 1, `förhandsvisningen går utanför skärmen: ${JSON.stringify(fit)}`);
    });
    app.assertClean();
  });
}

// ---- focus -----------------------------------------------------------------------------------

test('a skip link leads to the content; dialogs take the focus, keep it and give it back', async () => {
  const app = await openAt(LAPTOP);
  await app.reload();
  await app.press('Tab');
  assert.equal((await app.focusStop()).text, 'Hoppa till innehållet');
  await app.press('Enter');
  await eventually(async () => assert.equal((await app.active()).id, 'org-name'));

  // Nästa år asks first, and its dialog has the focus.
  await app.toolbarButton('Nästa år').focus();
  await app.press('Enter');
  const dialog = app.nextYearDialog();
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /räkenskapsåret 2026.*jämförelseår/s);
  await eventually(async () =>
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'fokus är inte i dialogen'),
  );
  // Tab goes round inside it.
  for (let i = 0; i < 5; i++) {
    await app.press('Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'Tab lämnade dialogen');
  }
  await app.press('Shift+Tab');
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)));
  // Escape closes it without creating anything; the focus is back on the button.
  await app.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await app.storedIndex()).length, 1, 'Nästa år skapade något utan att fråga');
  await eventually(async () => assert.equal((await app.focusStop()).text, 'Nästa år'));

  // The new-report dialog moves the focus into itself.
  await app.toolbarButton('Ny rapport').click();
  await eventually(async () => assert.equal((await app.active()).id, 'new-name'));
  await app.press('Escape');
  await eventually(async () => assert.equal((await app.focusStop()).text, 'Ny rapport'));
  app.assertClean();
});

test('the resultatdisposition check focuses the amount, and a renamed line is read out renamed', async () => {
  const app = await openAt(LAPTOP);
  await app.openPart('Förvaltningsberättelse');
  const amount = app.page.locator('main#editor input#proposal-balanseras');
  await amount.fill('1 000');
  await amount.press('Tab');
  await app.openPart('Kontroller');
  await app.problemButton('appropriation_mismatch').first().click();
  await eventually(async () => assert.equal((await app.active()).id, 'proposal-balanseras'));
  assert.equal(await amount.getAttribute('aria-label'), 'Belopp, balanseras i ny räkning');

  await app.openPart('Resultaträkning');
  await app.label('medlemsavgifter').fill('Årsavgifter');
  await eventually(async () =>
    assert.equal(await app.cell('medlemsavgifter', 0).getAttribute('aria-label'), 'Årsavgifter, 2025'),
  );
  // A note reference shows its number and is named by the note's title.
  const select = app.page.locator('main#editor td.note-ref select').first();
  const chosen = await select.evaluate((s) => ({ text: s.selectedOptions[0].textContent, name: s.selectedOptions[0].getAttribute('aria-label') }));
  if (chosen.text !== '–') {
    assert.match(chosen.text, /^Not \d+$/);
    assert.match(chosen.name, /^Not \d+, \S/);
  }
  app.assertClean();
});

// ---- Nästa år's notice goes with its report ----------------------------------------------------

test('"Nästa år" explains itself, and its notice goes when that report is deleted', async () => {
  const app = await openAt(LAPTOP);
  await app.nextYear();
  await eventually(async () => assert.match(await app.title(), /2026/));
  assert.match(await app.notice().innerText(), /Nästa års årsredovisning har skapats/);
  const created = await app.currentId();
  await app.openReportList();
  await app.deleteReport(created);
  await eventually(async () => assert.notEqual(await app.currentId(), created));
  await eventually(async () => assert.equal(await app.notice().count(), 0, 'meddelandet om nästa år ska gå med rapporten'));
  app.assertClean();
});

// ---- words -----------------------------------------------------------------------------------

test('plain Swedish: "version", not "revision"; a UTF-16 file is named as such', async () => {
  const app = await openAt(LAPTOP);
  await app.openPart('Granskning');
  const editor = await app.editor().innerText();
  assert.doesNotMatch(editor, /revision\b/i);
  assert.match(editor, /Jag har granskat version \d+/);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format": "kassoren-arsredovisning"}', 'utf16le')]);
  await app.openFile(utf16, 'utf16.json');
  await eventually(async () => assert.match(await app.errorNotice().innerText(), /UTF-16/));
  assert.doesNotMatch(await app.errorNotice().innerText(), /ingen textfil/);
  await app.closeNotice();
  await app.openFile(Buffer.from('{"format": "kassoren-arsredovisning", "version": 3, "version": 3}'), 'dubbel.json');
  await eventually(async () => assert.match(await app.errorNotice().innerText(), /dubblettfält|rad 1/));
  assert.doesNotMatch(await app.errorNotice().innerText(), /duplicate|expected|trailing|invalid/);
  app.assertClean();
});

// ---- links and bidirectional text ------------------------------------------------------------

test('a link in the preview opens a new tab without access to the app and leaves its address alone', async () => {
  const app = await openAt(LAPTOP);
  await app.openPart('Berättelse');
  const body = app.sectionBody('s-sammanfattning');
  await body.fill('Läs mer i [bilagan](bilaga.txt).');
  const link = app.preview().locator('a', { hasText: 'bilagan' });
  await link.waitFor();
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  const before = app.url();
  const popup = app.context.waitForEvent('page', { timeout: 5000 });
  await link.click();
  const opened = await popup;
  await opened.waitForLoadState('domcontentloaded').catch(() => {});
  assert.equal(await opened.evaluate(() => window.opener), null, 'den nya fliken når appen');
  await opened.close();
  assert.equal(app.url(), before, 'appens adress ändrades');
  assert.ok(await app.editor().isVisible());
  // A link to a heading scrolls the preview, not the address.
  const toc = app.preview().locator('a[href^="#"]').first();
  if (await toc.count()) {
    await toc.click();
    assert.equal(app.url(), before);
  }
  app.assertClean();
});

test('a name with a right-to-left override does not reorder the badge beside it', async () => {
  const app = await openAt(LAPTOP);
  await app.orgName().fill('Föreningen \u202eNOMAD');
  await eventually(async () => assert.match(await app.title(), /NOMAD/));
  const layout = await app.page.evaluate(() => {
    const title = document.querySelector('header.toolbar .doc-title bdi').getBoundingClientRect();
    const badge = document.querySelector('header.toolbar .doc-title .badge').getBoundingClientRect();
    return { titleLeft: title.left, titleRight: title.right, badgeLeft: badge.left };
  });
  assert.ok(layout.badgeLeft >= layout.titleRight - 1, `märket hamnade före namnet: ${JSON.stringify(layout)}`);
  app.assertClean();
});

// ---- axe-core and screenshots ------------------------------------------------------------------

for (const [name, viewport] of WIDTHS) {
  test(`axe-core finds nothing on any part at ${name} width; screenshots kept`, async () => {
    await fs.mkdir(ARTIFACTS, { recursive: true });
    const app = await openAt(viewport);
    for (const part of PARTS) {
      await app.openPart(part);
      await app.page.waitForTimeout(100);
      await app.page.screenshot({ path: path.join(ARTIFACTS, `${name}-${slug(part)}.png`) });
      const violations = await app.axeViolations();
      assert.deepEqual(violations, [], `${part}: ${JSON.stringify(violations, null, 1)}`);
    }
    if (viewport === PHONE) {
      await app.menuButton().click();
      await app.page.screenshot({ path: path.join(ARTIFACTS, `${name}-meny.png`) });
      assert.deepEqual(await app.axeViolations(), []);
      await app.press('Escape');
      await app.paneTab('Förhandsvisning').click();
      await app.page.waitForTimeout(200);
      await app.page.screenshot({ path: path.join(ARTIFACTS, `${name}-forhandsvisning.png`) });
    }
    await app.toolbarAction('Nästa år');
    await app.nextYearDialog().waitFor();
    await app.page.screenshot({ path: path.join(ARTIFACTS, `${name}-nasta-ar.png`) });
    assert.deepEqual(await app.axeViolations(), []);
    app.assertClean();
  });
}
