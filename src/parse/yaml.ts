import { createRequire } from 'node:module';
import type { Document, Node as YamlNode, ParsedNode } from 'yaml';

let yamlLibrary: typeof import('yaml') | undefined;

/** The yaml package is loaded on first use: runs without YAML never pay for it. */
export function yamlLib(): typeof import('yaml') {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLibrary;
}
import { codeOfLine } from './yaml-lines.js';
import type { LineScan } from './yaml-lines.js';
import { TextIndex } from '../text.js';
import { pointerSegment, unescapeSegment } from '../pointer.js';
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
  /** Source offsets of every node, found by JSON-pointer path (e.g. /spec/template/spec/containers/0/resources). */
  locations: NodeTable;
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
  const model = parseYamlText(withoutCustomResourceDefinitions(text));
  if (!model.documents.some((d) => d.errors.length)) return model;
  // go-yaml (kubectl) accepts quoted scalars whose continuation lines are indented less than
  // their key; the yaml package does not. Read such files as kubectl does.
  const relaxed = indentQuotedContinuations(text);
  if (relaxed === undefined) return model;
  const retry = parseYamlText(relaxed);
  return retry.documents.some((d) => d.errors.length) ? model : retry;
}

/**
 * The text with the spec and status of every top-level CustomResourceDefinition
 * document blanked, line for line: no rule reads a CRD's schemas, and they are
 * most of the YAML in operator repositories (megabytes per file). Lines and
 * the documents around them keep their positions. One pass over the lines.
 */
export function withoutCustomResourceDefinitions(text: string): string {
  if (!text.includes('CustomResourceDefinition')) return text;
  const lines = text.split('\n');
  let changed = false;
  let start = 0;
  const flush = (end: number) => {
    let kind = false;
    let group = false;
    for (let i = start; i < end; i++) {
      const l = lines[i];
      if (l.startsWith('kind:') && /^kind:\s*["']?CustomResourceDefinition["']?\s*$/.test(l)) kind = true;
      else if (l.startsWith('apiVersion:') && /^apiVersion:\s*["']?apiextensions\.k8s\.io\//.test(l)) group = true;
    }
    if (!kind || !group) return;
    // The header (apiVersion, kind, metadata) stays, so rules about the object itself (a removed
    // apiextensions version) still see it; the spec and status, the schemas, are blanked.
    let body = false;
    for (let i = start; i < end; i++) {
      if (!body && /^(spec|status):/.test(lines[i])) body = true;
      if (body) lines[i] = lines[i].endsWith('\r') ? '\r' : '';
    }
    changed = true;
  };
  for (let i = 0; i < lines.length; i++) {
    if (/^(---|\.\.\.)(\s|$)/.test(lines[i])) {
      flush(i);
      start = i + 1;
    }
  }
  flush(lines.length);
  return changed ? lines.join('\n') : text;
}

function parseYamlText(text: string): YamlFileModel {
  const index = new TextIndex(text);
  return withPlainEnv(() => {
    // Duplicate keys are found while the node table is built (the parser's own check compares every pair of keys).
    // Merge keys (`<<: *anchor`, YAML 1.1) are honoured, as kubectl and Compose honour them.
    const docs = yamlLib().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error', merge: true });
    const list = Array.isArray(docs) ? docs : [];
    const documents: YamlDocumentModel[] = [];
    list.forEach((doc, i) => documents.push(buildDocument(doc as Document.Parsed, i, index)));
    return { kind: 'yaml' as const, text, index, documents };
  });
}

/** The column where a line's node starts: its indentation plus any `- ` sequence-entry prefixes. */
function nodeIndent(line: string): number {
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && line[i + 1] === ' ') i += 2;
    else return i;
  }
}

/**
 * The text with each continuation line of a multi-line quoted scalar indented
 * one column deeper than the line the scalar starts on, when it was not: the
 * value is the same (folding drops leading spaces), line numbers are the
 * same, and only columns inside the scalar move. undefined when no line
 * needed it. One pass over the lines.
 */
export function indentQuotedContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  const scan: LineScan = { quote: '' };
  let minIndent = 0;
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    if (scan.quote) {
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent < minIndent) {
        line = ' '.repeat(minIndent - indent) + line;
        lines[n] = line;
        changed = true;
      }
    }
    codeOfLine(line, scan, () => {
      minIndent = nodeIndent(line) + 1;
    });
  }
  return changed ? lines.join('\n') : undefined;
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
  let locations = NodeTable.EMPTY;
  let value: unknown = undefined;
  if (errors.length === 0) {
    if (doc.contents) {
      const builder = new NodeTableBuilder(index.text);
      builder.add(doc.contents as YamlNode, '', NO_KEY, 0);
      locations = builder.build();
      for (const [start, end] of builder.duplicates) {
        warnings.push({ message: duplicateKeyMessage(doc, start, index), code: 'DUPLICATE_KEY', range: rangeFromOffsets(index, start, end) });
      }
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (expandedSize(value) > MAX_EXPANDED_SIZE) {
        value = undefined;
        errors.push({
          message: `cannot expand the document: its aliases expand to more than ${MAX_EXPANDED_SIZE / 1e6} million nodes and characters`,
          code: 'ALIAS_LIMIT',
          range: docRange,
        });
      }
    } catch (err) {
      errors.push({
        message: `cannot expand the document: ${cleanMessage((err as Error).message)}`,
        code: 'ALIAS_LIMIT',
        range: docRange,
      });
    }
  }
  const head = documentHead(index, docRange.start.line, docRange.end.line);
  return { index: docIndex, value, locations, range: docRange, errors, warnings, source: head.source, contentLine: head.contentLine, textIndex: index };
}

