import type { DockerfileModel, DockerInstruction } from '../../src/rule-api.js';
import type { SourceRange } from '../../src/rule-api.js';

/**
 * A small POSIX-shell reader for RUN instructions: enough to tell command
 * words from quoted text, operators and redirections, with the offset of
 * every word in the Dockerfile so that findings point at the word at fault.
 * It does not expand anything and does not look inside `$(...)`.
 */

export interface ShellWord {
  /** The word with quotes and backslash escapes removed. */
  value: string;
  /** Offsets in the Dockerfile text (end exclusive). */
  start: number;
  end: number;
  /** Whether any part of the word was quoted. */
  quoted: boolean;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '|&' | '&' | '(' | ')' | 'start';

export interface ShellCommand {
  /** Command name and arguments (assignments and redirections removed). */
  words: ShellWord[];
  /** `NAME=value` words before the command name. */
  assignments: ShellWord[];
  /** The operator before this command. */
  after: ShellOperator;
  /** The operator after it (`end` at the end of the script). */
  before: ShellOperator | 'end';
  /** How many `( ... )` subshells enclose it. */
  subshell: number;
  /** Whether it is part of the condition of an `if`, `elif`, `while` or `until`. */
  condition: boolean;
  /** How many `if`, `while`, `until`, `for` and `case` blocks enclose it. */
  block: number;
  /** Its redirections: operator and target (`2>` `/dev/null`, `>&` `2`). */
  redirects: { op: string; target: string }[];
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'time']);

/**
 * Splits shell source into simple commands. `source` is the whole Dockerfile
 * text; [from, to) the script. `joinLines` treats `escapeChar` + newline as a
 * line continuation (a RUN in shell form) and drops comment lines inside it,
 * as the Dockerfile frontend does.
 */
