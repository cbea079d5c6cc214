/**
 * The one way genai-lint reads a file from the linted tree: linted files,
 * ignore files, config and `extends` files, schemas, policy files and
 * Compose base files. A pull request controls what these paths are, so a
 * read never blocks (a FIFO), never reads a device or a directory, stops at
 * a size cap whatever stat() says (/dev/zero and /proc files report size 0),
 * and can insist that a path resolve inside the linted root.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';

/** Cap for small support files (ignore files, configs, schemas) when the caller has none of its own. */
export const SUPPORT_FILE_LIMIT_BYTES = 5 * 2 ** 20;

export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; reason: string; code?: string };

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file, at most `maxBytes` of it. Opening with O_NONBLOCK
 * means a FIFO with no writer does not block the open; the fstat of the open
 * descriptor (not of the path) decides whether it is a regular file.
 */
export function readFileSafely(path: string, maxBytes: number = SUPPORT_FILE_LIMIT_BYTES): SafeRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read file: ${code ?? (err as Error).message}`, code };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: `${kindOf(st)}, not a regular file`, code: 'ENOTREG' };
    // Read in chunks up to one byte past the cap: stat().size may lie (procfs, a file that grows).
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.min(Math.max(maxBytes + 1, 1), 1 << 20);
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return { ok: false, reason: `cannot read file: ${code ?? (err as Error).message}`, code };
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) {
        const limit = `${(maxBytes / 2 ** 20).toFixed(0)} MB`;
        const reason = st.size > maxBytes ? `file is ${(st.size / 2 ** 20).toFixed(1)} MB, over the ${limit} limit` : `file is over the ${limit} limit`;
        return { ok: false, reason, code: 'EFBIG' };
      }
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}

/** The text of a file read with readFileSafely, or why not (as an Error with the reason). */
export function readTextSafely(path: string, maxBytes: number = SUPPORT_FILE_LIMIT_BYTES): string {
  const r = readFileSafely(path, maxBytes);
  if (!r.ok) throw Object.assign(new Error(r.reason), { code: r.code });
  return r.bytes.toString('utf8');
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `child` is `parent` or lies below it (both absolute, already resolved). */
export function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** The nearest directory from `dir` upward that holds a `.git`, if any. */
export function gitRootOf(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The root a path named on the command line is linted within: the git
 * repository that holds it, else the working directory when the path lies
 * inside it, else the named directory itself (or a named file's folder).
 * Symlinks inside the tree must resolve inside this root. A named path that
 * is itself a symlink is anchored at its own folder, not at its target.
 */
export function lintRootOf(absPath: string, cwd: string, isDirectory: boolean, isSymlink: boolean): string {
  const lexicalAnchor = isDirectory && !isSymlink ? absPath : dirname(absPath);
  const anchor = real(lexicalAnchor) ?? lexicalAnchor;
  const git = gitRootOf(anchor);
  if (git) return git;
  const realCwd = real(cwd) ?? resolve(cwd);
  return isWithin(realCwd, anchor) ? realCwd : anchor;
}

/**
 * Why a path may not be read under `root` (its real path lies outside it,
 * or it does not resolve), or undefined when it may. `root` must be a real path.
 */
export function outsideRoot(path: string, root: string): string | undefined {
  const target = real(path);
  if (target === undefined) return 'does not resolve (broken symlink)';
  if (!isWithin(root, target)) return 'resolves outside the linted root';
  return undefined;
}

/**
 * Reads a support file of the tree (an ignore file): a regular file within
 * `root`, capped; undefined when absent; `onSkip` hears why any other is not read.
 */
export function readTreeFile(path: string, root: string, onSkip?: (why: string) => void): string | undefined {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return undefined;
  }
  if (link) {
    const why = outsideRoot(path, root);
    if (why) {
      onSkip?.(`symlink ${why}`);
      return undefined;
    }
  }
  const r = readFileSafely(path);
  if (!r.ok) {
    if (r.code !== 'ENOENT') onSkip?.(r.reason);
    return undefined;
  }
  return r.bytes.toString('utf8');
}
