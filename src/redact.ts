/**
 * Redaction at the output boundary: every text that leaves the program (a
 * finding's message and fix hint, a notice, an error, a stack) passes through
 * one Redactor before any format sees it; a fix whose inserted text would
 * show a secret is dropped (its edits are written as they are). It masks
 * - the literal secrets that rules found in the run (reported with `secret`),
 * - provider token formats and the password of a URL with credentials,
 * - values assigned to secret-named variables and flags (`DB_PASSWORD=...`,
 *   `"api_key": "..."`, `--api-key ...`), wherever a message quotes them.
 * Every scan is linear in the length of the text.
 */
import { findTokens, isPlaceholderValue, isSecretName, maskSecret } from '../rules/lib/secrets.js';

/**
 * A literal a rule found is masked wherever it occurs in its file's texts only
 * when it cannot be an ordinary word there: a demo password such as `grafana`
 * or `minioadmin` is also an image and a service name, and masking those makes
 * every message about them unreadable. Such a short all-letter value is still
 * masked in the finding that reports it (rules show secrets only masked).
 */
function distinctive(secret: string): boolean {
  return secret.length >= 16 || (secret.length >= 6 && /[^A-Za-z]/.test(secret));
}

const WORD = /[A-Za-z_][A-Za-z0-9_.-]*/g;
const VALUE_END = /[\s"'`,;)}\]]/;

export class Redactor {
  private readonly known: string[];

  constructor(secrets: Iterable<string> = []) {
    const set = new Set<string>();
    for (const s of secrets) {
      const v = s.trim();
      if (distinctive(v)) set.add(v);
    }
    // Longest first, so a secret that contains another is masked whole.
    this.known = [...set].sort((a, b) => b.length - a.length);
  }

  /** The text with every secret it shows masked. */
  text(input: string): string {
    if (!input) return input;
    let out = input;
    for (const secret of this.known) {
      if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
    }
    out = maskTokens(out);
    out = maskUrlPasswords(out);
    out = maskSecretAssignments(out);
    return out;
  }
}

function maskTokens(text: string): string {
  const tokens = findTokens(text);
  if (!tokens.length) return text;
  let out = '';
  let at = 0;
  for (const t of tokens) {
    if (t.index < at) continue;
    out += text.slice(at, t.index) + maskSecret(t.token);
    at = t.index + t.token.length;
  }
  return out + text.slice(at);
}

/**
 * `scheme://user:password@host`: the password is masked. Found from each `://`
 * with bounded look-ahead, so long texts without credentials cost one pass.
 */
function maskUrlPasswords(text: string): string {
  if (!text.includes('://')) return text;
  let out = '';
  let at = 0;
  let from = 0;
  for (;;) {
    const scheme = text.indexOf('://', from);
    if (scheme < 0) break;
    const start = scheme + 3;
    let end = start;
    // The authority ends at the first character that cannot be part of it.
    while (end < text.length && !/[\s/'"`<>]/.test(text[end]) && end - start < 2048) end++;
    const authority = text.slice(start, end);
    const atSign = authority.lastIndexOf('@');
    const colon = atSign > 0 ? authority.indexOf(':') : -1;
    if (colon >= 0 && colon < atSign) {
      const password = authority.slice(colon + 1, atSign);
      if (password && !isPlaceholderValue(password)) {
        out += text.slice(at, start + colon + 1) + maskSecret(password);
        at = start + atSign;
      }
    }
    from = Math.max(end, start);
  }
  return at ? out + text.slice(at) : text;
}

/**
 * A secret-named word followed by `=` or `:` (optionally quoted, as in JSON),
 * or a secret-named `--flag` followed by its value: the value is masked.
 */
function maskSecretAssignments(text: string): string {
  let out = '';
  let at = 0;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const name = m[0];
    let i = m.index + name.length;
    const isFlag = m.index >= 2 && text[m.index - 1] === '-' && text[m.index - 2] === '-';
    if (!isSecretName(name)) continue;
    // Skip a closing quote of a JSON key, then spaces, then the operator.
    if (text[i] === '"' || text[i] === "'" || text[i] === '`') i++;
    let j = i;
    while (j < text.length && j - i < 4 && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === '=' || text[j] === ':') j++;
    else if (isFlag) {
      // `--flag value`, or the flag and its value as items of a JSON array: `"--flag", "value"`.
      if (text[j] === ',') j++;
      else if (j === i) continue;
    } else continue;
    while (j < text.length && j - i < 8 && (text[j] === ' ' || text[j] === '\t')) j++;
    let quote = '';
    if (text[j] === '"' || text[j] === "'" || text[j] === '\\') {
      if (text[j] === '\\' && text[j + 1] === '"') j++;
      quote = text[j];
      j++;
    }
    let end = j;
    if (quote) {
      const close = text.indexOf(quote, j);
      end = close < 0 ? text.length : close;
      if (text[end - 1] === '\\') end--;
    } else if (text[j] === '$' && (text[j + 1] === '{' || text[j + 1] === '(')) {
      // A reference (`${VAR}`, `$(VAR)`) is not a value: it names where the secret comes from.
      const close = text.indexOf(text[j + 1] === '{' ? '}' : ')', j);
      end = close < 0 ? text.length : close + 1;
    } else {
      while (end < text.length && !VALUE_END.test(text[end])) end++;
    }
    const value = text.slice(j, end);
    if (!value || value.startsWith('-') || value.includes('…') || isPlaceholderValue(value)) continue;
    out += text.slice(at, j) + maskSecret(value);
    at = end;
    WORD.lastIndex = Math.max(WORD.lastIndex, end);
  }
  return at ? out + text.slice(at) : text;
}

/** The texts of a run's result that leave the program. */
interface RedactableResult {
  findings: { file: string; message: string; fix?: string; related?: { message: string }[]; autofix?: { edits: readonly { text: string }[] } }[];
  notices: string[];
  skipped: string[];
  internalErrors: { file: string; message: string; stack: string | undefined }[];
}

/**
 * Masks every secret in the texts of a run's result, in place. A literal a
 * rule found is masked in the texts of its own file (a short demo password
 * may also be an ordinary word elsewhere); notices and errors, which are
 * few, are masked with every literal of the run. Token formats, URL
 * passwords and secret-named assignments are masked everywhere.
 */
export function redactResult<R extends RedactableResult>(result: R, secrets: readonly { file: string; value: string }[]): R {
  const byFile = new Map<string, string[]>();
  for (const s of secrets) {
    const list = byFile.get(s.file);
    if (list) list.push(s.value);
    else byFile.set(s.file, [s.value]);
  }
  const redactors = new Map<string, Redactor>();
  const plain = new Redactor();
  const forFile = (file: string) => {
    const values = byFile.get(file);
    if (!values) return plain;
    let r = redactors.get(file);
    if (!r) redactors.set(file, (r = new Redactor(values)));
    return r;
  };
  for (const f of result.findings) {
    const redactor = forFile(f.file);
    f.message = redactor.text(f.message);
    if (f.fix !== undefined) f.fix = redactor.text(f.fix);
    for (const r of f.related ?? []) r.message = redactor.text(r.message);
    // An edit is written into the file as it is: one that would carry a secret is dropped, never masked.
    if (f.autofix && f.autofix.edits.some((e) => redactor.text(e.text) !== e.text)) delete f.autofix;
  }
  const all = new Redactor(secrets.map((s) => s.value));
  result.notices = result.notices.map((n) => all.text(n));
  result.skipped = result.skipped.map((n) => all.text(n));
  for (const e of result.internalErrors) {
    e.message = all.text(e.message);
    if (e.stack !== undefined) e.stack = all.text(e.stack);
  }
  return result;
}
