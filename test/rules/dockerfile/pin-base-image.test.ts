import { ruleTester } from '../../helpers.js';

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
