import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

describe('k8s/model-cache fixtures', () => {
  it('k8s/model-cache: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/model-cache', 'bad.yaml')), 'k8s/model-cache')).toEqual(['14:11', '44:24', '70:11']));
  it('k8s/model-cache: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/model-cache', 'good.yaml')), 'k8s/model-cache')).toEqual([]));
});
