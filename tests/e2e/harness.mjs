// Per test file: the static server and one headless Chromium, started in `before` and closed in
// `after`; every test opens its pages in fresh browser contexts (fresh profiles).

import { before, after, afterEach } from 'node:test';

import { startServer } from './server.mjs';
import { Kassoren, launchBrowser } from './kassoren.mjs';

export function useApp() {
  const env = { server: null, browser: null, apps: [] };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  afterEach(async () => {
    const apps = env.apps.splice(0);
    const errors = apps.flatMap((a) => a.pageErrors.map((e) => String(e.stack || e)));
    for (const a of apps) await a.close().catch(() => {});
    // An uncaught error in the page fails the test even when it was not checked explicitly.
    if (errors.length) throw new Error(`oväntade fel i sidan:\n${errors.join('\n')}`);
  });
  /** A Kassören page in a fresh browser context (not yet navigated). */
  env.fresh = async () => {
    const app = await Kassoren.fresh(env.browser, env.server.url);
    env.apps.push(app);
    return app;
  };
  /** A fresh context with the app loaded. */
  env.open = async () => {
    const app = await env.fresh();
    await app.goto();
    return app;
  };
  return env;
}
