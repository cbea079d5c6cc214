/**
 * Reading YAML line by line, without parsing it: which part of each line is
 * code (outside quoted scalars and comments), with the quote state carried
 * across lines. Used where a whole parse is not wanted or not possible
 * (template detection, repairing what go-yaml accepts and the parser does not).
 */

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of a plain scalar). */
const BEFORE_QUOTE = new Set([':', '-', '[', '{', ',', '?']);

export interface LineScan {
  /** The open quote of a scalar that continues on the next line, or ''. */
  quote: string;
}

/**
 * The code of one line: its text outside quoted scalars and after no comment.
 * `scan.quote` carries a quoted scalar into the next line; `onQuoteOpen` is
 * called when a quoted scalar starts on this line. Linear in the line.
 */
export function codeOfLine(line: string, scan: LineScan, onQuoteOpen?: () => void): string {
  let code = '';
  let last = ''; // last non-space character of code on this line
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (scan.quote) {
      if (scan.quote === '"' && ch === '\\') i++;
      else if (ch === scan.quote) {
        if (scan.quote === "'" && line[i + 1] === "'") i++;
        else scan.quote = '';
      }
      continue;
    }
    if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if ((ch === '"' || ch === "'") && (last === '' || BEFORE_QUOTE.has(last))) {
      scan.quote = ch;
      onQuoteOpen?.();
      continue;
    }
    code += ch;
    if (ch !== ' ' && ch !== '\t') last = ch;
  }
  return code;
}
