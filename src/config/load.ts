/** Loading the effective config of a run: the file found or named, its layers, rule options checked, policies loaded. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { pointerSegment } from '../pointer.js';
import { ajvErrorPointer, unknownProperty } from '../engine/ajv.js';
import { closest } from '../text.js';
import { configRoot, findConfigFile } from './files.js';
import { configLayers, mergeConfigs } from './merge.js';
import { loadCustomPolicies, loadCustomSchemas } from './policies.js';
import { PRESETS, presetLayer, resolveConfig } from './presets.js';
import { describeAjvError, keyName, mostSpecific, positionOf, validateAgainst } from './validate.js';
import { ConfigError } from './types.js';
import type { ConfigurableRule, EffectiveConfig, RawConfig } from './types.js';

export interface LoadConfigOptions {
  cwd: string;
  /** Explicit --config path. */
  configPath?: string;
  rules: readonly ConfigurableRule[];
  /** Where the config stands in the repository when it was read from elsewhere (the Action's config-from-base): ignorePaths are relative to it. */
  configBaseDir?: string;
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
