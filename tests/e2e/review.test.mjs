// Board review: the treasurer sends the report as a file; a board member changes a sentence and
// an amount and adds a comment; the treasurer opens that copy and sees exactly those changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { formatAmount } from './kassoren.mjs';

const env = useApp();
const SECTION = 's-sammanfattning';
const COMMENT = 'Stämmer siffran för medlemsavgifterna med kassaboken?';

test('a board member\'s copy: the review shows exactly their three changes; accepted, figures, checks and comment follow', async () => {
  // The treasurer sends the report.
  const treasurer = await env.open();
  await treasurer.setMyName('Karin Kassör');
  const sent = await treasurer.saveJson();
  assert.equal(JSON.parse(sent).lineage.author, 'Karin Kassör');

  // A board member, in a browser of her own, opens it, edits and comments.
  const member = await env.open();
  await member.setMyName('Anna Ledamot');
  await member.openFile(Buffer.from(sent), 'arsredovisning.json');
  await member.noticeWith('har öppnats som en ny årsredovisning').waitFor();
  await member.openPart('Berättelse');
  const body = member.sectionBody(SECTION);
  const original = await body.inputValue();
  const sentence = original.split(/(?<=\.)\s/)[0];
  await body.fill(original.replace(sentence, `${sentence.slice(0, -1)} och fler medlemmar än någonsin.`));
  await body.press('Tab');
  await member.openPart('Resultaträkning');
  await member.typeAmount('medlemsavgifter', 0, '140 000');
  await member.openPart('Granskning');
  await member.addComment(COMMENT, { target: 'Resultaträkning › Medlemsavgifter' });
  await member.waitSaved();
  const returned = await member.saveJson();
  assert.equal(JSON.parse(returned).lineage.author, 'Anna Ledamot');

  // The treasurer opens her copy: compare, not a duplicate.
  await treasurer.openPart('Resultaträkning');
  const resultBefore = await treasurer.computedValue('arets_resultat', 0);
  await treasurer.openFile(Buffer.from(returned), 'arsredovisning-anna.json');
  await treasurer.compareWithMine();
  const changes = treasurer.comparedChanges();
  await changes.first().waitFor();
  const described = await changes.allInnerTexts();
  assert.equal(described.length, 3, described.join('\n'));
  assert.equal(await treasurer.comparedConflicts().count(), 0);
  assert.ok(described.some((d) => /fler medlemmar än någonsin/.test(d)), described.join('\n'));
  assert.ok(described.some((d) => /Medlemsavgifter/.test(d) && /140\u00a0000/.test(d)), described.join('\n'));
  assert.ok(described.some((d) => /kommentar/i.test(d) && /Anna Ledamot/.test(d)), described.join('\n'));
  assert.equal(await treasurer.comparedInsertions().count() > 0, true, 'the new words are marked');

  await treasurer.applyAccepted();

  // The figures and checks follow; the comment is there; it never prints.
  await treasurer.openPart('Resultaträkning');
  assert.equal(await treasurer.cellValue('medlemsavgifter', 0), formatAmount(140000));
  assert.notEqual(await treasurer.computedValue('arets_resultat', 0), resultBefore);
  const codes = await treasurer.problemCodes();
  assert.ok(codes.includes('balance_sheet_unbalanced') || codes.includes('result_mismatch'), codes.join(', '));
  await treasurer.openPart('Granskning');
  assert.match(await treasurer.comments().first().innerText(), /Stämmer siffran/);
  await treasurer.openPart('Berättelse');
  assert.match(await treasurer.sectionBody(SECTION).inputValue(), /fler medlemmar än någonsin/);
  const html = await treasurer.downloadHtml();
  assert.ok(!html.includes('Stämmer siffran'), 'the comment is not in the printed report');
  assert.ok(html.includes('fler medlemmar än någonsin'));
  assert.ok(!(await treasurer.previewText()).includes('Stämmer siffran'));

  // Undo takes the merge back.
  await treasurer.undo();
  await treasurer.openPart('Resultaträkning');
  assert.notEqual(await treasurer.cellValue('medlemsavgifter', 0), formatAmount(140000));
  treasurer.assertClean();
  member.assertClean();
});