export function parseShell(source: string, from: number, to: number, escapeChar = '\\', joinLines = true): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let assignments: ShellWord[] = [];
  let after: ShellOperator = 'start';
  let subshell = 0;
  let skipUntilSeparator = false; // inside `for x in ...` / `case ... in` headers
  let cur: ShellWord | undefined;
  let redirectOp: string | undefined;
  let redirects: { op: string; target: string }[] = [];
  let condition = false;
  let block = 0;
  let i = from;

  const finishWord = () => {
    if (!cur) return;
    const w = cur;
    cur = undefined;
    if (redirectOp !== undefined) {
      redirects.push({ op: redirectOp, target: w.value });
      redirectOp = undefined;
      return;
    }
    if (skipUntilSeparator) return;
    if (!words.length && !w.quoted && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(w.value)) {
      assignments.push(w);
      return;
    }
    if (!words.length && !w.quoted && RESERVED.has(w.value)) {
      if (w.value === 'if' || w.value === 'elif' || w.value === 'while' || w.value === 'until') condition = true;
      if (w.value === 'if' || w.value === 'while' || w.value === 'until') block++;
      if (w.value === 'fi' || w.value === 'done') block = Math.max(0, block - 1);
      if (w.value === 'then' || w.value === 'do') condition = false;
      return;
    }
    if (!words.length && !w.quoted && (w.value === 'for' || w.value === 'case' || w.value === 'select')) {
      skipUntilSeparator = true;
      block++;
      return;
    }
    if (!words.length && !w.quoted && w.value === 'esac') {
      block = Math.max(0, block - 1);
      return;
    }
    words.push(w);
  };
  const finishCommand = (op: ShellOperator | 'end') => {
    finishWord();
    if (words.length || assignments.length) commands.push({ words, assignments, after, before: op, subshell, condition, block, redirects });
    words = [];
    assignments = [];
    redirects = [];
    if (op !== 'end') after = op;
  };
  const startWord = (at: number) => (cur ??= { value: '', start: at, end: at, quoted: false });

  /** At a line continuation: skip it (and comment lines that follow); returns the new offset or -1. */
  const continuation = (at: number): number => {
    if (!joinLines || source[at] !== escapeChar) return -1;
    let j = at + 1;
    while (j < to && (source[j] === ' ' || source[j] === '\t')) j++;
    if (source[j] === '\r') j++;
    if (source[j] !== '\n') return -1;
    j++;
    for (;;) {
      let k = j;
      while (k < to && (source[k] === ' ' || source[k] === '\t')) k++;
      if (source[k] === '#' || source[k] === '\n' || (source[k] === '\r' && source[k + 1] === '\n')) {
        const nl = source.indexOf('\n', k);
        if (nl < 0 || nl >= to) return to;
        j = nl + 1;
        continue;
      }
      return j;
    }
  };

  while (i < to) {
    const ch = source[i];
    const cont = continuation(i);
    if (cont >= 0) {
      i = cont;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      finishWord();
      i++;
      continue;
    }
    if (ch === '\n') {
      if (skipUntilSeparator) skipUntilSeparator = false;
      finishCommand(';');
      i++;
      continue;
    }
    if (ch === '#' && !cur) {
      const nl = source.indexOf('\n', i);
      i = nl < 0 || nl >= to ? to : nl;
      continue;
    }
    if (ch === "'") {
      const w = startWord(i);
      const close = source.indexOf("'", i + 1);
      const end = close < 0 || close >= to ? to : close;
      w.value += source.slice(i + 1, end);
      w.quoted = true;
      i = end + 1;
      w.end = Math.min(i, to);
      continue;
    }
    if (ch === '"') {
      const w = startWord(i);
      w.quoted = true;
      i++;
      while (i < to && source[i] !== '"') {
        const c2 = continuation(i);
        if (c2 >= 0) {
          i = c2;
          continue;
        }
        if (source[i] === '\\' && i + 1 < to) {
          w.value += '\\$`"\n'.includes(source[i + 1]) ? source[i + 1] : source.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (source[i] === '$' && source[i + 1] === '(') {
          const end = skipParens(source, i + 1, to);
          w.value += source.slice(i, end);
          i = end;
          continue;
        }
        w.value += source[i++];
      }
      i++;
      w.end = Math.min(i, to);
      continue;
    }
    if (ch === '\\' && i + 1 < to) {
      const w = startWord(i);
      w.value += source[i + 1];
      i += 2;
      w.end = i;
      continue;
    }
    if (ch === '$' && source[i + 1] === '(') {
      const w = startWord(i);
      const end = skipParens(source, i + 1, to);
      w.value += source.slice(i, end);
      i = end;
      w.end = i;
      continue;
    }
    if (ch === '`') {
      const w = startWord(i);
      const close = source.indexOf('`', i + 1);
      const end = close < 0 || close >= to ? to : close + 1;
      w.value += source.slice(i, end);
      i = end;
      w.end = i;
      continue;
    }
    if (ch === '$' && source[i + 1] === '{') {
      const w = startWord(i);
      const close = source.indexOf('}', i + 2);
      const end = close < 0 || close >= to ? to : close + 1;
      w.value += source.slice(i, end);
      i = end;
      w.end = i;
      continue;
    }
    if (ch === '<' || ch === '>' || (ch === '&' && source[i + 1] === '>')) {
      // A redirection: an all-digit word before it is its file descriptor.
      let fd = '';
      if (cur && /^\d+$/.test(cur.value) && !cur.quoted && cur.end === i) {
        fd = cur.value;
        cur = undefined;
      }
      finishWord();
      let j = i + 1;
      while (j < to && '<>&-|'.includes(source[j]) && j - i < 3) j++;
      const op = source.slice(i, j);
      i = j;
      // `>&2`, `2>&1`: the target is a descriptor glued to the operator.
      if (/&$/.test(op) && /\d|-/.test(source[i] ?? '')) {
        const start = i;
        while (i < to && /[\d-]/.test(source[i])) i++;
        redirects.push({ op: fd + op, target: source.slice(start, i) });
        continue;
      }
      redirectOp = fd + op;
      continue;
    }
    if (ch === '&' || ch === '|' || ch === ';' || ch === '(' || ch === ')') {
      if (ch === '(' && cur) {
        // `name()` function definitions, `=(` arrays: keep as text.
        const w = startWord(i);
        const end = skipParens(source, i, to);
        w.value += source.slice(i, end);
        i = end;
        w.end = i;
        continue;
      }
      const two = source.slice(i, i + 2);
      let op: ShellOperator;
      if (two === '&&' || two === '||' || two === '|&') {
        op = two as ShellOperator;
        i += 2;
      } else if (two === ';;') {
        op = ';';
        i += 2;
      } else {
        op = ch as ShellOperator;
        i++;
      }
      if (skipUntilSeparator && (op === ';' || op === '&')) {
        skipUntilSeparator = false;
        finishWord();
        after = op;
        continue;
      }
      finishCommand(op);
      if (op === '(') subshell++;
      if (op === ')') subshell = Math.max(0, subshell - 1);
      continue;
    }
    const w = startWord(i);
    w.value += ch;
    i++;
    w.end = i;
  }
  finishCommand('end');
  return commands;
}

