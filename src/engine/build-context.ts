import { readdirSync, statSync } from 'node:fs';
import { readTreeFile } from '../safe-read.js';
import type { Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One `.dockerignore` rule, compiled. */
interface IgnoreRule {
  regex: RegExp;
  negated: boolean;
}

/** Converts one .dockerignore pattern (Go filepath.Match plus `**`) to an anchored regex. */
function compilePattern(pattern: string): RegExp {
  let p = pattern.trim().replace(/\\/g, '/');
  p = p.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*') {
      if (p[i + 1] === '*') {
        // `**/` matches any number of directories, including none.
        if (p[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = p.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = p.slice(i + 1, close);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
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
    rules.push({ regex: compilePattern(body), negated });
  }
  return (relPath: string) => {
    const parts = relPath.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((p) => rule.regex.test(p))) excluded = !rule.negated;
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
  const hasExceptions = /^\s*!/m.test(ignoreText);
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
