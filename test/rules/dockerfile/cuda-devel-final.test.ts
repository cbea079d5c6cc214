import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('dockerfile/cuda-devel-final fixtures', () => {
  it('dockerfile/cuda-devel-final: bad.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/cuda-devel-final', 'bad.Dockerfile')), 'dockerfile/cuda-devel-final')).toEqual(['1:6']));
  it('dockerfile/cuda-devel-final: good.Dockerfile stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/cuda-devel-final', 'good.Dockerfile')), 'dockerfile/cuda-devel-final')).toEqual([]));
});
