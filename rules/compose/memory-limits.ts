import { defineComposeRule } from '../../src/engine/rule.js';
import { valueAtPointer } from '../../src/parse/kube.js';
import { serviceLabel } from '../lib/compose.js';

export default defineComposeRule({
  meta: {
    id: 'compose/memory-limits',
    severity: 'warning',
    summary: 'A service without a memory limit (`mem_limit` or `deploy.resources.limits.memory`).',
    rationale:
      'A local GenAI stack runs a model server, a vector database and a gateway on one machine. Without limits, loading a model or building an index takes all memory and the kernel OOM-kills whichever process it picks, often the database.',
    fix: 'Set `deploy.resources.limits.memory` (or `mem_limit`) per service.',
  },
  check(ctx) {
    for (const s of ctx.model.services) {
      if (s.raw.mem_limit !== undefined) continue;
      if (valueAtPointer(s.raw, '/deploy/resources/limits/memory') !== undefined) continue;
      ctx.report({ message: `${serviceLabel(s)} has no memory limit`, path: s.path, fix: 'Add `deploy: {resources: {limits: {memory: 8g}}}` sized for the service.' });
    }
  },
});
