import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { parseYaml, locate } from '../parse/yaml.js';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { pointerSegment, splitPointer, valueAtPointer } from '../pointer.js';
import { ajvErrorPointer, ajvWords, loadAjv, unknownProperty } from './ajv.js';
import type { Ajv, AjvErrorLike } from './ajv.js';
import { closest, decodeText } from '../text.js';
import { buildDir, packageRoot } from '../package-root.js';
import { lintRootOf, outsideRoot, readFileSafely } from '../safe-read.js';
import type { Severity, SeveritySetting } from '../types.js';
import type { KustomizeFacts } from '../kustomize.js';
import type { RuleMeta } from './rule-meta.js';
import type { CustomKindSchema } from './kube-schema.js';

/** What config validation needs to know of a rule. */
export type ConfigurableRule = Pick<RuleMeta, 'id' | 'severity' | 'optionsSchema' | 'defaultOptions' | 'preset'>;

export const CONFIG_FILE_NAMES = ['.genai-lint.yaml', '.genai-lint.yml', '.genai-lint.json'] as const;

/** A configuration problem: the run stops with exit code 2. */
export class ConfigError extends Error {}

export const PLATFORMS = ['generic', 'gke', 'eks', 'aks', 'openshift'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DEFAULT_KUBERNETES_VERSION = '1.32';

/** Files larger than this are skipped with a finding (config `maxFileSizeMB`). */
export const DEFAULT_MAX_FILE_SIZE_MB = 5;

/** Vendored third-party trees: their manifests are someone else's to fix. */
export const DEFAULT_VENDORED_DIRS = ['vendor', 'third_party'];

export interface RawConfig {
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?]>;
  ignorePaths?: string[];
  failOn?: Severity;
  gpu?: { resources?: string[]; taintKeys?: string[] };
  platform?: Platform;
  kubernetesVersion?: string;
  schemas?: { apiVersion: string; kind: string; schema: string }[];
  maxFileSizeMB?: number;
  vendoredDirs?: string[];
  /** One entry may be a plain string; readRawConfig makes it a list. */
  extends?: string[];
  policies?: PolicyConfig;
}

export interface CustomPolicyConfig {
  id: string;
  severity?: Severity;
  message: string;
  match: { target: 'k8s' | 'dockerfile'; kinds?: string[]; apiVersions?: string[]; namespaces?: string[] };
  /** Inline JSON Schema, or a path relative to the config file that names it. */
  schema: Record<string, unknown> | string;
}

export interface PolicyConfig {
  trustedRegistries?: string[];
  requiredLabels?: { kinds?: string[]; labels?: Record<string, string | null>; annotations?: Record<string, string | null>; dockerfileLabels?: string[] };
  resourceCaps?: { maxGpusPerPod?: number; allowedGpuResources?: string[]; maxMemoryLimit?: string | number; maxWorkloadGpus?: number; namespaces?: string[] };
  allowedBaseImages?: { allowed?: string[]; banned?: string[] };
  custom?: CustomPolicyConfig[];
}

/** A custom policy ready to run: its schema loaded. */
export interface CustomPolicy extends Omit<CustomPolicyConfig, 'schema'> {
  schema: Record<string, unknown>;
}

/** Built-in presets for `extends:`. */
export const PRESETS: Readonly<Record<string, RawConfig>> = {
  'genai-lint:recommended': {},
  'genai-lint:strict': {
    failOn: 'warning',
    rules: {
      'dockerfile/healthcheck': 'warning',
      'dockerfile/pip-cache': 'warning',
      'dockerfile/cuda-devel-final': 'warning',
      'dockerfile/no-root-user': 'error',
      'dockerfile/no-model-weights': 'error',
      'k8s/hpa': 'warning',
      'k8s/model-cache': 'warning',
      'k8s/run-as-non-root': 'error',
      'k8s/memory-limits': 'error',
      'k8s/image-tag': 'error',
      'k8s/gpu-tolerations': 'error',
      'k8s/read-only-root-fs': 'warning',
      'k8s/seccomp': 'warning',
      'k8s/automount-token': 'warning',
      'k8s/capabilities': ['warning', { requireDropAll: true }],
      'compose/no-root-user': 'warning',
      'compose/model-cache': 'warning',
    },
  },
};

