// Offline use, updates and hosting under a sub-path. Each test starts its own server, so it can
// stop it ("the network is gone"), switch it to another build (a new deployment), or serve the
// app under /kassoren/.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startServer, DIST } from './server.mjs';
import { Kassoren, eventually, launchBrowser, SIE_SAMPLES } from './kassoren.mjs';
import { postBuild } from '../../tools/postbuild.mjs';

let browser;
const cleanup = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});
afterEach(async () => {
  const errors = [];
  for (const item of cleanup.splice(0).reverse()) {
    if (item.pageErrors) errors.push(...item.pageErrors.map((e) => String(e.stack || e)));
    await item.close().catch(() => {});
  }
  if (errors.length) throw new Error(`oväntade fel i sidan:\n${errors.join('\n')}`);
});

async function serve(options) {
  const server = await startServer(options);
  cleanup.push(server);
  return server;
}

/** The app in a fresh profile; `requested` collects every URL the profile asks for. */
async function openApp(server, requested = []) {
  const app = await Kassoren.fresh(browser, server.url);
  cleanup.push(app);
  app.onRequest((r) => requested.push(r.url()));
  await app.goto();
  // The service worker has cached the whole build once it controls the page.
  await app.waitForServiceWorker();
  return app;
}

/** Stops the server and takes the browser offline: nothing can come from the network. */
async function goOffline(app, server) {
  await server.close();
  await app.setOffline(true);
}

/** A copy of the release build, optionally changed, as a new deployment would be. */
async function copyBuild(name, change) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `kassoren-${name}-`));
  await fs.cp(DIST, dir, { recursive: true });
  if (change) {
    await change(dir);
    await postBuild(dir); // a new precache list and cache name, as Trunk's hook gives a real build
  }
  cleanup.push({ close: () => fs.rm(dir, { recursive: true, force: true }) });
  return dir;
}

test('after one online visit the app opens offline with the stored report, and edits are kept', async () => {
  const server = await serve();
  const app = await openApp(server);
  // Chromium finds nothing in the app that keeps it from offering to install it (a test
  // context is an incognito profile, which is the one reason it gives).
  const installabilityErrors = await app.installabilityErrors();
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  const manifest = await app.manifest();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.lang, 'sv');
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-600 002');
  await app.waitSaved();

  await goOffline(app, server);
  await app.reload();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0002');
  await app.typeAmount('verksamhetskostnader', 0, '-600 003');
  await app.waitSaved();
  await app.reload();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0003');
  app.assertClean();
});

test('offline: importing an SIE file, saving and comparing a file (the merge module) and downloading HTML all work', async () => {
  const server = await serve();
  const app = await openApp(server);
  await goOffline(app, server);
  await app.reload();

  await app.importSie(path.join(SIE_SAMPLES, 'jsisie__BL0001_typ1.SE'));
  await app.confirmSieImport();
  assert.match(await app.title(), /SEEE Speak Easy Executive English AB/);

  const json = JSON.parse(await app.saveJson());
  assert.match(json.organisation.name, /SEEE Speak Easy Executive English AB/);
  // The merge module comes from the service worker's cache: the file has its history, and a
  // board member's copy (here: the same file with a new name in it) compares offline.
  assert.ok(json.history, 'the history was recorded offline');
  const copy = { ...json, organisation: { ...json.organisation, seat: 'Offlinestad' } };
  await app.compareFile(JSON.stringify(copy, null, 2), 'kopia.json');
  assert.match(await app.comparedChanges().first().innerText(), /Offlinestad/);
  await app.page.getByRole('button', { name: 'Avbryt jämförelsen' }).click();
  const html = await app.downloadHtml();
  assert.match(html, /SEEE Speak Easy Executive English AB/);
  assert.match(html, /Balansräkning/);
  assert.match(html, /1\u00a0616\u00a04\d\d/, "the balance-sheet total from the file");
  app.assertClean();
});

test('a new deployment is offered, not forced: the edit is kept and the new build runs after "Ladda om"', async () => {
  const buildA = await copyBuild('a');
  const buildB = await copyBuild('b', async (dir) => {
    const index = path.join(dir, 'index.html');
    const html = await fs.readFile(index, 'utf8');
    await fs.writeFile(index, html.replace('<title>', '<meta name="kassoren-test-build" content="B" />\n    <title>'));
  });
  const server = await serve({ dist: buildA });
  const app = await openApp(server);
  const build = async () => (await app.metaContent('kassoren-test-build')) ?? 'A';
  assert.equal(await build(), 'A');
  const banner = app.updateBanner();

  await server.setDist(buildB);
  // The treasurer comes back to the tab: the app looks for a new version.
  await app.comeBackToTab();
  await banner.waitFor({ timeout: 30000 });
  assert.equal(await build(), 'A', 'nothing reloads by itself');

  // An edit typed just before accepting (the debounced save has not run yet) survives.
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-600 004');
  await app.acceptUpdate();
  assert.equal(await build(), 'B');
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0004');
  assert.equal(await banner.count(), 0);
  app.assertClean();
});

test('served under /kassoren/ the app works online and offline, and asks for nothing outside it', async () => {
  const server = await serve({ base: '/kassoren/' });
  const requested = [];
  const app = await openApp(server, requested);
  const scope = await app.serviceWorkerScope();
  assert.equal(scope, server.url);
  await app.openPart('Resultaträkning');
  await app.typeAmount('verksamhetskostnader', 0, '-600 005');
  await app.waitSaved();
  assert.deepEqual(requested.filter((u) => !u.startsWith(server.url)), []);

  await goOffline(app, server);
  await app.reload();
  await app.openPart('Resultaträkning');
  assert.equal(await app.cellValue('verksamhetskostnader', 0), '\u2212600\u00a0005');
  app.assertClean();
});

test('once there is a report of their own, the app asks for persistent storage and shows the answer', async () => {
  const server = await serve();
  const app = await Kassoren.fresh(browser, server.url);
  cleanup.push(app);
  await app.goto();
  const persistence = async () => {
    await app.toolbarButton('Mina rapporter').click();
    const text = (await app.persistenceNote().innerText()).trim();
    await app.closeDialog();
    return text;
  };
  // Only the example so far: nothing asked yet.
  assert.match(await persistence(), /ber webbläsaren om varaktig lagring när du har sparat en egen/);

  await app.newReport({ name: 'Båtklubben Ankaret' });
  await app.waitSaved();
  const granted = await app.storagePersisted();
  await eventually(async () => {
    const text = await persistence();
    assert.match(text, granted ? /har lovat att spara årsredovisningarna varaktigt/ : /har inte lovat att spara varaktigt/);
  });
  app.assertClean();
});
