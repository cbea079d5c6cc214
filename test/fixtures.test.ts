/**
 * Every fixture folder's expected.txt (written by `npm run fixtures:expect`,
 * then reviewed) against what genai-lint reports on the folder now: each
 * finding's file, line:column and rule id, for every rule, in run order.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTATIONS_FILE, currentExpectations, foldersWithExpectations, parseExpectations } from '../src/fixture-expectations.js';
import { FIXTURES } from './helpers.js';

describe('fixture folders report exactly their expected.txt', () => {
  for (const dir of foldersWithExpectations(FIXTURES)) {
    it(relative(FIXTURES, dir).split('\\').join('/'), async () => {
      const expected = parseExpectations(readFileSync(join(dir, EXPECTATIONS_FILE), 'utf8'));
      expect(await currentExpectations(dir), 'a changed finding: run `npm run fixtures:expect` and review the diff').toEqual(expected);
    });
  }
});
