import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('compose/memory-limits fixtures', () => {
  it('compose/memory-limits: bad', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/memory-limits', 'bad/compose.yaml')), 'compose/memory-limits')).toEqual(['2:3', '4:3']));
  it('compose/memory-limits: good stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/memory-limits', 'good/compose.yaml')), 'compose/memory-limits')).toEqual([]));
});
