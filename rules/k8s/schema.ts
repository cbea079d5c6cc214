import { defineK8sRule } from '../../src/rule-api.js';
import { semanticProblems } from '../lib/api-semantics.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/schema',
    judgesPatches: true,
    severity: 'error',
    summary: 'A manifest that does not match the strict Kubernetes schema of its kind (unknown or misplaced fields, wrong types, missing required fields), or that the API server would reject: invalid names, label keys and values, port numbers and names, an apiVersion that does not serve the kind.',
    rationale:
      'A misspelled or misplaced key (`resource:` for `resources:`, `tolerations` under a container, a GPU limit in the wrong container) is silently dropped by many tools and by `kubectl apply` without --validate=strict. For a GPU workload that means a pod that never lands on a GPU, or lands without its memory limit. Validation runs offline against the schemas bundled for `kubernetesVersion` (default 1.32); custom resources are validated only when the config adds a schema for them. The OpenAPI schemas do not carry the API server\'s own validation, so it is checked beside them for built-in kinds: names (DNS-1123 subdomains and labels, DNS-1035 for Services), label and annotation keys and label values, port numbers (1-65535), port names (IANA_SVC_NAME: at most 15 lower-case letters, digits and `-`, with a letter; a quoted number is a name, not a number), names on every port of a multi-port Service, and an apiVersion that does not serve the kind (`v1` with `Deployment`). These fail at apply time, often in the middle of a rollout; values with template placeholders are not judged.',
    fix: 'Correct the field named in the message (the suggestion comes from the fields the schema allows at that place), or move it where it belongs; shorten or rename names and port names to the format quoted in the message; use the apiVersion it names.',
  },
  check(ctx) {
    for (const p of ctx.validateSchema() ?? []) {
      ctx.report({ message: p.message, path: p.path, part: p.part });
    }
    for (const p of semanticProblems(ctx.object)) {
      ctx.report({ message: p.message, path: p.path, part: p.part });
    }
  },
});
