// The module-graph guard: fails, with one line, if a crate's modules depend on each other in a
// cycle. Node 20, no dependencies.
//
//   node tools/check-modules.mjs [ROOT …]   exit 0: no cycle; 1: a cycle (named on one line);
//                                           2: a root that cannot be read
//   node tools/check-modules.mjs --graph …  also prints every graph's edges
//
// A ROOT is a crate's source folder (default: `engine/src` and `src`); its crate root is
// `lib.rs`, else `main.rs`. The module tree is read from `mod x;` declarations (`x.rs` or
// `x/mod.rs`, `#[path]` honoured) and inline `mod x { … }` blocks. Code under `#[cfg(test)]`
// is left out: tests may use anything. Comments and string literals are left out too, so a doc
// link is not a dependency.
//
// A dependency is a path that names a module of the crate: `use crate::a::b`, `use super::x`,
// `use self::x`, a relative `use` of a child, and the same paths written in code
// (`crate::a::f()`, `super::x::Y`). A path through a `use` (a re-export such as
// `pub use model::Report`, or an import) is followed to the module that holds the item.
//
// A path from module A to module B counts once, where the two branches meet: between the two
// children of their deepest common ancestor that hold A and B. So a child may use its parent's
// items (and a parent its children's) freely; what is checked is the graph among the top-level
// modules and, inside each module, the graph among its sibling submodules. Each must be
// acyclic. The cycle named is the shortest one through the first module (by name) of the first
// graph that has one: `engine/src: cycle compute -> placeholders -> compute`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Tokens

/**
 * The tokens of a Rust source: identifiers/keywords (`id`), `::`, single punctuation, string
 * literals (`str`, with their text, for `#[path = "…"]`). Comments, char literals, lifetimes
 * and numbers are dropped.
 */