/**
 * The parser's words without the source text it quotes after a colon
 * (`Block scalar header includes extra characters: |hf_...`): the finding's
 * position shows where, and quoted source could be a secret.
 */
function cleanMessage(msg: string): string {
  const first = msg.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const colon = first.indexOf(': ');
  return colon > 0 ? first.slice(0, colon) : first;
}

/**
 * The key written before the first `:` of a line (after a `- ` item marker),
 * or undefined when a `#` or nothing comes first. What `^-?\s*([^:#]+?)\s*:`
 * captures, found by one scan: the regex splits a run of blanks between its
 * three blank-matching parts in every way before failing, cubic in the run.
 */
export function keyBeforeColon(line: string): string | undefined {
  const end = line.search(/[:#]/);
  if (end < 0 || line[end] === '#') return undefined;
  // `-:` is the key `-`: the item marker only counts when something follows it.
  const segment = line.slice(line[0] === '-' && end > 1 ? 1 : 0, end);
  if (!segment) return undefined;
  // All blanks: the last blank is the key, as the lazy group takes one character.
  return segment.trim() || segment[segment.length - 1];
}

function duplicateKeyMessage(doc: Document.Parsed, offset: number, index: TextIndex): string {
  const line = index.lineText(index.positionAt(offset).line).trim();
  const key = keyBeforeColon(line);
  void doc;
  return key
    ? `duplicate key \`${key}\`: only one of the values takes effect`
    : 'duplicate key in mapping: only one of the values takes effect';
}

const MAX_DEPTH = 512;

/**
 * Upper bound of a document's size once its aliases are expanded (nodes
 * plus string characters). The alias count alone lets a few hundred aliases
 * of aliases stand for gigabytes that rules walking the value would visit.
 */
export const MAX_EXPANDED_SIZE = 32_000_000;

/** Nodes plus characters of a parsed value as if every alias were copied; shared parts are measured once. */
export function expandedSize(value: unknown): number {
  const memo = new Map<object, number>();
  const size = (v: unknown, depth: number): number => {
    if (typeof v === 'string') return 1 + v.length;
    if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, 1); // a value that contains itself counts once
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child, depth + 1);
      if (n > MAX_EXPANDED_SIZE) break;
    }
    memo.set(v, n);
    return n;
  };
  return size(value, 0);
}

