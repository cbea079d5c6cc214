import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lintFixture } from './helpers.js';

/**
 * Realistic deployments in the style of public vLLM, TGI, Triton, Ollama and
 * KServe examples, and exactly what genai-lint reports on each.
 */
const EXPECTED: Record<string, string[]> = {
  'vllm/deployment.yaml': [],
  'vllm/Dockerfile': [],
  'kserve/inferenceservice.yaml': [],
  'tgi/deployment.yaml': [
    'k8s/hpa 6:9',
    'k8s/gpu-tolerations 18:5',
    'k8s/termination-grace 18:5',
    'k8s/privilege-escalation 20:11',
    'k8s/probes 20:11',
    'k8s/run-as-non-root 20:11',
    'k8s/shm-size 20:11',
    'k8s/no-plaintext-secrets 29:22',
    'k8s/resource-requests 35:13',
    'k8s/memory-limits 37:13',
    'k8s/model-cache 44:11',
  ],
  'triton/deployment.yaml': [
    'k8s/dangling-hpa 11:3',
    'k8s/termination-grace 22:5',
    'k8s/privilege-escalation 31:11',
    'k8s/privilege-escalation 47:11',
    'k8s/resource-requests 54:11',
    'k8s/probes 58:11',
    'k8s/deprecated-api 71:13',
    'k8s/hpa-max-replicas 82:16',
    'k8s/hpa-gpu-metric 83:3',
  ],
  'ollama/statefulset.yaml': [
    'k8s/hpa 5:9',
    'k8s/gpu-tolerations 15:5',
    'k8s/termination-grace 15:5',
    'k8s/privilege-escalation 17:11',
    'k8s/run-as-non-root 17:11',
    'k8s/image-tag 18:18',
    'k8s/resource-requests 31:11',
    'k8s/memory-limits 32:13',
    // The liveness check on / passes while Ollama pulls and loads models (and probes wait for the postStart pull): no budget finding.
    // open-webui (54) is a web front-end, not a model server: no autoscaler is expected.
    'k8s/privilege-escalation 65:11',
    'k8s/probes 65:11',
    'k8s/run-as-non-root 65:11',
    'k8s/no-plaintext-secrets 73:22',
    'k8s/resource-requests 75:13',
  ],
  'ollama/Dockerfile': ['dockerfile/healthcheck 2:1', 'dockerfile/no-root-user 2:1', 'dockerfile/no-model-weights 3:42'],
  'compose/docker-compose.yml': [],
  // An override file is judged merged over docker-compose.yml: vllm's limits and GPU reservation come from there.
  'compose/docker-compose.override.yml': [
    'compose/healthcheck 5:3',
    'compose/memory-limits 5:3',
    'compose/model-cache 5:3',
    'compose/image-tag 6:12',
    'compose/no-secrets 14:27',
  ],
};

describe('realistic GenAI deployments', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => {
      const got = lintFixture(join(FIXTURES, 'examples', file)).map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`);
      expect(got).toEqual(expected);
    });
  }
});
