/**
 * Kustomize rendering: which kustomizations of a run are roots, building
 * each with `kubectl kustomize` or `kustomize build` through a wrapper
 * kustomization in the system's temporary directory (the user's tree is
 * never written), and reading each rendered object's origin annotation back
 * into the file, patch and line it came from.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KUSTOMIZATION_NAMES, kustomizationIn, readKustomization } from '../kustomize.js';
import type { Kustomization, PatchEntry } from '../kustomize.js';
import { parseYaml, yamlLib } from '../parse/yaml.js';
import { locateInDocument } from '../parse/kube.js';
import type { YamlDocumentModel, YamlFileModel } from '../parse/yaml.js';
import { joinPointer, splitPointer } from '../pointer.js';
import { isWithin, outsideRoot, readTreeFile } from '../safe-read.js';
import { findExecutable, insideLintedTree, NO_NETWORK_ENV } from './tools.js';
import type { SourceRange } from '../types.js';
import type { Renderer as SourceRenderer, RenderedSource } from './source.js';
import { ConfigError, DEFAULT_KUSTOMIZE_CONFIG } from '../config/types.js';
import { isRecord } from '../values.js';

/** Annotations kustomize adds for `buildMetadata`; removed before rules see the objects. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
const BUILD_ANNOTATIONS = [ORIGIN_ANNOTATION, 'alpha.config.kubernetes.io/transformations'];

/** Time one render may take before it is stopped. */
export const RENDER_TIMEOUT_MS = 30_000;

/** A kustomization that no other kustomization of the run references: what gets built. */
export interface KustomizeRoot {
  /** Absolute path of its kustomization file. */
  file: string;
  /** Real path of the linted root it was found under: nothing outside it is read. */
  root: string;
  /** Every kustomization it builds, in the order kustomize applies them (bases first). */
  chain: Kustomization[];
  /** Why it cannot be built here (remote bases, helmCharts, files outside the linted root). */
  unbuildable?: string;
}

/** The kustomization file of a path that names one, or of a directory holding one. */
function kustomizationOf(ref: string): string | undefined {
  return KUSTOMIZATION_NAMES.includes(basename(ref)) ? ref : kustomizationIn(ref);
}

/**
 * The roots among the kustomization files of a run (absolute paths, each
 * with the linted root it was found under), with the kustomizations each
 * builds. Components and kustomizations listed by another one are not roots.
 */
