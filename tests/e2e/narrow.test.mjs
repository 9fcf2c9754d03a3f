// A narrow screen shows one pane at a time: "Redigera" and "Förhandsvisning" tabs switch; a
// 1440 px laptop edits the statements without sideways scrolling.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { eventually } from './kassoren.mjs';

const env = useApp();

test('at 600×900 the tabs switch between the editor and the preview', async () => {
  const app = await env.fresh();
  await app.setViewport(600, 900);
  await app.goto();
  const tabs = app.paneTabs();
  const edit = app.paneTab('Redigera');
  const show = app.paneTab('Förhandsvisning');
  const editor = app.editor();
  const sidebar = app.sidebar();
  const preview = app.previewPane();

  assert.ok(await edit.isVisible(), '"Redigera" syns inte');
  assert.ok(await show.isVisible(), '"Förhandsvisning" syns inte');
  assert.equal(await edit.getAttribute('aria-selected'), 'true');
  assert.equal(await show.getAttribute('aria-selected'), 'false');
  assert.ok(await editor.isVisible());
  assert.ok(await sidebar.isVisible());
  assert.ok(!(await preview.isVisible()), 'förhandsvisningen ska vara dold');
  // The editor fits the width: no sideways scrolling of the page.
  const overflow = await app.horizontalOverflow();
  assert.ok(overflow <= 0, `sidan är ${overflow} px för bred`);

  await show.click();
  await eventually(async () => {
    assert.ok(await preview.isVisible(), 'förhandsvisningen syns inte');
    assert.ok(!(await editor.isVisible()), 'redigeraren ska vara dold');
    assert.ok(!(await sidebar.isVisible()), 'delarna ska vara dolda');
  });
  assert.equal(await show.getAttribute('aria-selected'), 'true');
  assert.equal(await edit.getAttribute('aria-selected'), 'false');
  assert.match(await app.preview().innerText(), /Friluftsföreningen Tresjöleden/);
  const box = await preview.boundingBox();
  assert.ok(box.width > 500, `förhandsvisningen är ${box.width} px bred`);

  await edit.click();
  await eventually(async () => {
    assert.ok(await editor.isVisible());
    assert.ok(!(await preview.isVisible()));
  });
  // Editing still works there, and the preview shows the edit.
  await app.openPart('Resultaträkning');
  await app.typeAmount('medlemsavgifter', 0, '140 000');
  await show.click();
  await eventually(async () =>
    assert.equal((await app.previewAmounts('medlemsavgifter'))[0], '140\u00a0000'),
  );

  // On a wide screen there are no tabs and both panes show.
  await app.setViewport(1400, 900);
  await eventually(async () => {
    assert.ok(!(await tabs.isVisible()));
    assert.ok(await preview.isVisible());
  });
  app.assertClean();
});

test('a 1440 px laptop edits the resultaträkning and the balansräkning without sideways scrolling, a BRF\'s too', async () => {
  const app = await env.open();
  await app.setViewport(1440, 900);
  const fits = async () => {
    for (const part of ['Resultaträkning', 'Balansräkning']) {
      await app.openPart(part);
      await eventually(async () => assert.equal(await app.editorOverflowX(), 0, part));
      assert.equal(await app.cutFigures(), 0, part);
    }
  };
  await fits();
  await app.newReport({ name: 'Brf Lönnen', form: 'bostadsrattsforening' });
  await fits();
  app.assertClean();
});
