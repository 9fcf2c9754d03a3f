// Text the treasurer types is text: HTML in a narrative body or a line label is shown as typed,
// in the preview and in the downloaded HTML, and never runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually } from './kassoren.mjs';

const env = useApp();

const PAYLOAD = '<img src=x onerror=alert(1)>';

function occurrences(haystack, needle) {
  return haystack.split(needle).length - 1;
}

test('HTML typed into a narrative body and a line label is shown as text and never runs', async () => {
  const app = await env.open();
  await app.openPart('Berättelse');
  await app.sectionBody('s-sammanfattning').fill(`Före ${PAYLOAD} efter`);
  await app.openPart('Resultaträkning');
  await app.label('verksamhetskostnader').fill(PAYLOAD);
  assert.equal(await app.label('verksamhetskostnader').inputValue(), PAYLOAD);

  await eventually(async () => {
    const text = await app.previewText();
    assert.ok(text.includes(`Före ${PAYLOAD} efter`), 'brödtexten visas inte som text i förhandsvisningen');
    // The label shows in the resultaträkning (and in note references).
    assert.ok(occurrences(text, PAYLOAD) >= 2, `förekomster i förhandsvisningen: ${occurrences(text, PAYLOAD)}`);
  });
  assert.equal(await app.previewImages().count(), 0, 'ett <img> i förhandsvisningen');
  assert.equal(await app.injectedImages().count(), 0);
  assert.equal(
    (await app.previewAmounts('verksamhetskostnader')).length,
    2,
    'raden finns kvar i resultaträkningen',
  );
  assert.equal(await app.previewLineLabel('verksamhetskostnader').textContent(), PAYLOAD);

  const html = await app.downloadHtml();
  assert.ok(html.includes('&lt;img'), 'utskriften saknar "&lt;img"');
  assert.ok(!html.includes('<img'), 'utskriften innehåller "<img"');

  // Give a broken image's onerror time to fire, had it been an element.
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(app.dialogs, [], 'en dialogruta öppnades');
  app.assertClean();
});
