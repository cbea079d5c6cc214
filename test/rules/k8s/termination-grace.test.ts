import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture } from '../../helpers.js';
import { RULES } from '../../../rules/index.js';

describe('termination-grace severities follow its documentation', () => {
  it('the 30 s default is info, a short grace for a stated drain time is a warning', () => {
    const f = lintFixture(join(FIXTURES, 'k8s/termination-grace/bad.yaml')).filter((x) => x.ruleId === 'k8s/termination-grace');
    expect(f.map((x) => `${x.range.start.line}:${x.range.start.column} ${x.severity}`)).toEqual(['12:7 warning', '31:5 info']);
    const rule = RULES.find((r) => r.meta.id === 'k8s/termination-grace')!;
    expect(rule.meta.summary).toContain('30 s default is reported as info');
  });
});