/**
 * A preset as a config layer: `genai-lint:strict` also turns on, at their
 * own severity, the rules whose meta says `preset: 'strict'` (off otherwise).
 */
export function presetLayer(name: string, rules: readonly ConfigurableRule[]): RawConfig {
  const preset = PRESETS[name];
  if (name !== 'genai-lint:strict') return preset;
  const strictOnly = Object.fromEntries(rules.filter((r) => r.preset === 'strict').map((r) => [r.id, r.severity]));
  return { ...preset, rules: { ...strictOnly, ...preset.rules } };
}

/** Built-in rule id prefixes: custom policy ids must use their own namespace. */
const RESERVED_PREFIXES = ['dockerfile/', 'k8s/', 'compose/', 'policy/', 'genai-lint/'];

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
  /** Organisation policies; each built-in policy rule is inert until its section is set. */
  policies: Omit<PolicyConfig, 'custom'> & { custom: readonly CustomPolicy[] };
  /** Absolute Dockerfile path -> absolute build context, from Compose `build:` entries in the run. */
  buildContexts?: Readonly<Record<string, string>>;
  /** What the kustomizations of the run say about the other files (patches, namespaces, image overrides). */
  kustomize?: KustomizeFacts;
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
  /** Which file (or preset) set each setting, for --print-config. */
  sources: Record<string, string>;
  /** Directory that ignorePaths are relative to. */
  baseDir: string;
  rules: Map<string, RuleSetting>;
  ignorePaths: string[];
  /** Directory names skipped wherever they appear (vendored code). */
  vendoredDirs: string[];
  failOn: Severity;
  /** Files larger than this are skipped with a finding. */
  maxFileSizeMB: number;
  settings: RunSettings;
}

/** The nearest config file from `startDir` upward, if any. */
/** Whether a rule runs under this config: its configured severity, else its own, is not `off`. */
export function isRuleEnabled(config: EffectiveConfig, meta: { id: string; severity: string }): boolean {
  return (config.rules.get(meta.id)?.severity ?? meta.severity) !== 'off';
}

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
function configRoot(file: string, cwd: string): string {
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
function readConfigFile(path: string, root: string | undefined, where: string): Buffer {
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

interface LoadedRaw {
  raw: RawConfig;
  doc: YamlDocumentModel | undefined;
}

function readRawConfig(file: string, root: string | undefined): LoadedRaw {
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
function extendsList(raw: RawConfig): string[] {
  const e = raw.extends as string[] | string | undefined;
  return typeof e === 'string' ? [e] : (e ?? []);
}

/** ajv is loaded only when there is something to validate (it costs start-up time). */
export async function createAjv(): Promise<Ajv> {
  return loadAjv();
}

/** Validates a config against schemas/config.schema.json, with the validator the build compiled when present. */
async function validateConfigShape(raw: unknown): Promise<AjvErrorLike[]> {
  const prebuilt = join(buildDir(), 'config-validator.cjs');
  if (existsSync(prebuilt)) {
    const validate = createRequire(import.meta.url)(prebuilt) as ((d: unknown) => boolean) & { errors?: AjvErrorLike[] | null };
    return validate(raw) ? [] : (validate.errors ?? []);
  }
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'config.schema.json'), 'utf8')) as Record<string, unknown>;
  return validateAgainst(schema, raw);
}

function describeAjvError(e: AjvErrorLike): string {
  if (e.keyword === 'additionalProperties') return `unknown key \`${unknownProperty(e)}\``;
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return ajvWords(e);
}

function keyName(instancePath: string): string {
  return splitPointer(instancePath).join('.') || '(top level)';
}

/** `:line:column` of a value in the config file (of the key, for key problems). */
function positionOf(doc: YamlDocumentModel | undefined, path: string, part: 'key' | 'value' = 'value'): string {
  if (!doc) return '';
  const { location, exact } = locate(doc, path);
  const r = part === 'value' && exact ? location.value : (location.key ?? location.value);
  return `:${r.start.line}:${r.start.column}`;
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
  /** Where the config stands in the repository when it was read from elsewhere (the Action's config-from-base): ignorePaths are relative to it. */
  configBaseDir?: string;
}

