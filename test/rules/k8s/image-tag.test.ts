import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

describe('k8s/image-tag fixtures', () => {
  it('k8s/image-tag: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/image-tag', 'bad.yaml')), 'k8s/image-tag')).toEqual(['14:18', '17:18', '20:18']));
  it('k8s/image-tag: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/image-tag', 'good.yaml')), 'k8s/image-tag')).toEqual([]));
  it('k8s/image-tag: bad-floating.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/image-tag', 'bad-floating.yaml')), 'k8s/image-tag')).toEqual(['14:18', '16:18', '18:18']));
  it('k8s/image-tag: good-versioned.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/image-tag', 'good-versioned.yaml')), 'k8s/image-tag')).toEqual([]));
});

ruleTester('k8s/image-tag', {
  valid: [{ name: 'the floating tag list is an option', code: pod('    - name: a\n      image: ghcr.io/acme/x:nightly\n'), config: { rules: { 'k8s/image-tag': ['warning', { floatingTags: ['latest'] }] } } }],
  invalid: [
    {
      name: 'a custom floating tag',
      code: pod('    - name: a\n      image: ghcr.io/acme/x:canary\n'),
      config: { rules: { 'k8s/image-tag': ['warning', { floatingTags: ['latest', 'canary'] }] } },
      errors: [{ line: 8, column: 14, message: 'the floating tag `canary`' }],
    },
  ],
});

ruleTester('k8s/image-tag', {
  valid: [
    { name: 'envsubst image', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: ${IMAGE}\n' },
    { name: 'Go template without spaces', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: "{{.Image}}"\n' },
  ],
  invalid: [
    { name: 'an untagged image next to a templated one', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: $IMAGE\n    - name: b\n      image: redis\n', errors: [{ line: 9, column: 14, message: 'no tag' }] },
  ],
});
