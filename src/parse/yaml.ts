import { createRequire } from 'node:module';
import type { Document, Node as YamlNode, ParsedNode } from 'yaml';

let yamlLibrary: typeof import('yaml') | undefined;

/** The yaml package is loaded on first use: runs without YAML never pay for it. */
function yamlLib(): typeof import('yaml') {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLibrary;
}
import { TextIndex } from '../text.js';
import type { SourceRange } from '../types.js';

/** Where a node sits in the source: its key (for map entries) and its value. */
export interface NodeLocation {
  key: SourceRange | undefined;
  value: SourceRange;
  /** From the key (or the item start) to the end of the value. */
  span: SourceRange;
}

/** Offsets of a node: [keyStart, keyEnd, valueStart, valueEnd]; key offsets are -1 for sequence items. */
export type NodeOffsets = readonly [number, number, number, number];

/** The positions of a node, computed from its offsets when asked for. */
export function nodeLocation(doc: YamlDocumentModel, offsets: NodeOffsets): NodeLocation {
  const [ks, ke, vs, ve] = offsets;
  const value = rangeFromOffsets(doc.textIndex, vs, ve);
  const key = ks >= 0 ? rangeFromOffsets(doc.textIndex, ks, ke) : undefined;
  return { key, value, span: key ? { start: key.start, end: value.end } : value };
}

export interface YamlProblem {
  message: string;
  range: SourceRange;
  code: string;
}

export interface YamlDocumentModel {
  /** 0-based position of the document in its file. */
  index: number;
  value: unknown;
  /** JSON-pointer path (e.g. /spec/template/spec/containers/0/resources) to its source offsets. */
  locations: Map<string, NodeOffsets>;
  range: SourceRange;
  /** Problems that make the document unusable. */
  errors: YamlProblem[];
  /** Problems that change meaning but leave the document usable (duplicate keys). */
  warnings: YamlProblem[];
  /** The template path from a `# Source: chart/templates/x.yaml` comment (Helm output). */
  source: string | undefined;
  /** First line of the document's content (after `---` and leading comments). */
  contentLine: number;
  /** Positions of the whole file the document belongs to. */
  textIndex: TextIndex;
}

/** The `# Source:` comment (helm template output) and the first content line of a document. */
function documentHead(index: TextIndex, from: number, to: number): { source: string | undefined; contentLine: number } {
  let source: string | undefined;
  for (let line = from; line <= Math.min(to, index.lineCount); line++) {
    const t = index.lineText(line).trim();
    const m = /^#\s*Source:\s*(\S+)/.exec(t);
    if (m) source = m[1];
    else if (t && !t.startsWith('#') && t !== '---' && !t.startsWith('%')) return { source, contentLine: line };
  }
  return { source, contentLine: from };
}

export interface YamlFileModel {
  kind: 'yaml';
  text: string;
  index: TextIndex;
  documents: YamlDocumentModel[];
}

/** Escapes one segment of a JSON pointer (RFC 6901): `nvidia.com/gpu` -> `nvidia.com~1gpu`. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** Upper bound of alias expansions per document: stops "billion laughs" inputs. */
const MAX_ALIAS_COUNT = 1000;

let envSnapshot: NodeJS.ProcessEnv | undefined;

/**
 * Runs `fn` with `process.env` replaced by a plain copy of it. The yaml
 * package reads `process.env.LOG_TOKENS` for every token it parses; on Node,
 * each read of the real `process.env` is a call into the runtime that takes a
 * process-wide lock, which doubles parse time on one thread and makes worker
 * threads wait for each other. A plain object answers the same reads at
 * property-lookup speed. The copy is taken once per process (the variables
 * the parser reads are debugging switches set before a run starts).
 */
export function withPlainEnv<T>(fn: () => T): T {
  const real = process.env;
  envSnapshot ??= { ...real };
  process.env = envSnapshot;
  try {
    return fn();
  } finally {
    process.env = real;
  }
}

export function parseYaml(text: string): YamlFileModel {
  const index = new TextIndex(text);
  return withPlainEnv(() => {
    const docs = yamlLib().parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: false });
    const list = Array.isArray(docs) ? docs : [];
    const documents: YamlDocumentModel[] = [];
    list.forEach((doc, i) => documents.push(buildDocument(doc as Document.Parsed, i, index)));
    return { kind: 'yaml' as const, text, index, documents };
  });
}

function rangeFromOffsets(index: TextIndex, start: number, end: number): SourceRange {
  return index.rangeOf(start, end > start ? end : start + 1);
}

