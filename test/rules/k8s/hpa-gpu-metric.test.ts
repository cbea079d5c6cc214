import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('k8s/hpa-gpu-metric fixtures', () => {
  it('k8s/hpa-gpu-metric: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/hpa-gpu-metric', 'bad.yaml')), 'k8s/hpa-gpu-metric')).toEqual(['28:3', '47:3']));
  it('k8s/hpa-gpu-metric: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/hpa-gpu-metric', 'good.yaml')), 'k8s/hpa-gpu-metric')).toEqual([]));
});
