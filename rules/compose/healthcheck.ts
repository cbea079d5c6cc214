import { defineComposeRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import type { ComposeService } from '../../src/rule-api.js';
import { reportedByBase, serviceLabel, servicesToJudge } from '../lib/compose.js';

function healthcheckState(s: ComposeService): 'present' | 'disabled' | 'missing' {
  const hc = s.raw.healthcheck;
  if (!isRecord(hc)) return 'missing';
  return hc.disable === true ? 'disabled' : 'present';
}

export default defineComposeRule({
  meta: {
    id: 'compose/healthcheck',
    severity: 'warning',
    summary: 'A service that others wait for with `condition: service_healthy` has no healthcheck; (info) a service that publishes ports has none.',
    rationale:
      '`depends_on: {model: {condition: service_healthy}}` waits for the model server\'s healthcheck. Without one the dependent gateway never starts (or `docker compose up --wait` fails), typically after the model finished loading. A published server without a healthcheck is reported healthy while it is still loading weights.',
    fix: 'Add a healthcheck on the server\'s readiness endpoint with a start period that covers model loading, e.g. `healthcheck: {test: ["CMD", "curl", "-f", "http://localhost:8000/health"], interval: 10s, start_period: 600s}`.',
  },
  check(ctx) {
    const judged = servicesToJudge(ctx.model);
    const byName = new Map(ctx.model.services.map((s) => [s.name, s]));
    const waitedOn = new Map<string, string[]>();
    for (const { effective: s } of judged) {
      const deps = s.raw.depends_on;
      if (!isRecord(deps)) continue;
      for (const [dep, cond] of Object.entries(deps)) {
        if (isRecord(cond) && cond.condition === 'service_healthy') waitedOn.set(dep, [...(waitedOn.get(dep) ?? []), s.name]);
      }
    }
    for (const { service: s, effective } of judged) {
      const state = healthcheckState(effective);
      const waiters = waitedOn.get(s.name);
      if (waiters && state !== 'present' && byName.has(s.name)) {
        ctx.report({
          message: `${serviceLabel(s)} has ${state === 'disabled' ? 'its healthcheck disabled' : 'no healthcheck'}, but ${waiters.map((w) => `\`${w}\``).join(', ')} wait${waiters.length === 1 ? 's' : ''} for it with condition: service_healthy: startup never completes`,
          path: `${s.path}`,
          fix: 'Add a healthcheck to this service (or wait with condition: service_started).',
        });
      } else if (!waiters && state === 'missing' && Array.isArray(effective.raw.ports) && effective.raw.ports.length && !reportedByBase(ctx.model, s)) {
        ctx.report({
          message: `${serviceLabel(s)} publishes ports but has no healthcheck: it reports healthy while still loading`,
          path: `${s.path}`,
          severity: 'info',
        });
      }
    }
  },
});