function tokenize(src) {
  const s = Array.from(src);
  const out = [];
  let i = 0;
  const isIdStart = (c) => /[\p{L}_]/u.test(c);
  const isId = (c) => /[\p{L}\p{N}_]/u.test(c);
  while (i < s.length) {
    const c = s[i];
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '/' && s[i + 1] === '*') {
      let depth = 0;
      do {
        if (s[i] === '/' && s[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (s[i] === '*' && s[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      } while (depth > 0 && i < s.length);
    } else if (
      (c === 'r' || (c === 'b' && s[i + 1] === 'r') || (c === 'c' && s[i + 1] === 'r')) &&
      /^r#*"/.test(s.slice(c === 'r' ? i : i + 1, i + 260).join(''))
    ) {
      // raw string r#"…"#
      let j = c === 'r' ? i + 1 : i + 2;
      let hashes = 0;
      while (s[j] === '#') {
        hashes++;
        j++;
      }
      j++; // the opening quote
      const start = j;
      const close = '"' + '#'.repeat(hashes);
      while (j < s.length && s.slice(j, j + close.length).join('') !== close) j++;
      out.push({ t: 'str', v: s.slice(start, j).join('') });
      i = j + close.length;
    } else if (c === '"' || ((c === 'b' || c === 'c') && s[i + 1] === '"')) {
      let j = c === '"' ? i + 1 : i + 2;
      const start = j;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out.push({ t: 'str', v: s.slice(start, j).join('') });
      i = j + 1;
    } else if (c === "'" || (c === 'b' && s[i + 1] === "'")) {
      // a char literal ('x', '\n', b'x') or a lifetime ('a)
      const j = c === "'" ? i + 1 : i + 2;
      if (s[j] === '\\') {
        let k = j + 1;
        while (k < s.length && s[k] !== "'") k++;
        i = k + 1;
      } else if (s[j + 1] === "'") {
        i = j + 2;
      } else {
        i = j;
        while (i < s.length && isId(s[i])) i++;
      }
    } else if (/[0-9]/.test(c)) {
      while (i < s.length && /[\p{L}\p{N}_.]/u.test(s[i]) && !(s[i] === '.' && s[i + 1] === '.')) i++;
    } else if (isIdStart(c)) {
      let j = i;
      while (j < s.length && isId(s[j])) j++;
      let v = s.slice(i, j).join('');
      if (v === 'r' && s[j] === '#' && isIdStart(s[j + 1] ?? '')) {
        // a raw identifier r#type
        let k = j + 1;
        while (k < s.length && isId(s[k])) k++;
        v = s.slice(j + 1, k).join('');
        j = k;
      }
      out.push({ t: 'id', v });
      i = j;
    } else if (c === ':' && s[i + 1] === ':') {
      out.push({ t: 'p', v: '::' });
      i += 2;
    } else {
      out.push({ t: 'p', v: c });
      i++;
    }
  }
  return out;
}

const OPEN = { '{': '}', '(': ')', '[': ']' };
const CLOSE = new Set(['}', ')', ']']);

/** The index just after the group that opens at `i` (a `{`, `(` or `[` token). */
function skipGroup(toks, i) {
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    const t = toks[j];
    if (t.t !== 'p') continue;
    if (OPEN[t.v]) depth++;
    else if (CLOSE.has(t.v) && --depth === 0) return j + 1;
  }
  return toks.length;
}

/** The index just after the item that starts at `i`: up to a `;` or a `{…}` at its own level. */
function skipItem(toks, i) {
  for (let j = i; j < toks.length; j++) {
    const t = toks[j];
    if (t.t !== 'p') continue;
    if (t.v === ';') return j + 1;
    if (t.v === '{') return skipGroup(toks, j);
    if (t.v === '(' || t.v === '[') j = skipGroup(toks, j) - 1;
    if (CLOSE.has(t.v)) return j; // the end of the enclosing block
  }
  return toks.length;
}

/** Whether an attribute's tokens (between `[` and `]`) say the item exists only in tests. */
function isTestOnly(attr) {
  if (attr[0]?.v !== 'cfg') return false;
  const words = attr.filter((t) => t.t === 'id').map((t) => t.v);
  return words.includes('test') && !words.includes('not') && !words.includes('any');
}

// ---------------------------------------------------------------------------------------------
// The module tree

/**
 * A module: `path` (names from the crate root), `children` (name → module), the paths its
 * `use` declarations and its code wrote (`rawUses`, `rawRefs`), and the same from the crate
 * root: `uses` (the name a `use` brings in → its path) and `refs` (every path).
 */
function newModule(modPath) {
  return { path: modPath, children: new Map(), rawUses: [], rawRefs: [], uses: new Map(), refs: [] };
}

/** Turns the paths a module wrote into paths from the crate root (once the tree is read). */
function absolutize(root) {
  for (const mod of modules(root)) {
    // first the `use` paths that start at a known place, then those through another `use`
    const late = [];
    for (const u of mod.rawUses) {
      const abs = absolute(u.segs, mod, true);
      if (abs) record(mod, u, abs);
      else late.push(u);
    }
    for (const u of late) {
      const abs = absolute(u.segs, mod, true);
      if (abs) record(mod, u, abs);
    }
    for (const segs of mod.rawRefs) {
      const abs = absolute(segs, mod, false);
      if (abs) mod.refs.push(abs);
    }
  }
  function record(mod, u, abs) {
    mod.refs.push(abs);
    if (!u.glob && u.alias && u.alias !== '_') mod.uses.set(u.alias, abs);
  }
}

/** Reads the module whose body is `toks` (a file, or an inline block) into `mod`. */
function readBody(toks, mod, childDir, file, problems) {
  let attrs = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.t === 'p' && t.v === '#') {
      // an attribute: #[…] or #![…]
      let j = i + 1;
      if (toks[j]?.v === '!') j++;
      if (toks[j]?.v === '[') {
        const end = skipGroup(toks, j);
        attrs.push(toks.slice(j + 1, end - 1));
        i = end;
        continue;
      }
      i++;
      continue;
    }
    if (attrs.some(isTestOnly)) {
      attrs = [];
      i = skipItem(toks, i);
      continue;
    }
    if (t.t === 'id' && t.v === 'mod' && toks[i + 1]?.t === 'id') {
      const name = toks[i + 1].v;
      const after = toks[i + 2];
      const pathAttr = attrs.find((a) => a[0]?.v === 'path' && a[2]?.t === 'str');
      const child = newModule([...mod.path, name]);
      mod.children.set(name, child);
      if (after?.v === ';') {
        const candidates = pathAttr
          ? [path.join(path.dirname(file), pathAttr[2].v)]
          : [path.join(childDir, `${name}.rs`), path.join(childDir, name, 'mod.rs')];
        const found = candidates.find((f) => fs.existsSync(f));
        if (found) {
          const isModRs = pathAttr || path.basename(found) === 'mod.rs';
          const dir = isModRs ? path.dirname(found) : path.join(childDir, name);
          readFile(found, child, dir, problems);
        } else {
          problems.push(`${file}: no file for mod ${name} (${candidates.join(' or ')})`);
        }
        i += 3;
      } else if (after?.v === '{') {
        const end = skipGroup(toks, i + 2);
        readBody(toks.slice(i + 3, end - 1), child, path.join(childDir, name), file, problems);
        i = end;
      } else {
        i += 2;
      }
      attrs = [];
      continue;
    }
    if (t.t === 'id' && t.v === 'use' && toks[i - 1]?.v !== '$') {
      let j = i + 1;
      const end = (() => {
        for (let k = j; k < toks.length; k++) if (toks[k].v === ';') return k;
        return toks.length;
      })();
      mod.rawUses.push(...useTree(toks.slice(j, end)));
      i = end + 1;
      attrs = [];
      continue;
    }
    if (
      t.t === 'id' &&
      (t.v === 'crate' || t.v === 'super' || t.v === 'self') &&
      toks[i + 1]?.v === '::' &&
      toks[i - 1]?.v !== '$' &&
      toks[i - 1]?.v !== '::'
    ) {
      const segs = [];
      let j = i;
      while (toks[j]?.t === 'id') {
        segs.push(toks[j].v);
        if (toks[j + 1]?.v !== '::') break;
        j += 2;
      }
      mod.rawRefs.push(segs);
      i = j + 1;
      continue;
    }
    if (t.t === 'p' && (t.v === ';' || t.v === '{' || t.v === '}')) attrs = [];
    i++;
  }
}

