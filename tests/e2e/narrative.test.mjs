// Narrative sections: add, rename, move, delete (with confirmation), and computed figures
// inserted from "Infoga uträknad uppgift"; the preview's Innehåll and chapters follow every step.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually, ids, NBSP } from './kassoren.mjs';

const env = useApp();

/** The example's top-level chapters, in order (sub-sections are level 2). */
const TOP = [
  's-sammanfattning',
  'styrelse',
  'medlemmar',
  's-organisation',
  's-leden',
  's-kurser',
  's-projekt',
  's-kommentar',
];

/** The preview's chapters and Innehåll entries that are narrative sections. */
async function previewState(app) {
  const chapters = await app.previewChapters();
  const toc = (await app.previewToc()).filter((e) => e.href.startsWith(`#${ids.previewSection('')}`));
  return { chapters, toc };
}

test('add, rename, move up and delete a chapter: the editor, Innehåll and the chapters follow', async () => {
  const app = await env.open();
  await app.openPart('Berättelse');
  const initialIds = await app.editorSectionIds();
  let { chapters, toc } = await previewState(app);
  assert.deepEqual(
    toc.map((e) => e.href),
    TOP.map((id) => `#${ids.previewSection(id)}`),
  );
  assert.deepEqual(
    toc.map((e) => e.number),
    TOP.map((_, i) => String(i + 1)),
  );
  const chaptersBefore = chapters.length;

  // --- add -----------------------------------------------------------------------------------
  await app.addChapter();
  let newId;
  await eventually(async () => {
    const sectionIds = await app.editorSectionIds();
    assert.equal(sectionIds.length, initialIds.length + 1);
    newId = sectionIds.find((id) => !initialIds.includes(id));
    assert.ok(newId, 'inget nytt avsnitt');
    // Added at the end of the chapters.
    assert.equal(sectionIds.at(-1), newId);
  });
  // The new section's title field has the focus.
  await eventually(async () => assert.equal((await app.active()).id, ids.sectionTitle(newId)));
  const defaultTitle = await app.sectionTitle(newId).inputValue();
  assert.ok(defaultTitle.length > 0);
  await eventually(async () => {
    ({ chapters, toc } = await previewState(app));
    assert.equal(chapters.length, chaptersBefore + 1);
    assert.deepEqual(chapters.at(-1), { id: ids.previewSection(newId), number: '9', title: defaultTitle });
    assert.deepEqual(toc.at(-1), { number: '9', title: defaultTitle, href: `#${ids.previewSection(newId)}` });
  });
  // The förvaltningsberättelse and the parts after it are numbered one further.
  let fullToc = await app.previewToc();
  assert.deepEqual(
    fullToc.find((e) => e.href === '#forvaltningsberattelse'),
    { number: '10', title: 'Förvaltningsberättelse', href: '#forvaltningsberattelse' },
  );

  // --- rename --------------------------------------------------------------------------------
  const title = app.sectionTitle(newId);
  await title.fill('Framtidsplaner för åren 2026–2027');
  await eventually(async () => {
    ({ chapters, toc } = await previewState(app));
    assert.deepEqual(chapters.at(-1), {
      id: ids.previewSection(newId),
      number: '9',
      title: 'Framtidsplaner för åren 2026–2027',
    });
    assert.equal(toc.at(-1).title, 'Framtidsplaner för åren 2026–2027');
  });
  await app.sectionBody(newId).fill('Styrelsen planerar **nya** vindskydd.');
  await eventually(async () =>
    assert.match(
      await app.previewSectionBody(newId).innerHTML(),
      /Styrelsen planerar <strong>nya<\/strong> vindskydd\./,
    ),
  );

  // --- move up: it swaps places with s-kommentar --------------------------------------------
  await app.moveSectionUp(newId);
  const movedTop = [...TOP.slice(0, -1), newId, 's-kommentar'];
  await eventually(async () => {
    const sectionIds = await app.editorSectionIds();
    assert.deepEqual(sectionIds.slice(-2), [newId, 's-kommentar']);
    ({ chapters, toc } = await previewState(app));
    assert.deepEqual(
      toc.map((e) => e.href),
      movedTop.map((id) => `#${ids.previewSection(id)}`),
    );
    assert.deepEqual(toc.at(-2), { number: '8', title: 'Framtidsplaner för åren 2026–2027', href: `#${ids.previewSection(newId)}` });
    assert.equal(toc.at(-1).number, '9');
    assert.deepEqual(
      chapters.slice(-2).map((c) => c.id),
      [ids.previewSection(newId), ids.previewSection('s-kommentar')],
    );
  });
  // In the editor, the section above it is now s-projekt's last sub-section.
  const sectionIds = await app.editorSectionIds();
  assert.equal(sectionIds[sectionIds.indexOf(newId) - 1], 's-projekt-uppfoljning');

  // --- delete: "Ta bort", then "Avbryt" keeps it; "Ta bort", "Ja, ta bort" removes it --------
  const confirm = await app.askDeleteSection(newId);
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /Ta bort avsnittet\?/);
  await app.answer(confirm, 'Avbryt');
  await confirm.waitFor({ state: 'detached' });
  assert.ok((await app.editorSectionIds()).includes(newId), 'Avbryt tog bort avsnittet');
  assert.equal((await previewState(app)).chapters.length, chaptersBefore + 1);

  await app.deleteSection(newId);
  await eventually(async () => {
    assert.deepEqual(await app.editorSectionIds(), initialIds);
    ({ chapters, toc } = await previewState(app));
    assert.equal(chapters.length, chaptersBefore);
    assert.deepEqual(
      toc.map((e) => e.href),
      TOP.map((id) => `#${ids.previewSection(id)}`),
    );
  });
  assert.equal(await app.previewSection(newId).count(), 0);
  fullToc = await app.previewToc();
  assert.equal(fullToc.find((e) => e.href === '#forvaltningsberattelse').number, '9');

  // The stored report follows too.
  await app.waitSaved();
  const stored = await app.storedReport(await app.currentId());
  assert.deepEqual(
    stored.narrative.map((s) => s.id),
    initialIds.concat(['verksamheten', 'vasentliga_handelser']),
  );
  app.assertClean();
});

