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

/** A patch a kustomization applies: a file, or text written inline in the kustomization. */
export interface PatchEntry {
  /** Absolute path of the patch file. */
  file?: string;
  /** An inline patch's text. */
  inline?: string;
  /** Pointer of the entry inside the kustomization (where an inline patch is reported). */
  pointer: string;
  /** `target:` selector; undefined for a strategic-merge patch that names its object itself. */
  target?: { kind?: string; name?: string; namespace?: string; labelSelector?: string };
  /** patchesJson6902 entries are JSON patches; `patches:` entries are told apart by content. */
  json6902?: boolean;
}

export interface Kustomization {
  path: string;
  dir: string;
  /** `kind: Component`: only ever applied through `components:`. */
  component: boolean;
  /** Local resources and bases, absolute (files or directories). */
  resources: string[];
  /** Local components, absolute directories. */
  components: string[];
  /** Resources, bases and components that are URLs or not found in the tree (kustomize would fetch them). */
  remote: string[];
  patches: string[];
  patchEntries: PatchEntry[];
  images: ImageOverride[];
  namespace?: string;
  /** Keys kustomize builds only by running helm (`helmCharts`, with --enable-helm): never rendered here. */
  needsPlugins: string[];
}

/** A reference kustomize resolves over the network (a URL, a git remote), not in the tree. */
export function isRemoteReference(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.startsWith('git@') || /^(github|gitlab|bitbucket)\.(com|org)\//i.test(ref) || /\?(ref|version|submodules|timeout)=/.test(ref);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Reads one kustomization file (within `root`); undefined when it cannot be read or is not a mapping. */
export function readKustomization(path: string, root: string): Kustomization | undefined {
  const text = readTreeFile(path, root, () => {});
  if (text === undefined) return undefined;
  const doc = record(parseYaml(text).documents.find((d) => !d.errors.length && d.value !== undefined)?.value);
  if (!doc) return undefined;
  const dir = dirname(path);
  const patches: string[] = [];
  const patchEntries: PatchEntry[] = [];
  const selector = (v: unknown): PatchEntry['target'] => {
    const t = record(v);
    if (!t) return undefined;
    const str = (k: string) => (typeof t[k] === 'string' ? (t[k] as string) : undefined);
    return { kind: str('kind'), name: str('name'), namespace: str('namespace'), labelSelector: str('labelSelector') };
  };
  // patches / patchesJson6902: {path} or {patch}; patchesStrategicMerge: a path, or an inline patch (several lines).
  for (const key of ['patches', 'patchesJson6902']) {
    (Array.isArray(doc[key]) ? doc[key] : []).forEach((p: unknown, i: number) => {
      const r = record(p);
      const base = { pointer: `/${key}/${i}`, target: selector(r?.target), json6902: key === 'patchesJson6902' || undefined };
      if (typeof r?.path === 'string') {
        patches.push(resolve(dir, r.path));
        patchEntries.push({ ...base, file: resolve(dir, r.path) });
      } else if (typeof r?.patch === 'string') patchEntries.push({ ...base, inline: r.patch });
    });
  }
  (Array.isArray(doc.patchesStrategicMerge) ? doc.patchesStrategicMerge : []).forEach((p: unknown, i: number) => {
    if (typeof p !== 'string') return;
    const pointer = `/patchesStrategicMerge/${i}`;
    if (p.includes('\n')) patchEntries.push({ pointer, inline: p });
    else {
      patches.push(resolve(dir, p));
      patchEntries.push({ pointer, file: resolve(dir, p) });
    }
  });
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
  const remote: string[] = [];
  const local = (refs: string[]) =>
    refs.flatMap((r) => {
      if (isRemoteReference(r) || !existsSync(resolve(dir, r))) {
        remote.push(r);
        return [];
      }
      return [resolve(dir, r)];
    });
  // Builtin transformer and generator configs build without plugins; kubectl refuses the others itself.
  const needsPlugins = ['helmCharts', 'helmChartInflationGenerator'].filter((k) => Array.isArray(doc[k]) && doc[k].length > 0);
  return {
    path,
    dir,
    component: doc.kind === 'Component',
    resources: local([...strings(doc.resources), ...strings(doc.bases)]),
    components: local(strings(doc.components)),
    remote,
    patches,
    patchEntries,
    images,
    namespace: typeof doc.namespace === 'string' ? doc.namespace : undefined,
    needsPlugins,
  };
}

export function kustomizationIn(dir: string): string | undefined {
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
