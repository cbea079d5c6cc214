import { basename, commandStart } from './shell.js';
import type { ShellCommand, ShellWord } from './shell.js';

/** A package-manager invocation found in a RUN: the tool, its subcommand, options and operands. */
export interface PackageInvocation {
  tool: string;
  toolWord: ShellWord;
  sub: ShellWord | undefined;
  options: ShellWord[];
  /** Option values, keyed by the option as written (`-o`, `--target-release`). */
  optionValues: { option: ShellWord; value: ShellWord }[];
  operands: ShellWord[];
}

/** Options that take the next word as their value, per tool. */
const VALUE_OPTIONS: Record<string, RegExp> = {
  apt: /^(?:-[oct]|--option|--config-file|--target-release|--default-release)$/,
  pip: /^(?:-[rceitfCb]|--(?:requirement|constraint|editable|index-url|extra-index-url|find-links|target|prefix|root|src|platform|python-version|implementation|abi|trusted-host|upgrade-strategy|cache-dir|log|proxy|retries|timeout|progress-bar|only-binary|no-binary|config-settings|global-option|install-option|root-user-action|report|exists-action|python|build|group|cert|client-cert))$/,
  // uv pip: pip's options plus its own that take a value.
  uv: /^(?:-[rceitfCbpP]|--(?:requirement|constraint|editable|index-url|extra-index-url|default-index|index|find-links|target|prefix|python|python-version|python-platform|index-strategy|torch-backend|resolution|prerelease|link-mode|keyring-provider|exclude-newer|override|build-constraint|extra|group|reinstall-package|upgrade-package|no-binary|only-binary|config-setting|no-build-isolation-package|cache-dir|allow-insecure-host|trusted-host|compile-bytecode-level|color|directory|project|config-file))$/,
  npm: /^(?:--(?:prefix|registry|cache|tag|userconfig|workspace|omit|include|install-strategy|loglevel)|-w)$/,
  apk: /^(?:-[tXpU]|--(?:virtual|repository|root|arch|cache-dir|keys-dir|repositories-file))$/,
};

/** Which tool a command name is, for the purposes of package rules. */
function toolOf(cmd: ShellCommand, k: number): { tool: string; subAt: number } | undefined {
  const w = cmd.words;
  const name = basename(w[k].value);
  if (name === 'apt-get' || name === 'apt') return { tool: name, subAt: k + 1 };
  if (name === 'apk') return { tool: 'apk', subAt: k + 1 };
  if (name === 'npm') return { tool: 'npm', subAt: k + 1 };
  if (/^pip(?:\d(?:\.\d+)?)?$/.test(name)) return { tool: 'pip', subAt: k + 1 };
  if (/^python(?:\d(?:\.\d+)?)?$/.test(name)) {
    // python -m pip install ...; flags like -u/-I/-E before -m.
    let j = k + 1;
    while (j < w.length && /^-[a-zA-Z]+$/.test(w[j].value) && w[j].value !== '-m') j++;
    if (w[j]?.value === '-m' && /^pip\d?$/.test(w[j + 1]?.value ?? '')) return { tool: 'pip', subAt: j + 2 };
  }
  if (name === 'uv' && w[k + 1]?.value === 'pip') return { tool: 'uv-pip', subAt: k + 2 };
  return undefined;
}

/** The package-manager invocation a simple command is, if any. */
export function packageInvocation(cmd: ShellCommand): PackageInvocation | undefined {
  const k = commandStart(cmd);
  if (k < 0) return undefined;
  const t = toolOf(cmd, k);
  if (!t) return undefined;
  const family = t.tool === 'apt-get' ? 'apt' : t.tool === 'uv-pip' ? 'pip' : t.tool;
  const valueOption = VALUE_OPTIONS[t.tool === 'uv-pip' ? 'uv' : family];
  const options: ShellWord[] = [];
  const optionValues: { option: ShellWord; value: ShellWord }[] = [];
  const operands: ShellWord[] = [];
  let sub: ShellWord | undefined;
  const w = cmd.words;
  for (let j = t.subAt; j < w.length; j++) {
    const word = w[j];
    if (word.value === '--' && !word.quoted) {
      operands.push(...w.slice(j + 1));
      break;
    }
    if (word.value.startsWith('-') && !word.quoted && word.value.length > 1) {
      options.push(word);
      if (valueOption.test(word.value) && j + 1 < w.length) {
        optionValues.push({ option: word, value: w[j + 1] });
        j++;
      } else if (family === 'pip' && /^-[a-zA-Z]*[rce]$/.test(word.value) && j + 1 < w.length) {
        // Combined short flags ending in a value flag: `-Ur requirements.txt`.
        optionValues.push({ option: word, value: w[j + 1] });
        j++;
      }
      continue;
    }
    if (!sub) sub = word;
    else operands.push(word);
  }
  return { tool: t.tool, toolWord: w[k], sub, options, optionValues, operands };
}

/** Whether any option (or `-o Key=value` config) of an invocation matches. */
export function hasOption(inv: PackageInvocation, test: RegExp): boolean {
  return inv.options.some((o) => test.test(o.value)) || inv.optionValues.some((o) => test.test(`${o.option.value}=${o.value.value}`));
}
