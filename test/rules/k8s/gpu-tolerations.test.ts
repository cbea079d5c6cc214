import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/gpu-tolerations', {
  valid: [
    { name: 'a keyless Exists toleration tolerates everything', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n', '  tolerations:\n    - operator: Exists\n') },
    { name: 'extra taint key from config', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n', '  tolerations:\n    - {key: gpu-pool, operator: Exists}\n'), config: { gpu: { taintKeys: ['gpu-pool'] } } },
  ],
  invalid: [
    {
      name: 'a toleration for an unrelated taint; a Neuron device',
      code: pod('    - name: a\n      image: x:1\n      resources: {limits: {aws.amazon.com/neuroncore: 2}}\n', '  tolerations:\n    - {key: spot, operator: Exists}\n'),
      errors: [{ line: 6, column: 3, message: 'aws.amazon.com/neuroncore' }],
    },
  ],
});

ruleTester('k8s/gpu-tolerations', {
  valid: [
    { name: 'a TPU pod needs no toleration, even without a GKE node selector', code: pod('    - name: jax\n      image: x:1\n      resources: {limits: {google.com/tpu: 4}}\n') },
    { name: 'GKE accelerator node pool in required node affinity', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:\n              - {key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4]}\n') },
  ],
  invalid: [
    {
      name: 'a Gaudi pod is told about accelerator taints, not GPU taints',
      code: pod('    - name: a\n      image: x:1\n      resources: {limits: {habana.ai/gaudi: 8}}\n'),
      errors: [{ line: 5, column: 1, message: /requests habana\.ai\/gaudi \(container `a`\) but tolerates none of the accelerator node taints \(habana\.ai\/gaudi\); it stays Pending on tainted accelerator pools$/ }],
    },
  ],
});
