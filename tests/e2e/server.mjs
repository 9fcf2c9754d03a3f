// A tiny static file server for the built app in dist/: 127.0.0.1, a random free port.
//
//   const server = await startServer();   // { url, port, close() }
//   ...
//   await server.close();
//
// It never builds anything: it serves whatever `trunk build --release` left in dist/, and
// refuses to start (with a clear message) when there is no build there.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// KASSOREN_DIST serves another build directory (e.g. a copy, while dist/ is being rebuilt).
export const DIST = path.resolve(process.env.KASSOREN_DIST || path.join(ROOT, 'dist'));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** gzip -9 of a file, computed once per file content (compressing the wasm takes ~100 ms). */
const GZIP_CACHE = new Map();
async function gzipped(file, body) {
  const { mtimeMs, size } = await fs.stat(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  if (!GZIP_CACHE.has(key)) GZIP_CACHE.set(key, zlib.gzipSync(body, { level: 9 }));
  return GZIP_CACHE.get(key);
}

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt)$/i;

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Checks that dist/ holds a build of the app (index.html that loads a .wasm via a .js). */
export async function assertBuilt(dist = DIST) {
  let html;
  try {
    html = await fs.readFile(path.join(dist, 'index.html'), 'utf8');
  } catch {
    throw new Error(`${dist}/index.html saknas: bygg appen först med "trunk build --release".`);
  }
  if (!/\.wasm/.test(html) && !/\.js/.test(html)) {
    throw new Error(`${dist}/index.html laddar ingen app (ingen .js/.wasm): bygg appen med "trunk build --release".`);
  }
}

/**
 * `base` serves the app under a sub-path (e.g. "/kassoren/"); anything outside it is 404.
 * `setDist(dir)` switches to another build at the same address (a new deployment).
 */
export async function startServer({ dist = DIST, host = '127.0.0.1', base = '/' } = {}) {
  await assertBuilt(dist);
  let root = path.resolve(dist);
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (!pathname.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404');
        return;
      }
      pathname = '/' + pathname.slice(base.length);
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = path.resolve(root, '.' + pathname);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let body = await fs.readFile(file);
      const headers = { 'Content-Type': mimeType(file), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
      // Compressed as any static host does, so transfer sizes are real.
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && COMPRESSIBLE.test(file)) {
        body = await gzipped(file, body);
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const status = e && (e.code === 'ENOENT' || e.code === 'EISDIR') ? 404 : 500;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(status));
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address();
  return {
    port,
    url: `http://${host}:${port}${base}`,
    async setDist(dir) {
      await assertBuilt(dir);
      root = path.resolve(dir);
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
