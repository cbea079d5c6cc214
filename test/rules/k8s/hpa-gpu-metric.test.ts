import { ruleTester } from '../../helpers.js';
import { deployment } from './_shared.js';

const GPU_SERVER = deployment('      containers:\n        - name: vllm\n          image: vllm/vllm-openai:v0.6.3\n          resources:\n            limits: {nvidia.com/gpu: 1}\n', 'vllm');
/** An autoscaling/v2 HPA of the server (after GPU_SERVER and `---`, `metrics:` is on line 26). */
const hpa = (metrics: string) =>
  `${GPU_SERVER}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n  minReplicas: 1\n  maxReplicas: 4\n  metrics:\n${metrics}`;

ruleTester('k8s/hpa-gpu-metric', {
  valid: [
    { name: 'a queue metric of the server', code: hpa('    - type: Pods\n      pods:\n        metric: {name: vllm_num_requests_waiting}\n        target: {type: AverageValue, averageValue: "5"}\n') },
    {
      name: 'CPU scaling of a CPU workload',
      code: `${deployment('      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0\n', 'api')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  maxReplicas: 4\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n`,
    },
  ],
  invalid: [
    {
      name: 'CPU and memory utilisation only',
      code: hpa('    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n    - type: Resource\n      resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}\n'),
      errors: [{ line: 26, column: 3, message: 'scales GPU Deployment `vllm` (1 GPU per pod) only on cpu and memory' }],
    },
  ],
});
