import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('k8s/gpu-visible-without-request fixtures', () => {
  it('k8s/gpu-visible-without-request: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/gpu-visible-without-request', 'bad.yaml')), 'k8s/gpu-visible-without-request')).toEqual(['18:22']));
  it('k8s/gpu-visible-without-request: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/gpu-visible-without-request', 'good.yaml')), 'k8s/gpu-visible-without-request')).toEqual([]));
});