/** Node ranges include the line break after a block node; positions stop at its last character. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(text[e - 1])) e--;
  return e;
}

/**
 * Key names shared by all documents of a run: Kubernetes manifests use a small
 * vocabulary (name, image, resources...), so each name is held once.
 */
const KEY_NAMES = new Map<string, string>();
const MAX_KEY_NAMES = 50_000;

function keyName(key: string): string {
  const known = KEY_NAMES.get(key);
  if (known !== undefined) return known;
  if (KEY_NAMES.size < MAX_KEY_NAMES) KEY_NAMES.set(key, key);
  return key;
}

/**
 * The source offsets of a document's nodes, in a compact form: nodes in
 * depth-first order, each with its key (map key, or item index), the size of
 * its subtree and its offsets, in typed arrays. A path is found by walking
 * its segments from the root; a document of a hundred nodes costs a few
 * kilobytes instead of a map of full path strings.
 */
export class NodeTable {
  static readonly EMPTY = new NodeTable([], new Int32Array(0), new Int32Array(0));

  constructor(
    private readonly keys: readonly string[],
    /** Subtree size (the node included) per node. */
    private readonly sizes: Int32Array,
    /** keyStart, keyEnd, valueStart, valueEnd per node. */
    private readonly offsets: Int32Array,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  private at(node: number): NodeOffsets {
    const o = this.offsets;
    const i = node * 4;
    return [o[i], o[i + 1], o[i + 2], o[i + 3]];
  }

  /**
   * The node at `path`, or the nearest existing ancestor of it (`exact`
   * false); undefined for a document without nodes. When a map repeats a key,
   * the last one wins, as in the parsed value.
   */
  find(path: string): { offsets: NodeOffsets; exact: boolean } | undefined {
    if (!this.keys.length) return undefined;
    let node = 0;
    let from = 1;
    while (from <= path.length && path !== '') {
      const slash = path.indexOf('/', from);
      const raw = path.slice(from, slash < 0 ? path.length : slash);
      const segment = raw.includes('~') ? unescapeSegment(raw) : raw;
      let match = -1;
      const end = node + this.sizes[node];
      for (let child = node + 1; child < end; child += this.sizes[child]) {
        if (this.keys[child] === segment) match = child;
      }
      if (match < 0) return { offsets: this.at(node), exact: false };
      node = match;
      if (slash < 0) break;
      from = slash + 1;
    }
    return { offsets: this.at(node), exact: true };
  }

  /** The offsets of the node at exactly `path`. */
  get(path: string): NodeOffsets | undefined {
    const found = this.find(path);
    return found?.exact ? found.offsets : undefined;
  }

  /**
   * The JSON pointer of the node a position in the text is about (the
   * reverse of `find`): the first node, from the root down, whose key or
   * value starts at `offset`, else the deepest node that holds it. A list
   * item and its first key start at the same place: the item is meant.
   */
  pathAt(offset: number): string | undefined {
    if (!this.keys.length) return undefined;
    const o = this.offsets;
    const holds = (n: number) => {
      const start = o[n * 4] >= 0 ? o[n * 4] : o[n * 4 + 2];
      return start <= offset && offset <= Math.max(o[n * 4 + 3], o[n * 4 + 1]);
    };
    if (!holds(0)) return undefined;
    let node = 0;
    let path = '';
    for (;;) {
      const end = node + this.sizes[node];
      let next = -1;
      for (let child = node + 1; child < end; child += this.sizes[child]) if (holds(child)) next = child;
      if (next < 0) return path;
      if (node > 0 && (o[node * 4] === offset || o[node * 4 + 2] === offset)) return path;
      node = next;
      path += '/' + pointerSegment(this.keys[node]);
    }
  }

  /** The keys (map keys, or item indexes) and offsets of the children of the node at exactly `path`, in source order. */
  children(path: string): { key: string; offsets: NodeOffsets }[] | undefined {
    const found = this.find(path);
    if (!found?.exact) return undefined;
    // find() returns copies of the offsets: walk again to the node's index.
    let node = 0;
    for (const raw of path === '' ? [] : path.slice(1).split('/')) {
      const segment = raw.includes('~') ? unescapeSegment(raw) : raw;
      let match = -1;
      const end = node + this.sizes[node];
      for (let child = node + 1; child < end; child += this.sizes[child]) if (this.keys[child] === segment) match = child;
      node = match;
    }
    const out: { key: string; offsets: NodeOffsets }[] = [];
    const end = node + this.sizes[node];
    for (let child = node + 1; child < end; child += this.sizes[child]) out.push({ key: this.keys[child], offsets: this.at(child) });
    return out;
  }

  /** The offsets of every node. */
  *values(): Generator<NodeOffsets> {
    for (let node = 0; node < this.keys.length; node++) yield this.at(node);
  }
}

/** Collects a NodeTable in one depth-first walk of the YAML nodes. */
class NodeTableBuilder {
  /** Offsets [start, end] of keys repeated in their mapping. */
  readonly duplicates: [number, number][] = [];
  private readonly keys: string[] = [];
  private readonly sizes: number[] = [];
  private readonly offsets: number[] = [];

