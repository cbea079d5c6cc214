import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture } from '../../helpers.js';

describe('compose/gpu-reservation fixtures', () => {

  it('severities follow the problem', () => {
    const f = lintFixture(join(FIXTURES, 'compose/gpu-reservation/bad/compose.yaml')).filter((x) => x.ruleId === 'compose/gpu-reservation');
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning', 'info', 'error']);
  });
});
