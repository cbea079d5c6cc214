import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('k8s/trust-remote-code fixtures', () => {
  it('k8s/trust-remote-code: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/trust-remote-code', 'bad.yaml')), 'k8s/trust-remote-code')).toEqual(['17:15']));
  it('k8s/trust-remote-code: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/trust-remote-code', 'good.yaml')), 'k8s/trust-remote-code')).toEqual([]));
});
