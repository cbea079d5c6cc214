/**
 * Surgical edits of a YAML document for rule fixes: a key set in a mapping,
 * an item appended to a sequence, a scalar replaced. Only the bytes that
 * change are touched: every other line (comments, blank lines, key order,
 * quoting, flow style, anchors, document separators) stays byte-identical,
 * and inserted text follows the indentation, sequence style and line endings
 * of the file around it. An edit that cannot be made with certainty (a path
 * through an alias, a block scalar, a tagged node) is not made: the helpers
 * return undefined and the finding stays without a fix.
 */
import type { YamlDocumentModel, NodeOffsets } from '../parse/yaml.js';
import { joinPointer, splitPointer, valueAtPointer } from '../pointer.js';
import { isRecord } from '../values.js';
import type { TextEdit } from '../types.js';

/** Words YAML 1.1 or 1.2 reads as something other than a string when unquoted. */
const NOT_A_PLAIN_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\.inf|\.nan)|[-+]?[0-9][0-9_.:eExXoObB+-]*|[-+]?\.[0-9].*|<<)$/i;
/** Strings safe to write plain: start and body without indicators, no `: ` or ` #`. */
const PLAIN = /^[A-Za-z0-9_/.$(][A-Za-z0-9_/.$(){}\-=+@,]*(?: [A-Za-z0-9_/.$(){}\-=+@,]+)*$/;

/** A scalar as YAML source: plain when that reads back as the same value, else double-quoted. */
export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (PLAIN.test(s) && !NOT_A_PLAIN_STRING.test(s) && !/[{},]/.test(s)) return s;
  return JSON.stringify(s);
}

