// The self-contained guard: fails, with one line, if a file in the repository refers to a path
// outside it (such as a sibling folder a fresh `git clone` does not have). Run first by
// `./run test`.
//
//   node tools/check-paths.mjs          exit 0: nothing points outside; 1: the first offender
//
// A reference is a relative path with parent steps (`..` then `/`, as text or as path.join
// arguments); a template's `${…}` part is left out.
// It is resolved the ways the tools resolve it — from the file's own folder (include_str!,
// import, new URL(…, import.meta.url)), from the folder of the package the file belongs to
// (CARGO_MANIFEST_DIR, a script's working directory) and from the repository's root. It is
// fine when one of those lands on a file or folder of the repository; it is an offence when
// none does and one of them leaves the repository.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every file of the tree that git keeps or would keep (tracked, and new but not ignored). */
function repositoryFiles() {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\0').filter((f) => f && fs.existsSync(path.join(ROOT, f)));
}

const files = repositoryFiles();
const known = new Set(files);
for (const f of files) {
  for (let d = path.posix.dirname(f); d !== '.'; d = path.posix.dirname(d)) known.add(d);
}
const packageDirs = files
  .filter((f) => /(^|\/)(Cargo\.toml|package\.json)$/.test(f))
  .map((f) => path.posix.dirname(f));

/** The folder of the package `file` belongs to (the deepest one holding it), or the root. */
function packageOf(file) {
  let best = '.';
  for (const d of packageDirs) {
    if ((d === '.' || file.startsWith(`${d}/`)) && d.length > best.length) best = d;
  }
  return best;
}

/** Relative paths with parent steps in a text, with their line numbers. */
function references(text) {
  const found = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/(?:\.\.[/\\])+[^\s'"`)<>\]},;]*/g)) found.push([i + 1, m[0]]);
    // As arguments of path.join and the like.
    for (const m of line.matchAll(/(?:(['"])\.\.\1\s*,\s*)+(?:(['"])[^'"]+\2\s*,?\s*)*/g)) {
      const parts = [...m[0].matchAll(/(['"])([^'"]+)\1/g)].map((p) => p[2]);
      found.push([i + 1, parts.join('/')]);
    }
  });
  return found;
}

/** Where `ref` leads from `base` (a folder relative to the root): a path, or null outside. */
function resolve(base, ref) {
  const cut = ref.search(/[$*]/);
  if (cut >= 0) ref = ref.slice(0, ref.lastIndexOf('/', cut) + 1);
  const target = path.posix.normalize(path.posix.join(base, ref.replace(/\\/g, '/')));
  return target === '..' || target.startsWith('../') ? null : target.replace(/\/$/, '');
}

const offences = [];
for (const file of files) {
  const full = path.join(ROOT, file);
  if (fs.statSync(full).size > 1 << 20) continue;
  const bytes = fs.readFileSync(full);
  if (bytes.includes(0)) continue; // binary
  for (const [line, ref] of references(bytes.toString('utf8'))) {
    const bases = [path.posix.dirname(file), packageOf(file), '.'];
    const targets = bases.map((b) => resolve(b, ref));
    const lands = targets.some((t) => t !== null && (t === '.' || known.has(t)));
    if (!lands && targets.some((t) => t === null)) offences.push(`${file}:${line} refers to ${ref}`);
  }
}

if (offences.length) {
  const more = offences.length > 1 ? ` (and ${offences.length - 1} more)` : '';
  if (process.env.VERBOSE) console.error(offences.join("\n"));
  console.error(
    `outside the repository: ${offences[0]}${more} — copy what it needs into the repository (with its licence)`,
  );
  process.exit(1);
}
