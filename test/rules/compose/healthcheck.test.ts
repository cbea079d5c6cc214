import { ruleTester } from '../../helpers.js';

ruleTester('compose/healthcheck', {
  valid: [
    {
      name: 'the awaited service has a healthcheck; the other publishes no ports',
      filename: 'compose.yaml',
      code: 'services:\n  vllm:\n    image: vllm/vllm-openai:v0.6.3\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n  worker:\n    image: ghcr.io/acme/worker:1.0\n    depends_on:\n      vllm:\n        condition: service_healthy\n',
    },
  ],
  invalid: [
    {
      name: 'awaited with service_healthy but no healthcheck; a published port without one',
      filename: 'compose.yaml',
      code: 'services:\n  ollama:\n    image: ollama/ollama:0.3.14\n  webui:\n    image: ghcr.io/open-webui/open-webui:0.3.35\n    depends_on:\n      ollama:\n        condition: service_healthy\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n  qdrant:\n    image: qdrant/qdrant:v1.12.1\n    ports: ["6333:6333"]\n',
      errors: [
        { line: 2, column: 3, message: 'no healthcheck, but `webui` waits' },
        { line: 11, column: 3, message: 'publishes ports but has no healthcheck' },
      ],
    },
  ],
});
