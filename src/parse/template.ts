/**
 * Templated YAML: Go templates (Helm, CL2, `{{.Name}}`, `{{$x := ...}}`),
 * Jinja (`{% if %}`) and Terraform template directives (`%{ if }`) that
 * shape the document itself. Such a document is not the manifest that gets
 * applied, so it is not judged. Template syntax inside quoted strings, block
 * scalars and comments is data (Prometheus alert texts, Argo parameters) and
 * does not count.
 */

import { codeOfLine } from './yaml-lines.js';
import type { LineScan } from './yaml-lines.js';

export type TemplateKind = '{{ }} template' | '{% %} template' | 'Terraform %{ } directive' | '${ } template';

const MARKERS: readonly { open: string; kind: TemplateKind }[] = [
  { open: '{{', kind: '{{ }} template' },
  { open: '{%', kind: '{% %} template' },
  { open: '%{', kind: 'Terraform %{ } directive' },
];

/**
 * Whether a marker at `at` in a line's code shapes the YAML: it starts the
 * line or a node (after `key:`, `- `, `[`, `{`, `,`). Inside a plain scalar
 * (`--model_name={{.Name}}`, `image: repo:{{ .Values.tag }}`) it is part of
 * a string, filled in later by whoever reads it (a controller, a renderer).
 */
function startsNode(code: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (code[i] === ' ' || code[i] === '\t')) i--;
  if (i < 0 || '[{,'.includes(code[i])) return true;
  // `key: {{` and `- {{` start a node; `repo:{{` and `a-{{` are inside a scalar.
  return (code[i] === ':' || code[i] === '-' || code[i] === '?') && i < at - 1;
}

/**
 * The template syntax that shapes the given lines of YAML, if any: markers
 * outside comments, quoted scalars and block scalar bodies. One pass over
 * the text.
 */
export function structuralTemplate(lines: readonly string[]): TemplateKind | undefined {
  const scan: LineScan = { quote: '' };
  let blockIndent = -1; // indentation of the key whose block scalar body follows
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const code = codeOfLine(line, scan);
    for (const m of MARKERS) {
      for (let at = code.indexOf(m.open); at >= 0; at = code.indexOf(m.open, at + 2)) {
        if (startsNode(code, at)) return m.kind;
      }
    }
    // `key: |`, `- >-`, `|2`: the lines below, indented deeper, are the scalar's body.
    if (/(?:^|[\s:])[|>][-+0-9]*$/.test(code.trimEnd())) blockIndent = indent;
  }
  return undefined;
}
