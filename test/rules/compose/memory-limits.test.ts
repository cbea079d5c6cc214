import { ruleTester } from '../../helpers.js';

ruleTester('compose/memory-limits', {
  valid: [
    { name: 'deploy.resources.limits.memory', filename: 'compose.yaml', code: 'services:\n  api:\n    image: ghcr.io/acme/rag-api:1.2.0\n    deploy:\n      resources:\n        limits: {memory: 4g}\n' },
    { name: 'the service-level mem_limit', filename: 'compose.yaml', code: 'services:\n  api:\n    image: ghcr.io/acme/rag-api:1.2.0\n    mem_limit: 4g\n' },
  ],
  invalid: [
    {
      name: 'no limit, and a CPU limit alone',
      filename: 'compose.yaml',
      code: 'services:\n  qdrant:\n    image: qdrant/qdrant:v1.12.1\n  api:\n    image: ghcr.io/acme/rag-api:1.2.0\n    deploy:\n      resources:\n        limits: {cpus: "2"}\n',
      errors: [
        { line: 2, column: 3, message: 'service `qdrant` has no memory limit' },
        { line: 4, column: 3, message: 'service `api` has no memory limit' },
      ],
    },
  ],
});
