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
