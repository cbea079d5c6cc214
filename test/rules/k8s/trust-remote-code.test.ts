import { ruleTester } from '../../helpers.js';
import { deployment } from './_shared.js';

const vllm = (args: string) => deployment(`      containers:\n        - name: vllm\n          image: vllm/vllm-openai:v0.6.3\n          args:\n${args}`, 'vllm-phi');

ruleTester('k8s/trust-remote-code', {
  valid: [
    { name: 'a pinned revision', code: vllm('            - --model=microsoft/Phi-3.5-MoE-instruct\n            - --trust-remote-code\n            - --revision=8f6b7a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a\n') },
    { name: 'no remote code', code: vllm('            - --model=microsoft/Phi-3.5-MoE-instruct\n') },
  ],
  invalid: [
    {
      name: '--trust-remote-code without --revision',
      code: vllm('            - --model=microsoft/Phi-3.5-MoE-instruct\n            - --trust-remote-code\n'),
      errors: [{ line: 17, column: 15, message: 'runs remote code from `microsoft/Phi-3.5-MoE-instruct`' }],
    },
  ],
});
