import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../../helpers.js';

describe('dockerfile/pin-base-image fixtures', () => {
  it('dockerfile/pin-base-image: bad.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/pin-base-image', 'bad.Dockerfile')), 'dockerfile/pin-base-image')).toEqual(['2:6', '5:6']));
  it('dockerfile/pin-base-image: good.Dockerfile stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/pin-base-image', 'good.Dockerfile')), 'dockerfile/pin-base-image')).toEqual([]));
});

ruleTester('dockerfile/pin-base-image', {
  valid: [{ name: 'unresolvable ARG without default', code: 'ARG BASE\nFROM ${BASE}\n' }, { name: 'registry port is not a tag', code: 'FROM registry.local:5000/ml/base:2.1\n' }],
  invalid: [{ name: 'registry with port and no tag', code: 'FROM registry.local:5000/ml/base\n', errors: [{ line: 1, column: 6, endColumn: 33 }] }],
});

ruleTester('dockerfile/pin-base-image', {
  valid: [
    { name: 'a templated FROM', code: 'FROM {{ SRC_IMAGE }}\nRUN echo ok\n' },
    { name: 'a FROM left to envsubst', code: 'FROM ${BASE_IMAGE}\nRUN echo ok\n' },
  ],
  invalid: [{ name: 'an untagged FROM after a templated one', code: 'FROM {{ SRC_IMAGE }} AS a\nFROM python\n', errors: [{ line: 2, column: 6, message: 'no tag' }] }],
});