function readFile(file, mod, childDir, problems) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`${file}: ${e.message}`);
    return;
  }
  readBody(tokenize(text), mod, childDir, file, problems);
}

/**
 * The paths a `use` tree names: `a::{b, c::{self, d as e}, f::*}` gives a::b, a::c, a::c::d
 * (as e) and a::f::* — each with the name it brings in.
 */
function useTree(toks) {
  const out = [];
  let i = 0;
  function tree(prefix) {
    const segs = [...prefix];
    if (toks[i]?.v === '::') i++; // a leading ::
    for (;;) {
      const t = toks[i];
      if (!t) return;
      if (t.v === '{') {
        i++;
        while (toks[i] && toks[i].v !== '}') {
          tree(segs);
          if (toks[i]?.v === ',') i++;
        }
        i++;
        return;
      }
      if (t.v === '*') {
        i++;
        out.push({ segs, glob: true });
        return;
      }
      if (t.t !== 'id') return;
      i++;
      if (t.v === 'self' && segs.length > 0 && toks[i]?.v !== '::') {
        let alias = segs[segs.length - 1];
        if (toks[i]?.v === 'as') {
          alias = toks[i + 1]?.v;
          i += 2;
        }
        out.push({ segs, alias });
        return;
      }
      segs.push(t.v);
      if (toks[i]?.v === '::') {
        i++;
        continue;
      }
      let alias = t.v;
      if (toks[i]?.v === 'as') {
        alias = toks[i + 1]?.v;
        i += 2;
      }
      out.push({ segs, alias });
      return;
    }
  }
  tree([]);
  return out;
}

/**
 * A path written in `mod`, from the crate root, or null when it leaves the crate (another
 * crate, the standard library). `inUse`: in a `use`, a path may start with a child's name.
 */
function absolute(segs, mod, inUse) {
  let base = mod.path;
  let k = 0;
  if (segs[0] === 'crate') {
    base = [];
    k = 1;
  } else if (segs[0] === 'self') {
    k = 1;
  } else if (segs[0] === 'super') {
    while (segs[k] === 'super') {
      if (base.length === 0) return null;
      base = base.slice(0, -1);
      k++;
    }
  } else if (inUse) {
    if (!mod.children.has(segs[0]) && !mod.uses.has(segs[0])) return null;
    if (mod.uses.has(segs[0])) return [...mod.uses.get(segs[0]), ...segs.slice(1)];
  } else {
    return null;
  }
  return [...base, ...segs.slice(k)];
}

