import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('dockerfile/no-git-dir fixtures', () => {
  it('dockerfile/no-git-dir: bad.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/no-git-dir', 'bad.Dockerfile')), 'dockerfile/no-git-dir')).toEqual(['3:6']));
  it('dockerfile/no-git-dir: good.Dockerfile stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/no-git-dir', 'good.Dockerfile')), 'dockerfile/no-git-dir')).toEqual([]));
});
