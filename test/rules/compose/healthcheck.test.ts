import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('compose/healthcheck fixtures', () => {
  it('compose/healthcheck: bad', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/healthcheck', 'bad/compose.yaml')), 'compose/healthcheck')).toEqual(['2:3', '12:3']));
  it('compose/healthcheck: good stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/healthcheck', 'good/compose.yaml')), 'compose/healthcheck')).toEqual([]));
});
