/** Custom policies and custom kind schemas named by a config: read, checked and compiled once; never executed. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYaml } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { closest } from '../text.js';
import { outsideRoot } from '../safe-read.js';
import type { CustomKindSchema } from '../engine/kube-schema.js';
import { readConfigFile } from './files.js';
import { createAjv } from './validate.js';
import { ConfigError } from './types.js';
import type { CustomPolicy, RawConfig } from './types.js';

/** Built-in rule id prefixes: custom policy ids must use their own namespace. */
const RESERVED_PREFIXES = ['dockerfile/', 'k8s/', 'compose/', 'policy/', 'genai-lint/'];

/** Checks custom policies (id namespace, kinds, schema) and loads their schemas; never executes anything. */
export async function loadCustomPolicies(raw: RawConfig, file: string, builtinIds: readonly string[], root: string | undefined): Promise<CustomPolicy[]> {
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
export async function loadCustomSchemas(raw: RawConfig, file: string, baseDir: string, root: string | undefined): Promise<CustomKindSchema[]> {
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
