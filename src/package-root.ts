import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The installed package's root directory (holds package.json, schemas/, docs/). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'genai-lint') return (cached = dir);
      } catch {
        // keep looking upward
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('genai-lint: cannot find the package root');
    dir = parent;
  }
}

/** Set by the Action bundle's build (scripts/bundle-action.mjs): the bundle carries its compiled validators beside itself. */
declare const GENAI_LINT_BUNDLE: boolean | undefined;

/**
 * Where the build's compiled validators live (kube-validators/, config-validator.cjs):
 * dist/ of the package, or the folder of the Action bundle.
 */
export function buildDir(): string {
  return typeof GENAI_LINT_BUNDLE !== 'undefined' && GENAI_LINT_BUNDLE ? dirname(fileURLToPath(import.meta.url)) : join(packageRoot(), 'dist');
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where a rule's documentation page lives, for links in output. */
export const DOCS_BASE_URL = 'https://github.com/genai-lint/genai-lint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
