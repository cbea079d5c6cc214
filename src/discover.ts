import { lstatSync, readdirSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type { FileKind } from './types.js';
import { gitRootOf, lintRootOf, outsideRoot, readTreeFile } from './safe-read.js';

/**
 * Notices that start with this are printed in the default output, not only
 * with --verbose: a file or directory that was not read although it is in the tree.
 */
export const NOT_READ = 'not read: ';

export interface DiscoveredFile {
  absPath: string;
  /** Path relative to the working directory, forward slashes. */
  displayPath: string;
  kind: FileKind;
  /** Read only for cross-object context (siblings of explicitly named files). */
  contextOnly: boolean;
  explicit: boolean;
  /** Real path of the root this file was found under; what it refers to (build contexts) must stay inside. */
  root: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Paths named on the command line that do not exist or cannot be read. */
  missing: string[];
  /** One-line notes for --verbose. */
  notices: string[];
  /** What was not walked and could hide findings (printed by default). */
  skipped: string[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Gitignore-style patterns relative to `ignoreBase` (the config's directory). */
  ignorePaths: readonly string[];
  ignoreBase: string;
  /** Directory names skipped wherever they appear in a walk (vendored code); default none. */
  vendoredDirs?: readonly string[];
  /** Called with the number of files found so far, as each is found. */
  onFile?: (count: number) => void;
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const MAX_WALK_DEPTH = 100;
const IGNORE_FILES = ['.gitignore', '.genai-lintignore'];

/** Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile, *.dockerfile. */
export function isDockerfileName(name: string): boolean {
  return (
    name === 'Dockerfile' ||
    name === 'Containerfile' ||
    name.startsWith('Dockerfile.') ||
    name.startsWith('Containerfile.') ||
    /\.(Dockerfile|dockerfile|Containerfile|containerfile)$/.test(name)
  );
}

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** compose.yaml, docker-compose.yml and override files such as docker-compose.gpu.yml. */
export function isComposeName(name: string): boolean {
  return /^(docker-)?compose(\.[^/]+)?\.ya?ml$/i.test(name);
}

export function kindByName(name: string): FileKind | undefined {
  if (isDockerfileName(name)) return 'dockerfile';
  if (isComposeName(name)) return 'compose';
  if (isYamlName(name)) return 'yaml';
  return undefined;
}

export function toDisplayPath(cwd: string, absPath: string): string {
  const rel = relative(cwd, absPath);
  return (rel === '' ? basename(absPath) : rel).split(sep).join('/');
}

interface IgnoreLayer {
  base: string;
  matcher: Ignore;
}

function loadIgnoreFile(dir: string, present?: ReadonlySet<string>, root?: string, notices?: string[], cwd?: string): IgnoreLayer | undefined {
  const patterns: string[] = [];
  for (const name of IGNORE_FILES) {
    // When the directory listing is known, skip files that are not there (no failed reads).
    if (present && !present.has(name)) continue;
    const p = join(dir, name);
    const text = readTreeFile(p, root ?? gitRootOf(dir) ?? dir, (why) => notices?.push(`${NOT_READ}${toDisplayPath(cwd ?? dir, p)}: ${why}`));
    if (text !== undefined) patterns.push(text);
  }
  if (!patterns.length) return undefined;
  return { base: dir, matcher: ignore().add(patterns.join('\n')) };
}

/** Whether git would ignore a path, by the .gitignore files from its repository root down. */
export function isGitIgnored(absPath: string): boolean {
  const dir = dirname(absPath);
  const own = loadIgnoreFile(dir);
  return isIgnored([...ancestorLayers(dir), ...(own ? [own] : [])], absPath, false);
}

function isIgnored(layers: readonly IgnoreLayer[], absPath: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.base, absPath);
    if (!rel || rel.startsWith('..') || resolve(layer.base, rel) !== absPath) continue;
    const p = rel.split(sep).join('/') + (isDir ? '/' : '');
    if (layer.matcher.ignores(p)) return true;
  }
  return false;
}

/** Ignore files of the directories above `dir`, up to the enclosing repository's root. */
function ancestorLayers(dir: string): IgnoreLayer[] {
  const root = gitRootOf(dir);
  if (!root || root === dir) return [];
  const chain: string[] = [];
  for (let cur = dirname(dir); ; cur = dirname(cur)) {
    chain.push(cur);
    if (cur === root || dirname(cur) === cur) break;
  }
  return chain
    .reverse()
    .map((d) => loadIgnoreFile(d, undefined, root))
    .filter((l): l is IgnoreLayer => !!l);
}

export function discover(paths: readonly string[], opts: DiscoverOptions): DiscoveryResult {
  const configLayer: IgnoreLayer[] = opts.ignorePaths.length
    ? [{ base: resolve(opts.ignoreBase), matcher: ignore().add([...opts.ignorePaths]) }]
    : [];
  const result: DiscoveryResult = { files: [], missing: [], notices: [], skipped: [] };
  const seen = new Set<string>();
  const vendored = new Set(opts.vendoredDirs ?? []);
  const explicitDirs = new Set<string>();
  const skip = (p: string, why: string) => result.notices.push(`${NOT_READ}${toDisplayPath(opts.cwd, p)}: ${why}`);

  /** Every ignore layer that applies to the entries of `dir`. */
  const layersFor = (dir: string, root: string): IgnoreLayer[] => {
    const own = loadIgnoreFile(dir, undefined, root, result.notices, opts.cwd);
    return [...configLayer, ...ancestorLayers(dir), ...(own ? [own] : [])];
  };

  const add = (absPath: string, kind: FileKind, explicit: boolean, contextOnly: boolean, root: string) => {
    if (seen.has(absPath)) return;
    seen.add(absPath);
    result.files.push({ absPath, displayPath: toDisplayPath(opts.cwd, absPath), kind, explicit, contextOnly, root });
    opts.onFile?.(result.files.length);
  };

  // Symlinked directories are never followed, so a walk cannot loop through links; the depth
  // bound covers what is left (bind mounts of a directory inside itself).
  const walk = (dir: string, layers: IgnoreLayer[], depth: number, root: string) => {
    if (depth > MAX_WALK_DEPTH) {
      result.skipped.push(`skipped ${toDisplayPath(opts.cwd, dir)}: more than ${MAX_WALK_DEPTH} directories deep`);
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      result.notices.push(`cannot read directory ${toDisplayPath(opts.cwd, dir)}: ${(err as NodeJS.ErrnoException).code ?? err}`);
      return;
    }
    const own = loadIgnoreFile(dir, new Set(entries.filter((e) => IGNORE_FILES.includes(e.name)).map((e) => e.name)), root, result.notices, opts.cwd);
    const here = own ? [...layers, own] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(e.name) || isIgnored(here, p, true)) continue;
        if (vendored.has(e.name)) {
          result.notices.push(`skipped vendored directory ${toDisplayPath(opts.cwd, p)} (config vendoredDirs)`);
          continue;
        }
        walk(p, here, depth + 1, root);
      } else if (e.isFile() || e.isSymbolicLink()) {
        const kind = kindByName(e.name);
        if (!kind) continue;
        if (e.isSymbolicLink()) {
          if (isIgnored(here, p, false)) continue;
          // Symlinked directories are not followed (no loops); symlinked files are read when they stay in the root.
          const outside = outsideRoot(p, root);
          if (outside) {
            skip(p, `symlink ${outside}`);
            continue;
          }
          let st;
          try {
            st = statSync(p);
          } catch {
            continue;
          }
          if (st.isDirectory()) continue;
          if (!st.isFile()) {
            skip(p, 'symlink to something that is not a regular file');
            continue;
          }
        }
        if (isIgnored(here, p, false)) continue;
        add(p, kind, false, false, root);
      }
    }
  };

  for (const input of paths) {
    const abs = resolve(opts.cwd, input);
    let st;
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
      st = statSync(abs);
    } catch {
      result.missing.push(input);
      continue;
    }
    const root = lintRootOf(abs, opts.cwd, st.isDirectory(), link);
    // A named symlink is read only when its target stays inside the root of the folder it sits in.
    const outside = link ? outsideRoot(abs, root) : undefined;
    if (outside) {
      skip(abs, `symlink ${outside}`);
      continue;
    }
    if (st.isDirectory()) {
      explicitDirs.add(abs);
      const layers = [...configLayer, ...ancestorLayers(abs)];
      walk(abs, layers, 0, root);
    } else {
      if (isIgnored(layersFor(dirname(abs), root), abs, false)) {
        result.notices.push(`ignored ${toDisplayPath(opts.cwd, abs)} (matches an ignore pattern)`);
        continue;
      }
      // A file named explicitly is linted whatever its name: YAML by extension, else a Dockerfile.
      add(abs, kindByName(basename(abs)) ?? 'dockerfile', true, false, root);
    }
  }

  // Manifests beside explicitly named files give context (an HPA in an unchanged sibling).
  const contextDirs = new Map(result.files.filter((f) => f.explicit).map((f) => [dirname(f.absPath), f.root]));
  for (const [dir, root] of contextDirs) {
    if (explicitDirs.has(dir)) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const layers = layersFor(dir, root);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!e.isFile() || !isYamlName(e.name)) continue;
      const p = join(dir, e.name);
      if (seen.has(p) || isIgnored(layers, p, false)) continue;
      add(p, 'yaml', false, true, root);
    }
  }
  return result;
}
