import { defineComposeRule } from '../../src/rule-api.js';
import { valueAtPointer } from '../../src/rule-api.js';
import { reportedByBase, serviceLabel, servicesToJudge } from '../lib/compose.js';

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
    for (const { service: s, effective } of servicesToJudge(ctx.model)) {
      if (effective.raw.mem_limit !== undefined) continue;
      if (valueAtPointer(effective.raw, '/deploy/resources/limits/memory') !== undefined) continue;
      if (reportedByBase(ctx.model, s)) continue;
      ctx.report({ message: `${serviceLabel(s)} has no memory limit`, path: s.path, fix: 'Add `deploy: {resources: {limits: {memory: 8g}}}` sized for the service.' });
    }
  },
});
