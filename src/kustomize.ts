/**
 * What the kustomizations in a run say about the other files, read without
 * rendering: which files are patches (partial objects, judged only on what
 * they set), and which `images:` overrides and `namespace:` apply to the
 * resources each kustomization lists (directly or through the kustomizations
 * of the directories it lists).
 */
import { basename, dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseYaml } from './parse/yaml.js';
import { readTreeFile } from './safe-read.js';

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** An `images:` entry of a kustomization. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** What applies to one resource file. */
export interface KustomizedFile {
  /** The kustomization file that lists it (display path relative to nothing: absolute). */
  kustomization: string;
  images: ImageOverride[];
  namespace?: string;
}

export interface KustomizeFacts {
  /** Absolute paths of files that are patches. */
  patchFiles: string[];
  /** Absolute path of a resource file -> the overrides that apply to it. */
  resources: Record<string, KustomizedFile>;
}

interface Kustomization {
  path: string;
  dir: string;
  resources: string[];
  patches: string[];
  images: ImageOverride[];
  namespace?: string;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function readKustomization(path: string, root: string): Kustomization | undefined {
  const text = readTreeFile(path, root, () => {});
  if (text === undefined) return undefined;
  const doc = record(parseYaml(text).documents.find((d) => !d.errors.length && d.value !== undefined)?.value);
  if (!doc) return undefined;
  const dir = dirname(path);
  const patches: string[] = [];
  // patches / patchesJson6902: {path}; patchesStrategicMerge: a path, or an inline patch (several lines).
  for (const key of ['patches', 'patchesJson6902']) {
    for (const p of Array.isArray(doc[key]) ? doc[key] : []) {
      const path = record(p)?.path;
      if (typeof path === 'string') patches.push(resolve(dir, path));
    }
  }
  for (const p of strings(doc.patchesStrategicMerge)) if (!p.includes('\n')) patches.push(resolve(dir, p));
  const images: ImageOverride[] = [];
  for (const i of Array.isArray(doc.images) ? doc.images : []) {
    const r = record(i);
    if (!r || typeof r.name !== 'string') continue;
    images.push({
      name: r.name,
      newName: typeof r.newName === 'string' ? r.newName : undefined,
      newTag: typeof r.newTag === 'string' || typeof r.newTag === 'number' ? String(r.newTag) : undefined,
      digest: typeof r.digest === 'string' ? r.digest : undefined,
    });
  }
  return {
    path,
    dir,
    resources: [...strings(doc.resources), ...strings(doc.bases)].filter((r) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(r) && !r.startsWith('github.com/')).map((r) => resolve(dir, r)),
    patches,
    images,
    namespace: typeof doc.namespace === 'string' ? doc.namespace : undefined,
  };
}

function kustomizationIn(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** A file name that says it is a patch (`manager_auth_proxy_patch.yaml`, `patches/x.yaml`). */
function patchLikeName(path: string): boolean {
  return /(^|[-_.])patch(es)?([-_.]|$)/i.test(basename(path)) || path.includes('/patches/');
}

/**
 * Facts of every kustomization among `files` (absolute paths), each read
 * within `rootOf(file)`. Files that a kustomization beside them lists as
 * resources are not patches, even when their name says so.
 */
export function kustomizeFacts(files: readonly { absPath: string; root?: string }[]): KustomizeFacts {
  const facts: KustomizeFacts = { patchFiles: [], resources: {} };
  const kustomizations = files.filter((f) => KUSTOMIZATION_NAMES.includes(basename(f.absPath)));
  if (!kustomizations.length) return facts;
  const loaded = new Map<string, Kustomization | undefined>();
  const load = (path: string, root: string) => {
    if (!loaded.has(path)) loaded.set(path, readKustomization(path, root));
    return loaded.get(path);
  };
  const patchFiles = new Set<string>();
  const listed = new Set<string>();
  for (const k of kustomizations) {
    const root = k.root ?? dirname(k.absPath);
    const top = load(k.absPath, root);
    if (!top) continue;
    for (const p of top.patches) patchFiles.add(p);
    // The overrides of a kustomization apply to its resources and, through listed directories, to theirs.
    const visit = (kz: Kustomization, images: ImageOverride[], namespace: string | undefined, seen: Set<string>) => {
      if (seen.has(kz.path)) return;
      seen.add(kz.path);
      for (const r of kz.resources) {
        const nested = existsSync(r) && !/\.ya?ml$/i.test(r) ? kustomizationIn(r) : undefined;
        if (nested) {
          const inner = load(nested, root);
          if (!inner) continue;
          for (const p of inner.patches) patchFiles.add(p);
          // Inner settings apply first; the outer kustomization's win where both set one.
          visit(inner, [...images, ...inner.images], namespace ?? inner.namespace, seen);
          continue;
        }
        listed.add(r);
        const prior = facts.resources[r];
        // A file reached through several kustomizations keeps the overrides of the first (the run order).
        if (!prior) facts.resources[r] = { kustomization: kz.path, images, namespace: namespace ?? kz.namespace };
      }
    };
    visit(top, top.images, top.namespace, new Set());
  }
  // A patch-like file beside a kustomization that does not list it as a resource (a patch referenced
  // from a comment, or by a kustomization outside the run) is read as a patch too.
  const kustomizedDirs = new Set(kustomizations.map((k) => dirname(k.absPath)));
  for (const f of files) {
    if (patchFiles.has(f.absPath) || listed.has(f.absPath) || !/\.ya?ml$/i.test(f.absPath)) continue;
    if (patchLikeName(f.absPath) && [...kustomizedDirs].some((d) => f.absPath.startsWith(d + '/'))) patchFiles.add(f.absPath);
  }
  facts.patchFiles = [...patchFiles].sort();
  return facts;
}
