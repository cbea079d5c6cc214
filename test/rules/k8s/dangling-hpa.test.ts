import { ruleTester } from '../../helpers.js';

const hpa = (target: string, kind = 'Deployment') =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: ${target}}\n  maxReplicas: 3\n`;
const deploy = (name: string, replicas = '') => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${replicas}  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n        - name: c\n          image: x:1\n`;

ruleTester('k8s/dangling-hpa', {
  valid: [
    { name: 'a target that exists', code: `${hpa('api')}---\n${deploy('api')}` },
    { name: 'no workload of that kind beside it: made by an operator or elsewhere', code: hpa('llama-predictor') },
    { name: 'a Deployment of another namespace does not count', code: hpa('apy').replace('name: h\n', 'name: h\n  namespace: a\n'), context: [deploy('api').replace('name: api\n', 'name: api\n  namespace: b\n')] },
    { name: 'replicas: absent under an HPA', code: `${deploy('api')}---\n${hpa('api')}` },
  ],
  invalid: [
    {
      name: 'a wrong kind',
      code: `${hpa('api', 'StatefulSet')}---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n        - name: c\n          image: x:1\n`,
      errors: [{ line: 6, column: 66, message: 'scales StatefulSet `api`, which is not defined in the run (StatefulSet here: `db`)' }],
    },
    {
      name: 'a KEDA ScaledObject (kind defaults to Deployment) with replicas on its target',
      code: `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  scaleTargetRef: {name: api}\n---\n${deploy('api', '  replicas: 3\n')}`,
      errors: [{ line: 13, column: 3, message: 'Deployment `api` sets `replicas: 3` but ScaledObject `s` scales it' }],
    },
  ],
});
