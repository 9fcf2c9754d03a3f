// Draws the app icons (assets/icon-*.png) from assets/favicon.svg with headless Chromium.
// Run once after changing the logo: node tools/icons.mjs
import fs from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await fs.readFile(new URL('../assets/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
// Maskable icons are cropped to a circle of 80 %: the logo sits in the middle, the colour fills all.
const icons = [
  ['icon-192.png', 192, svg],
  ['icon-512.png', 512, svg],
  ['icon-maskable-512.png', 512, svg.replace('rx="12"', 'rx="0"').replace('<path ', '<path transform="translate(9.6 9.6) scale(0.7)" ')],
];
for (const [name, size, art] of icons) {
  await page.setViewportSize({ width: size, height: size });
  const body = art.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
  await page.screenshot({ path: new URL(`../assets/${name}`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