/** A value in flow style: `{a: 1, b: [x]}`. */
export function yamlFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([k, v]) => `${yamlScalar(k)}: ${yamlFlow(v)}`).join(', ')}}`;
  return yamlScalar(value);
}

interface Style {
  /** One level of mapping indentation. */
  unit: number;
  /** Block sequences indented under their key (`key:\n  - a`) rather than level with it (`key:\n- a`). */
  indentedSequences: boolean;
  newline: string;
}

/** `key: value` lines of a block mapping entry at `indent` columns. */
function blockEntry(key: string, value: unknown, indent: number, style: Style): string[] {
  const pad = ' '.repeat(indent);
  const k = yamlScalar(key);
  if (isRecord(value) && Object.keys(value).length) {
    return [`${pad}${k}:`, ...Object.entries(value).flatMap(([ck, cv]) => blockEntry(ck, cv, indent + style.unit, style))];
  }
  if (Array.isArray(value) && value.some((v) => isRecord(v) || Array.isArray(v))) {
    const dash = indent + (style.indentedSequences ? style.unit : 0);
    return [`${pad}${k}:`, ...value.flatMap((item) => blockItem(item, dash, style))];
  }
  return [`${pad}${k}: ${yamlFlow(value)}`];
}

/** `- item` lines of a block sequence whose dashes stand at `dash` columns. */
function blockItem(item: unknown, dash: number, style: Style): string[] {
  const pad = ' '.repeat(dash);
  if (isRecord(item) && Object.keys(item).length) {
    const lines = Object.entries(item).flatMap(([k, v]) => blockEntry(k, v, dash + 2, style));
    return [`${pad}- ${lines[0].slice(dash + 2)}`, ...lines.slice(1)];
  }
  if (Array.isArray(item) && item.length) return [`${pad}- ${yamlFlow(item)}`];
  return [`${pad}- ${yamlFlow(item)}`];
}

/** Edits one YAML document of a file; paths are JSON pointers relative to `base` (an object inside the document). */
export class YamlEditor {
  private readonly text: string;
  private styleCache: Style | undefined;

  constructor(
    private readonly doc: YamlDocumentModel,
    private readonly base = '',
  ) {
    this.text = doc.textIndex.text;
  }

  /**
   * Sets the value at `path`: a scalar there is replaced (keeping its
   * quoting style); when the path is missing, its first missing key is
   * inserted into the nearest existing mapping with the rest as a nested
   * block. undefined when the edit is not certain.
   */
  set(path: string, value: unknown): TextEdit[] | undefined {
    const full = this.base + path;
    const existing = this.doc.locations.get(full);
    if (existing) {
      const current = valueAtPointer(this.doc.value, full);
      if (isRecord(current) || Array.isArray(current)) return undefined;
      if (current === null && this.source(existing) === '') return this.fillEmpty(full, value);
      if (isRecord(value) || Array.isArray(value)) return undefined;
      const edit = this.replaceScalar(existing, value);
      return edit ? [edit] : undefined;
    }
    const segments = splitPointer(full);
    for (let n = segments.length - 1; n >= 0; n--) {
      const parent = joinPointer('', ...segments.slice(0, n));
      if (!this.doc.locations.get(parent)) continue;
      // Build the missing keys below the nearest existing node.
      const missing = segments.slice(n);
      if (missing.some((s) => /^\d+$/.test(s))) return undefined;
      let nested: unknown = value;
      for (let i = missing.length - 1; i >= 1; i--) nested = { [missing[i]]: nested };
      return this.insertKey(parent, missing[0], nested);
    }
    return undefined;
  }

  /** Appends `item` to the sequence at `path`, creating the sequence (and its missing parents) when absent. */
  append(path: string, item: unknown): TextEdit[] | undefined {
    const full = this.base + path;
    const offsets = this.doc.locations.get(full);
    if (!offsets) return this.set(path, [item]);
    const current = valueAtPointer(this.doc.value, full);
    if (current === null && this.source(offsets) === '') return this.fillEmpty(full, [item]);
    if (!Array.isArray(current) || !this.plainNode(offsets)) return undefined;
    const items = this.doc.locations.children(full) ?? [];
    if (items.length !== current.length) return undefined;
    const open = this.contentStart(offsets);
    if (this.text[open] === '[') {
      if (!items.length) return [{ start: open + 1, end: offsets[3] - 1, text: yamlFlow(item) }];
      const last = items[items.length - 1].offsets;
      return [{ start: last[3], end: last[3], text: `, ${yamlFlow(item)}` }];
    }
    if (!items.length) return undefined;
    const last = items[items.length - 1].offsets;
    const dashAt = this.dashBefore(items[0].offsets[2]);
    if (dashAt === undefined) return undefined;
    const dashColumn = dashAt - this.lineStart(dashAt);
    const lines = blockItem(item, dashColumn, this.style());
    return [this.insertLinesAfter(last[3], lines)];
  }

  /** Whether the node at `path` (relative to base) exists in the source. */
  has(path: string): boolean {
    return this.doc.locations.get(this.base + path) !== undefined;
  }

  // --- internals ---

  private source(o: NodeOffsets): string {
    return this.text.slice(o[2], o[3]).trim();
  }

  /** Start of a node's content past its anchor (`&name`); undefined for aliases and tagged nodes. */
  private contentStart(o: NodeOffsets): number {
    let i = o[2];
    if (this.text[i] === '&') {
      while (i < o[3] && !/\s/.test(this.text[i])) i++;
      while (i < o[3] && /\s/.test(this.text[i])) i++;
    }
    return i;
  }

  /** A node written in place: not an alias, not tagged. */
  private plainNode(o: NodeOffsets): boolean {
    const c = this.text[this.contentStart(o)];
    return c !== '*' && c !== '!';
  }

  /** Offset where the line holding `offset` starts; scans back over that line only. */
  private lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') i--;
    return i;
  }

  /** Offset where the line holding `offset` ends (before its line break). */
  private lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    return i;
  }

  /** The `-` of the block sequence entry whose content starts at `offset`, if it stands on the same line. */
  private dashBefore(offset: number): number | undefined {
    let i = offset - 1;
    while (i >= 0 && this.text[i] === ' ') i--;
    return this.text[i] === '-' ? i : undefined;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** New lines after the line where `offset` stands, that line itself untouched. */
  private insertLinesAfter(offset: number, lines: string[]): TextEdit {
    const at = this.lineEnd(offset);
    const nl = this.style().newline;
    return { start: at, end: at, text: lines.map((l) => nl + l).join('') };
  }

  /** A key with a null value written as nothing (`securityContext:`): the value goes on the lines below it. */
  private fillEmpty(full: string, value: unknown): TextEdit[] | undefined {
    const o = this.doc.locations.get(full)!;
    if (o[0] < 0) return undefined;
    const keyColumn = this.column(o[0]);
    const key = splitPointer(full).pop()!;
    const lines = blockEntry(key, value, keyColumn, this.style()).slice(1);
    if (!lines.length) return undefined;
    return [this.insertLinesAfter(o[1], lines)];
  }

  private insertKey(parentPath: string, key: string, value: unknown): TextEdit[] | undefined {
    const offsets = this.doc.locations.get(parentPath)!;
    const current = valueAtPointer(this.doc.value, parentPath);
    if (current === null && this.source(offsets) === '') return this.fillEmpty(parentPath, { [key]: value });
    if (!isRecord(current) || !this.plainNode(offsets)) return undefined;
    const children = this.doc.locations.children(parentPath) ?? [];
    const open = this.contentStart(offsets);
    if (this.text[open] === '{') {
      const entry = `${yamlScalar(key)}: ${yamlFlow(value)}`;
      if (!children.length) return [{ start: open + 1, end: offsets[3] - 1, text: entry }];
      const last = children[children.length - 1].offsets;
      return [{ start: last[3], end: last[3], text: `, ${entry}` }];
    }
    // A block mapping: the new entry goes after its last entry, at the column of its keys.
    const keyed = children.filter((c) => c.offsets[0] >= 0);
    if (!keyed.length || keyed.length !== children.length) return undefined;
    const keyColumn = this.column(keyed[0].offsets[0]);
    // Every key of a block mapping starts its own line at the same column (a merge key too).
    if (keyed.some((c) => this.column(c.offsets[0]) !== keyColumn)) return undefined;
    const last = keyed[keyed.length - 1].offsets;
    const end = Math.max(last[1], last[3]);
    return [this.insertLinesAfter(end, blockEntry(key, value, keyColumn, this.style()))];
  }

  private replaceScalar(o: NodeOffsets, value: unknown): TextEdit | undefined {
    const start = o[2];
    const end = o[3];
    const src = this.text.slice(start, end);
    if (!src || /^[|>&*!]/.test(src) || src.includes('\n') || src.includes('\r')) return undefined;
    let text: string;
    if (src.startsWith('"')) text = JSON.stringify(String(value));
    else if (src.startsWith("'")) text = `'${String(value).replace(/'/g, "''")}'`;
    else text = yamlScalar(value);
    return text === src ? undefined : { start, end, text };
  }

  /** The document's indentation unit, sequence style and line break, as its own lines show them. */
  private style(): Style {
    if (this.styleCache) return this.styleCache;
    const units = new Map<number, number>();
    let indented = 0;
    let level = 0;
    for (const o of this.doc.locations.values()) {
      if (o[0] < 0) continue;
      const keyColumn = this.column(o[0]);
      const start = o[2];
      // The first child line of a block value: its key or dash column against this key's.
      if (this.lineStart(start) === this.lineStart(o[0])) continue;
      const childColumn = this.column(start);
      if (this.text[start] === '-' && /\s/.test(this.text[start + 1] ?? '')) {
        // A block sequence under the key: its first dash's column against the key's.
        const dash = childColumn;
        if (dash > keyColumn) indented++;
        else if (dash === keyColumn) level++;
      } else if (childColumn > keyColumn) {
        const unit = childColumn - keyColumn;
        units.set(unit, (units.get(unit) ?? 0) + 1);
      }
    }
    let unit = 2;
    let best = 0;
    for (const [u, n] of units) if (n > best || (n === best && u < unit)) [unit, best] = [u, n];
    // The file's line break, from its first line (not a scan of the whole text for every object).
    const firstBreak = this.text.indexOf('\n');
    const crlf = firstBreak > 0 && this.text[firstBreak - 1] === '\r';
    this.styleCache = { unit, indentedSequences: indented >= level, newline: crlf ? '\r\n' : '\n' };
    return this.styleCache;
  }
}
