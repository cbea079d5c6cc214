import { ruleTester } from '../../helpers.js';

const workload = (kind: string, selector: string, labels: string, extra = '') =>
  `apiVersion: ${kind === 'Job' ? 'batch/v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n${extra}  selector:\n${selector}  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n        - name: c\n          image: x:1\n`;

ruleTester('k8s/selector-mismatch', {
  valid: [
    { name: 'NotIn and DoesNotExist that hold', code: workload('StatefulSet', '    matchExpressions:\n      - {key: tier, operator: NotIn, values: [batch]}\n      - {key: canary, operator: DoesNotExist}\n', '{tier: online}') },
    { name: 'a Job with a generated selector is not judged', code: workload('Job', '    matchLabels: {app: other}\n', '{app: w}') },
    { name: 'templated labels are not judged', code: workload('Deployment', '    matchLabels: {app: w}\n', '{app: "{{ .Release.Name }}"}') },
  ],
  invalid: [
    {
      name: 'peer edge case: a StatefulSet whose template carries another value',
      code: workload('StatefulSet', '    matchLabels: {app: foo}\n', '{app: bar}'),
      errors: [{ line: 7, column: 19, message: 'StatefulSet `w` selects `app=foo`, but its pod template is labelled app=bar' }],
    },
    {
      name: 'peer edge case: a template without labels',
      code: workload('Deployment', '    matchLabels: {app: w}\n', '{}'),
      errors: [{ line: 7, column: 19, message: 'but its pod template is labelled none' }],
    },
    {
      name: 'matchExpressions In without the value',
      code: workload('DaemonSet', '    matchExpressions:\n      - {key: tier, operator: In, values: [batch]}\n', '{tier: online}'),
      errors: [{ line: 8, column: 9, message: 'selects `tier In (batch)`, but its pod template is labelled tier=online' }],
    },
    {
      name: 'an empty selector',
      code: workload('Deployment', '    matchLabels: {}\n', '{app: w}'),
      errors: [{ line: 6, column: 3, message: 'has an empty selector' }],
    },
    {
      name: 'a Job with manualSelector',
      code: workload('Job', '    matchLabels: {job: w}\n', '{app: w}', '  manualSelector: true\n'),
      errors: [{ line: 8, column: 19, message: 'Job `w` selects `job=w`' }],
    },
  ],
});
