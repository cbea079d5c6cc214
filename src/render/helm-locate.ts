/**
 * Finding a rendered node's line in the Helm template that wrote it, without
 * running the template: the template is read as YAML-shaped lines (keys,
 * sequence items, template directives), and a JSON pointer of the rendered
 * document is followed key by key through them. A key written in the template
 * is found where it is written; a part produced by an expression (`toYaml`,
 * `include`, a `range` over values) is not in the template, and the walk
 * stops at the written key whose value the expression fills.
 */
import { unescapeSegment } from '../pointer.js';
import type { SourceRange } from '../types.js';

interface TemplateLine {
  /** 0-based column where the YAML content of the line starts (after indentation). */
  indent: number;
  /** Column of the mapping key on the line, after any `- ` markers; -1 when there is none. */
  keyCol: number;
  key: string | undefined;
  /** Column of the first `- ` marker, -1 when the line is not a sequence item. */
  dashCol: number;
  /** A line of template directives only (`{{- if ... }}`, `{{- toYaml . | nindent 8 }}`). */
  directive: boolean;
  /** Blank or comment: no YAML, no directive. */
  empty: boolean;
  text: string;
}

const KEY = /^((?:-\s+)*)(?:"([^"{}]+)"|'([^'{}]+)'|([^\s"'{}#:\-?][^:#{}]*?|-[^\s:#{}][^:#{}]*?))\s*:(?:\s|$)/;

function readLine(text: string): TemplateLine {
  const trimmed = text.trimStart();
  const indent = text.length - trimmed.length;
  const base = { indent, keyCol: -1, key: undefined, dashCol: -1, directive: false, empty: false, text };
  if (!trimmed || trimmed.startsWith('#')) return { ...base, empty: true };
  if (trimmed.startsWith('{{')) {
    // Directives only: every `{{ ... }}` pair, nothing between them.
    if (/^(?:\{\{[^]*?\}\}\s*)+$/.test(trimmed)) return { ...base, directive: true };
  }
  const m = KEY.exec(trimmed);
  const dashes = /^(-\s+)+/.exec(trimmed);
  const dashCol = dashes ? indent : -1;
  if (m) {
    const key = (m[2] ?? m[3] ?? m[4]).trim();
    return { ...base, keyCol: indent + m[1].length, key, dashCol };
  }
  return { ...base, dashCol };
}

/** The column the YAML content of a line starts at, for block boundaries. */
function contentCol(l: TemplateLine): number {
  return l.dashCol >= 0 ? l.dashCol : l.keyCol >= 0 ? l.keyCol : l.indent;
}

export interface TemplateHit {
  /** 1-based line of the template. */
  line: number;
  range: SourceRange;
  /** Whether the whole pointer was found; otherwise `line` holds the written key whose value an expression fills. */
  exact: boolean;
  /** The pointer segments the template does not write (below the line found). */
  rest: string[];
  /** `.Values` paths the line's value takes (dotted, `image.tag`). */
  values: string[][];
}

/** Template functions whose result is made at install time, not written in the chart. */
const GENERATOR = /\b(?:randAlphaNum|randAlpha|randNumeric|randAscii|randBytes|randInt|uuidv4|genPrivateKey|genCA|genCAWithKey|genSelfSignedCert|genSelfSignedCertWithKey|genSignedCert|genSignedCertWithKey|derivePassword|lookup)\b/;

/** One template, parsed into lines once and queried by pointer. */
export class TemplateLocator {
  private readonly lines: TemplateLine[];

  /** Template variables (`$pw`) assigned from a function that makes a value at install time. */
  private readonly generatedVars: Set<string>;

