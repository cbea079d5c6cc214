import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('compose/gpu-reservation fixtures', () => {
  it('compose/gpu-reservation: bad', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/gpu-reservation', 'bad/compose.yaml')), 'compose/gpu-reservation')).toEqual(['11:15', '15:5', '17:12', '24:15']));
  it('compose/gpu-reservation: good stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/gpu-reservation', 'good/compose.yaml')), 'compose/gpu-reservation')).toEqual([]));

  it('severities follow the problem', () => {
    const f = lintFixture(join(FIXTURES, 'compose/gpu-reservation/bad/compose.yaml')).filter((x) => x.ruleId === 'compose/gpu-reservation');
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning', 'info', 'error']);
  });
});
