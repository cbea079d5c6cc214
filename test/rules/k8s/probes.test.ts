import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/probes', {
  valid: [
    { name: 'Jobs are not serving workloads', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: x:1\n' },
    { name: 'a large enough liveness budget needs no startupProbe', code: pod('    - name: c\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n      readinessProbe: {httpGet: {path: /health, port: 8000}}\n      livenessProbe: {httpGet: {path: /health, port: 8000}, initialDelaySeconds: 600}\n') },
  ],
  invalid: [
    {
      name: 'a CPU container missing both probes',
      code: pod('    - name: api\n      image: x:1\n      ports: [{containerPort: 8080}]\n'),
      errors: [{ line: 7, column: 7, message: 'no readinessProbe and no livenessProbe: traffic is routed to it before it is ready' }],
    },
  ],
});

ruleTester('k8s/probes', {
  valid: [],
  invalid: [
    {
      name: 'a CPU model server (by image) also needs a startup budget; failureThreshold 1 is reported',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: tei\n      image: ghcr.io/huggingface/text-embeddings-inference:cpu-1.5\n      readinessProbe: {httpGet: {path: /health, port: 80}}\n      livenessProbe:\n        httpGet: {path: /health, port: 80}\n        failureThreshold: 1\n',
      errors: [
        { line: 9, column: 7, message: 'gets 10s to start' },
        { line: 11, column: 9, message: 'failureThreshold 1' },
      ],
    },
  ],
});

ruleTester('k8s/probes', {
  valid: [
    { name: 'restartPolicy OnFailure', code: pod('    - name: a\n      image: x:1\n      ports: [{containerPort: 80}]\n', '  restartPolicy: OnFailure\n') },
    { name: 'tail -f /dev/null', code: pod('    - name: a\n      image: x:1\n      ports: [{containerPort: 80}]\n      command: ["tail", "-f", "/dev/null"]\n') },
  ],
  invalid: [
    {
      name: 'only recognised model servers hear about loading weights',
      code: pod('    - name: redis\n      image: redis:7.4.1\n      ports: [{containerPort: 6379}]\n    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n'),
      errors: [
        { line: 7, column: 7, message: /has no readinessProbe and no livenessProbe: traffic is routed to it before it is ready$/ },
        { line: 10, column: 7, message: /has no readinessProbe and no livenessProbe: traffic is routed to it while it is still loading weights$/ },
      ],
    },
  ],
});

const ollama = (liveness: string) =>
  pod(`    - name: ollama\n      image: ollama/ollama:0.5.7\n      ports: [{name: http, containerPort: 11434}]\n      readinessProbe: {httpGet: {path: /, port: http}}\n      livenessProbe: {${liveness}, initialDelaySeconds: 60, periodSeconds: 10, failureThreshold: 6}\n`);

ruleTester('k8s/probes', {
  valid: [
    // Ollama answers `/` as soon as the daemon runs and loads models on request: its liveness check passes during any load.
    { name: 'Ollama liveness on / with a 120s budget', code: ollama('httpGet: {path: /, port: http}') },
    { name: 'Ollama liveness as a TCP check', code: ollama('tcpSocket: {port: http}') },
  ],
  invalid: [
    {
      name: 'llama.cpp answers /health with 503 while it loads: a short liveness budget restarts it',
      code: pod('    - name: llama\n      image: ghcr.io/ggerganov/llama.cpp:server-b4500\n      ports: [{containerPort: 8080}]\n      readinessProbe: {httpGet: {path: /health, port: 8080}}\n      livenessProbe: {httpGet: {path: /health, port: 8080}, initialDelaySeconds: 60, periodSeconds: 10, failureThreshold: 6}\n'),
      errors: [{ line: 11, column: 7, message: 'gets 120s to start' }],
    },
  ],
});
