import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawConfig } from '../src/config/index.js';
import { RULES } from '../rules/index.js';
import { renderEngineRuleDoc, renderRuleDoc, ruleExamples } from '../src/rule-docs.js';
import { ENGINE_RULES } from '../src/engine/rule.js';
import { DOCS_BASE_URL, ruleDocsUrl } from '../src/package-root.js';
import { EXPECTATIONS_FILE, exampleProblems, isFixedOutput, parseExpectations } from '../src/fixture-expectations.js';
import { REPO_ROOT, FIXTURES, fixtureFiles, lintFixture } from './helpers.js';

describe('every rule is complete', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      const examples = ruleExamples(REPO_ROOT, id);
      // Autofix outputs (`bad.fixed.yaml`) sit beside the examples but are none.
      const bad = examples.bad.filter((ex) => !isFixedOutput(ex.file));
      const good = examples.good.filter((ex) => !isFixedOutput(ex.file));
      // Policies are off until configured: their fixtures carry the configuration they are linted with.
      const config = examples.config ? (parse(examples.config) as RawConfig) : undefined;
      it('has a firing fixture that fires', () => {
        expect(bad.length).toBeGreaterThan(0);
        for (const ex of bad) {
          const ids = lintFixture(join(FIXTURES, id, ex.file), config).map((f) => f.ruleId);
          expect(ids, ex.file).toContain(id);
        }
      });
      it('has a non-firing fixture that stays quiet', () => {
        expect(good.length).toBeGreaterThan(0);
        for (const ex of good) {
          const ids = lintFixture(join(FIXTURES, id, ex.file), config).map((f) => f.ruleId);
          expect(ids, ex.file).not.toContain(id);
        }
      });
      it('lists its fixtures\' findings in expected.txt (npm run fixtures:expect), bad examples firing, good ones quiet', () => {
        const dir = join(FIXTURES, id);
        const file = join(dir, EXPECTATIONS_FILE);
        expect(existsSync(file), file).toBe(true);
        // test/fixtures.test.ts checks the file against the run; here, that it says what the examples are for.
        expect(exampleProblems(id, dir, parseExpectations(readFileSync(file, 'utf8')))).toEqual([]);
      });
      it('has an up-to-date docs page (npm run docs)', () => {
        const page = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
        expect(existsSync(page), page).toBe(true);
        expect(readFileSync(page, 'utf8')).toBe(renderRuleDoc(rule.meta, examples));
      });
      it('describes itself', () => {
        expect(rule.meta.summary.length).toBeGreaterThan(10);
        expect(rule.meta.rationale.length).toBeGreaterThan(40);
        expect(rule.meta.fix.length).toBeGreaterThan(10);
        expect(id.startsWith(`${rule.meta.target}/`)).toBe(true);
      });
    });
  }

  it('no good fixture of any rule produces an error-level finding of another rule it is not about', () => {
    // Good fixtures are realistic files; they must not trip a secret or parse error.
    const good = fixtureFiles(FIXTURES).filter((f) => (/\/good[^/]*$/.test(f) || /\/good[^/]*\/([^/]+\.ya?ml|Dockerfile)$/.test(f)) && !isFixedOutput(f));
    for (const f of good) {
      const errors = lintFixture(f).filter((x) => x.severity === 'error');
      expect(errors.map((e) => `${f}: ${e.ruleId} ${e.message}`)).toEqual([]);
    }
  });
});

describe('every engine rule has an up-to-date docs page, where SARIF helpUri points', () => {
  for (const meta of ENGINE_RULES) {
    it(meta.id, () => {
      const page = join(REPO_ROOT, 'docs', 'rules', `${meta.id}.md`);
      expect(ruleDocsUrl(meta.id)).toBe(`${DOCS_BASE_URL}${meta.id}.md`);
      expect(existsSync(page), page).toBe(true);
      expect(readFileSync(page, 'utf8')).toBe(renderEngineRuleDoc(meta));
    });
  }
});