  constructor(private readonly text: string) {}

  private open(key: string, ks: number, ke: number, vs: number, ve: number): number {
    this.keys.push(key);
    this.sizes.push(1);
    this.offsets.push(ks, ke, vs, ve);
    return this.keys.length - 1;
  }

  private close(node: number): void {
    this.sizes[node] = this.keys.length - node;
  }

  add(node: YamlNode, key: string, keyRange: readonly [number, number], depth: number): void {
    const r = (node as ParsedNode).range;
    const vs = r ? r[0] : 0;
    const ve = r ? trimEnd(this.text, r[0], r[1]) : 0;
    const self = this.open(key, keyRange[0], keyRange[1], vs, ve);
    if (depth <= MAX_DEPTH) {
      const { isMap, isSeq, isScalar, isPair, isAlias } = yamlLib();
      if (isMap(node)) {
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const k = pair.key as YamlNode | null;
          // The parser's rule: scalar keys with the same value (1 and "1" differ).
          if (isScalar(k) && k.range) {
            if (seen.has(k.value)) this.duplicates.push([k.range[0], k.range[1]]);
            else seen.add(k.value);
          }
          const keyText = keyName(isScalar(k) ? String(k.value) : k ? String(k) : '');
          const kr = k && (k as ParsedNode).range ? ([(k as ParsedNode).range[0], (k as ParsedNode).range[1]] as const) : NO_KEY;
          const v = pair.value as YamlNode | null;
          if (v && !isAlias(v)) this.add(v, keyText, kr, depth + 1);
          else if (kr !== NO_KEY) {
            const vr = v && (v as ParsedNode).range ? (v as ParsedNode).range : [kr[0], kr[1]];
            this.close(this.open(keyText, kr[0], kr[1], vr[0], vr[1]));
          }
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const name = keyName(String(i));
          if (item && !isAlias(item)) this.add(item as YamlNode, name, NO_KEY, depth + 1);
          else if (item && (item as ParsedNode).range) {
            const ir = (item as ParsedNode).range;
            this.close(this.open(name, -1, -1, ir[0], ir[1]));
          }
        });
      }
    }
    this.close(self);
  }

  build(): NodeTable {
    return this.keys.length ? new NodeTable(this.keys, Int32Array.from(this.sizes), Int32Array.from(this.offsets)) : NodeTable.EMPTY;
  }
}

const NO_KEY = [-1, -1] as const;

/**
 * The location of `path` in a document; when the node does not exist, the
 * location of its nearest existing ancestor (the object that should hold it).
 */
export function locate(doc: YamlDocumentModel, path: string): { location: NodeLocation; exact: boolean } {
  const found = doc.locations.find(path);
  if (found) return { location: nodeLocation(doc, found.offsets), exact: found.exact };
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
