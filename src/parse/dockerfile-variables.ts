/**
 * Dockerfile variables: the scopes ARG and ENV build up through a file, and
 * the expansion of `$VAR` / `${VAR...}` references the way the Dockerfile
 * frontend does it.
 */

/** A variable visible at some point of a Dockerfile. */
export interface VarBinding {
  /** Resolved value; undefined when declared without a value (a build arg given at build time). */
  value: string | undefined;
  source: 'arg' | 'env';
  line: number;
}
/** The variables visible at one point of a Dockerfile (a Map fits). */
export interface VarScope {
  get(name: string): VarBinding | undefined;
}


/**
 * The variables of one stage (or of the global ARGs) through time: every
 * binding is kept with the step that made it, and a view at step N sees
 * the bindings made before it. Instructions share one store instead of each
 * holding a copy of all variables, so a file of 20,000 ENV lines costs
 * 20,000 bindings, not 200 million. A stage built FROM an earlier one sees
 * that stage's ENV variables as they were at its end.
 */
export class ScopeStore {
  private readonly history = new Map<string, { steps: number[]; bindings: VarBinding[] }>();
  private step = 0;
  private readonly inheritedCache = new Map<string, VarBinding | null>();

  constructor(private readonly inherited?: VarScope) {}

  set(name: string, binding: VarBinding): void {
    this.step++;
    let h = this.history.get(name);
    if (!h) this.history.set(name, (h = { steps: [], bindings: [] }));
    h.steps.push(this.step);
    h.bindings.push(binding);
  }

  /** The variables as they are now: views taken before a binding do not see it. */
  view(): VarScope {
    const at = this.step;
    return { get: (name) => this.lookup(name, at) };
  }

  private lookup(name: string, at: number): VarBinding | undefined {
    const h = this.history.get(name);
    if (h) {
      // Last binding made at a step <= at.
      let lo = 0;
      let hi = h.steps.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (h.steps[mid] <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found >= 0) return h.bindings[found];
    }
    if (!this.inherited) return undefined;
    let known = this.inheritedCache.get(name);
    if (known === undefined) {
      const b = this.inherited.get(name);
      known = b?.source === 'env' ? b : null;
      this.inheritedCache.set(name, known);
    }
    return known ?? undefined;
  }
}

/** Build arguments Docker predefines: an `ARG NAME` of one of these takes no default from a global ARG. */
export const BUILTIN_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY',
  'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
]);

export interface Expansion {
  value: string;
  references: string[];
  unresolved: string[];
}

/** Upper bound of an expanded value's length: a chain of `ENV A=$A$A` lines cannot double it forever. */
export const MAX_EXPANDED_LENGTH = 1 << 20;

/**
 * Positions of the `}` closing each `{`, found in one pass (-1: unclosed).
 * A closed `${...}` holds balanced braces, so the pairs found over the
 * whole text are the ones its parts would find on their own.
 */
function matchBraces(text: string): Int32Array | undefined {
  if (!text.includes('${')) return undefined;
  const close = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 123) open.push(j);
    else if (c === 125 && open.length) close[open.pop()!] = j;
  }
  return close;
}

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * Expands $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt} and
 * ${VAR+alt} the way the Dockerfile frontend does. Unresolved references are
 * kept verbatim so callers can still see them. One pass over the text:
 * a default or alternative word that applies is expanded in place (its end
 * kept on a stack), so nesting depth costs neither stack nor time, and the
 * result stops growing at MAX_EXPANDED_LENGTH.
 */
export function expandVariables(text: string, scope: VarScope, escapeChar = '\\'): Expansion {
  const references: string[] = [];
  const unresolved: string[] = [];
  const closeOf = matchBraces(text);
  /** Ends (positions of `}`) of the words being expanded, innermost last. */
  const wordEnds: number[] = [];
  let out = '';
  const append = (s: string) => {
    if (out.length < MAX_EXPANDED_LENGTH) out += s.length + out.length > MAX_EXPANDED_LENGTH ? s.slice(0, MAX_EXPANDED_LENGTH - out.length) : s;
  };
  let i = 0;
  let literalFrom = 0;
  const flush = (to: number) => {
    if (to > literalFrom) append(text.slice(literalFrom, to));
  };
  while (i < text.length) {
    if (wordEnds.length && i === wordEnds[wordEnds.length - 1]) {
      flush(i);
      wordEnds.pop();
      i++;
      literalFrom = i;
      continue;
    }
    const ch = text[i];
    if (ch === escapeChar && text[i + 1] === '$') {
      flush(i);
      append('$');
      i += 2;
      literalFrom = i;
      continue;
    }
    if (ch !== '$') {
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = closeOf ? closeOf[i + 1] : -1;
      // An unclosed `${` keeps the rest of the text as written (up to the end of the word it is in).
      if (close < 0) {
        const end = wordEnds.length ? wordEnds[wordEnds.length - 1] : text.length;
        flush(i);
        append(text.slice(i, end));
        i = end;
        literalFrom = i;
        continue;
      }
      let j = i + 2;
      if (isNameStart(text.charCodeAt(j))) while (j < close && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 2, j);
      let op = '';
      if (text[j] === ':' && (text[j + 1] === '-' || text[j + 1] === '+')) op = text.slice(j, j + 2);
      else if (text[j] === '-' || text[j] === '+') op = text[j];
      flush(i);
      if (!name || (j !== close && !op)) {
        // Not a variable reference (`${1}`, `${A B}`): kept as written.
        append(text.slice(i, close + 1));
        i = close + 1;
        literalFrom = i;
        continue;
      }
      references.push(name);
      const binding = scope.get(name);
      const val = binding?.value;
      const isSet = binding !== undefined && val !== undefined;
      const isNonEmpty = isSet && val !== '';
      const wordStart = j + op.length;
      let expandWord = false;
      if (op === ':-' || op === '-') {
        if (op === ':-' ? isNonEmpty : isSet) append(val!);
        else expandWord = true;
      } else if (op === ':+' || op === '+') {
        expandWord = op === ':+' ? isNonEmpty : isSet;
      } else if (isSet) {
        append(val!);
      } else {
        unresolved.push(name);
        append(text.slice(i, close + 1));
      }
      if (expandWord) {
        wordEnds.push(close);
        i = wordStart;
      } else i = close + 1;
      literalFrom = i;
      continue;
    }
    let j = i + 1;
    if (!isNameStart(text.charCodeAt(j))) {
      i++;
      continue;
    }
    while (j < text.length && j - i <= 256 && isNameChar(text.charCodeAt(j))) j++;
    const name = text.slice(i + 1, j);
    flush(i);
    references.push(name);
    const binding = scope.get(name);
    if (binding?.value !== undefined) append(binding.value);
    else {
      unresolved.push(name);
      append('$' + name);
    }
    i = j;
    literalFrom = i;
  }
  flush(i);
  return { value: out, references, unresolved };
}
