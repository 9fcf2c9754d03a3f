// "Ladda ner utskrift": the downloaded HTML holds the edit, and prints from Chromium as several
// A4 pages, each with the footer "N (M)" and, while errors are open, "UTKAST".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { useApp } from './harness.mjs';
import { formatAmount } from './kassoren.mjs';

const env = useApp();

function which(cmd) {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Page objects in a PDF: "/Type /Page" not followed by "s" (that is /Pages, the tree). */
function countPdfPages(pdf) {
  const text = pdf.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

test('the downloaded HTML holds the edited amount and prints as numbered A4 pages', async (t) => {
  const app = await env.open();
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-600 000');

  // The edit unbalances the report: the download asks first, and the printout is a draft.
  const { name, text: html, asked } = await app.downloadPrintout();
  assert.match(asked ?? '', /^Rapporten har \d+ fel — ladda ner ändå\?$/, `frågan: ${asked}`);
  assert.match(name, /^arsredovisning-.*2025\.html$/, name);
  assert.match(html, /^<!DOCTYPE html>/i);
  const row = /<tr id="line-verksamhetskostnader"[^>]*>(.*?)<\/tr>/s.exec(html);
  assert.ok(row, 'resultaträkningens rad line-verksamhetskostnader saknas i utskriften');
  const amounts = [...row[1].matchAll(/<td class="amount">([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(amounts, [formatAmount(-600000), formatAmount(-612180)], 'beloppen på raden');
  assert.ok(html.includes('39\u00a0620'), 'det nya årets resultat saknas i utskriften');
  assert.ok(!/<script/i.test(html), 'utskriften ska inte innehålla skript');

  // Print it with headless Chromium.
  const pdf = await app.printToPdf(html);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kassoren-e2e-'));
  const file = path.join(dir, 'utskrift.pdf');
  await fs.writeFile(file, pdf);
  try {
    let pages = countPdfPages(pdf);
    if (which('pdfinfo')) {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
      const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
      // A4 is 595 × 842 pt.
      assert.ok(size && Math.abs(Number(size[1]) - 595) < 2 && Math.abs(Number(size[2]) - 842) < 2, `sidstorlek: ${size?.[0]}`);
    }
    t.diagnostic(`PDF: ${pages} sidor`);
    assert.ok(pages >= 5, `bara ${pages} sidor`);

    // ./run test installs poppler-utils; without pdftotext the pages' text cannot be read.
    assert.ok(which('pdftotext'), 'pdftotext saknas (poppler-utils)');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pageTexts = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
    assert.equal(pageTexts.length, pages);
    assert.match(pageTexts[0], new RegExp(`(^|\\s)1 \\(${pages}\\)(\\s|$)`), 'första sidans sidfot "1 (N)" saknas');
    assert.match(pageTexts[pages - 1], new RegExp(`(^|\\s)${pages} \\(${pages}\\)(\\s|$)`), 'sista sidans sidfot "N (N)" saknas');
    pageTexts.forEach((p, i) =>
      assert.match(p, new RegExp(`(^|\\s)${i + 1} \\(${pages}\\)(\\s|$)`), `sidfoten på sida ${i + 1} saknas`),
    );
    assert.ok(text.includes('600 000') || text.includes('600\u00a0000'), 'det ändrade beloppet saknas i PDF:en');
    // A report with errors open is marked as a draft on every page (a rotated watermark, which
    // only the raw text order holds).
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const rawPages = raw.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
    assert.equal(rawPages.length, pages);
    rawPages.forEach((p, i) => assert.match(p, /UTKAST/, `"UTKAST" saknas på sida ${i + 1}`));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  app.assertClean();
});
