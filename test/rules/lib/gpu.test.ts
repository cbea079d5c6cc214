import { describe, expect, it } from 'vitest';
import { configOf } from '../../helpers.js';
import { acceleratorKind, gkeAcceleratorTarget } from '../../../rules/lib/gpu.js';

describe('accelerator kinds', () => {
  const settings = configOf({ gpu: { resources: ['acme.com/vgpu'] } }).settings;
  it.each([
    ['nvidia.com/gpu', 'gpu'],
    ['nvidia.com/mig-1g.10gb', 'gpu'],
    ['amd.com/gpu', 'gpu'],
    ['gpu.intel.com/i915', 'gpu'],
    ['acme.com/vgpu', 'gpu'],
    ['google.com/tpu', 'tpu'],
    ['habana.ai/gaudi', 'other'],
    ['aws.amazon.com/neuroncore', 'other'],
    ['cpu', undefined],
  ])('%s is %s', (name, kind) => expect(acceleratorKind(name, settings)).toBe(kind));
  it('finds GKE accelerator pools in nodeSelector and in node affinity', () => {
    expect(gkeAcceleratorTarget({ containers: [], nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' } })).toBe('cloud.google.com/gke-accelerator');
    const affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'cloud.google.com/gke-tpu-accelerator', operator: 'Exists' }] } }] } };
    expect(gkeAcceleratorTarget({ containers: [], affinity })).toBe('cloud.google.com/gke-tpu-accelerator');
    expect(gkeAcceleratorTarget({ containers: [], nodeSelector: { 'cloud.google.com/gke-nodepool': 'gpu-pool' } })).toBeUndefined();
  });
});
