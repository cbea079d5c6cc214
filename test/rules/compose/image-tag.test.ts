import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../../helpers.js';

describe('compose/image-tag fixtures', () => {
  it('compose/image-tag: bad', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/image-tag', 'bad/compose.yaml')), 'compose/image-tag')).toEqual(['3:12', '5:12']));
  it('compose/image-tag: good stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'compose/image-tag', 'good/compose.yaml')), 'compose/image-tag')).toEqual([]));
});

ruleTester('compose/image-tag', {
  valid: [
    { name: 'a template', filename: 'compose.yaml', code: 'services:\n  api:\n    image: "{{ api_image }}"\n' },
    { name: 'the name of a locally built image', filename: 'compose.yaml', code: 'services:\n  chain:\n    build: {context: .}\n    image: chain-server:latest\n' },
  ],
  invalid: [{ name: 'untagged', filename: 'compose.yaml', code: 'services:\n  api:\n    image: ollama/ollama\n', errors: [{ line: 3, column: 12 }] }],
});