test('"Jag har granskat": the reviewer and revision are shown, and whether the report changed since', async () => {
  const app = await env.open();
  await app.setMyName('Bertil Revisor');
  await app.markReviewed();
  const reviews = app.reviews();
  await reviews.first().waitFor();
  assert.match(await reviews.first().innerText(), /Bertil Revisor granskade version \d+ .*oförändrad sedan dess/);
  await app.openPart('Resultaträkning');
  await app.typeAmount('medlemsavgifter', 0, '140 000');
  await app.openPart('Granskning');
  assert.match(await reviews.first().innerText(), /— ändrad sedan dess/);
  app.assertClean();
});

test('two members\' copies merged one after the other; the same cell changed in both is a conflict shown side by side', async () => {
  const treasurer = await env.open();
  await treasurer.setMyName('Karin Kassör');
  const sent = await treasurer.saveJson();

  const copy = async (name, edits) => {
    const member = await env.open();
    await member.setMyName(name);
    await member.openFile(Buffer.from(sent), 'arsredovisning.json');
    await member.noticeWith('har öppnats som en ny årsredovisning').waitFor();
    await member.openPart('Resultaträkning');
    for (const [line, amount] of edits) await member.typeAmount(line, 0, amount);
    await member.waitSaved();
    return member.saveJson();
  };
  const fromAnna = await copy('Anna Ledamot', [['medlemsavgifter', '140 000']]);
  const fromBertil = await copy('Bertil Ledamot', [['verksamhetskostnader', '-600 050'], ['medlemsavgifter', '150 000']]);

  const compare = async (text, name) => {
    await treasurer.openFile(Buffer.from(text), name);
    await treasurer.compareWithMine();
    await treasurer.comparison().waitFor();
  };
  await compare(fromAnna, 'anna.json');
  assert.equal(await treasurer.comparedChanges().count(), 1);
  await treasurer.applyAccepted();

  await compare(fromBertil, 'bertil.json');
  const conflict = treasurer.comparedConflicts();
  assert.equal(await conflict.count(), 1, 'medlemsavgifter changed by Anna (merged) and by Bertil');
  const sides = await conflict.innerText();
  assert.match(sides, /Min: .*140\u00a0000/);
  assert.match(sides, /Deras: .*150\u00a0000/);
  assert.equal(await treasurer.comparedChanges().count(), 1, 'verksamhetskostnader');
  // Nothing is merged silently: the conflict keeps mine unless the treasurer takes theirs.
  await treasurer.takeTheirs();
  await treasurer.applyAccepted();
  await treasurer.openPart('Resultaträkning');
  assert.equal(await treasurer.cellValue('medlemsavgifter', 0), formatAmount(150000));
  assert.equal(await treasurer.cellValue('verksamhetskostnader', 0), formatAmount(-600050));
  treasurer.assertClean();
});

test('"Kommentera" at a section and at a check opens Granskning with that target chosen', async () => {
  const app = await env.open();
  await app.setMyName('Cecilia Ledamot');
  await app.openPart('Berättelse');
  await app.commentOnSection(SECTION);
  await app.commentText().waitFor();
  assert.match(await app.chosenCommentTarget().innerText(), /^Berättelse › Sammanfattning/);
  await app.waitForFocus('comment-text');
  await app.addComment('Bra sammanfattning.');
  assert.match(await app.comments().first().innerText(), /Cecilia Ledamot om Berättelse › Sammanfattning/);

  await app.openPart('Resultaträkning');
  await app.typeAmount('medlemsavgifter', 0, '140 000');
  await app.openPart('Kontroller');
  const message = await app.problemMessage(0);
  await app.commentOnProblem(0);
  await app.commentText().waitFor();
  assert.equal(await app.chosenCommentTarget().innerText(), `Kontroll: ${message}`);
  assert.match(await app.openComments().innerText(), /1 öppna/);
  app.assertClean();
});