/** The module that holds what an absolute path names (following `use` declarations). */
function resolve(root, segs, depth = 0) {
  let mod = root;
  for (let k = 0; k < segs.length; k++) {
    const name = segs[k];
    if (mod.children.has(name)) {
      mod = mod.children.get(name);
      continue;
    }
    if (mod.uses.has(name) && depth < 16) {
      const target = [...mod.uses.get(name), ...segs.slice(k + 1)];
      // a name used in its own module, such as `use self::x::y` then `y`
      if (target.join('::') !== segs.join('::')) return resolve(root, target, depth + 1);
    }
    break;
  }
  return mod.path;
}

// ---------------------------------------------------------------------------------------------
// The graphs

function* modules(mod) {
  yield mod;
  for (const name of [...mod.children.keys()].sort()) yield* modules(mod.children.get(name));
}

/** Sibling graph edges: the key is a parent's path; edges are child name → child names. */
function edgesOf(root) {
  const graphs = new Map();
  for (const mod of modules(root)) graphs.set(mod.path.join('::'), new Map());
  for (const mod of modules(root)) {
    for (const ref of mod.refs) {
      const target = resolve(root, ref);
      const from = mod.path;
      let n = 0;
      while (n < from.length && n < target.length && from[n] === target[n]) n++;
      if (n === from.length || n === target.length) continue; // within one branch
      const g = graphs.get(from.slice(0, n).join('::'));
      if (!g.has(from[n])) g.set(from[n], new Set());
      g.get(from[n]).add(target[n]);
    }
  }
  return graphs;
}

/** The shortest cycle through the first node (by name) that is on one, or null. */
function findCycle(edges) {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
  for (const start of nodes) {
    // breadth first from start's successors back to start
    const prev = new Map();
    const queue = [];
    for (const n of [...(edges.get(start) ?? [])].sort()) {
      if (!prev.has(n)) {
        prev.set(n, start);
        queue.push(n);
      }
    }
    while (queue.length) {
      const n = queue.shift();
      if (n === start) {
        const cycle = [start];
        for (let m = prev.get(start); m !== start; m = prev.get(m)) cycle.unshift(m);
        cycle.unshift(start);
        return cycle;
      }
      for (const m of [...(edges.get(n) ?? [])].sort()) {
        if (!prev.has(m)) {
          prev.set(m, n);
          queue.push(m);
        }
      }
    }
  }
  return null;
}

/** The first cycle of a crate's module graphs (top level first), as `a -> b -> a`, or null. */
function checkRoot(dir, problems, name) {
  const crateRoot = ['lib.rs', 'main.rs'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!crateRoot) {
    problems.push(`${dir}: no lib.rs or main.rs`);
    return null;
  }
  const root = newModule([]);
  readFile(crateRoot, root, dir, problems);
  absolutize(root);
  const graphs = edgesOf(root);
  if (showGraph) {
    for (const [parent, edges] of graphs) {
      for (const [from, to] of [...edges].sort()) {
        console.log(`${name} ${parent || '(crate)'}: ${from} -> ${[...to].sort().join(' ')}`);
      }
    }
  }
  for (const [parent, edges] of graphs) {
    const cycle = findCycle(edges);
    if (cycle) {
      const prefix = parent === '' ? '' : `${parent}::`;
      return cycle.map((n) => prefix + n).join(' -> ');
    }
  }
  return null;
}

const showGraph = process.argv.includes('--graph');
const args = process.argv.slice(2).filter((a) => a !== '--graph');
const roots = args.length ? args.map((a) => [a, path.resolve(a)]) : ['engine/src', 'src'].map((a) => [a, path.join(REPO, a)]);
const problems = [];
let found = null;
for (const [name, dir] of roots) {
  const cycle = checkRoot(dir, problems, name);
  if (cycle && !found) found = `${name.replace(/\/+$/, '')}: cycle ${cycle}`;
}
if (problems.length) {
  console.error(problems[0]);
  process.exit(2);
}
if (found) {
  console.error(found);
  process.exit(1);
}