/** Reads one config file and checks its shape, with the line of any problem. */
async function readValidated(file: string, root: string | undefined): Promise<LoadedRaw> {
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

/** Merges configs in order (later wins): rules and policies key by key, custom policies by id, ignorePaths appended. */
export function mergeConfigs(layers: readonly { raw: RawConfig; source: string }[]): { raw: RawConfig; sources: Record<string, string> } {
  const out: RawConfig = {};
  const sources: Record<string, string> = {};
  for (const { raw, source } of layers) {
    for (const [key, value] of Object.entries(raw) as [keyof RawConfig, unknown][]) {
      if (key === 'extends' || value === undefined) continue;
      if (key === 'rules') {
        out.rules = { ...out.rules, ...(value as RawConfig['rules']) };
        for (const id of Object.keys(value as object)) sources[`rules.${id}`] = source;
      } else if (key === 'policies') {
        const pol = value as PolicyConfig;
        const merged: PolicyConfig = { ...out.policies };
        for (const [name, v] of Object.entries(pol) as [keyof PolicyConfig, unknown][]) {
          if (name === 'custom') {
            const byId = new Map((merged.custom ?? []).map((c) => [c.id, c]));
            for (const c of v as CustomPolicyConfig[]) {
              byId.set(c.id, { ...c, schema: typeof c.schema === 'string' ? resolve(dirname(source), c.schema) : c.schema });
              sources[`policies.custom.${c.id}`] = source;
            }
            merged.custom = [...byId.values()];
          } else if (isRecord(v)) {
            // A section merges key by key: raising one cap keeps the pack's other caps, labels and scope.
            const section: Record<string, unknown> = { ...(isRecord(merged[name]) ? merged[name] : {}) };
            for (const [k, kv] of Object.entries(v)) {
              section[k] = isRecord(kv) && isRecord(section[k]) ? { ...(section[k] as Record<string, unknown>), ...kv } : kv;
              sources[`policies.${name}.${k}`] = source;
            }
            (merged as Record<string, unknown>)[name] = section;
          } else {
            (merged as Record<string, unknown>)[name] = v;
            sources[`policies.${name}`] = source;
          }
        }
        out.policies = merged;
      } else if (key === 'ignorePaths') {
        out.ignorePaths = [...(out.ignorePaths ?? []), ...(value as string[])];
        sources.ignorePaths = source;
      } else {
        (out as Record<string, unknown>)[key] = value;
        sources[key] = source;
      }
    }
  }
  return { raw: out, sources };
}

/** The layers a config file stands for: what it extends (recursively, in order), then itself. */
async function configLayers(file: string, seen: string[], root: string): Promise<{ raw: RawConfig; source: string; doc?: YamlDocumentModel }[]> {
  if (seen.includes(file)) throw new ConfigError(`${file}: extends itself through ${[...seen, file].map((f) => basename(f)).join(' -> ')}`);
  const { raw, doc } = await readValidated(file, root);
  const layers: { raw: RawConfig; source: string; doc?: YamlDocumentModel }[] = [];
  const single = typeof raw.extends === 'string';
  for (const [i, entry] of extendsList(raw).entries()) {
    const at = positionOf(doc, single ? '/extends' : `/extends/${i}`);
    if (entry.startsWith('genai-lint:')) {
      const preset = PRESETS[entry];
      if (!preset) {
        throw new ConfigError(`${file}${at}: extends: unknown preset \`${entry}\`; presets are ${Object.keys(PRESETS).join(', ')}`);
      }
      layers.push({ raw: preset, source: entry });
    } else if (/^[a-z]+:\/\//i.test(entry)) {
      throw new ConfigError(`${file}${at}: extends: \`${entry}\` is a URL; genai-lint reads only local files and presets`);
    } else {
      const path = resolve(dirname(file), entry);
      if (!existsSync(path)) throw new ConfigError(`${file}${at}: extends: ${entry} not found`);
      const outside = outsideRoot(path, root);
      if (outside) throw new ConfigError(`${file}${at}: extends: ${entry} ${outside}; not read`);
      layers.push(...(await configLayers(path, [...seen, file], root)));
    }
  }
  layers.push({ raw, source: file, doc });
  return layers;
}

export async function loadConfig(opts: LoadConfigOptions): Promise<EffectiveConfig> {
  const file = opts.configPath ? resolve(opts.cwd, opts.configPath) : findConfigFile(opts.cwd);
  if (opts.configPath && !existsSync(file!)) throw new ConfigError(`${opts.configPath}: config file not found`);
  let raw: RawConfig = {};
  let doc: YamlDocumentModel | undefined;
  let sources: Record<string, string> = {};
  let root: string | undefined;
  if (file) {
    root = configRoot(file, opts.cwd);
    const layers = (await configLayers(file, [], root)).map((l) => (l.source in PRESETS ? { ...l, raw: presetLayer(l.source, opts.rules) } : l));
    doc = layers[layers.length - 1].doc;
    ({ raw, sources } = mergeConfigs(layers));
  }
  const customPolicies = await loadCustomPolicies(raw, file ?? '(config)', opts.rules.map((r) => r.id), root);
  const customMetas = customPolicies.map((c) => ({ id: c.id, severity: c.severity ?? 'error' }) as ConfigurableRule);
  opts = { ...opts, rules: [...opts.rules, ...customMetas] };

  const known = new Map(opts.rules.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const rule = known.get(id);
    if (!rule) {
      const suggestion = closest(id, [...known.keys()]);
      throw new ConfigError(
        `${file}${positionOf(doc, '/rules/' + pointerSegment(id), 'key')}: rules: unknown rule id \`${id}\`` +
          (suggestion ? `; did you mean \`${suggestion}\`?` : ''),
      );
    }
    const options = Array.isArray(setting) ? setting[1] : undefined;
    if (options && rule.optionsSchema) {
      const errors = await validateAgainst(rule.optionsSchema, options);
      if (errors.length) {
        const e = mostSpecific(errors);
        const at = ajvErrorPointer(e, 'value');
        const where = positionOf(doc, `/rules/${pointerSegment(id)}/1${at.path}`, at.part);
        const known = e.keyword === 'additionalProperties' ? Object.keys((rule.optionsSchema.properties ?? {}) as Record<string, unknown>) : [];
        const near = known.length ? closest(unknownProperty(e), known) : undefined;
        throw new ConfigError(
          `${file}${where}: rules.${id} options${e.instancePath ? '.' + keyName(e.instancePath) : ''}: ${describeAjvError(e)}${near ? `; did you mean \`${near}\`?` : ''}`,
        );
      }
    } else if (options && Object.keys(options).length && !rule.optionsSchema) {
      throw new ConfigError(`${file}${positionOf(doc, `/rules/${pointerSegment(id)}/1`)}: rules.${id}: this rule takes no options`);
    }
  }
  const baseDir = opts.configBaseDir ? resolve(opts.cwd, opts.configBaseDir) : file ? dirname(file) : resolve(opts.cwd);
  const config = resolveConfig(raw, opts.rules, file, baseDir);
  return {
    ...config,
    sources,
    settings: {
      ...config.settings,
      customSchemas: await loadCustomSchemas(raw, file ?? '(config)', baseDir, root),
      policies: { ...config.settings.policies, custom: customPolicies },
    },
  };
}

/** Checks custom policies (id namespace, kinds, schema) and loads their schemas; never executes anything. */
async function loadCustomPolicies(raw: RawConfig, file: string, builtinIds: readonly string[], root: string | undefined): Promise<CustomPolicy[]> {
  const out: CustomPolicy[] = [];
  const ids = new Set<string>();
  const { BUNDLED_KINDS } = await import('../k8s-schema-bundle.js');
  for (const c of raw.policies?.custom ?? []) {
    const where = `${file}: policies.custom \`${c.id}\``;
    if (!c.id.includes('/') || RESERVED_PREFIXES.some((p) => c.id.startsWith(p)) || builtinIds.includes(c.id)) {
      throw new ConfigError(`${where}: a custom policy id needs its own namespace (like \`acme/gpu-priority\`), not a built-in prefix (${RESERVED_PREFIXES.join(', ')})`);
    }
    if (ids.has(c.id)) throw new ConfigError(`${where}: defined twice`);
    ids.add(c.id);
    for (const kind of c.match.kinds ?? []) {
      const near = closest(kind, [...BUNDLED_KINDS]);
      if (!/^[A-Z][A-Za-z0-9]*$/.test(kind) || (near && near !== kind && !(BUNDLED_KINDS as readonly string[]).includes(kind))) {
        throw new ConfigError(`${where}: unknown kind \`${kind}\`${near && near !== kind ? `; did you mean \`${near}\`?` : ''}`);
      }
    }
    let schema: unknown = c.schema;
    if (typeof c.schema === 'string') {
      const outside = root ? outsideRoot(c.schema, root) : undefined;
      if (outside && existsSync(c.schema)) throw new ConfigError(`${where}: schema file ${c.schema} ${outside}; not read`);
      const text = readConfigFile(c.schema, root, `${where}: cannot read schema file ${c.schema}`).toString('utf8');
      const parsed = parseYaml(text).documents[0];
      if (!parsed || parsed.errors.length || !isRecord(parsed.value)) throw new ConfigError(`${where}: ${c.schema} is not a JSON or YAML mapping`);
      schema = parsed.value;
    }
    const ajv = await createAjv();
    try {
      ajv.compile(schema as Record<string, unknown>);
    } catch (err) {
      throw new ConfigError(`${where}: invalid JSON Schema: ${(err as Error).message}`);
    }
    out.push({ ...c, schema: schema as Record<string, unknown> });
  }
  return out;
}

/** Reads and checks the JSON Schemas named under `schemas:`; never executes anything. */
async function loadCustomSchemas(raw: RawConfig, file: string, baseDir: string, root: string | undefined): Promise<CustomKindSchema[]> {
  const out: CustomKindSchema[] = [];
  for (const [i, entry] of (raw.schemas ?? []).entries()) {
    const where = `${file}: schemas[${i}] (${entry.apiVersion} ${entry.kind})`;
    const path = resolve(baseDir, entry.schema);
    const outside = root ? outsideRoot(path, root) : undefined;
    if (outside && existsSync(path)) throw new ConfigError(`${where}: ${entry.schema} ${outside}; not read`);
    const text = readConfigFile(path, root, `${where}: cannot read ${entry.schema}`).toString('utf8');
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
    // Strict-preset rules stay off until the strict preset or the config turns them on.
    const base: SeveritySetting = r.preset === 'strict' ? 'off' : r.severity;
    rules.set(r.id, { severity: presetSeverity ?? base, options: { ...(r.defaultOptions ?? {}) }, configured: presetSeverity !== undefined });
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
    vendoredDirs: raw.vendoredDirs ?? DEFAULT_VENDORED_DIRS,
    failOn: raw.failOn ?? 'error',
    maxFileSizeMB: raw.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB,
    settings: {
      gpuResources: raw.gpu?.resources ?? [],
      gpuTaintKeys: [...preset.gpuTaintKeys, ...(raw.gpu?.taintKeys ?? [])],
      platform,
      kubernetesVersion: raw.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      customSchemas: [],
      policies: { ...(raw.policies ?? {}), custom: [] },
    },
    sources: {},
  };
}


/** The merged effective config as plain data, for --print-config. */
export function describeConfig(cfg: EffectiveConfig): Record<string, unknown> {
  return {
    configFile: cfg.file ?? null,
    sources: cfg.sources,
    failOn: cfg.failOn,
    maxFileSizeMB: cfg.maxFileSizeMB,
    platform: cfg.settings.platform,
    kubernetesVersion: cfg.settings.kubernetesVersion,
    ignorePaths: cfg.ignorePaths,
    vendoredDirs: cfg.vendoredDirs,
    gpu: { resources: cfg.settings.gpuResources, taintKeys: cfg.settings.gpuTaintKeys },
    policies: cfg.settings.policies,
    rules: Object.fromEntries(
      [...cfg.rules.entries()].map(([id, s]) => [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity]),
    ),
  };
}
