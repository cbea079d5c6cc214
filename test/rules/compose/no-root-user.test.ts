import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('compose/no-root-user fixtures', () => {
  it('compose/no-root-user: bad', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/no-root-user', 'bad/compose.yaml')), 'compose/no-root-user')).toEqual(['4:5', '7:5']));
  it('compose/no-root-user: good stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/no-root-user', 'good/compose.yaml')), 'compose/no-root-user')).toEqual([]));
});
