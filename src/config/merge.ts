/** `extends:` layers and their merge, later layers winning. */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { outsideRoot } from '../safe-read.js';
import { extendsList } from './files.js';
import { PRESETS } from './presets.js';
import { positionOf, readValidated } from './validate.js';
import { ConfigError } from './types.js';
import type { CustomPolicyConfig, PolicyConfig, RawConfig } from './types.js';

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
      } else if (key === 'helm') {
        // Key by key; paths are made absolute against the file that wrote them.
        const helm = { ...(value as NonNullable<RawConfig['helm']>) };
        const dir = dirname(source);
        if (helm.binary && /[\\/]/.test(helm.binary)) helm.binary = resolve(dir, helm.binary);
        if (helm.valuesFiles) {
          const byChart: Record<string, string[]> = { ...(out.helm?.valuesFiles ?? {}) };
          for (const [chart, files] of Object.entries(helm.valuesFiles)) byChart[resolve(dir, chart)] = files.map((f) => resolve(dir, f));
          helm.valuesFiles = byChart;
        }
        out.helm = { ...out.helm, ...helm };
        for (const k of Object.keys(helm)) sources[`helm.${k}`] = source;
      } else if (key === 'kustomize') {
        // Key by key: a layer that sets the binary keeps the render mode of the layers below. A binary
        // given as a path is made absolute against the file that wrote it, as helm.binary is.
        const kustomize = { ...(value as NonNullable<RawConfig['kustomize']>) };
        if (kustomize.binary && /[\\/]/.test(kustomize.binary)) kustomize.binary = resolve(dirname(source), kustomize.binary);
        out.kustomize = { ...out.kustomize, ...kustomize };
        for (const k of Object.keys(kustomize)) sources[`kustomize.${k}`] = source;
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
export async function configLayers(file: string, seen: string[], root: string): Promise<{ raw: RawConfig; source: string; doc?: YamlDocumentModel }[]> {
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
