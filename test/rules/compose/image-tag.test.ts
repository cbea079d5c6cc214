import { ruleTester } from '../../helpers.js';

ruleTester('compose/image-tag', {
  valid: [
    { name: 'a template', filename: 'compose.yaml', code: 'services:\n  api:\n    image: "{{ api_image }}"\n' },
    { name: 'the name of a locally built image', filename: 'compose.yaml', code: 'services:\n  chain:\n    build: {context: .}\n    image: chain-server:latest\n' },
  ],
  invalid: [{ name: 'untagged', filename: 'compose.yaml', code: 'services:\n  api:\n    image: ollama/ollama\n', errors: [{ line: 3, column: 12 }] }],
});
