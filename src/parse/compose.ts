import type { YamlDocumentModel, YamlFileModel } from './yaml.js';
import { setOwn } from './kube.js';
import { isRecord } from '../values.js';
import { pointerSegment } from '../pointer.js';

/** A service of a Compose file, as written. */
export interface ComposeService {
  name: string;
  /** Pointer of the service inside the document: /services/<name>. */
  path: string;
  raw: Readonly<Record<string, unknown>>;
}

export interface ComposeModel {
  kind: 'compose';
  yaml: YamlFileModel;
  document: YamlDocumentModel;
  services: ComposeService[];
  /**
   * For an override file (docker-compose.override.yml, compose.gpu.yaml): the
   * services of the base file beside it, which Compose merges underneath.
   */
  baseServices?: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** Override files: compose.<x>.yaml / docker-compose.<x>.yml (the base files have no middle part). */
export function isComposeOverrideName(name: string): boolean {
  return /^(docker-)?compose\.[^/]+\.ya?ml$/i.test(name);
}

export const COMPOSE_BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Compose's merge, for what the rules read: mappings merge, volumes/ports/devices append, scalars override. */
export function mergeService(base: Readonly<Record<string, unknown>>, override: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) {
    const b = Object.hasOwn(out, k) ? out[k] : undefined;
    if (isRecord(b) && isRecord(v)) setOwn(out, k, mergeService(b, v));
    else if (Array.isArray(b) && Array.isArray(v) && ['volumes', 'ports', 'devices', 'env_file'].includes(k)) setOwn(out, k, [...b, ...v]);
    else setOwn(out, k, v);
  }
  return out;
}

/** A service as Compose runs it when this file is an override: merged over the base file's service. */
export function effectiveService(model: ComposeModel, service: ComposeService): ComposeService {
  const base = model.baseServices?.get(service.name);
  return base ? { ...service, raw: mergeService(base, service.raw) } : service;
}

/** Whether parsed YAML is a Compose file: a top-level `services:` mapping of image/build entries. */
export function looksLikeCompose(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.services) || typeof value.apiVersion === 'string') return false;
  return Object.values(value.services).some((s) => isRecord(s) && (s.image !== undefined || s.build !== undefined));
}

export function composeModelOf(yaml: YamlFileModel): ComposeModel | undefined {
  const document = yaml.documents.find((d) => !d.errors.length && isRecord(d.value));
  if (!document || !isRecord(document.value)) return undefined;
  const services = isRecord(document.value.services) ? document.value.services : {};
  return {
    kind: 'compose',
    yaml,
    document,
    services: Object.entries(services)
      .filter(([, raw]) => isRecord(raw))
      .map(([name, raw]) => ({ name, path: `/services/${pointerSegment(name)}`, raw: raw as Record<string, unknown> })),
  };
}

export interface EnvEntry {
  name: string;
  /** undefined: passed through from the host (`- KEY` or `KEY:` with no value). */
  value: string | undefined;
  /** Pointer of the value (map form) or of the list item (list form). */
  path: string;
}

/** `environment:` in both forms: a map, or a list of KEY=value strings. */
export function environmentOf(service: ComposeService): EnvEntry[] {
  const env = service.raw.environment;
  const base = `${service.path}/environment`;
  if (Array.isArray(env)) {
    return env.flatMap((item, i) => {
      if (typeof item !== 'string') return [];
      const eq = item.indexOf('=');
      return [{ name: eq < 0 ? item : item.slice(0, eq), value: eq < 0 ? undefined : item.slice(eq + 1), path: `${base}/${i}` }];
    });
  }
  if (isRecord(env)) {
    return Object.entries(env).map(([name, v]) => ({
      name,
      value: v === null || v === undefined ? undefined : String(v),
      path: `${base}/${pointerSegment(name)}`,
    }));
  }
  return [];
}

/** command/entrypoint as a list of words (string form split on spaces). */
export function commandWords(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.trim().split(/\s+/).filter(Boolean);
  return [];
}

/** Container paths of a service's volumes (named volumes and bind mounts; tmpfs excluded). */
export function volumeTargets(service: ComposeService): string[] {
  const vols = Array.isArray(service.raw.volumes) ? service.raw.volumes : [];
  const out: string[] = [];
  for (const v of vols) {
    if (typeof v === 'string') {
      const parts = v.split(':');
      if (parts.length >= 2) out.push(parts[1]);
    } else if (isRecord(v) && typeof v.target === 'string' && v.type !== 'tmpfs') {
      out.push(v.target);
    }
  }
  return out;
}
