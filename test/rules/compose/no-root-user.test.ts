import { ruleTester } from '../../helpers.js';

ruleTester('compose/no-root-user', {
  valid: [{ name: 'a numeric non-root user', filename: 'compose.yaml', code: 'services:\n  ollama:\n    image: ollama/ollama:0.3.14\n    user: "1000:1000"\n' }],
  invalid: [
    {
      name: 'user 0 and privileged',
      filename: 'compose.yaml',
      code: 'services:\n  ollama:\n    image: ollama/ollama:0.3.14\n    user: "0:0"\n  debug:\n    image: nvidia/cuda:12.4.1-base-ubuntu22.04\n    privileged: true\n',
      errors: [
        { line: 4, column: 5, message: 'runs as root (`user: 0:0`)' },
        { line: 7, column: 5, message: 'is privileged' },
      ],
    },
  ],
});
