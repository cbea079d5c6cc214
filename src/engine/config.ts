import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseYaml, locate } from '../parse/yaml.js';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { isRecord, valueAtPointer } from '../parse/kube.js';
import { closest, decodeText } from '../text.js';
import { packageRoot } from '../package-root.js';
import type { Severity, SeveritySetting } from '../types.js';
import type { RuleMeta } from './rule.js';
import type { CustomKindSchema } from './kube-schema.js';

/** What config validation needs to know of a rule. */
export type ConfigurableRule = Pick<RuleMeta, 'id' | 'severity' | 'optionsSchema' | 'defaultOptions'>;

export const CONFIG_FILE_NAMES = ['.genai-lint.yaml', '.genai-lint.yml', '.genai-lint.json'] as const;

/** A configuration problem: the run stops with exit code 2. */
export class ConfigError extends Error {}

export const PLATFORMS = ['generic', 'gke', 'eks', 'aks', 'openshift'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DEFAULT_KUBERNETES_VERSION = '1.32';

/** Files larger than this are skipped with a finding (config `maxFileSizeMB`). */
export const DEFAULT_MAX_FILE_SIZE_MB = 5;

export interface RawConfig {
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?]>;
  ignorePaths?: string[];
  failOn?: Severity;
  gpu?: { resources?: string[]; taintKeys?: string[] };
  platform?: Platform;
  kubernetesVersion?: string;
  schemas?: { apiVersion: string; kind: string; schema: string }[];
  maxFileSizeMB?: number;
}

/**
 * What each platform changes in the defaults (docs/configuration.md).
 * GKE adds GPU tolerations to GPU pods itself; OpenShift's restricted SCC
 * assigns a non-root UID to every pod.
 */
export const PLATFORM_DEFAULTS: Readonly<Record<Platform, { rules: Record<string, SeveritySetting>; gpuTaintKeys: string[] }>> = {
  generic: { rules: {}, gpuTaintKeys: [] },
  gke: { rules: { 'k8s/gpu-tolerations': 'off' }, gpuTaintKeys: [] },
  eks: { rules: {}, gpuTaintKeys: [] },
  aks: { rules: {}, gpuTaintKeys: ['sku=gpu'] },
  openshift: { rules: { 'k8s/run-as-non-root': 'off' }, gpuTaintKeys: [] },
};

/** Run-wide facts rules may consult (never rule-specific options). */
export interface RunSettings {
  /** Extra GPU resource names/prefixes from config. */
  gpuResources: readonly string[];
  /** Extra GPU taint keys (`key` or `key=value`) from config. */
  gpuTaintKeys: readonly string[];
  platform: Platform;
  /** Target Kubernetes minor version, e.g. "1.32". */
  kubernetesVersion: string;
  /** JSON Schemas the config adds for its own kinds. */
  customSchemas: readonly CustomKindSchema[];
  /** Absolute Dockerfile path -> absolute build context, from Compose `build:` entries in the run. */
  buildContexts?: Readonly<Record<string, string>>;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  /** Set by config or platform: overrides the per-finding severities a rule chooses. */
  configured: boolean;
}

export interface EffectiveConfig {
  /** The config file used, if any. */
  file: string | undefined;
  /** Directory that ignorePaths are relative to. */
  baseDir: string;
  rules: Map<string, RuleSetting>;
  ignorePaths: string[];
  failOn: Severity;
  /** Files larger than this are skipped with a finding. */
  maxFileSizeMB: number;
  settings: RunSettings;
}

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

interface LoadedRaw {
  raw: RawConfig;
  doc: YamlDocumentModel | undefined;
}

function readRawConfig(file: string): LoadedRaw {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ConfigError(`${file}: cannot read config file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
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

/** ajv is loaded only when there is something to validate (it costs start-up time). */
export async function createAjv(): Promise<import('ajv').default> {
  const mod = await import('ajv');
  // ajv is CommonJS: its class is module.exports.default.
  const AjvClass = mod.default.default;
  return new AjvClass({ allErrors: true, strict: false });
}

/** Validates a config against schemas/config.schema.json, with the validator the build compiled when present. */
async function validateConfigShape(raw: unknown): Promise<AjvErrorLike[]> {
  const prebuilt = join(packageRoot(), 'dist', 'config-validator.cjs');
  if (existsSync(prebuilt)) {
    const validate = createRequire(import.meta.url)(prebuilt) as ((d: unknown) => boolean) & { errors?: AjvErrorLike[] | null };
    return validate(raw) ? [] : (validate.errors ?? []);
  }
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'config.schema.json'), 'utf8')) as Record<string, unknown>;
  return validateAgainst(schema, raw);
}

type AjvErrorLike = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

function describeAjvError(e: AjvErrorLike): string {
  if (e.keyword === 'additionalProperties') return `unknown key \`${String(e.params.additionalProperty)}\``;
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? 'is invalid';
}

function keyName(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.') || '(top level)';
}

/** `:line:column` of a value in the config file (of the key, for key problems). */
function positionOf(doc: YamlDocumentModel | undefined, path: string, part: 'key' | 'value' = 'value'): string {
  if (!doc) return '';
  const { location, exact } = locate(doc, path);
  const r = part === 'value' && exact ? location.value : (location.key ?? location.value);
  return `:${r.start.line}:${r.start.column}`;
}

function errorPointer(e: AjvErrorLike): { path: string; part: 'key' | 'value' } {
  if (e.keyword === 'additionalProperties') {
    const prop = String(e.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1');
    return { path: `${e.instancePath}/${prop}`, part: 'key' };
  }
  return { path: e.instancePath, part: 'value' };
}

/** Picks the most telling error among ajv's alternatives (anyOf produces several). */
function mostSpecific(errors: AjvErrorLike[]): AjvErrorLike {
  const notCombinator = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const pool = notCombinator.length ? notCombinator : errors;
  return pool.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best), pool[0]);
}