  constructor(text: string) {
    this.lines = text.split(/\r?\n/).map(readLine);
    this.generatedVars = new Set();
    for (const m of text.matchAll(/\{\{-?\s*\$(\w+)\s*:?=([^}]*)\}\}/g)) if (GENERATOR.test(m[2])) this.generatedVars.add(m[1]);
  }

  /**
   * Whether the value a key line writes is made when the chart is installed
   * (`randAlphaNum 32`, `genPrivateKey`, a `lookup` of the live cluster, or a
   * variable assigned from one): what the render shows is not in the
   * repository and differs on every install.
   */
  generatedValue(line: number): boolean {
    const text = this.valueRange(line)?.text;
    if (!text || !text.includes('{{')) return false;
    return this.generatedText(text);
  }

  private generatedText(text: string): boolean {
    return GENERATOR.test(text) || [...text.matchAll(/\$(\w+)/g)].some((m) => this.generatedVars.has(m[1]));
  }

  /**
   * Whether the lines [from, to) write a key an expression names
   * (`{{ .Values.key }}: ...`) with a value made at install time: a rendered
   * node the walk cannot reach by its key may be that one.
   */
  generatedUnderComputedKey(doc: { from: number; to: number }): boolean {
    for (let i = doc.from; i < doc.to && i < this.lines.length; i++) {
      const m = /^\s*(?:-\s+)?\{\{[^}]*\}\}\s*:\s+(.*)$/.exec(this.lines[i].text);
      if (m && m[1].includes('{{') && this.generatedText(m[1])) return true;
    }
    return false;
  }

  /**
   * The lines [from, to) of the template's document that writes an object:
   * the one whose top-level `kind:` is that kind (by its literal
   * `metadata.name`, else by its place among the rendered objects of that
   * kind, `ordinal`, when several are). A template of one document holds it
   * whatever its kind line says.
   */
  documentOf(kind: string, name: string | undefined, ordinal: number): { from: number; to: number } | undefined {
    const docs: { from: number; to: number }[] = [];
    let from = 0;
    this.lines.forEach((l, i) => {
      if (/^---(\s|$)/.test(l.text)) {
        docs.push({ from, to: i });
        from = i + 1;
      }
    });
    docs.push({ from, to: this.lines.length });
    const candidates = docs.filter((d) => this.topValue(d, 'kind') === kind);
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      const byName = name === undefined ? [] : candidates.filter((d) => this.metadataName(d) === name);
      if (byName.length === 1) return byName[0];
      return candidates[ordinal];
    }
    // Else the one document whose kind is not a literal (templated, or written by an include).
    const loose = docs.filter((d) => this.hasYaml(d) && !this.topValue(d, 'kind'));
    return loose.length === 1 ? loose[0] : undefined;
  }

  /** The `kind:` line of a document, else a directive line that includes a named template of that kind (`include "x.deployment"`). */
  kindLine(doc: { from: number; to: number } | undefined, kind: string): SourceRange | undefined {
    // Without its document, only an include can be told apart: a `kind:` line may be another object's.
    const { from, to } = doc ?? { from: 0, to: this.lines.length };
    for (let i = from; doc && i < to; i++) {
      const l = this.lines[i];
      if (l.key === 'kind' && l.keyCol === 0 && l.dashCol < 0) return lineRange(i, 0, 4);
    }
    const lower = kind.toLowerCase();
    for (let i = from; i < to; i++) {
      const l = this.lines[i];
      const m = /\b(?:include|template)\s+"([^"]+)"/.exec(l.text);
      if (m && m[1].toLowerCase().split(/[.\-_/]/).includes(lower)) return lineRange(i, l.indent, l.text.trimEnd().length - l.indent);
    }
    return undefined;
  }

  /** The literal value of a top-level key of a document. */
  private topValue(doc: { from: number; to: number }, key: string): string | undefined {
    for (let i = doc.from; i < doc.to; i++) {
      const l = this.lines[i];
      if (l.key === key && l.keyCol === 0 && l.dashCol < 0) {
        const v = this.valueRange(i + 1)?.text;
        return v === undefined || v.includes('{{') ? '' : v.replace(/^["']|["']$/g, '');
      }
    }
    return undefined;
  }

  /** The literal `metadata.name` of a document, if written. */
  private metadataName(doc: { from: number; to: number }): string | undefined {
    const meta = this.findKey(doc.from, doc.to, -1, 'metadata', undefined);
    if (!meta) return undefined;
    const end = this.blockEnd(meta.index, 0, false);
    const name = this.findKey(meta.index + 1, end, 0, 'name', undefined);
    const v = name ? this.valueRange(name.index + 1)?.text : undefined;
    return v === undefined || v.includes('{{') ? undefined : v.replace(/^["']|["']$/g, '');
  }

  private hasYaml(doc: { from: number; to: number }): boolean {
    for (let i = doc.from; i < doc.to; i++) if (this.lines[i].keyCol >= 0) return true;
    return false;
  }

  /**
   * Follows `pointer` (of a rendered object, from its document root) through
   * the template. `named` gives the `name` of rendered sequence items by
   * their pointer, to tell list items of the template apart.
   */
  find(doc: { from: number; to: number }, pointer: string, named: (itemPointer: string) => string | undefined): TemplateHit | undefined {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeSegment);
    // The scope: lines [from, to) and the column its children must be deeper than.
    let from = doc.from;
    let to = doc.to;
    let parentCol = -1;
    let found: { index: number; col: number; len: number } | undefined;
    let item: number | undefined; // dash line of the item whose first key shares its line
    let depth = 0;
    let itemPointer = '';
    for (; depth < segments.length; depth++) {
      const seg = segments[depth];
      const isIndex = /^\d+$/.test(seg);
      let next: { index: number; col: number; len: number } | undefined;
      if (isIndex) next = this.findItem(from, to, parentCol, Number(seg), named(`${itemPointer}/${seg}`));
      else next = this.findKey(from, to, parentCol, seg, item);
      if (!next) break;
      itemPointer += `/${seg.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      found = next;
      const l = this.lines[next.index];
      if (isIndex) {
        item = next.index;
        from = next.index;
        parentCol = l.dashCol;
      } else {
        item = undefined;
        from = next.index + 1;
        parentCol = l.keyCol;
      }
      to = this.blockEnd(next.index, parentCol, isIndex);
    }
    if (!found) return undefined;
    const rest = segments.slice(depth);
    const l = this.lines[found.index];
    if (rest.length && !this.filledByExpression(found.index, to)) return undefined;
    return {
      line: found.index + 1,
      range: lineRange(found.index, found.col, found.len),
      exact: rest.length === 0,
      rest,
      values: this.valuesOf(found.index, to, l),
    };
  }

  /** The value range of a key line found by `find` (after `key:`), if the value is on the same line. */
  valueRange(line: number): { range: SourceRange; text: string } | undefined {
    const l = this.lines[line - 1];
    if (!l || l.keyCol < 0) return undefined;
    const after = l.text.indexOf(':', l.keyCol + (l.key?.length ?? 0));
    if (after < 0) return undefined;
    const rest = l.text.slice(after + 1);
    const start = after + 1 + (rest.length - rest.trimStart().length);
    const text = l.text.slice(start).replace(/\s+#.*$/, '').trimEnd();
    if (!text) return undefined;
    return { range: { start: { line, column: start + 1 }, end: { line, column: start + 1 + text.length } }, text };
  }

  /** The end (exclusive) of the block a line opens: the next YAML line at its column or shallower. */
  private blockEnd(index: number, col: number, isItem: boolean): number {
    for (let i = index + 1; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.empty || l.directive) continue;
      const c = contentCol(l);
      if (c < col) return i;
      if (c === col) {
        // A sequence item at its key's column belongs to the key's value (`key:\n- a`); a sibling item ends an item.
        if (!isItem && l.dashCol === col && this.lines[index].keyCol === col && !this.hasKeyBetween(index, i, col)) continue;
        return i;
      }
    }
    return this.lines.length;
  }

  private hasKeyBetween(from: number, to: number, col: number): boolean {
    for (let i = from + 1; i < to; i++) {
      const l = this.lines[i];
      if (!l.empty && !l.directive && l.dashCol < 0 && l.keyCol === col) return true;
    }
    return false;
  }

  /** The key `name` directly inside the scope: at the shallowest key column deeper than the parent. */
  private findKey(from: number, to: number, parentCol: number, name: string, item: number | undefined): { index: number; col: number; len: number } | undefined {
    let childCol = Infinity;
    for (let i = from; i < to; i++) {
      const l = this.lines[i];
      if (l.keyCol > parentCol && (i === item || l.dashCol < 0 || l.dashCol > parentCol)) {
        const col = i === item || l.dashCol < 0 ? l.keyCol : l.dashCol;
        if (col < childCol) childCol = col;
      }
    }
    for (let i = from; i < to; i++) {
      const l = this.lines[i];
      if (l.key !== name || l.keyCol !== childCol) continue;
      // A key after a `- ` of a deeper item belongs to that item, not to this scope.
      if (l.dashCol >= 0 && i !== item) continue;
      return { index: i, col: l.keyCol, len: name.length + (l.text[l.keyCol] === '"' || l.text[l.keyCol] === "'" ? 2 : 0) };
    }
    return undefined;
  }

  /**
   * The `n`th sequence item written in the scope. When the rendered item has a
   * name, the template item written with that literal name wins; by position
   * only when no directive between the items can add or drop one (`if`,
   * `range`, `with`) and the item's name is not another literal.
   */
  private findItem(from: number, to: number, parentCol: number, n: number, name: string | undefined): { index: number; col: number; len: number } | undefined {
    const items: number[] = [];
    let col = Infinity;
    for (let i = from; i < to; i++) {
      const l = this.lines[i];
      if (l.dashCol < 0 || l.dashCol < parentCol || l.dashCol > col) continue;
      if (l.dashCol < col) {
        col = l.dashCol;
        items.length = 0;
      }
      items.push(i);
    }
    const hit = (i: number) => ({ index: i, col: this.lines[i].dashCol, len: 1 });
    if (name !== undefined) {
      const literal = items.find((i) => this.itemName(i, to) === name);
      if (literal !== undefined) return hit(literal);
    }
    const choice = this.choiceBetweenItems(from, to, items);
    // A named item no literal name matches: the one item whose name the template fills, when no loop adds others.
    if (name !== undefined && choice !== 'range') {
      const filled = items.filter((i) => this.itemName(i, to) === null);
      if (filled.length === 1) return hit(filled[0]);
    }
    const at = items[n];
    if (at === undefined || choice) return undefined;
    const written = this.itemName(at, to);
    if (name !== undefined && typeof written === 'string' && written !== name) return undefined;
    return hit(at);
  }

  /** A directive that can add or drop items (`if`, `range`, `with`, `else`, an include) outside the items' own lines: 'range' for loops and includes. */
  private choiceBetweenItems(from: number, to: number, items: readonly number[]): 'range' | 'if' | undefined {
    const inside = new Set<number>();
    for (const start of items) {
      const end = this.blockEnd(start, this.lines[start].dashCol, true);
      // The item's own lines stop at its last YAML line; directives after it stand between items.
      // and directives indented deeper than its `- `, which write its last key's value.
      const col = this.lines[start].dashCol;
      let last = start;
      for (let i = start; i < end; i++) if (!this.lines[i].empty && (!this.lines[i].directive || this.lines[i].indent > col)) last = i;
      for (let i = start; i <= last; i++) inside.add(i);
    }
    let found: 'range' | 'if' | undefined;
    for (let i = from; i < to; i++) {
      const l = this.lines[i];
      if (!l.directive || inside.has(i)) continue;
      if (/\{\{-?\s*range\b|\b(include|toYaml|tpl|template)\b/.test(l.text)) return 'range';
      if (/\{\{-?\s*(if|with|else)\b/.test(l.text)) found = 'if';
    }
    return found;
  }

  /** The literal `name:` of an item, null when its name is templated, undefined when it has none. */
  private itemName(index: number, to: number): string | null | undefined {
    const col = this.lines[index].dashCol;
    const end = Math.min(to, this.blockEnd(index, col, true));
    for (let i = index; i < end; i++) {
      const l = this.lines[i];
      if (l.key !== 'name' || (i !== index && l.dashCol >= 0)) continue;
      const v = this.valueRange(i + 1)?.text;
      if (v === undefined) return undefined;
      if (v.includes('{{')) return null;
      return v.replace(/^["']|["']$/g, '');
    }
    return undefined;
  }

  /**
   * Whether an expression writes part of the value of the key at `index`
   * (its block up to `to`): on its line, or a directive at the level of its
   * children, not one inside a written child's own block.
   */
  private filledByExpression(index: number, to: number): boolean {
    const own = this.lines[index];
    if (/\{\{/.test(own.text.slice(own.keyCol >= 0 ? own.keyCol : 0))) return true;
    let childCol = Infinity;
    for (let i = index + 1; i < to; i++) {
      const l = this.lines[i];
      if (!l.empty && !l.directive) childCol = Math.min(childCol, contentCol(l));
    }
    for (let i = index + 1; i < to; i++) {
      const l = this.lines[i];
      if (l.directive && l.indent <= childCol && /\b(toYaml|include|tpl|toJson|range|template)\b/.test(l.text)) return true;
    }
    return false;
  }

  /**
   * The `.Values` paths the key at `index` takes its value from: on its line,
   * in the directive lines opening its block, or through a `with .Values.x`
   * just above it whose `.` its block uses.
   */
  private valuesOf(index: number, to: number, l: TemplateLine): string[][] {
    const texts = [l.text.slice(Math.max(l.keyCol, 0))];
    // Directive lines that write the key's value sit below it, deeper; conditions and loops choose, they do not write.
    const col = l.keyCol >= 0 ? l.keyCol : l.indent;
    for (let i = index + 1; i < to; i++) {
      const n = this.lines[i];
      if (n.empty) continue;
      if (!n.directive || n.indent <= col) break;
      // Only directives that write: not conditions, loops or variable assignments (`$x := ...`).
      if (!CONTROL.test(n.text) && !/\{\{-?\s*\$[\w]*\s*:?=/.test(n.text)) texts.push(n.text);
    }
    const out: string[][] = [];
    const add = (p: string[]) => {
      if (p.length && !out.some((o) => o.join('.') === p.join('.'))) out.push(p);
    };
    for (const t of texts) for (const m of t.matchAll(/\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g)) add(m[1].slice(1).split('.'));
    // `{{- with .Values.x }}` on the lines just above, and the block using `.`.
    if (!out.length && texts.some((t) => /\{\{-?\s*(toYaml|toJson)\s+\.\s*[|}]/.test(t) || /\{\{-?\s*\.\s*[|}]/.test(t))) {
      for (let i = index - 1; i >= 0; i--) {
        const p = this.lines[i];
        if (p.empty) continue;
        if (!p.directive) break;
        const m = /\{\{-?\s*with\s+\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)\s*-?\}\}/.exec(p.text);
        if (m) {
          add(m[1].slice(1).split('.'));
          break;
        }
      }
    }
    return out;
  }
}

/** Directives that choose or repeat lines rather than write a value. */
const CONTROL = /^\s*\{\{-?\s*(if|else|end|range|with|define|block|break|continue)\b/;

function lineRange(index: number, col: number, len: number): SourceRange {
  return { start: { line: index + 1, column: col + 1 }, end: { line: index + 1, column: col + 1 + Math.max(len, 1) } };
}
