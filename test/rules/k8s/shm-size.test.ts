import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

describe('k8s/shm-size fixtures', () => {

  it('shm-size: severities follow the problem (no sizeLimit is info)', () => {
    const f = lintFixture(join(FIXTURES, 'k8s/shm-size/bad.yaml')).filter((x) => x.ruleId === 'k8s/shm-size');
    expect(f.map((x) => x.severity)).toEqual(['warning', 'info', 'warning']);
  });
});

ruleTester('k8s/shm-size', {
  valid: [{ name: 'a TPU container with a parallelism flag', code: pod('    - name: a\n      image: vllm/vllm-tpu:v0.8.5\n      args: ["--tensor-parallel-size", "4"]\n      resources: {limits: {google.com/tpu: 4}}\n') }],
  invalid: [
    {
      name: 'GPUs are counted as GPUs, not as all accelerators',
      code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 2}}\n'),
      errors: [{ line: 7, column: 7, message: 'runs with 2 GPUs but has no memory-backed /dev/shm' }],
    },
  ],
});
