import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('compose/model-cache fixtures', () => {
  it('compose/model-cache: bad', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/model-cache', 'bad/compose.yaml')), 'compose/model-cache')).toEqual(['2:3', '5:3']));
  it('compose/model-cache: good stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/model-cache', 'good/compose.yaml')), 'compose/model-cache')).toEqual([]));
});