function buildDocument(doc: Document.Parsed, docIndex: number, index: TextIndex): YamlDocumentModel {
  const errors: YamlProblem[] = [];
  const warnings: YamlProblem[] = [];
  for (const e of doc.errors) {
    const problem = { message: cleanMessage(e.message), code: e.code, range: rangeFromOffsets(index, e.pos[0], e.pos[1]) };
    if (e.code === 'DUPLICATE_KEY') {
      const message = duplicateKeyMessage(doc, e.pos[0], index);
      const key = /`([^`]+)`/.exec(message)?.[1];
      const range = key ? rangeFromOffsets(index, e.pos[0], e.pos[0] + key.length) : problem.range;
      warnings.push({ ...problem, message, range });
    }
    else errors.push(problem);
  }
  const docRange = doc.range ? rangeFromOffsets(index, doc.range[0], doc.range[1]) : rangeFromOffsets(index, 0, 0);
  const locations = new Map<string, NodeOffsets>();
  let value: unknown = undefined;
  if (errors.length === 0) {
    if (doc.contents) collectLocations(doc.contents as YamlNode, '', NO_KEY, locations, index.text, 0);
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      errors.push({
        message: `cannot expand the document: ${(err as Error).message}`,
        code: 'ALIAS_LIMIT',
        range: docRange,
      });
    }
  }
  const head = documentHead(index, docRange.start.line, docRange.end.line);
  return { index: docIndex, value, locations, range: docRange, errors, warnings, source: head.source, contentLine: head.contentLine, textIndex: index };
}

function cleanMessage(msg: string): string {
  return msg.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function duplicateKeyMessage(doc: Document.Parsed, offset: number, index: TextIndex): string {
  const line = index.lineText(index.positionAt(offset).line).trim();
  const key = /^-?\s*([^:#]+?)\s*:/.exec(line)?.[1];
  void doc;
  return key
    ? `duplicate key \`${key}\`: only one of the values takes effect`
    : 'duplicate key in mapping: only one of the values takes effect';
}

const MAX_DEPTH = 512;

/** Node ranges include the line break after a block node; positions stop at its last character. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(text[e - 1])) e--;
  return e;
}

function collectLocations(
  node: YamlNode,
  path: string,
  key: readonly [number, number],
  out: Map<string, NodeOffsets>,
  text: string,
  depth: number,
): void {
  const r = (node as ParsedNode).range;
  const vs = r ? r[0] : 0;
  const ve = r ? trimEnd(text, r[0], r[1]) : 0;
  out.set(path, [key[0], key[1], vs, ve]);
  if (depth > MAX_DEPTH) return;
  const { isMap, isSeq, isScalar, isPair, isAlias } = yamlLib();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const keyText = isScalar(k) ? String(k.value) : k ? String(k) : '';
      const kr = k && (k as ParsedNode).range ? ([(k as ParsedNode).range[0], (k as ParsedNode).range[1]] as const) : NO_KEY;
      const childPath = path + '/' + pointerSegment(keyText);
      const v = pair.value as YamlNode | null;
      if (v && !isAlias(v)) collectLocations(v, childPath, kr, out, text, depth + 1);
      else if (kr !== NO_KEY) {
        const vr = v && (v as ParsedNode).range ? (v as ParsedNode).range : [kr[0], kr[1]];
        out.set(childPath, [kr[0], kr[1], vr[0], vr[1]]);
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const childPath = path + '/' + i;
      if (item && !isAlias(item)) collectLocations(item as YamlNode, childPath, NO_KEY, out, text, depth + 1);
      else if (item && (item as ParsedNode).range) {
        const ir = (item as ParsedNode).range;
        out.set(childPath, [-1, -1, ir[0], ir[1]]);
      }
    });
  }
}

const NO_KEY = [-1, -1] as const;

/**
 * The location of `path` in a document; when the node does not exist, the
 * location of its nearest existing ancestor (the object that should hold it).
 */
export function locate(doc: YamlDocumentModel, path: string): { location: NodeLocation; exact: boolean } {
  let p = path;
  for (;;) {
    const offsets = doc.locations.get(p);
    if (offsets) return { location: nodeLocation(doc, offsets), exact: p === path };
    if (p === '') break;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return { location: { key: undefined, value: doc.range, span: doc.range }, exact: false };
}

/** Walks every string scalar of a plain value with its JSON-pointer path. */
export function forEachString(value: unknown, visit: (s: string, path: string) => void, path = '', depth = 0): void {
  if (depth > 256) return;
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, visit, `${path}/${i}`, depth + 1));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) forEachString(v, visit, `${path}/${pointerSegment(k)}`, depth + 1);
  }
}
