// Trunk's post-build hook (Trunk.toml), also runnable on any built directory:
//
//   node tools/postbuild.mjs [dir]      (default: $TRUNK_STAGING_DIR, else dist/)
//
// 1. Moves Trunk's inline module loader, with web/pwa.js in front of it, into an external
//    loader-<hash>.js, so the page's Content-Security-Policy needs no inline script at all.
// 2. Puts that policy in the page as a meta tag (see CSP below).
// 3. Gives the merge module (merge-web/, which Trunk builds with a fixed name) names that carry
//    its content hash, like every other file, and names its script in a meta tag the app reads
//    (<meta name="kassoren-merge-module">), so the page and the module always belong together.
// 4. Writes sw.js from web/sw.js: the precache list is every file of this build, and the cache
//    name is a hash of their contents, so each deployment gets its own cache.
// Running it twice on the same directory gives the same result.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// frame-ancestors is left out: browsers ignore it in a meta tag (and say so in the console);
// _headers (the format of Netlify and Cloudflare Pages) sends the whole policy, with
// frame-ancestors, where the host supports headers.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export const HEADERS = `/*
  Content-Security-Policy: ${CSP}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
/sw.js
  Cache-Control: no-cache
`;

const hash = (data, n = 16) => crypto.createHash('sha256').update(data).digest('hex').slice(0, n);

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

async function externaliseLoader(dir, html) {
  const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!inline) return html; // already done
  const prefix = inline[1].match(/from '([^']*?)[^'/]+\.js'/)?.[1] ?? './';
  const pwa = await fs.readFile(path.join(ROOT, 'web/pwa.js'), 'utf8');
  const loader = `${pwa}\n${inline[1].trim()}\n`;
  const name = `loader-${hash(loader)}.js`;
  await fs.writeFile(path.join(dir, name), loader);
  return html.replace(inline[0], `<script type="module" src="${prefix}${name}"></script>`);
}

function addCsp(html) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
  const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
  if (existing.test(html)) return html.replace(existing, meta);
  return html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
}

async function writeServiceWorker(dir) {
  const files = (await listFiles(dir)).filter((f) => f !== 'sw.js' && f !== '_headers');
  const contents = await Promise.all(files.map((f) => fs.readFile(path.join(dir, f))));
  const build = hash(Buffer.concat(files.flatMap((f, i) => [Buffer.from(f + '\0'), contents[i]])));
  const template = await fs.readFile(path.join(ROOT, 'web/sw.js'), 'utf8');
  const sw = template
    .replace('__KASSOREN_BUILD__', build)
    .replace('__KASSOREN_FILES__', JSON.stringify(['./', ...files]));
  await fs.writeFile(path.join(dir, 'sw.js'), sw);
  return { build, files: files.length };
}

const MERGE = 'kassoren-merge-web';

async function hashMergeModule(dir, html) {
  const js = path.join(dir, `${MERGE}.js`);
  const wasm = path.join(dir, `${MERGE}_bg.wasm`);
  let script;
  try {
    const wasmBytes = await fs.readFile(wasm);
    const wasmName = `${MERGE}-${hash(wasmBytes)}_bg.wasm`;
    const text = (await fs.readFile(js, 'utf8')).replaceAll(`'${MERGE}_bg.wasm'`, `'${wasmName}'`);
    script = `${MERGE}-${hash(text)}.js`;
    await fs.rename(wasm, path.join(dir, wasmName));
    await fs.writeFile(path.join(dir, script), text);
    await fs.rm(js);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    return html; // already done, or a build without the module
  }
  const meta = `<meta name="kassoren-merge-module" content="./${script}" />`;
  const existing = /<meta name="kassoren-merge-module"[^>]*>/;
  if (existing.test(html)) return html.replace(existing, meta);
  return html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
}

export async function postBuild(dir) {
  const indexPath = path.join(dir, 'index.html');
  let html = await fs.readFile(indexPath, 'utf8');
  html = addCsp(await externaliseLoader(dir, html));
  html = await hashMergeModule(dir, html);
  await fs.writeFile(indexPath, html);
  await fs.writeFile(path.join(dir, '_headers'), HEADERS);
  return writeServiceWorker(dir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || path.join(ROOT, 'dist'));
  const { build, files } = await postBuild(dir);
  console.log(`postbuild: ${dir}: loader external, CSP set, sw.js precaches ${files} files (build ${build})`);
}
