/** Checking a config's shape against schemas/config.schema.json, with the file, line and a hint for each problem. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { locate } from '../parse/yaml.js';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { splitPointer, valueAtPointer } from '../pointer.js';
import { ajvErrorPointer, ajvWords, loadAjv, unknownProperty } from '../engine/ajv.js';
import type { Ajv, AjvErrorLike } from '../engine/ajv.js';
import { closest } from '../text.js';
import { buildDir, packageRoot } from '../package-root.js';
import { readRawConfig } from './files.js';
import type { LoadedRaw } from './files.js';
import { ConfigError } from './types.js';

/** ajv is loaded only when there is something to validate (it costs start-up time). */
export async function createAjv(): Promise<Ajv> {
  return loadAjv();
}

/** Validates a config against schemas/config.schema.json, with the validator the build compiled when present. */
export async function validateConfigShape(raw: unknown): Promise<AjvErrorLike[]> {
  const prebuilt = join(buildDir(), 'config-validator.cjs');
  if (existsSync(prebuilt)) {
    const validate = createRequire(import.meta.url)(prebuilt) as ((d: unknown) => boolean) & { errors?: AjvErrorLike[] | null };
    return validate(raw) ? [] : (validate.errors ?? []);
  }
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'config.schema.json'), 'utf8')) as Record<string, unknown>;
  return validateAgainst(schema, raw);
}

export function describeAjvError(e: AjvErrorLike): string {
  if (e.keyword === 'additionalProperties') return `unknown key \`${unknownProperty(e)}\``;
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return ajvWords(e);
}

export function keyName(instancePath: string): string {
  return splitPointer(instancePath).join('.') || '(top level)';
}

/** `:line:column` of a value in the config file (of the key, for key problems). */
export function positionOf(doc: YamlDocumentModel | undefined, path: string, part: 'key' | 'value' = 'value'): string {
  if (!doc) return '';
  const { location, exact } = locate(doc, path);
  const r = part === 'value' && exact ? location.value : (location.key ?? location.value);
  return `:${r.start.line}:${r.start.column}`;
}

/** Picks the most telling error among ajv's alternatives (anyOf produces several). */
export function mostSpecific(errors: AjvErrorLike[]): AjvErrorLike {
  const notCombinator = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const pool = notCombinator.length ? notCombinator : errors;
  return pool.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best), pool[0]);
}

export async function validateAgainst(schema: Record<string, unknown>, data: unknown): Promise<AjvErrorLike[]> {
  const ajv = await createAjv();
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []) as AjvErrorLike[];
}

/** Reads one config file and checks its shape, with the line of any problem. */
export async function readValidated(file: string, root: string | undefined): Promise<LoadedRaw> {
  const { raw, doc } = readRawConfig(file, root);
  const errors = await validateConfigShape(raw);
  if (errors.length) {
    const groups = new Map<string, AjvErrorLike[]>();
    for (const e of errors) {
      const list = groups.get(e.instancePath) ?? [];
      list.push(e);
      groups.set(e.instancePath, list);
    }
    const deepest = [...groups.keys()].sort((a, b) => b.length - a.length)[0];
    const e = mostSpecific(groups.get(deepest)!);
    const got = valueAtPointer(raw, e.instancePath);
    const at = ajvErrorPointer(e, 'value');
    throw new ConfigError(
      `${file}${positionOf(doc, at.path, at.part)}: ${keyName(e.instancePath)}: ${describeAjvError(e)}` +
        (got !== undefined && !isRecord(got) ? ` (got ${JSON.stringify(got)})` : '') +
        hintFor(e, got, raw, doc),
    );
  }
  return { raw, doc };
}

/** The keys the config schema allows at a JSON pointer of the config (for "did you mean"). */
function allowedKeysAt(instancePath: string, raw: unknown): string[] {
  let node = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'config.schema.json'), 'utf8')) as Record<string, unknown>;
  const defs = (node.definitions ?? node.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const deref = (n: Record<string, unknown>): Record<string, unknown> =>
    typeof n.$ref === 'string' ? (defs[n.$ref.split('/').pop()!] ?? n) : n;
  let value: unknown = raw;
  for (const seg of splitPointer(instancePath)) {
    node = deref(node);
    const props = node.properties as Record<string, Record<string, unknown>> | undefined;
    value = isRecord(value) ? value[seg] : Array.isArray(value) ? value[Number(seg)] : undefined;
    const next = props?.[seg] ?? (node.items as Record<string, unknown> | undefined);
    if (!next) return [];
    node = next;
  }
  node = deref(node);
  const props = (node.properties ?? (node.anyOf as Record<string, unknown>[] | undefined)?.map(deref).find((a) => a.properties)?.properties) as Record<string, unknown> | undefined;
  return Object.keys(props ?? {});
}

/** A hint after a config error: the key meant, or how to write a version YAML reads as a number. */
function hintFor(e: AjvErrorLike, got: unknown, raw: unknown, doc: YamlDocumentModel | undefined): string {
  if (e.keyword === 'additionalProperties') {
    const near = closest(unknownProperty(e), allowedKeysAt(e.instancePath, raw));
    return near ? `; did you mean \`${near}\`?` : '';
  }
  if (e.instancePath === '/kubernetesVersion' && typeof got === 'number') {
    let written = String(got);
    if (doc) {
      const { location, exact } = locate(doc, '/kubernetesVersion');
      if (exact) written = doc.textIndex.text.slice(doc.textIndex.offsetAt(location.value.start), doc.textIndex.offsetAt(location.value.end)).trim() || written;
    }
    return `; YAML reads ${written} as a number, quote it: kubernetesVersion: "${written}"`;
  }
  return '';
}
