import { ruleTester } from '../../helpers.js';
import { deployment } from './_shared.js';

const TGI = deployment('      containers:\n        - name: tgi\n          image: ghcr.io/huggingface/text-generation-inference:2.4.0\n          resources:\n            limits: {nvidia.com/gpu: 2}\n', 'tgi');
/** An HPA of the 2-GPU server (after TGI and `---`, maxReplicas is on line 25). */
const hpa = (maxReplicas: number) =>
  `${TGI}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: tgi\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: tgi}\n  minReplicas: 1\n  maxReplicas: ${maxReplicas}\n  metrics:\n    - type: Pods\n      pods: {metric: {name: tgi_queue_size}, target: {type: AverageValue, averageValue: "5"}}\n`;

ruleTester('k8s/hpa-max-replicas', {
  valid: [{ name: 'within the default GPU budget', code: hpa(4) }],
  invalid: [
    {
      name: '100 replicas of a 2-GPU pod',
      code: hpa(100),
      errors: [{ line: 25, column: 16, message: 'can scale Deployment `tgi` to 100 replicas x 2 GPUs = 200 GPUs' }],
    },
  ],
});
