/** Finding and reading config files: inside the repository, capped, one YAML or JSON document. */
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseYaml } from '../parse/yaml.js';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { decodeText } from '../text.js';
import { lintRootOf, outsideRoot, readFileSafely } from '../safe-read.js';
import { CONFIG_FILE_NAMES, ConfigError } from './types.js';
import type { RawConfig } from './types.js';

/** The nearest config file from `startDir` upward, if any. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The root a config file's references (extends, schemas, policy files) must stay inside: its repository. */
export function configRoot(file: string, cwd: string): string {
  let link = false;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    // reported when it is read
  }
  return lintRootOf(file, cwd, false, link);
}

/**
 * Reads a file the config names (or the config itself) as every file of the
 * tree is read: a regular file, capped, inside `root`; else a ConfigError
 * starting with `where`.
 */
export function readConfigFile(path: string, root: string | undefined, where: string): Buffer {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // readFileSafely says why
  }
  const outside = link && root ? outsideRoot(path, root) : undefined;
  if (outside) throw new ConfigError(`${where}: symlink ${outside}; not read`);
  const r = readFileSafely(path);
  if (!r.ok) throw new ConfigError(`${where}: ${r.reason}`);
  return r.bytes;
}

export interface LoadedRaw {
  raw: RawConfig;
  doc: YamlDocumentModel | undefined;
}

export function readRawConfig(file: string, root: string | undefined): LoadedRaw {
  const bytes = readConfigFile(file, root, `${file}: config file`);
  const { text, problem } = decodeText(bytes);
  if (problem) throw new ConfigError(`${file}: ${problem}`);
  // JSON is YAML; one parser gives positions for both.
  const model = parseYaml(text);
  const doc = model.documents[0];
  if (model.documents.length > 1) throw new ConfigError(`${file}: expected one YAML document, found ${model.documents.length}`);
  if (doc?.errors.length) {
    const e = doc.errors[0];
    throw new ConfigError(`${file}:${e.range.start.line}:${e.range.start.column}: ${e.message}`);
  }
  if (doc?.warnings.length) {
    const w = doc.warnings[0];
    throw new ConfigError(`${file}:${w.range.start.line}:${w.range.start.column}: ${w.message}`);
  }
  const value = doc?.value ?? {};
  if (value === null) return { raw: {}, doc };
  if (!isRecord(value)) throw new ConfigError(`${file}: the config must be a mapping of keys (rules, ignorePaths, failOn, gpu)`);
  return { raw: value as RawConfig, doc };
}

/** `extends: ./base.yaml` means `extends: [./base.yaml]`. */
export function extendsList(raw: RawConfig): string[] {
  const e = raw.extends as string[] | string | undefined;
  return typeof e === 'string' ? [e] : (e ?? []);
}
