import { describe, expect, it } from 'vitest';
import { lintSnippet, positionsOf } from '../../helpers.js';

/** A GPU model server (the Deployment starts on line 1, its metadata on line 4). */
const server = (namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels: {app: vllm}\n  template:\n    metadata:\n      labels: {app: vllm}\n    spec:\n      containers:\n        - name: vllm\n          image: vllm/vllm-openai:v0.6.3\n          resources:\n            limits: {nvidia.com/gpu: 1}\n`;
/** An HPA named like the server, scaling on CPU only (its metrics on line 28 after the server). */
const cpuHpa = (namespace: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\n  namespace: ${namespace}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n  minReplicas: 1\n  maxReplicas: 4\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: {type: Utilization, averageUtilization: 70}\n`;

// An autoscaler scales a workload of its own namespace only: one of the same name elsewhere is another workload's.
describe('autoscalers pair with workloads of their own namespace', () => {
  it('a workload counts as autoscaled only by an autoscaler in its namespace (autoscalersOf)', () => {
    const same = lintSnippet({ code: `${server('llm')}---\n${cpuHpa('llm')}` });
    const other = lintSnippet({ code: `${server('llm')}---\n${cpuHpa('staging')}` });
    expect(positionsOf(same, 'k8s/hpa')).toEqual([]);
    expect(positionsOf(other, 'k8s/hpa')).toEqual(['4:9']);
  });

  it('an autoscaler judges only the target in its namespace (scaleTargetOf)', () => {
    const same = lintSnippet({ code: `${server('llm')}---\n${cpuHpa('llm')}` });
    const other = lintSnippet({ code: `${server('llm')}---\n${cpuHpa('staging')}` });
    expect(positionsOf(same, 'k8s/hpa-gpu-metric')).toEqual(['28:3']);
    expect(positionsOf(other, 'k8s/hpa-gpu-metric')).toEqual([]);
  });
});