/** The example's first chapter holding a sentence with a gap, the caret in the gap. */
async function caretInSentence() {
  const app = await env.open();
  await app.openPart('Berättelse');
  const id = 's-sammanfattning';
  const body = app.sectionBody(id);
  const start = 'Årets resultat blev  vilket styrelsen är nöjd med.';
  await body.fill(start);
  const at = 'Årets resultat blev '.length;
  await app.setCaret(body, at);
  return { app, id, body, start, at };
}

test('"Infoga uträknad uppgift" inserts {{årets_resultat}} at the caret; the preview shows the amount', async () => {
  const { app, id, body, start, at } = await caretInSentence();

  const select = app.placeholderSelect(id);
  const labels = await app.placeholderOptions(id);
  assert.ok(labels.includes('Årets resultat'), JSON.stringify(labels));
  await select.selectOption('årets_resultat');

  const placeholder = '{{årets_resultat}}';
  const expected = 'Årets resultat blev {{årets_resultat}} vilket styrelsen är nöjd med.';
  await eventually(async () => assert.equal(await body.inputValue(), expected));
  // The list is back at "Välj…".
  assert.equal(await select.inputValue(), '');

  // The preview shows the formatted figure, as the engine formats it.
  const amount = `40${NBSP}980${NBSP}kr`;
  await eventually(async () => {
    const text = await app.previewSectionBody(id).textContent();
    assert.ok(
      text.includes(`Årets resultat blev ${amount} vilket styrelsen är nöjd med.`),
      `förhandsvisningen: ${JSON.stringify(text)}`,
    );
    assert.ok(!text.includes('{{'), 'platshållaren syns i förhandsvisningen');
  });


  // The figure follows the amounts: a change in the resultaträkning changes the text.
  await app.openPart('Resultaträkning');
  await app.typeAmount('medlemsavgifter', 0, '131 660');
  await eventually(async () => {
    const text = await app.previewSectionBody(id).textContent();
    assert.ok(text.includes(`40${NBSP}990${NBSP}kr vilket`), `förhandsvisningen: ${JSON.stringify(text)}`);
  });
  // No unknown_placeholder problem.
  assert.ok(!(await app.problemCodes()).includes('unknown_placeholder'));
  app.assertClean();
});

test('after "Infoga uträknad uppgift" the text area has the focus with the caret right after the placeholder', async () => {
  const { app, id, body, start, at } = await caretInSentence();
  await app.placeholderSelect(id).selectOption('årets_resultat');
  const placeholder = '{{årets_resultat}}';
  const expected = 'Årets resultat blev {{årets_resultat}} vilket styrelsen är nöjd med.';
  await eventually(async () => assert.equal(await body.inputValue(), expected));
  await new Promise((r) => setTimeout(r, 100));
  const a = await app.active();
  assert.equal(a.id, ids.sectionBody(id), 'textrutan har inte fokus');
  assert.deepEqual(
    [a.selectionStart, a.selectionEnd],
    [at + placeholder.length, at + placeholder.length],
    `markören står inte efter platshållaren (text ${expected.length} tecken)`,
  );
  // Typing on goes on right after the placeholder.
  await app.type('!');
  assert.equal(await body.inputValue(), expected.replace('}} ', '}}! '));
  app.assertClean();
});
