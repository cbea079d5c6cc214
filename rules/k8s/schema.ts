import { defineK8sRule } from '../../src/engine/rule.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/schema',
    severity: 'error',
    summary: 'A manifest that does not match the strict Kubernetes schema of its kind: unknown or misplaced fields, wrong types, missing required fields.',
    rationale:
      'A misspelled or misplaced key (`resource:` for `resources:`, `tolerations` under a container, a GPU limit in the wrong container) is silently dropped by many tools and by `kubectl apply` without --validate=strict. For a GPU workload that means a pod that never lands on a GPU, or lands without its memory limit. Validation runs offline against the schemas bundled for `kubernetesVersion` (default 1.32); custom resources are validated only when the config adds a schema for them.',
    fix: 'Correct the field named in the message (the suggestion comes from the fields the schema allows at that place), or move it where it belongs.',
  },
  check(ctx) {
    for (const p of ctx.validateSchema() ?? []) {
      ctx.report({ message: p.message, path: p.path, part: p.part });
    }
  },
});
