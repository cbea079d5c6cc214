import { describe, expect, it } from 'vitest';
import { lintSnippet, ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

const on = { rules: { 'k8s/read-only-root-fs': 'warning' } } as const;

describe('k8s/read-only-root-fs is in the strict preset only', () => {
  it('is off by default', () => {
    expect(lintSnippet({ code: pod('    - name: c\n      image: x:1\n') }).filter((f) => f.ruleId === 'k8s/read-only-root-fs')).toEqual([]);
  });
});

ruleTester('k8s/read-only-root-fs', {
  valid: [{ name: 'read-only', code: pod('    - name: c\n      image: x:1\n      securityContext: {readOnlyRootFilesystem: true}\n'), config: on }],
  invalid: [
    {
      name: 'peer edge case: only the container that does not set it, whatever the pod-level securityContext says (not a pod field)',
      code: pod('    - name: a\n      image: x:1\n      securityContext: {readOnlyRootFilesystem: true}\n    - name: b\n      image: x:1\n', '  securityContext:\n    runAsNonRoot: true\n'),
      config: on,
      errors: [{ line: 12, column: 7, message: 'container `b` in Pod `p` has a writable root filesystem (`readOnlyRootFilesystem` not set)' }],
    },
    {
      name: 'explicitly false',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        readOnlyRootFilesystem: false\n'),
      config: on,
      errors: [{ line: 10, column: 9, message: 'has a writable root filesystem (`readOnlyRootFilesystem: false`)' }],
    },
    {
      name: 'a GPU model server gets the cache hint',
      code: pod('    - name: c\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n'),
      config: on,
      errors: [{ line: 7, column: 7, message: 'mount emptyDirs at /tmp and the model cache (HF_HOME)' }],
    },
  ],
});