async function validateAgainst(schema: Record<string, unknown>, data: unknown): Promise<AjvErrorLike[]> {
  const ajv = await createAjv();
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []) as AjvErrorLike[];
}

export interface LoadConfigOptions {
  cwd: string;
  /** Explicit --config path. */
  configPath?: string;
  rules: readonly ConfigurableRule[];
}

export async function loadConfig(opts: LoadConfigOptions): Promise<EffectiveConfig> {
  const file = opts.configPath ? resolve(opts.cwd, opts.configPath) : findConfigFile(opts.cwd);
  if (opts.configPath && !existsSync(file!)) throw new ConfigError(`${opts.configPath}: config file not found`);
  let raw: RawConfig = {};
  let doc: YamlDocumentModel | undefined;
  if (file) {
    ({ raw, doc } = readRawConfig(file));
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
      const at = errorPointer(e);
      throw new ConfigError(
        `${file}${positionOf(doc, at.path, at.part)}: ${keyName(e.instancePath)}: ${describeAjvError(e)}` +
          (got !== undefined && !isRecord(got) ? ` (got ${JSON.stringify(got)})` : ''),
      );
    }
  }

  const known = new Map(opts.rules.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const rule = known.get(id);
    if (!rule) {
      const suggestion = closest(id, [...known.keys()]);
      throw new ConfigError(
        `${file}${positionOf(doc, '/rules/' + id.replace(/~/g, '~0').replace(/\//g, '~1'), 'key')}: rules: unknown rule id \`${id}\`` +
          (suggestion ? `; did you mean \`${suggestion}\`?` : ''),
      );
    }
    const options = Array.isArray(setting) ? setting[1] : undefined;
    if (options && rule.optionsSchema) {
      const errors = await validateAgainst(rule.optionsSchema, options);
      if (errors.length) {
        const e = mostSpecific(errors);
        throw new ConfigError(`${file}: rules.${id} options${e.instancePath ? '.' + keyName(e.instancePath) : ''}: ${describeAjvError(e)}`);
      }
    } else if (options && Object.keys(options).length && !rule.optionsSchema) {
      throw new ConfigError(`${file}: rules.${id}: this rule takes no options`);
    }
  }
  const baseDir = file ? dirname(file) : resolve(opts.cwd);
  const config = resolveConfig(raw, opts.rules, file, baseDir);
  return { ...config, settings: { ...config.settings, customSchemas: await loadCustomSchemas(raw, file ?? '(config)', baseDir) } };
}

/** Reads and checks the JSON Schemas named under `schemas:`; never executes anything. */
async function loadCustomSchemas(raw: RawConfig, file: string, baseDir: string): Promise<CustomKindSchema[]> {
  const out: CustomKindSchema[] = [];
  for (const [i, entry] of (raw.schemas ?? []).entries()) {
    const where = `${file}: schemas[${i}] (${entry.apiVersion} ${entry.kind})`;
    const path = resolve(baseDir, entry.schema);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`${where}: cannot read ${entry.schema}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const doc = parseYaml(text).documents[0];
    if (!doc || doc.errors.length || !isRecord(doc.value)) {
      throw new ConfigError(`${where}: ${entry.schema} is not a JSON or YAML mapping${doc?.errors[0] ? ` (${doc.errors[0].message})` : ''}`);
    }
    const ajv = await createAjv();
    try {
      ajv.compile(doc.value);
    } catch (err) {
      throw new ConfigError(`${where}: ${entry.schema} is not a valid JSON Schema: ${(err as Error).message}`);
    }
    out.push({ apiVersion: entry.apiVersion, kind: entry.kind, schema: doc.value, file: path });
  }
  return out;
}

/** Merges a validated raw config over the rules' defaults. */
export function resolveConfig(raw: RawConfig, metas: readonly ConfigurableRule[], file: string | undefined, baseDir: string): EffectiveConfig {
  const platform = raw.platform ?? 'generic';
  const preset = PLATFORM_DEFAULTS[platform];
  const rules = new Map<string, RuleSetting>();
  for (const r of metas) {
    const presetSeverity = preset.rules[r.id];
    rules.set(r.id, { severity: presetSeverity ?? r.severity, options: { ...(r.defaultOptions ?? {}) }, configured: presetSeverity !== undefined });
  }
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const base = rules.get(id);
    if (!base) continue;
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    rules.set(id, { severity, options: { ...base.options, ...(options ?? {}) }, configured: true });
  }
  return {
    file,
    baseDir,
    rules,
    ignorePaths: raw.ignorePaths ?? [],
    failOn: raw.failOn ?? 'error',
    maxFileSizeMB: raw.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB,
    settings: {
      gpuResources: raw.gpu?.resources ?? [],
      gpuTaintKeys: [...preset.gpuTaintKeys, ...(raw.gpu?.taintKeys ?? [])],
      platform,
      kubernetesVersion: raw.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      customSchemas: [],
    },
  };
}


/** The merged effective config as plain data, for --print-config. */
export function describeConfig(cfg: EffectiveConfig): Record<string, unknown> {
  return {
    configFile: cfg.file ?? null,
    failOn: cfg.failOn,
    maxFileSizeMB: cfg.maxFileSizeMB,
    platform: cfg.settings.platform,
    kubernetesVersion: cfg.settings.kubernetesVersion,
    ignorePaths: cfg.ignorePaths,
    gpu: { resources: cfg.settings.gpuResources, taintKeys: cfg.settings.gpuTaintKeys },
    rules: Object.fromEntries(
      [...cfg.rules.entries()].map(([id, s]) => [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity]),
    ),
  };
}
