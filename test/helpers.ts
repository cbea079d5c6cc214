import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, describe } from 'vitest';
import { RULES } from '../rules/index.js';
import { resolveConfig } from '../src/config/index.js';
import type { RawConfig } from '../src/config/index.js';
import { ENGINE_RULES } from '../src/engine/rule.js';
import type { AnyRule } from '../src/engine/rule.js';
import { lintSources } from '../src/engine/runner.js';
import type { SourceInput } from '../src/engine/sources.js';
import { kindByName } from '../src/discover.js';
import type { Finding } from '../src/types.js';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(REPO_ROOT, 'fixtures');

export function ruleById(id: string): AnyRule {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

export function configOf(raw: RawConfig = {}) {
  return resolveConfig(raw, [...RULES.map((r) => r.meta), ...ENGINE_RULES], undefined, REPO_ROOT);
}

export interface Snippet {
  code: string;
  /** File name deciding the kind: Dockerfile or x.yaml (default by content). */
  filename?: string;
  /** Other manifests loaded as context only. */
  context?: string[];
  config?: RawConfig;
}

function kindOf(s: Snippet) {
  if (s.filename) return kindByName(s.filename) ?? 'dockerfile';
  return /^\s*(apiVersion|kind)\s*:/m.test(s.code) ? 'yaml' : 'dockerfile';
}

/** Lints one in-memory snippet with every rule, as a run would. */
export function lintSnippet(s: Snippet): Finding[] {
  const kind = kindOf(s);
  const sources: SourceInput[] = [
    { displayPath: s.filename ?? (kind === 'yaml' ? 'test.yaml' : 'Dockerfile'), kind, contextOnly: false, text: s.code },
    ...(s.context ?? []).map((text, i) => ({ displayPath: `context-${i}.yaml`, kind: 'yaml' as const, contextOnly: true, text })),
  ];
  return lintSources({ sources, config: configOf(s.config), rules: RULES }).findings;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A fragment the message must contain. */
  message?: string | RegExp;
}

export interface InvalidCase extends Snippet {
  name?: string;
  errors: ExpectedFinding[];
}

export interface ValidCase extends Snippet {
  name?: string;
}

function matches(f: Finding, e: ExpectedFinding): boolean {
  if (f.range.start.line !== e.line || f.range.start.column !== e.column) return false;
  if (e.endLine !== undefined && f.range.end.line !== e.endLine) return false;
  if (e.endColumn !== undefined && f.range.end.column !== e.endColumn) return false;
  if (e.message !== undefined) {
    return typeof e.message === 'string' ? f.message.includes(e.message) : e.message.test(f.message);
  }
  return true;
}

/**
 * ESLint-style rule tester: valid snippets must produce no finding of the
 * rule; invalid ones exactly the listed findings, at their exact positions.
 */
export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  ruleById(ruleId);
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      it(`valid: ${c.name ?? i}`, () => {
        const got = lintSnippet(c).filter((f) => f.ruleId === ruleId);
        expect(got.map(describeFinding)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? i}`, () => {
        const got = lintSnippet(c).filter((f) => f.ruleId === ruleId);
        expect(got.length, got.map(describeFinding).join('\n')).toBe(c.errors.length);
        c.errors.forEach((e, j) => {
          expect(matches(got[j], e), `expected ${JSON.stringify(e)}\n     got ${describeFinding(got[j])}`).toBe(true);
        });
      });
    });
  });
}

export function describeFinding(f: Finding): string {
  return `${f.ruleId} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`;
}

/** All files under a fixtures directory. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Lints one fixture file from disk, as a run naming only that file would. */
export function lintFixture(path: string, config?: RawConfig): Finding[] {
  const name = path.split('/').pop()!;
  const display = relative(REPO_ROOT, path);
  const source: SourceInput = { absPath: path, displayPath: display, kind: kindByName(name) ?? 'dockerfile', contextOnly: false, text: readFileSync(path, 'utf8') };
  return lintSources({ sources: [source], config: configOf(config), rules: RULES }).findings;
}

/** Positions of one rule's findings in a fixture, as `line:column`. */
export function positionsOf(findings: Finding[], ruleId: string): string[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line}:${f.range.start.column}`);
}

/** A temporary project directory holding the given files (path -> content). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'genai-lint-test-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

/** The repository as a fresh clone has it: tracked files (and new ones not ignored), no node_modules, no dist/. */
export function cleanCheckout(): string {
  const out = mkdtempSync(join(tmpdir(), 'genai-lint-checkout-'));
  const files = execFileSync('git', ['-C', REPO_ROOT, 'ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    cpSync(join(REPO_ROOT, f), join(out, f));
  }
  return out;
}
