// Lighthouse on the release build (dist/), served locally with gzip as a static host would:
// prints the performance, accessibility, best-practices and SEO scores, on Lighthouse's desktop
// preset and on its default (a throttled phone). Not a test: the figures go into the README.
//
//   node bench/lighthouse.mjs          (./run lighthouse builds first)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

import { startServer } from '../tests/e2e/server.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
try {
  for (const [name, config] of [['dator (desktop)', { extends: 'lighthouse:default', settings: { preset: 'desktop', formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } } }], ['mobil (throttled)', undefined]]) {
    const result = await lighthouse(server.url, { port: chrome.port, onlyCategories: CATEGORIES, output: 'json', logLevel: 'error' }, config);
    const lhr = result.lhr;
    const scores = CATEGORIES.map((c) => `${c} ${Math.round(lhr.categories[c].score * 100)}`);
    console.log(`Lighthouse ${lhr.lighthouseVersion}, ${name}: ${scores.join(', ')}`);
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
          failures.push(`  ${name} ${c}: ${audit.id} ${audit.score} ${audit.displayValue ?? ''}`);
        }
      }
    }
    const m = lhr.audits;
    console.log(`  FCP ${m['first-contentful-paint'].displayValue}, LCP ${m['largest-contentful-paint'].displayValue}, TBT ${m['total-blocking-time'].displayValue}, CLS ${m['cumulative-layout-shift'].displayValue}`);
  }
  if (failures.length) console.log(`Audits under 0.9:\n${failures.join('\n')}`);
} finally {
  await chrome.kill();
  await server.close();
}
