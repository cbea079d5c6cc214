/** Phase 1a, sources: a file's text read from disk or a pipe, with its kind by name or by content. */
import { readSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { kindByName } from '../discover.js';
import { readFileSafely } from '../safe-read.js';
import type { DiscoveredFile } from '../discover.js';
import { decodeText } from '../text.js';
import type { RenderedSource } from '../render/source.js';

export type StdinInput = { text: string; filename?: string } | { fd: number; filename?: string };

/** A file inside a Helm chart's templates/ folder (a Chart.yaml sits beside templates/). */
export function isHelmTemplatePath(absPath: string): boolean {
  let dir = dirname(absPath);
  for (let depth = 0; depth < 8; depth++) {
    if (basename(dir) === 'templates' && existsSync(join(dirname(dir), 'Chart.yaml'))) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}

/** One input to lint: a file's text, or why it could not be read. */
export interface SourceInput {
  /** Absolute path when the input is a file (used for Helm chart detection). */
  absPath?: string;
  displayPath: string;
  kind: DiscoveredFile['kind'];
  contextOnly: boolean;
  text?: string;
  /** Why there is no text: unreadable, not UTF-8, binary. */
  problem?: string;
  /** Reading a file named on the command line failed (the run exits 2). */
  readFailed?: boolean;
  /**
   * Rendered output (helm template, kubectl kustomize) read from a pipe:
   * findings in a document under `# Source: <template>` are reported
   * against that template, with lines counted within the document.
   */
  mapTemplateSources?: boolean;
  /** Real path of the linted root the file was found under (see DiscoveredFile.root). */
  root?: string;
  /**
   * A renderer's output (see render/source.ts): linted like rendered text,
   * each finding then re-pointed at the repository file its mapper names.
   */
  rendered?: RenderedSource;
}

/** A file's text from disk, or from `texts` (absolute path -> text) when it holds the file: a fix pass's result not yet written. */
export function readSource(file: DiscoveredFile, maxBytes: number, texts?: ReadonlyMap<string, string>): SourceInput {
  const base = { absPath: file.absPath, displayPath: file.displayPath, kind: file.kind, contextOnly: file.contextOnly, root: file.root };
  const given = texts?.get(file.absPath);
  if (given !== undefined) return { ...base, text: given };
  const read = readFileSafely(file.absPath, maxBytes);
  if (!read.ok) {
    if (read.code === 'EFBIG') return { ...base, problem: `${read.reason} (maxFileSizeMB); skipped` };
    return { ...base, problem: read.code === 'ENOTREG' ? `${read.reason}; skipped` : read.reason, readFailed: file.explicit };
  }
  const { text, problem } = decodeText(read.bytes);
  return problem ? { ...base, problem: `${problem}; skipped` } : { ...base, text };
}

/** Dockerfile or YAML, for input without a telling name. */
export function kindByContent(text: string): DiscoveredFile['kind'] {
  // Blanks within a line only: `\s*` at each line start would rescan every following blank line.
  if (/^[ \t]*(apiVersion|kind)[ \t]*:/m.test(text) || /^---[ \t]*$/m.test(text)) return 'yaml';
  return /^[ \t]*FROM[ \t]+\S/im.test(text) ? 'dockerfile' : 'yaml';
}

/** Reads a file descriptor (a pipe) to its end, or to one byte past `maxBytes`. */
export function readCapped(fd: number, maxBytes: number): { bytes: Buffer; overLimit: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > maxBytes) return { bytes: Buffer.concat(chunks), overLimit: true };
  }
  return { bytes: Buffer.concat(chunks), overLimit: false };
}

export function stdinSource(stdin: StdinInput, maxBytes: number): SourceInput {
  const filename = stdin.filename;
  const base = { displayPath: filename ?? '<stdin>', contextOnly: false };
  let raw: string;
  if ('text' in stdin) raw = stdin.text;
  else {
    const kind = (filename ? kindByName(basename(filename)) : undefined) ?? 'yaml';
    let read;
    try {
      read = readCapped(stdin.fd, maxBytes);
    } catch (err) {
      return { ...base, kind, problem: `cannot read standard input: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, readFailed: true };
    }
    if (read.overLimit) {
      return { ...base, kind, problem: `standard input is over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit (maxFileSizeMB); skipped` };
    }
    const decoded = decodeText(read.bytes);
    if (decoded.problem) return { ...base, kind, problem: `${decoded.problem}; skipped` };
    raw = decoded.text;
  }
  if (Buffer.byteLength(raw) > maxBytes) {
    const kind = (filename ? kindByName(basename(filename)) : undefined) ?? 'yaml';
    return { ...base, kind, problem: `standard input is over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit (maxFileSizeMB); skipped` };
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const kind = (filename ? kindByName(basename(filename)) : undefined) ?? kindByContent(text);
  return { ...base, kind, text, mapTemplateSources: kind === 'yaml' };
}
