import { ruleTester } from '../../helpers.js';

const pdb = (budget: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: b\nspec:\n  ${budget}\n  selector:\n    matchLabels: {app: a}\n`;
const deploy = (replicas: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n${replicas}  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n        - name: c\n          image: x:1\n`;

ruleTester('k8s/pdb', {
  valid: [
    { name: 'peer edge case: minAvailable 0 allows every eviction', code: `${pdb('minAvailable: 0')}---\n${deploy('  replicas: 1\n')}` },
    { name: 'peer edge case: a percentage below 100 with few replicas is not compared', code: `${pdb('minAvailable: "50%"')}---\n${deploy('  replicas: 2\n')}` },
    { name: 'peer edge case: maxUnavailable 1%', code: pdb('maxUnavailable: "1%"') },
    { name: 'minAvailable below replicas', code: `${pdb('minAvailable: 2')}---\n${deploy('  replicas: 3\n')}` },
    { name: 'no workload in the run: the replica count is unknown', code: pdb('minAvailable: 1') },
    { name: 'an autoscaled workload', code: `${pdb('minAvailable: 2')}---\n${deploy('  replicas: 2\n')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  maxReplicas: 5\n` },
    { name: 'a percentage below 100', code: pdb('minAvailable: "50%"') },
  ],
  invalid: [
    { name: 'peer edge case: maxUnavailable "0%"', code: pdb('maxUnavailable: "0%"'), errors: [{ line: 6, column: 3, message: 'no pod it covers can ever be evicted' }] },
    { name: 'peer edge case: matchExpressions selecting the workload', code: `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: b\nspec:\n  minAvailable: 2\n  selector:\n    matchExpressions: [{key: app, operator: In, values: [a]}]\n---\n${deploy('  replicas: 2\n')}`, errors: [{ line: 6, column: 3, message: 'runs 2 replicas' }] },
    {
      name: 'minAvailable 1 with the default single replica',
      code: `${pdb('minAvailable: 1')}---\n${deploy('')}`,
      errors: [{ line: 6, column: 3, endColumn: 18, message: 'which runs 1 replica (the default)' }],
    },
    { name: 'minAvailable 100%', code: pdb('minAvailable: 100%'), errors: [{ line: 6, column: 3, message: 'sets `minAvailable: 100%`' }] },
    { name: 'maxUnavailable "0%"', code: pdb('maxUnavailable: "0%"'), errors: [{ line: 6, column: 3, message: 'sets `maxUnavailable: 0%`' }] },
  ],
});