function skipParens(source: string, open: number, to: number): number {
  let depth = 0;
  // Inside `case ... esac`, `pattern)` does not close a parenthesis: the depth each open case started at.
  const cases: number[] = [];
  for (let j = open; j < to; j++) {
    const c = source[j];
    if (/[a-z]/.test(c) && !/[\w$]/.test(source[j - 1] ?? ' ')) {
      const word = /^[a-z]+/.exec(source.slice(j, j + 5))![0];
      if (word === 'case' && /\s/.test(source[j + 4] ?? '')) cases.push(depth);
      else if (word === 'esac' && cases.length) cases.pop();
      j += word.length - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && cases.length && cases[cases.length - 1] === depth) continue;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === "'") {
      const close = source.indexOf("'", j + 1);
      if (close < 0) return to;
      j = close;
    }
  }
  return to;
}

/** A script a RUN executes, with where it is in the Dockerfile. */
export interface RunScript {
  commands: ShellCommand[];
  /** Whether this is the body of a heredoc the shell runs. */
  heredoc: boolean;
}

const SHELL_NAMES = /^(?:.*\/)?(?:sh|bash|dash|ash|zsh|ksh)$/;

/**
 * The shell scripts of a shell-form RUN: its command line and, when the
 * shell runs a heredoc (`RUN <<EOF`, `RUN bash <<EOF`), the heredoc's body.
 * Exec-form RUNs have none.
 */
export function runScripts(model: DockerfileModel, instr: DockerInstruction): RunScript[] {
  if (instr.keyword !== 'RUN' || instr.jsonArgs) return [];
  const { index, text, escapeChar } = model;
  let from = index.offsetAt(instr.keywordRange.end);
  for (const f of instr.flags) from = Math.max(from, index.offsetAt(f.range.end));
  let to = index.offsetAt(instr.range.end);
  const bodies = instr.heredocs.filter((h) => h.range);
  if (bodies.length) {
    // The command line ends where the first heredoc body starts.
    const firstBody = index.offsetAt(bodies[0].range!.start);
    const nl = text.lastIndexOf('\n', firstBody - 1);
    to = Math.min(to, nl > from ? nl : to);
  }
  const commands = parseShell(text, from, to, escapeChar, true);
  const scripts: RunScript[] = [{ commands, heredoc: false }];
  if (bodies.length) {
    const first = commands[0];
    const runsBody = !first || !first.words.length || SHELL_NAMES.test(first.words[0].value);
    if (runsBody) {
      for (const h of bodies) {
        const start = index.offsetAt(h.range!.start);
        const end = index.offsetAt(h.range!.end);
        const firstLine = text.slice(start, text.indexOf('\n', start) < 0 ? end : text.indexOf('\n', start));
        if (/^#!/.test(firstLine) && !/\b(?:sh|bash|dash|ash|zsh|ksh)\b/.test(firstLine)) continue;
        // The shell itself joins `\` + newline in a script.
        scripts.push({ commands: parseShell(text, start, end, '\\', true), heredoc: true });
      }
    }
  }
  return scripts;
}

/**
 * The command a simple command runs, past wrappers that run their arguments
 * (`sudo`, `env X=1`, `nohup`, `exec`, `command`, `time`): the index of the
 * command name in `words`, or -1.
 */
export function commandStart(cmd: ShellCommand): number {
  let k = 0;
  const w = cmd.words;
  while (k < w.length) {
    const name = basename(w[k].value);
    if (name === 'sudo' || name === 'doas') {
      k++;
      while (k < w.length && w[k].value.startsWith('-')) {
        // sudo options with a value: -u user, -g group, -C n, -D dir, -h host, -p prompt, -r role, -t type, -U user.
        if (/^-[ugCDhprtU]$/.test(w[k].value)) k++;
        k++;
      }
      while (k < w.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[k].value)) k++;
      continue;
    }
    if (name === 'env') {
      k++;
      while (k < w.length && (w[k].value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[k].value))) k++;
      continue;
    }
    if (name === 'nohup' || name === 'exec' || name === 'command' || name === 'time' || name === 'builtin') {
      k++;
      while (k < w.length && w[k].value.startsWith('-')) k++;
      continue;
    }
    return k;
  }
  return -1;
}

export function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/** A word's range in the Dockerfile. */
export function wordRange(model: DockerfileModel, word: ShellWord): SourceRange {
  return model.index.rangeOf(word.start, word.end);
}

/** Whether a script enables pipefail (`set -o pipefail`, `set -euo pipefail`) before `offset`. */
export function setsPipefailBefore(commands: readonly ShellCommand[], offset: number): boolean {
  for (const c of commands) {
    if (!c.words.length || c.words[0].start >= offset) break;
    if (c.words[0].value !== 'set') continue;
    const args = c.words.slice(1).map((w) => w.value);
    for (let k = 0; k < args.length; k++) {
      if (/^-[a-zA-Z]*o$/.test(args[k]) && args[k + 1] === 'pipefail') return true;
      if (args[k] === '-opipefail') return true;
    }
  }
  return false;
}
