/**
 * Escaping for the consumers of our output. Text from linted files (file
 * names, keys, values quoted in messages) must never steer a terminal, a CI
 * log or a rendered summary: control characters become visible escapes, and
 * each consumer's own syntax is neutralised where it is written.
 */

/**
 * C0 and C1 control characters, DEL, and the Unicode marks that reorder or
 * hide text (bidi overrides and isolates, zero-width joiners and spaces).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** UNSAFE without C0: what JSON.stringify leaves unescaped. */
const UNSAFE_BEYOND_C0 = /[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** One line of plain text: every control or invisible character shown as an escape (`\n`, `\e`, `\u202e`). */
export function visible(text: string): string {
  return text.replace(UNSAFE, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Several lines (a stack trace): each line made visible, the line breaks kept. */
export function visibleLines(text: string): string {
  return text.split(/\r?\n/).map(visible).join('\n');
}

/**
 * A line of a GitHub Actions log that is not a workflow command: visible
 * escapes, and nothing the runner reads as a command (`::name::` after
 * leading spaces, or the legacy `##[name]` anywhere).
 */
export function githubLogLine(text: string): string {
  const safe = visible(text).replace(/##\[/g, '#\\#[');
  return /^\s*::/.test(safe) ? `\\${safe.trimStart()}` : safe;
}

/** Escaping of workflow-command data, as the Actions toolkit does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of workflow-command properties: also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Text inside a Markdown table cell of the job summary: rendered as literal
 * text, never as a link, image, emphasis, HTML or another column.
 */
export function markdownCell(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|#~]/g, (ch) => `\\${ch}`);
}

/** A file path or rule id shown as inline code in Markdown: backticks cannot close it early. */
export function markdownCode(text: string): string {
  const body = visible(text).replace(/\|/g, '\\|');
  let fence = '`';
  while (body.includes(fence)) fence += '`';
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A URL as a Markdown link target: percent-encoded so that no character ends the link. */
export function markdownLinkTarget(url: string): string {
  return encodeURI(url).replace(/[()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * JSON text with the characters JSON.stringify leaves raw (C1 controls, bidi
 * and invisible marks) written as `\uXXXX` escapes: the same data, but safe
 * to print to a terminal. Those characters only occur inside strings.
 */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_BEYOND_C0, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One GitHub workflow command of our own (`::error title=genai-lint::...`):
 * the title escaped as a property, the text made visible and escaped as
 * data. `multiline` keeps line breaks (escaped) for a stack trace.
 */
export function workflowCommand(name: 'error' | 'warning' | 'notice', title: string, text: string, multiline = false): string {
  return `::${name} title=${escapeProperty(visible(title))}::${escapeData(multiline ? visibleLines(text) : visible(text))}`;
}
