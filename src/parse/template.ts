/**
 * Templated YAML: Go templates (Helm, CL2, `{{.Name}}`, `{{$x := ...}}`),
 * Jinja (`{% if %}`) and Terraform template directives (`%{ if }`) that
 * shape the document itself. Such a document is not the manifest that gets
 * applied, so it is not judged. Template syntax inside quoted strings, block
 * scalars and comments is data (Prometheus alert texts, Argo parameters) and
 * does not count.
 */

export type TemplateKind = 'Go template' | 'Jinja template' | 'Terraform template directive';

const MARKERS: readonly { open: string; kind: TemplateKind }[] = [
  { open: '{{', kind: 'Go template' },
  { open: '{%', kind: 'Jinja template' },
  { open: '%{', kind: 'Terraform template directive' },
];

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of a plain scalar). */
const BEFORE_QUOTE = new Set([':', '-', '[', '{', ',', '?']);

/**
 * The template syntax that shapes the given lines of YAML, if any: markers
 * outside comments, quoted scalars and block scalar bodies. One pass over
 * the text.
 */
export function structuralTemplate(lines: readonly string[]): TemplateKind | undefined {
  let quote = ''; // the open quote of a scalar that continues on the next line
  let blockIndent = -1; // indentation of the key whose block scalar body follows
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    let code = '';
    let last = ''; // last non-space character of code on this line
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote) {
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = '';
        }
        continue;
      }
      if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if ((ch === '"' || ch === "'") && (last === '' || BEFORE_QUOTE.has(last))) {
        quote = ch;
        continue;
      }
      code += ch;
      if (ch !== ' ' && ch !== '\t') last = ch;
    }
    for (const m of MARKERS) if (code.includes(m.open)) return m.kind;
    // `key: |`, `- >-`, `|2`: the lines below, indented deeper, are the scalar's body.
    if (/(?:^|[\s:])[|>][-+0-9]*$/.test(code.trimEnd())) blockIndent = indent;
  }
  return undefined;
}
