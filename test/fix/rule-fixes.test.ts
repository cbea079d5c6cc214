// Every fixable rule fixes its bad fixtures into the expected files committed beside them
// (bad.yaml -> bad.fixed.yaml, bad/ -> bad.fixed/), and --fix over every fixture never breaks
// a file, never adds a finding and is idempotent.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { fixedExampleName, ruleExamples } from '../../src/rule-docs.js';
import { isFixedOutput } from '../../src/fixture-expectations.js';
import { lintAndFix } from '../../src/fix/loop.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { parseDockerfile, missingFromProblem } from '../../src/parse/dockerfile.js';
import type { Finding } from '../../src/types.js';
import { FIXTURES, REPO_ROOT, fixtureFiles, project } from '../helpers.js';

/** A temporary project holding one example (a file or a directory) and the rule's fixture config. */
function copyExample(ruleId: string, name: string): { dir: string; target: string } {
  const dir = project({});
  const from = join(FIXTURES, ruleId, name);
  // The example without the expected fix results that sit in its folder.
  cpSync(from, join(dir, name), { recursive: true, filter: (src) => !isFixedOutput(src) });
  const config = join(FIXTURES, ruleId, '.genai-lint.yaml');
  if (existsSync(config)) cpSync(config, join(dir, '.genai-lint.yaml'));
  return { dir, target: join(dir, name) };
}

async function fixIn(dir: string, unsafe = true) {
  return lintAndFix({ cwd: dir, paths: ['.'] }, { unsafe });
}

/** Whether a fixed text still parses as the kind of file it is. */
function parses(file: string, text: string): boolean {
  if (/Dockerfile/i.test(file)) return missingFromProblem(parseDockerfile(text)) === undefined;
  return parseYaml(text).documents.every((d) => !d.errors.length);
}

const counts = (findings: readonly Finding[]) => {
  const m = new Map<string, number>();
  for (const f of findings) m.set(`${f.ruleId} ${f.message}`, (m.get(`${f.ruleId} ${f.message}`) ?? 0) + 1);
  return m;
};

describe('fixable rules fix their bad fixtures into the expected files', () => {
  for (const rule of RULES.filter((r) => r.meta.autofix)) {
    const id = rule.meta.id;
    const examples = ruleExamples(REPO_ROOT, id);
    // bad.yaml -> bad.fixed.yaml beside it; bad/compose.yaml -> bad/compose.fixed.yaml inside its folder.
    const expectedOf = (file: string) => join(FIXTURES, id, file.includes('/') ? `${file.split('/')[0]}/${fixedExampleName(file.split('/')[1])}` : fixedExampleName(file));
    const withFixed = examples.bad.map((b) => b.file).filter((file) => existsSync(expectedOf(file)));
    it(`${id} has at least one expected fix result`, () => {
      expect(withFixed.length).toBeGreaterThan(0);
    });
    for (const file of withFixed) {
      const name = file.split('/')[0];
      it(`${id}: ${file}`, async () => {
        // The expected file is what --fix --unsafe-fixes makes of the fixture with this rule's fixes.
        const fresh = copyExample(id, name);
        const first = await lintAndFix({ cwd: fresh.dir, paths: ['.'] }, { unsafe: true, maxPasses: 0 });
        const fixable = first.report.findings.filter((f) => f.ruleId === id && f.autofix);
        expect(fixable.length, 'the bad fixture has a fixable finding of the rule').toBeGreaterThan(0);
        // Only this rule's fixes: the expected file shows what the rule does.
        const outcome = await lintAndFix({ cwd: fresh.dir, paths: ['.'] }, { unsafe: true, select: (fs) => fs.filter((f) => f.ruleId === id) });
        expect(outcome.fixed).toBeGreaterThan(0);
        const expected = readFileSync(expectedOf(file), 'utf8');
        const written = outcome.files.find((x) => x.absPath === join(fresh.dir, file));
        expect(written?.after, file).toBe(expected);
        expect(parses(file, expected)).toBe(true);
        // Re-linted: no finding of the rule is left that a fix could remove; only unfixable ones stay.
        const left = outcome.report.findings.filter((f) => f.ruleId === id);
        expect(left.filter((f) => f.autofix).map((f) => f.message)).toEqual([]);
        expect(left.length).toBeLessThanOrEqual(first.report.findings.filter((f) => f.ruleId === id && !f.autofix).length);
      });
    }
  }
});

it('docs/fixing.md lists every fixable rule with its applicability, and no other', () => {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'fixing.md'), 'utf8');
  const listed = [...text.matchAll(/^\| \[`([^`]+)`\]\(rules\/[^)]+\.md\) \| (safe|unsafe|mixed) \|$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
  expect(listed).toEqual(RULES.filter((r) => r.meta.autofix).map((r) => `${r.meta.id} ${r.meta.autofix!.applicability}`).sort());
});

describe('--fix over every fixture', () => {
  const fixtures = fixtureFiles(FIXTURES)
    .map((f) => f.slice(FIXTURES.length + 1).split('/'))
    .filter((parts) => parts.length >= 3 && !isFixedOutput(parts[2]) && !parts[2].startsWith('.') && parts[2] !== 'expected.txt')
    .map((parts) => ({ ruleId: `${parts[0]}/${parts[1]}`, name: parts[2] }));
  const unique = [...new Map(fixtures.map((f) => [`${f.ruleId}/${f.name}`, f])).values()];

  it('never breaks a file, never adds a finding, and changes nothing when run again', async () => {
    let fixedFiles = 0;
    for (const { ruleId, name } of unique) {
      const { dir } = copyExample(ruleId, name);
      const outcome = await fixIn(dir);
      const where = `${ruleId}/${name}`;
      expect(outcome.reverted, where).toEqual([]);
      for (const f of outcome.files) {
        fixedFiles++;
        expect(parses(f.display, f.after), `${where}: ${f.display} parses`).toBe(true);
      }
      // Never a finding that was not there: compared by rule and message.
      const initial = await lintAndFix({ cwd: copyExample(ruleId, name).dir, paths: ['.'] }, { unsafe: true, maxPasses: 0 });
      const before = counts(initial.report.findings);
      for (const [key, n] of counts(outcome.report.findings)) expect(n, `${where}: ${key}`).toBeLessThanOrEqual(before.get(key) ?? 0);
      // Idempotent: written to disk and fixed again, nothing changes.
      for (const f of outcome.files) writeFileSync(f.absPath, f.after);
      const again = await fixIn(dir);
      expect(again.files.map((f) => f.display), where).toEqual([]);
    }
    expect(fixedFiles).toBeGreaterThan(10);
  }, 600_000);
});
