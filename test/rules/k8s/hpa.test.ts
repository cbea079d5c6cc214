import { ruleTester } from '../../helpers.js';

ruleTester('k8s/hpa', {
  valid: [
    {
      name: 'an HPA in another (context) file counts',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n',
      context: ['apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n'],
    },
  ],
  invalid: [
    {
      name: 'an HPA for a StatefulSet of the same name does not count',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{name: vllm, image: vllm/vllm-openai:v0.6.3}]\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}\n  maxReplicas: 3\n',
      errors: [{ line: 4, column: 9, endColumn: 12 }],
    },
  ],
});
