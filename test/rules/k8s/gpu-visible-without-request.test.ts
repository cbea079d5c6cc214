import { ruleTester } from '../../helpers.js';
import { deployment } from './_shared.js';

const tei = (env: string, resources = '') =>
  deployment(`      containers:\n        - name: tei\n          image: ghcr.io/huggingface/text-embeddings-inference:1.5\n          env:\n${env}${resources}`, 'embedder');

ruleTester('k8s/gpu-visible-without-request', {
  valid: [
    { name: 'with a GPU request', code: tei('            - {name: NVIDIA_VISIBLE_DEVICES, value: all}\n', '          resources:\n            limits: {nvidia.com/gpu: 1}\n') },
    { name: 'hiding GPUs (none, void) is not using them', code: tei('            - {name: NVIDIA_VISIBLE_DEVICES, value: none}\n') },
  ],
  invalid: [
    {
      name: 'all GPUs of the node, none requested',
      code: tei('            - name: NVIDIA_VISIBLE_DEVICES\n              value: all\n'),
      errors: [{ line: 17, column: 22, message: 'sets NVIDIA_VISIBLE_DEVICES=all but requests no GPU' }],
    },
  ],
});
