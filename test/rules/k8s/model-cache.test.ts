import { ruleTester } from '../../helpers.js';
import { deployment } from './_shared.js';

const vllm = (extra = '', volumes = '') =>
  deployment(`      containers:\n        - name: vllm\n          image: vllm/vllm-openai:v0.6.3\n          args: ["--model", "Qwen/Qwen2.5-7B-Instruct"]\n${extra}${volumes}`, 'vllm-qwen');

ruleTester('k8s/model-cache', {
  valid: [
    {
      name: 'the cache on a PVC',
      code: vllm('          volumeMounts:\n            - {name: cache, mountPath: /root/.cache/huggingface}\n', '      volumes:\n        - name: cache\n          persistentVolumeClaim: {claimName: hf-cache}\n'),
    },
  ],
  invalid: [
    {
      name: 'the cache on the container filesystem',
      code: vllm(),
      errors: [{ line: 13, column: 11, message: 'on the container filesystem: every restart downloads it again' }],
    },
    {
      name: 'the cache on an emptyDir',
      code: vllm('          volumeMounts:\n            - {name: cache, mountPath: /root/.cache/huggingface}\n', '      volumes:\n        - name: cache\n          emptyDir: {}\n'),
      errors: [{ line: 20, column: 11, message: 'on an emptyDir: every reschedule downloads it again' }],
    },
  ],
});
