import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

const svc = (ports: string, name = 's') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n${ports}`;

ruleTester('k8s/schema', {
  valid: [
    { name: 'RBAC names may hold colons', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:vllm:reader\nrules: []\n' },
    { name: 'a 15-character port name and a single unnamed Service port', code: `${pod('    - name: c\n      image: x:1\n      ports: [{name: vllm-metrics-00, containerPort: 8000}]\n')}---\n${svc('    - {port: 80, targetPort: vllm-metrics-00}\n')}` },
    { name: 'templated names and label values are not judged', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ .Release.Name }}-config"\n  labels: {release: "{{ .Release.Name }}"}\n' },
    { name: 'envsubst and sed placeholders are not judged', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: PSTORE_PV_NAME\n  namespace: $NAMESPACE\n' },
    { name: 'custom resources are not judged', code: 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: Llama_3\nspec: {}\n' },
    { name: 'a removed apiVersion is k8s/deprecated-api\'s', code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\nspec: {}\n' },
  ],
  invalid: [
    {
      name: 'apps/v1 does not serve Service',
      code: 'apiVersion: apps/v1\nkind: Service\nmetadata:\n  name: s\nspec: {}\n',
      errors: [{ line: 1, column: 13, endColumn: 20, message: '`apiVersion: apps/v1` does not serve kind `Service`; the API server rejects it (use `v1`)' }],
    },
    {
      name: 'port name too long, with adjacent hyphens, and a duplicate name',
      code: pod('    - name: c\n      image: x:1\n      ports:\n        - {name: inference-http-port, containerPort: 8000}\n        - {name: a--b, containerPort: 8001}\n        - {name: http, containerPort: 8002}\n        - {name: http, containerPort: 8003}\n'),
      errors: [
        { line: 10, column: 18, message: 'port name `inference-http-port` of container `c` is 19 characters long; port names allow at most 15 (IANA_SVC_NAME)' },
        { line: 11, column: 18, message: 'must not contain `--`' },
        { line: 13, column: 18, message: 'port name `http` is declared twice in container `c`' },
      ],
    },
    {
      name: 'a label value too long and a key with two slashes',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    model: ${'m'.repeat(64)}\n    a/b/c: x\n`,
      errors: [
        { line: 6, column: 12, message: 'of label `model` is 64 characters long; label values allow at most 63' },
        { line: 7, column: 5, message: 'label key `a/b/c` may contain at most one `/`' },
      ],
    },
    {
      name: 'CronJob names longer than 52 characters',
      code: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${'nightly-eval-'.repeat(5)}x\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: x:1\n`,
      errors: [{ line: 4, column: 9, message: 'at most 52 are allowed' }],
    },
    {
      name: 'Service port and nodePort out of range, a namespace with upper-case letters',
      code: svc('    - {port: 0, targetPort: 8000}\n').replace('name: s\n', 'name: s\n  namespace: GenAI\n'),
      errors: [
        { line: 5, column: 14, message: 'namespace `GenAI` must consist of lower-case letters' },
        { line: 8, column: 14, message: 'Service port: 0 is outside 1-65535' },
      ],
    },
  ],
});
