import { readdirSync, statSync } from 'node:fs';
import { readTreeFile } from '../safe-read.js';
import { trimTrailingSlashes } from '../text.js';
import type { Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One `.dockerignore` rule, compiled. */
interface IgnoreRule {
  match: (path: string) => boolean;
  negated: boolean;
}

/** A state of a compiled pattern: character edges and empty moves. */
interface GlobState {
  edges: { test: (ch: string) => boolean; to: number }[];
  empty: number[];
}

const notSlash = (ch: string) => ch !== '/';
const anyChar = () => true;

/**
 * Compiles one .dockerignore pattern (Go filepath.Match plus `**`) into a
 * small automaton run over the path one character at a time, with the set
 * of live states: time is path length x pattern length whatever the
 * pattern (a backtracking regex took exponential time on `*a*a*a*a*b`).
 * A character class that Go rejects (`[z-a]`) matches nothing.
 */
export function compileGlob(pattern: string): (path: string) => boolean {
  let p = pattern.trim().replace(/\\/g, '/');
  p = p.replace(/^(\.\/|\/)+/, '');
  p = trimTrailingSlashes(p);
  const states: GlobState[] = [{ edges: [], empty: [] }];
  const add = () => states.push({ edges: [], empty: [] }) - 1;
  let cur = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*') {
      if (p[i + 1] === '*') {
        if (p[i + 2] === '/') {
          // `**/`: any number of directories, including none.
          const inside = add();
          const next = add();
          states[cur].empty.push(next);
          states[cur].edges.push({ test: anyChar, to: inside }, { test: (c) => c === '/', to: next });
          states[inside].edges.push({ test: anyChar, to: inside }, { test: (c) => c === '/', to: next });
          cur = next;
          i += 2;
        } else {
          const next = add();
          states[cur].edges.push({ test: anyChar, to: cur });
          states[cur].empty.push(next);
          cur = next;
          i += 1;
        }
      } else {
        const next = add();
        states[cur].edges.push({ test: notSlash, to: cur });
        states[cur].empty.push(next);
        cur = next;
      }
      continue;
    }
    let test: (c: string) => boolean;
    if (ch === '?') test = notSlash;
    else if (ch === '[' && p.indexOf(']', i + 1) > i) {
      const close = p.indexOf(']', i + 1);
      let body = p.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      let valid = true;
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          if (body[k] > body[k + 2]) valid = false;
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      test = valid ? (c) => c !== '/' && ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated : () => false;
      i = close;
    } else {
      const lit = ch;
      test = (c) => c === lit;
    }
    const next = add();
    states[cur].edges.push({ test, to: next });
    cur = next;
  }
  const accept = cur;
  const closure = (set: Uint8Array, list: number[]) => {
    for (let k = 0; k < list.length; k++) {
      for (const e of states[list[k]].empty) {
        if (!set[e]) {
          set[e] = 1;
          list.push(e);
        }
      }
    }
  };
  return (path: string) => {
    let set = new Uint8Array(states.length);
    let list = [0];
    set[0] = 1;
    closure(set, list);
    for (const ch of path) {
      const nextSet = new Uint8Array(states.length);
      const nextList: number[] = [];
      for (const st of list) {
        for (const e of states[st].edges) {
          if (!nextSet[e.to] && e.test(ch)) {
            nextSet[e.to] = 1;
            nextList.push(e.to);
          }
        }
      }
      if (!nextList.length) return false;
      closure(nextSet, nextList);
      set = nextSet;
      list = nextList;
    }
    return set[accept] === 1;
  };
}

/** A matcher with Docker's .dockerignore semantics: root-anchored, `!` exceptions, last match wins, parents count. */
export function dockerignoreMatcher(text: string): (relPath: string) => boolean {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const body = negated ? line.slice(1) : line;
    if (!body.trim()) continue;
    rules.push({ match: compileGlob(body), negated });
  }
  return (relPath: string) => {
    const parts = relPath.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((p) => rule.match(p))) excluded = !rule.negated;
    }
    return excluded;
  };
}

export interface ContextFile {
  /** Path relative to the context root, forward slashes. */
  path: string;
  size: number;
}

export interface BuildContextInfo {
  /** Absolute context directory. */
  dir: string;
  /** The ignore file in effect (`Dockerfile.dockerignore` beside the Dockerfile wins over `.dockerignore`). */
  ignoreFile: string | undefined;
  /** Files sent to the builder (not excluded), up to the file limit. */
  files: ContextFile[];
  /** True when the walk stopped at the file limit. */
  truncated: boolean;
}

/**
 * Lists what `docker build` would send from a context directory: the files
 * not excluded by the ignore file, with sizes. Bounded; never enters .git.
 */
export function scanBuildContext(contextDir: string, dockerfilePath: string | undefined, maxFiles: number, root = contextDir, onSkip?: (file: string, why: string) => void): BuildContextInfo {
  const candidates = [
    ...(dockerfilePath ? [join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`)] : []),
    join(contextDir, '.dockerignore'),
  ];
  let ignoreFile: string | undefined;
  let ignoreText = '';
  for (const c of candidates) {
    // Read as every file of the tree is: a regular file within the root, capped.
    const text = readTreeFile(c, root, (why) => onSkip?.(c, why));
    if (text === undefined) continue;
    ignoreText = text;
    ignoreFile = c;
    break;
  }
  const excluded = dockerignoreMatcher(ignoreText);
  // Blanks before the `!` on its own line; `\s*` would also run across line
  // breaks and rescan every following blank line from each line start.
  const hasExceptions = /^[^\S\n\r\u2028\u2029]*!/m.test(ignoreText);
  const files: ContextFile[] = [];
  let truncated = false;
  const walk = (dir: string, rel: string) => {
    if (truncated) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name === '.git') continue;
        // An excluded directory can only hold sent files through a `!` exception.
        if (excluded(relPath) && !hasExceptions) continue;
        walk(join(dir, e.name), relPath);
      } else if (e.isFile()) {
        if (excluded(relPath)) continue;
        if (files.length >= maxFiles) {
          truncated = true;
          return;
        }
        let size = 0;
        try {
          size = statSync(join(dir, e.name)).size;
        } catch {
          // unreadable: size unknown
        }
        files.push({ path: relPath, size });
      }
    }
  };
  walk(contextDir, '');
  return { dir: contextDir, ignoreFile, files, truncated };
}
