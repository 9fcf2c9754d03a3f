// "Nästa år": a new report in the list for the following fiscal year; this year's amounts
// become the comparison year's, the new year's cells are empty; no longer the example.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, formatAmount } from './kassoren.mjs';

const env = useApp();

// Input lines of the example with amounts in 2025 and 2024.
const AMOUNTS = {
  medlemsavgifter: [131650, 124300],
  verksamhetskostnader: [-598640, -612180],
  kassa_och_bank: [565550, 483230],
  inventarier: [72000, 96000],
};

test('"Nästa år" creates the 2026 report with 2025 as comparison year, and it is not the example', async () => {
  const app = await env.open();
  assert.equal(await app.exampleBadge().count(), 1);
  const before = await app.storedIndex();
  assert.equal(before.length, 1);

  await app.nextYear();
  await eventually(async () => assert.match(await app.title(), /Friluftsföreningen Tresjöleden 2026/));
  assert.equal(await app.exampleBadge().count(), 0, 'Exempel-märket ska försvinna');
  assert.equal(await app.exampleBanner().count(), 0);
  assert.match(await app.notice().innerText(), /Nästa års årsredovisning har skapats/);

  // A new entry in the list, current; the example is kept as it was.
  await app.waitSaved();
  const index = await app.storedIndex();
  assert.equal(index.length, 2, JSON.stringify(index));
  const current = await app.currentId();
  assert.notEqual(current, 'exempel');
  assert.ok(index.some((e) => e.id === current));
  const stored = await app.storedReport(current);
  assert.equal(stored.years[0].start, '2026-01-01');
  assert.equal(stored.years[0].end, '2026-12-31');
  assert.equal(stored.years[1].start, '2025-01-01');
  assert.equal(stored.settings.example, false);
  const example = await app.storedReport('exempel');
  assert.equal(example.years[0].start, '2025-01-01');
  assert.equal(example.settings.example, true);

  const entries = await (async () => {
    await app.openReportList();
    return app.reportEntries();
  })();
  assert.equal(entries.length, 2);
  const mine = entries.find((e) => e.current);
  assert.equal(mine.id, current);
  assert.match(mine.title, /2026/);
  await app.closeDialog();

  // The statements: 2026 first, then 2025 (the comparison year).
  for (const part of ['Resultaträkning', 'Balansräkning']) {
    await app.openPart(part);
    const heads = await app.statementYears();
    assert.deepEqual(heads.slice(0, 2), ['2026', '2025'], `${part}: ${heads}`);
    for (const [line, [y2025, y2024]] of Object.entries(AMOUNTS)) {
      if ((await app.cell(line, 0).count()) === 0) continue;
      assert.equal(await app.cellValue(line, 0), '', `${line}, 2026 ska vara tom`);
      assert.equal(await app.cellValue(line, 1), formatAmount(y2025), `${line}, 2025`);
      if ((await app.cell(line, 2).count()) > 0) assert.equal(await app.cellValue(line, 2), formatAmount(y2024), `${line}, 2024`);
    }
  }
  await app.openPart('Resultaträkning');
  assert.equal(await app.computedValue('arets_resultat', 0), 0);
  assert.equal(await app.computedValue('arets_resultat', 1), 40980);
  // Every input cell of 2026 is empty.
  const filled = await app.filledCellIds(0);
  assert.deepEqual(filled, []);

  // The preview: the title page's fiscal year, and the statement's columns.
  const preview = await app.previewTitlePage().textContent();
  assert.match(preview, /2026-01-01\s*[–-]\s*2026-12-31/);
  assert.doesNotMatch(await app.preview().textContent(), /^\s*Exempel\s*$/m);
  assert.equal(await app.previewExampleMarker().count(), 0);
  assert.equal((await app.previewAmounts('medlemsavgifter'))[1], formatAmount(131650));
  app.assertClean();
});
