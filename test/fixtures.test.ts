/**
 * Every fixture folder's expected.txt (written by `npm run fixtures:expect`,
 * then reviewed) against what genai-lint reports on the folder now: each
 * finding's file, line:column and rule id, for every rule, in run order.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTATIONS_FILE, currentExpectations, exampleProblems, examplesIn, foldersWithExpectations, isFixedOutput, parseExpectations } from '../src/fixture-expectations.js';
import { FIXTURES, project } from './helpers.js';

describe('fixture folders report exactly their expected.txt', () => {
  for (const dir of foldersWithExpectations(FIXTURES)) {
    it(relative(FIXTURES, dir).split('\\').join('/'), async () => {
      const expected = parseExpectations(readFileSync(join(dir, EXPECTATIONS_FILE), 'utf8'));
      expect(await currentExpectations(dir), 'a changed finding: run `npm run fixtures:expect` and review the diff').toEqual(expected);
    });
  }
});

describe('what a fixture folder holds', () => {
  const dir = project({
    '.genai-lint.yaml': 'rules: {}\n',
    'bad.yaml': 'x: 1\n',
    'bad.fixed.yaml': 'x: 2\n',
    'bad-namespace.yaml': 'x: 1\n',
    'good/compose.yaml': 'services: {}\n',
    'good/compose.fixed.yaml': 'services: {}\n',
    'good.yaml': 'x: 1\n',
    [EXPECTATIONS_FILE]: '',
  });

  it('examples are its files and folders, not its config, its expectations or autofix outputs (*.fixed.*)', () => {
    expect(examplesIn(dir)).toEqual(['bad-namespace.yaml', 'bad.yaml', 'good', 'good.yaml']);
    expect(['bad.fixed.yaml', 'good/compose.fixed.yaml', 'bad.Dockerfile', 'fixed/compose.yaml'].map(isFixedOutput)).toEqual([true, true, false, false]);
  });

  it('a bad example without a finding of its rule, or a good one with one, is named for review', () => {
    const lines = ['bad.yaml 4:9 k8s/hpa', 'bad-namespace.yaml 2:1 k8s/probes', 'good/compose.yaml 3:5 k8s/hpa', 'good.yaml 1:1 k8s/probes', 'bad.fixed.yaml 4:9 k8s/probes'];
    expect(exampleProblems('k8s/hpa', dir, lines)).toEqual(['bad-namespace.yaml is a bad example but has no k8s/hpa finding', 'good is a good example but has a k8s/hpa finding']);
    expect(exampleProblems('k8s/hpa', dir, parseExpectations('bad.yaml 4:9 k8s/hpa\n\nbad-namespace.yaml 1:1 k8s/hpa\n'))).toEqual([]);
  });
});