export function kustomizeRoots(files: readonly { absPath: string; root?: string }[]): KustomizeRoot[] {
  const found = files.filter((f) => KUSTOMIZATION_NAMES.includes(basename(f.absPath)));
  const loaded = new Map<string, Kustomization | undefined>();
  const load = (path: string, root: string) => {
    if (!loaded.has(path)) loaded.set(path, readKustomization(path, root));
    return loaded.get(path);
  };
  const referenced = new Set<string>();
  for (const f of found) {
    const k = load(f.absPath, f.root ?? dirname(f.absPath));
    for (const ref of [...(k?.resources ?? []), ...(k?.components ?? [])]) {
      const inner = kustomizationOf(ref);
      if (inner) referenced.add(inner);
    }
  }
  const roots: KustomizeRoot[] = [];
  for (const f of found) {
    const root = f.root ?? dirname(f.absPath);
    const top = load(f.absPath, root);
    if (!top || top.component || referenced.has(f.absPath)) continue;
    const chain: Kustomization[] = [];
    const problems = new Set<string>();
    const visit = (k: Kustomization, seen: Set<string>) => {
      if (seen.has(k.path)) return;
      seen.add(k.path);
      for (const r of k.remote) problems.add(`needs ${r} (remote or missing; not fetched)`);
      if (k.needsPlugins.length) problems.add(`uses ${k.needsPlugins.join(', ')} (helm is not run from kustomize)`);
      for (const ref of [...k.resources, ...k.components, ...k.patchEntries.flatMap((p) => (p.file ? [p.file] : []))]) {
        if (!existsSync(ref)) problems.add(`needs ${relative(dirname(f.absPath), ref)} (missing)`);
        else if (outsideRoot(ref, root)) problems.add(`reads ${relative(dirname(f.absPath), ref)} outside the linted root`);
      }
      for (const ref of [...k.resources, ...k.components]) {
        const inner = kustomizationOf(ref);
        if (!inner || outsideRoot(inner, root)) continue;
        const nested = load(inner, root);
        if (nested) visit(nested, seen);
      }
      chain.push(k);
    };
    visit(top, new Set());
    roots.push({ file: f.absPath, root, chain, unbuildable: problems.size ? [...problems].join('; ') : undefined });
  }
  return roots.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** How to build: a binary and the arguments before the directory. */
export interface KustomizeBinary {
  binary: string;
  args: string[];
}

/**
 * The renderer to use: `binary` when given (kubectl or kustomize, told
 * apart by name), else `kubectl` on PATH, else `kustomize` on PATH (its
 * absolute entries only).
 */
export function findRenderer(binary?: string, cwd = process.cwd()): KustomizeBinary | undefined {
  const pick = (path: string): KustomizeBinary => (/kubectl/i.test(basename(path)) ? { binary: path, args: ['kustomize'] } : { binary: path, args: ['build'] });
  if (binary) {
    const path = findExecutable(binary, cwd);
    return path ? pick(path) : undefined;
  }
  const kubectl = findExecutable('kubectl', cwd);
  if (kubectl) return pick(kubectl);
  const kustomize = findExecutable('kustomize', cwd);
  return kustomize ? pick(kustomize) : undefined;
}

export type BuildOutcome = { ok: true; text: string; wrapperDir: string } | { ok: false; reason: string };

/**
 * Builds one root through a wrapper kustomization in a fresh temporary
 * directory that asks for origin annotations. No network: proxies point
 * nowhere and git may not prompt; the render is stopped after `timeoutMs`.
 * The wrapper directory is removed before this returns; `wrapperDir` is
 * what the origin paths are relative to.
 */
export function renderRoot(root: KustomizeRoot, renderer: KustomizeBinary, timeoutMs = RENDER_TIMEOUT_MS, maxBytes = 64 * 2 ** 20): Promise<BuildOutcome> {
  const wrapperDir = realpathSync(mkdtempSync(join(tmpdir(), 'genai-lint-kustomize-')));
  const target = relative(wrapperDir, realpathSync(dirname(root.file))).split(sep).join('/');
  writeFileSync(join(wrapperDir, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
  const env = {
    ...process.env,
    ...NO_NETWORK_ENV,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'file',
  };
  return new Promise((done) => {
    execFile(renderer.binary, [...renderer.args, wrapperDir], { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: maxBytes, cwd: wrapperDir }, (err, stdout, stderr) => {
      rmSync(wrapperDir, { recursive: true, force: true });
      if (!err) return done({ ok: true, text: stdout, wrapperDir });
      const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      if (e.killed || e.signal === 'SIGKILL') return done({ ok: false, reason: `stopped after ${Math.round(timeoutMs / 1000)} s` });
      if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return done({ ok: false, reason: `output over ${maxBytes / 2 ** 20} MB` });
      const message = String(stderr || e.message)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ')
        .replaceAll(wrapperDir + '/', '')
        .replaceAll(wrapperDir, '.');
      done({ ok: false, reason: message.length > 400 ? message.slice(0, 400) + '…' : message || `exit code ${String(e.code)}` });
    });
  });
}

/** Where a rendered object came from, by its origin annotation. */
export interface Origin {
  /** Absolute path of the resource file, or of the kustomization whose generator made it. */
  file: string;
  /** The generator (ConfigMapGenerator, SecretGenerator, ...) when the object was generated. */
  generator?: string;
}

/** One object of a render: its value without the build annotations, and its origin. */
export interface RenderedObject {
  value: Record<string, unknown>;
  origin: Origin | undefined;
}

/**
 * kubectl's output with the spec and status of each CustomResourceDefinition
 * cut: no rule reads them, and they are most of the bytes of an operator's
 * render. kubectl writes top-level keys sorted, one document after `---`.
 */
function withoutCrdBodies(text: string): string {
  if (!/^kind: CustomResourceDefinition$/m.test(text)) return text;
  return text
    .split(/^---$/m)
    .map((doc) => {
      if (!/^kind: CustomResourceDefinition$/m.test(doc)) return doc;
      const body = /^(spec|status):/m.exec(doc);
      return body ? doc.slice(0, body.index) : doc;
    })
    .join('---');
}

/** Reads `kubectl kustomize` output: each object's origin, and the object with the build annotations removed. */
export function parseRendered(text: string, wrapperDir: string): RenderedObject[] {
  const out: RenderedObject[] = [];
  for (const doc of yamlLib().parseAllDocuments(withoutCrdBodies(text), { uniqueKeys: false })) {
    if (!('errors' in doc) || doc.errors.length) continue;
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    if (!isRecord(value)) continue;
    const meta = isRecord(value.metadata) ? value.metadata : undefined;
    const annotations = isRecord(meta?.annotations) ? meta.annotations : undefined;
    let origin: Origin | undefined;
    const raw = annotations?.[ORIGIN_ANNOTATION];
    if (typeof raw === 'string') {
      const o = yamlLib().parse(raw) as unknown;
      if (isRecord(o) && typeof o.path === 'string' && o.repo === undefined) origin = { file: resolve(wrapperDir, o.path) };
      else if (isRecord(o) && typeof o.configuredIn === 'string') {
        const by = isRecord(o.configuredBy) && typeof o.configuredBy.kind === 'string' ? o.configuredBy.kind : undefined;
        origin = { file: resolve(wrapperDir, o.configuredIn), generator: by };
      }
    }
    if (annotations && meta) {
      for (const a of BUILD_ANNOTATIONS) delete annotations[a];
      if (!Object.keys(annotations).length) delete meta.annotations;
    }
    out.push({ value, origin });
  }
  return out;
}

/** The rendered objects as one YAML stream, one document per object, in order. */
export function renderedText(objects: readonly RenderedObject[]): string {
  return objects.map((o) => yamlLib().stringify(o.value, { lineWidth: 0 })).join('---\n');
}

/** A place in a file of the tree. */
export interface SourcePlace {
  file: string;
  range: SourceRange;
}

/** Keys that identify the items of a list kustomize merges item by item (strategic merge). */
const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'devicePath', 'ip', 'topologyKey'];

function mergeKeyOf(item: unknown): [string, unknown] | undefined {
  if (!isRecord(item)) return undefined;
  for (const k of MERGE_KEYS) if (item[k] !== undefined && typeof item[k] !== 'object') return [k, item[k]];
  return undefined;
}

/**
 * The segments in `other` that hold what `segments` names in `rendered`:
 * list items are matched by their merge key (a container by its name) when
 * they have one, by position otherwise. Undefined when `other` lacks it.
 */
export function alignPath(rendered: unknown, segments: readonly string[], other: unknown): string[] | undefined {
  const out: string[] = [];
  let r = rendered;
  let o = other;
  for (const s of segments) {
    if (Array.isArray(r)) {
      if (!Array.isArray(o)) return undefined;
      const i = Number(s);
      const key = mergeKeyOf(r[i]);
      const j = key ? o.findIndex((x) => isRecord(x) && x[key[0]] === key[1]) : i;
      if (j < 0 || j >= o.length) return undefined;
      out.push(String(j));
      r = r[i];
      o = o[j];
    } else if (isRecord(r)) {
      if (!isRecord(o) || !Object.prototype.hasOwnProperty.call(o, s)) return undefined;
      out.push(s);
      r = r[s];
      o = o[s];
    } else return undefined;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== null && b !== null && typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let cur = root;
  for (const s of segments) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isRecord(cur)) cur = cur[s];
    else return undefined;
  }
  return cur;
}

function nameOf(value: unknown): string | undefined {
  const meta = isRecord(value) && isRecord(value.metadata) ? value.metadata : undefined;
  return typeof meta?.name === 'string' ? meta.name : undefined;
}

function labelsOf(value: unknown): Record<string, unknown> {
  const meta = isRecord(value) && isRecord(value.metadata) ? value.metadata : undefined;
  return isRecord(meta?.labels) ? meta.labels : {};
}

/**
 * A selector's name as a pattern: kustomize reads it as a (linear-time, Go)
 * regular expression. Only literal names, `.*` / `.+` wildcards and
 * `|` alternatives are read here: a pattern that could backtrack for long
 * selects nothing, and its findings stay on the resource's own file.
 */
function namePattern(name: string): RegExp | undefined {
  const parts: string[] = [];
  for (const alt of name.split('|')) {
    // Literal pieces between the wildcards; at most two wildcards an alternative (bounded work on a 253-character name).
    const pieces = alt.split(/(\.[*+])/);
    if (pieces.length > 5 || pieces.some((p, i) => i % 2 === 0 && /[\\^$.*+?()[\]{}]/.test(p))) return undefined;
    parts.push(pieces.join(''));
  }
  return new RegExp(`^(?:${parts.join('|')})$`);
}

/** Whether a rendered object, first written as `originalName`, is the one a patch selector names. */
function selects(target: NonNullable<PatchEntry['target']>, obj: Record<string, unknown>, originalName: string | undefined): boolean {
  if (target.kind && target.kind !== obj.kind) return false;
  if (target.name) {
    const re = namePattern(target.name);
    const names = [nameOf(obj), originalName].filter((n): n is string => n !== undefined);
    if (!re || !names.some((n) => re.test(n))) return false;
  }
  if (target.labelSelector) {
    const labels = labelsOf(obj);
    for (const part of target.labelSelector.split(',')) {
      const [k, v] = part.split('=').map((x) => x.trim());
      if (v === undefined ? !(k in labels) : String(labels[k]) !== v) return false;
    }
  }
  return true;
}

/** Parsed files of the tree, read once per run, only inside the linted root. */
export class TreeFiles {
  private readonly cache = new Map<string, YamlFileModel | undefined>();
  constructor(private readonly root: string) {}
  get(file: string): YamlFileModel | undefined {
    if (!this.cache.has(file)) {
      const text = isWithin(this.root, file) ? readTreeFile(file, this.root, () => {}) : undefined;
      this.cache.set(file, text === undefined ? undefined : parseYaml(text));
    }
    return this.cache.get(file);
  }
}

/** The range of a node the document writes (its key, or a list item's first line), or nothing when it does not write it. */
function rangeIn(doc: YamlDocumentModel, pointer: string, part: 'key' | 'value'): SourceRange | undefined {
  return doc.locations.find(pointer)?.exact ? locateInDocument(doc, pointer, part) : undefined;
}

/** The `kind:` line of a document, where a finding goes when its key is not written in the file. */
function kindRange(doc: YamlDocumentModel): SourceRange {
  return rangeIn(doc, '/kind', 'key') ?? { start: doc.range.start, end: { line: doc.range.start.line, column: doc.range.start.column + 1 } };
}

/**
 * Where the fix for what `pointer` names in a rendered object belongs: the
 * patch that set that value (the last one kustomize applied), else the
 * resource's own file at that key, else that file's `kind:` line.
 */
export function placeOf(obj: RenderedObject, pointer: string, part: 'key' | 'value', root: KustomizeRoot, files: TreeFiles): SourcePlace | undefined {
  const origin = obj.origin;
  if (!origin) return undefined;
  const segments = splitPointer(pointer);
  // A key the rendered object lacks (a rule naming what is missing) stands for its nearest existing ancestor.
  while (segments.length && valueAt(obj.value, segments) === undefined) segments.pop();
  const renderedValue = valueAt(obj.value, segments);
  if (origin.generator) {
    const model = files.get(origin.file);
    const doc = model?.documents[0];
    if (!doc) return undefined;
    const key = origin.generator === 'SecretGenerator' ? 'secretGenerator' : 'configMapGenerator';
    const entries = isRecord(doc.value) && Array.isArray(doc.value[key]) ? (doc.value[key] as unknown[]) : [];
    const name = nameOf(obj.value);
    const i = entries.findIndex((e) => isRecord(e) && typeof e.name === 'string' && name !== undefined && name.startsWith(e.name));
    return { file: origin.file, range: rangeIn(doc, i >= 0 ? `/${key}/${i}/name` : `/${key}`, 'key') ?? doc.range };
  }
  const originModel = files.get(origin.file);
  const originDoc = originModel ? originDocument(originModel, obj.value) : undefined;
  const originalName = originDoc ? nameOf(originDoc.value) : undefined;
  // Patches of the kustomizations that build this resource, in the order applied; the last one that sets the value wins.
  let claimed: SourcePlace | undefined;
  for (const k of root.chain) {
    if (!builds(k, origin.file, root)) continue;
    for (const entry of k.patchEntries) {
      const place = patchPlace(entry, k, obj.value, originalName, segments, renderedValue, part, files);
      if (place) claimed = place;
    }
  }
  if (claimed) return claimed;
  const aligned = originDoc ? alignPath(obj.value, segments, originDoc.value) : undefined;
  // An image the kustomizations rewrote (`images:`): the entry that set what the rules read.
  if (segments[segments.length - 1] === 'image' && typeof renderedValue === 'string') {
    const written = originDoc && aligned ? valueAt(originDoc.value, aligned) : undefined;
    if (written !== renderedValue) {
      const entry = imageEntryPlace(root, origin.file, typeof written === 'string' ? written : undefined, renderedValue, files);
      if (entry) return entry;
    }
  }
  if (!originModel || !originDoc) return { file: origin.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
  if (aligned) return { file: origin.file, range: rangeIn(originDoc, joinPointer('', ...aligned), part) ?? kindRange(originDoc) };
  // A list item the resource does not have (a sidecar container a patch adds): the patch that wrote it.
  let written = segments.length;
  while (written > 0 && !alignPath(obj.value, segments.slice(0, written), originDoc.value)) written--;
  let added: SourcePlace | undefined;
  if (written < segments.length && Array.isArray(valueAt(obj.value, segments.slice(0, written)))) {
    for (const k of root.chain) {
      if (!builds(k, origin.file, root)) continue;
      for (const entry of k.patchEntries) added = patchItemPlace(entry, k, obj.value, originalName, segments, written + 1, files) ?? added;
    }
  }
  return added ?? { file: origin.file, range: kindRange(originDoc) };
}

/**
 * Where a strategic-merge patch writes the deepest part of `segments` it
 * has, at least the first `depth` of them (the list item it adds).
 */
function patchItemPlace(entry: PatchEntry, k: Kustomization, obj: Record<string, unknown>, originalName: string | undefined, segments: readonly string[], depth: number, files: TreeFiles): SourcePlace | undefined {
  if (!entry.file || entry.json6902) return undefined;
  const model = files.get(entry.file);
  for (const doc of model?.documents ?? []) {
    if (!isRecord(doc.value)) continue;
    if (entry.target ? !selects(entry.target, obj, originalName) : doc.value.kind !== obj.kind || ![nameOf(obj), originalName].includes(nameOf(doc.value))) continue;
    for (let d = segments.length; d >= depth; d--) {
      const aligned = alignPath(obj, segments.slice(0, d), doc.value);
      const range = aligned ? rangeIn(doc, joinPointer('', ...aligned), 'key') : undefined;
      if (range) return { file: entry.file, range };
    }
  }
  return undefined;
}

/** The image name of a reference, without its tag or digest. */
function imageName(ref: string): string {
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

/**
 * The `images:` entry that set what the rules read of a rewritten image:
 * kustomize applies the entries of each kustomization, bases first, each to
 * the image name as the entries before it left it. Replayed here from the
 * written image; the last entry applied is the place (its tag or digest
 * line, else its name line). Nothing when the replay does not give the
 * rendered image.
 */
function imageEntryPlace(root: KustomizeRoot, file: string, written: string | undefined, rendered: string, files: TreeFiles): SourcePlace | undefined {
  if (written === undefined) return undefined;
  let name = imageName(written);
  let suffix = written.slice(name.length);
  let place: SourcePlace | undefined;
  for (const k of root.chain) {
    if (!builds(k, file, root)) continue;
    const doc = files.get(k.path)?.documents[0];
    const entries = doc && isRecord(doc.value) && Array.isArray(doc.value.images) ? (doc.value.images as unknown[]) : [];
    entries.forEach((e, i) => {
      if (!isRecord(e) || e.name !== name || !doc) return;
      if (typeof e.newName === 'string') name = e.newName;
      if (e.digest !== undefined) suffix = `@${String(e.digest)}`;
      else if (e.newTag !== undefined) suffix = `:${String(e.newTag)}`;
      // The entry's tag (or digest) line when it sets one, else its name line.
      const key = e.digest !== undefined ? 'digest' : e.newTag !== undefined ? 'newTag' : 'newName';
      const range = rangeIn(doc, `/images/${i}/${key}`, 'key');
      if (range) place = { file: k.path, range };
    });
  }
  return `${name}${suffix}` === rendered ? place : undefined;
}

/** Whether kustomization `k` builds the resource file `file` (directly, or through its bases). */
function builds(k: Kustomization, file: string, root: KustomizeRoot): boolean {
  const byPath = new Map(root.chain.map((c) => [c.path, c]));
  const seen = new Set<string>();
  const walk = (c: Kustomization): boolean => {
    if (seen.has(c.path)) return false;
    seen.add(c.path);
    for (const r of [...c.resources, ...c.components]) {
      if (r === file) return true;
      const inner = kustomizationOf(r);
      const nested = inner ? byPath.get(inner) : undefined;
      if (nested && walk(nested)) return true;
    }
    return false;
  };
  return walk(k);
}

/** The document of a resource file a rendered object came from: same kind, and its name (prefixes and suffixes aside). */
function originDocument(model: YamlFileModel, rendered: Record<string, unknown>): YamlDocumentModel | undefined {
  const sameKind = model.documents.filter((d) => isRecord(d.value) && d.value.kind === rendered.kind);
  const name = nameOf(rendered);
  return (
    sameKind.find((d) => nameOf(d.value) === name) ??
    sameKind.find((d) => {
      const n = nameOf(d.value);
      return n !== undefined && name !== undefined && name.includes(n);
    }) ??
    (sameKind.length === 1 ? sameKind[0] : undefined)
  );
}

/**
 * Whether a strategic-merge patch writes this key only to say what it
 * patches: the object's kind and name, a list item's merge key (a
 * container's `name`).
 */
function identifies(patch: unknown, segments: readonly string[]): boolean {
  const path = segments.join('/');
  if (['apiVersion', 'kind', 'metadata/name', 'metadata/namespace'].includes(path)) return true;
  const parent = valueAt(patch, segments.slice(0, -1));
  const grand = valueAt(patch, segments.slice(0, -2));
  return Array.isArray(grand) && mergeKeyOf(parent)?.[0] === segments[segments.length - 1];
}

/** The place in a patch that set the value at `segments` of the rendered object, if that patch set it. */
function patchPlace(
  entry: PatchEntry,
  k: Kustomization,
  obj: Record<string, unknown>,
  originalName: string | undefined,
  segments: readonly string[],
  renderedValue: unknown,
  part: 'key' | 'value',
  files: TreeFiles,
): SourcePlace | undefined {
  let model: YamlFileModel | undefined;
  let place: (doc: YamlDocumentModel, pointer: string) => SourcePlace | undefined;
  if (entry.file) {
    model = files.get(entry.file);
    const file = entry.file;
    place = (doc, pointer) => {
      const range = rangeIn(doc, pointer, part) ?? rangeIn(doc, pointer, 'key');
      return range ? { file, range } : undefined;
    };
  } else if (entry.inline !== undefined) {
    model = parseYaml(entry.inline);
    // An inline patch is reported on its entry in the kustomization.
    const kdoc = files.get(k.path)?.documents[0];
    place = () => {
      const range = kdoc ? (rangeIn(kdoc, `${entry.pointer}/patch`, 'key') ?? rangeIn(kdoc, entry.pointer, 'value')) : undefined;
      return range ? { file: k.path, range } : undefined;
    };
  } else return undefined;
  if (!model) return undefined;
  const docs = model.documents.filter((d) => !d.errors.length && d.value !== undefined);
  if (entry.target && !selects(entry.target, obj, originalName)) return undefined;
  // A JSON patch: a list of operations.
  if (entry.json6902 || Array.isArray(docs[0]?.value)) {
    const doc = docs[0];
    if (!doc || !Array.isArray(doc.value) || !entry.target) return undefined;
    let found: SourcePlace | undefined;
    doc.value.forEach((op: unknown, i: number) => {
      if (!isRecord(op) || typeof op.path !== 'string' || !['add', 'replace', 'copy', 'move'].includes(String(op.op))) return;
      const opSegments = splitPointer(op.path);
      // `-` appends: the last item of the list as rendered.
      if (opSegments[opSegments.length - 1] === '-') {
        const list = valueAt(obj, opSegments.slice(0, -1));
        if (!Array.isArray(list)) return;
        opSegments[opSegments.length - 1] = String(list.length - 1);
      }
      if (opSegments.length > segments.length || opSegments.some((s, j) => s !== segments[j])) return;
      const rest = segments.slice(opSegments.length);
      if (op.op === 'copy' || op.op === 'move') {
        found = place(doc, `/${i}/from`) ?? found;
        return;
      }
      if (!sameValue(valueAt(op.value, rest), renderedValue)) return;
      found = place(doc, joinPointer(`/${i}/value`, ...rest)) ?? found;
    });
    return found;
  }
  // A strategic-merge patch: the documents that name this object (or all, under a target).
  for (const doc of docs) {
    if (!isRecord(doc.value)) continue;
    if (!entry.target) {
      if (doc.value.kind !== obj.kind) continue;
      const n = nameOf(doc.value);
      if (n !== undefined && n !== nameOf(obj) && n !== originalName) continue;
    }
    const aligned = alignPath(obj, segments, doc.value);
    if (!aligned || identifies(doc.value, aligned)) continue;
    const written = valueAt(doc.value, aligned);
    // A map the patch only adds to is not set by it; a list (replaced whole) or a value is.
    if (!sameValue(written, renderedValue) && !(Array.isArray(written) && Array.isArray(renderedValue))) continue;
    if (isRecord(written) && !sameValue(written, renderedValue)) continue;
    return place(doc, joinPointer('', ...aligned));
  }
  return undefined;
}

/** The files a render of `root` judges: its kustomizations, the resource and patch files they list, and the origin files of its objects. */
export function coveredFiles(root: KustomizeRoot, objects: readonly RenderedObject[]): Set<string> {
  const out = new Set<string>();
  for (const k of root.chain) {
    out.add(k.path);
    for (const r of k.resources) if (/\.(ya?ml|json)$/i.test(r)) out.add(r);
    for (const p of k.patchEntries) if (p.file) out.add(p.file);
  }
  for (const o of objects) if (o.origin && !o.origin.generator) out.add(o.origin.file);
  return out;
}

/** Display form of a root: its directory relative to `cwd`. */
export function rootLabel(root: KustomizeRoot, cwd: string): string {
  const dir = dirname(root.file);
  const rel = isAbsolute(dir) ? relative(cwd, dir) : dir;
  return (rel || '.').split(sep).join('/');
}

/** Where a finding of one rendered document lands: the document's index in the render, the pointer (or range) inside it. */
export interface KustomizeMapping {
  /** The rendered text the rules read (origin annotations removed). */
  text: string;
  /** Absolute paths of the files this render judges. */
  covers: string[];
  /** The place in the tree for a finding in document `doc` at `pointer` (or, without one, at `range` of the rendered text). */
  place(doc: number, pointer: string | undefined, range: SourceRange): SourcePlace;
}

/** The rendered text of a root and the way back from its findings to the tree. */
export function kustomizeMapping(root: KustomizeRoot, objects: readonly RenderedObject[], files: TreeFiles): KustomizeMapping {
  const text = renderedText(objects);
  let model: YamlFileModel | undefined;
  const fallback: SourcePlace = { file: root.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
  return {
    text,
    covers: [...coveredFiles(root, objects)].sort(),
    place(doc, pointer, range) {
      const obj = objects[doc];
      if (!obj) return fallback;
      model ??= parseYaml(text);
      const d = model.documents[doc];
      let part: 'key' | 'value' = 'key';
      let path = pointer;
      if (d) {
        const offset = d.textIndex.offsetAt(range.start);
        path ??= d.locations.pathAt(offset) ?? '';
        const at = d.locations.find(path);
        if (at?.exact && at.offsets[0] !== offset && offset >= at.offsets[2]) part = 'value';
      }
      return placeOf(obj, path ?? '', part, root, files) ?? fallback;
    },
  };
}

function commonDir(a: string, b: string): string {
  const x = a.split(sep);
  const y = b.split(sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join(sep) || sep;
}

/** Roots that share files (overlays of one base) form one group: their findings are merged. */
function groupsOf(roots: readonly KustomizeRoot[], covers: Map<KustomizeRoot, Set<string>>): Map<KustomizeRoot, KustomizeRoot> {
  const parent = new Map(roots.map((r) => [r, r]));
  const find = (r: KustomizeRoot): KustomizeRoot => {
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const owner = new Map<string, KustomizeRoot>();
  for (const r of roots) {
    for (const f of covers.get(r)!) {
      const o = owner.get(f);
      if (!o) owner.set(f, r);
      else {
        const a = find(o);
        const b = find(r);
        if (a !== b) parent.set(b, a);
      }
    }
  }
  return new Map(roots.map((r) => [r, find(r)]));
}

/** Bytes of the files a root builds from: what kustomize parses (CustomResourceDefinitions make most of it). */
function inputBytes(root: KustomizeRoot): number {
  let total = 0;
  for (const f of coveredBeforeRender(root)) {
    try {
      total += statSync(f).size;
    } catch {
      // unreadable: kubectl says so
    }
  }
  return total;
}

/** The files a root covers, known before rendering: its kustomizations, resource files and patch files. */
function coveredBeforeRender(root: KustomizeRoot): Set<string> {
  return coveredFiles(root, []);
}

/**
 * The Kustomize renderer of the engine's render hook (render/source.ts):
 * each buildable root becomes one rendered source, roots sharing a base are
 * one group; a root that cannot be built, or whose build fails, keeps its
 * files linted alone, as patches and resources read without rendering.
 */
export function kustomizeRenderer(): SourceRenderer {
  return {
    name: 'kustomize',
    start(ctx) {
      const settings = ctx.config.kustomize ?? DEFAULT_KUSTOMIZE_CONFIG;
      const out: ReturnType<SourceRenderer['start']> = { jobs: [], notices: [], skipped: [] };
      if (settings.render === 'never') return out;
      let roots = kustomizeRoots(ctx.files);
      // Files named one by one (pre-commit): only the roots those files belong to.
      if (ctx.explicitOnly) {
        const named = new Set(ctx.files.filter((f) => f.explicit).map((f) => f.absPath));
        roots = roots.filter((r) => [...coveredBeforeRender(r)].some((f) => named.has(f)));
      }
      if (!roots.length) return out;
      const displayed = new Map(ctx.files.map((f) => [f.absPath, f.displayPath]));
      const display = (abs: string) => displayed.get(abs) ?? relative(ctx.cwd, abs).split(sep).join('/');
      // A path was made absolute against the config file that wrote it; a bare name is looked up on PATH.
      let renderer = findRenderer(settings.binary, ctx.cwd);
      let why = settings.binary ? `${settings.binary} was not found` : 'neither kubectl nor kustomize is on PATH';
      // An executable of the linted tree is never run, whatever the config says.
      if (renderer && insideLintedTree(renderer.binary, roots.map((r) => r.root))) {
        why = `kustomize.binary ${settings.binary} lies inside the linted tree and is never run`;
        renderer = undefined;
      }
      if (!renderer) {
        if (settings.render === 'always') throw new ConfigError(`kustomize.render is always, but ${why}`);
        out.skipped.push(`not rendered: ${roots.length} kustomization${roots.length > 1 ? 's' : ''} (${why}); their patches are judged only on what they set. Lint one with \`kubectl kustomize <dir> | genai-lint -\``);
        return out;
      }
      const buildable = roots.filter((r) => {
        if (!r.unbuildable) {
          const size = inputBytes(r);
          if (size <= settings.maxInputMB * 2 ** 20) return true;
          out.skipped.push(`not rendered: kustomization ${display(r.file)}: its files hold ${(size / 2 ** 20).toFixed(1)} MB, over kustomize.maxInputMB (${settings.maxInputMB}); they are linted one by one`);
          return false;
        }
        out.skipped.push(`not rendered: kustomization ${display(r.file)}: ${r.unbuildable}; its files are linted one by one`);
        return false;
      });
      const covers = new Map(buildable.map((r) => [r, coveredBeforeRender(r)]));
      const groups = groupsOf(buildable, covers);
      // A variant is named from the directory its group's roots share (`overlays/prod`), a group by that directory.
      const shared = new Map<KustomizeRoot, string>();
      for (const root of buildable) {
        const g = groups.get(root)!;
        for (const k of root.chain) {
          const prior = shared.get(g);
          shared.set(g, prior === undefined ? k.dir : commonDir(prior, k.dir));
        }
      }
      for (const root of buildable) {
        const base = shared.get(groups.get(root)!)!;
        const alone = base === dirname(root.file) || [...groups.values()].filter((g) => g === groups.get(root)).length === 1;
        const variant = alone ? rootLabel(root, ctx.cwd) : relative(base, dirname(root.file)).split(sep).join('/');
        const group = alone ? variant : (relative(ctx.cwd, base).split(sep).join('/') || '.');
        const files = new TreeFiles(root.root);
        const fallback = { file: display(root.file), range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
        out.jobs.push({
          covers: [...covers.get(root)!],
          result: ctx.limit(async () => {
            const built = await renderRoot(root, renderer, settings.timeoutSeconds * 1000, ctx.config.maxFileSizeMB * 2 ** 20);
            if (!built.ok) return { sources: [], notices: [], skipped: [`not rendered: kustomization ${display(root.file)}: ${built.reason}; its files are linted one by one`] };
            const objects = parseRendered(built.text, built.wrapperDir);
            const mapping = kustomizeMapping(root, objects, files);
            const absOf = new Map<string, string>();
            const source: RenderedSource = {
              renderer: 'kustomize',
              group,
              variant,
              text: mapping.text,
              covers: mapping.covers,
              fallback,
              mergeByPlace: true,
              repositoryText: (file) => files.get(absOf.get(file) ?? '')?.text,
              map: (doc, pointer, range) => {
                const place = mapping.place(doc.index, pointer, range);
                const file = display(place.file);
                absOf.set(file, place.file);
                return { file, range: place.range };
              },
            };
            return { sources: [source], notices: [], skipped: [] };
          }),
        });
      }
      return out;
    },
  };
}
