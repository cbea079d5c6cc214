/**
 * Running the renderers users already have (helm, kubectl, kustomize):
 * finding an executable without ever taking one from the linted tree, an
 * environment whose network goes nowhere, and one bound on how many renders
 * run at once across every renderer of a run.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve, sep } from 'node:path';
import { isWithin } from '../safe-read.js';

/**
 * An executable: `binary` with a path part is resolved against `cwd`; a
 * bare name is looked up in the absolute PATH directories only (a relative
 * entry such as `.` would find a program of the linted tree).
 */
export function findExecutable(binary: string, cwd: string): string | undefined {
  const runnable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (binary.includes('/') || binary.includes(sep)) {
    const p = resolve(cwd, binary);
    return runnable(p) ? p : undefined;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const p = join(dir, binary);
    if (runnable(p)) return p;
  }
  return undefined;
}

/** Whether an executable lies inside one of the linted trees (followed through symlinks): such a program is never run. */
export function insideLintedTree(executable: string, roots: readonly string[]): boolean {
  let real = executable;
  try {
    real = realpathSync(executable);
  } catch {
    // judged by its path as written
  }
  return roots.some((r) => isWithin(r, executable) || isWithin(r, real));
}

/** No network for a renderer: any connection it tries goes to a closed local port. */
export const NO_NETWORK_ENV: Readonly<Record<string, string>> = {
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  NO_PROXY: '',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  no_proxy: '',
};

/** Renders at once over a whole run (the machines running linters have few cores). */
export const CONCURRENT_RENDERS = 2;

/** Runs jobs at most `max` at a time, in the order they ask. */
export function limiter(max: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (active >= max) await new Promise<void>((go) => waiting.push(go));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
