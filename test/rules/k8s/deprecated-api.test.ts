import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../../helpers.js';

describe('k8s/deprecated-api fixtures', () => {
  it('k8s/deprecated-api: bad.yaml', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/deprecated-api', 'bad.yaml')), 'k8s/deprecated-api')).toEqual(['1:13', '9:13', '18:13', '27:13']));
  it('k8s/deprecated-api: good.yaml stays quiet', () => expect(positionsOf(lintFixture(join(FIXTURES, 'k8s/deprecated-api', 'good.yaml')), 'k8s/deprecated-api')).toEqual([]));
});

ruleTester('k8s/deprecated-api', {
  valid: [],
  invalid: [
    {
      name: 'a Deployment names only its own replacement',
      code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n',
      errors: [{ line: 1, column: 13, message: /use apps\/v1$/ }],
    },
    {
      name: 'a NetworkPolicy names networking.k8s.io/v1',
      code: 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {}\n',
      errors: [{ line: 1, column: 13, message: /use networking\.k8s\.io\/v1$/ }],
    },
  ],
});
