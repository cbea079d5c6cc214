import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('k8s/hpa-max-replicas fixtures', () => {
  it('k8s/hpa-max-replicas: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/hpa-max-replicas', 'bad.yaml')), 'k8s/hpa-max-replicas')).toEqual(['25:16', '36:1']));
  it('k8s/hpa-max-replicas: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/hpa-max-replicas', 'good.yaml')), 'k8s/hpa-max-replicas')).toEqual([]));
});
