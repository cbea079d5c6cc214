import { defineComposeRule, unsafeFix } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import type { ComposeContext, ComposeService } from '../../src/rule-api.js';
import { asContainer, reportedByBase, serviceLabel, servicesToJudge } from '../lib/compose.js';
import { modelServerKind } from '../lib/model-server.js';

/** The container port of a service that publishes exactly one (`8000`, `"8080:8000"`, `{target: 8000}`). */
function onlyContainerPort(s: ComposeService): number | undefined {
  const ports = s.raw.ports;
  if (!Array.isArray(ports) || ports.length !== 1) return undefined;
  const p = ports[0];
  const target = isRecord(p) ? p.target : typeof p === 'number' ? p : typeof p === 'string' ? /(?:^|:)(\d+)(?:\/tcp)?$/.exec(p)?.[1] : undefined;
  const n = Number(target);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}

/**
 * A healthcheck on a recognised model server's readiness endpoint, at the
 * one port it publishes, with a start period for model loading. Unsafe: the
 * check runs a program inside the image (curl; `ollama list` for Ollama)
 * that the image may not ship.
 */
function healthcheckFix(ctx: ComposeContext<Record<string, unknown>>, service: ComposeService, effective: ComposeService) {
  const server = modelServerKind(asContainer(effective));
  const port = onlyContainerPort(effective);
  if (!server || isRecord(effective.raw.healthcheck) || (server.id !== 'ollama' && !port)) return undefined;
  const test = server.id === 'ollama' ? ['CMD', 'ollama', 'list'] : ['CMD', 'curl', '-fsS', `http://localhost:${port}${server.readyPath}`];
  return unsafeFix(ctx.edit.set(`${service.path}/healthcheck`, { test, interval: '10s', timeout: '5s', retries: 3, start_period: '600s' }));
}

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
    autofix: {
      applicability: 'unsafe',
      description:
        'For a recognised model server that publishes one port, adds `healthcheck: {test: [CMD, curl, -fsS, http://localhost:<port><readiness path>], interval: 10s, timeout: 5s, retries: 3, start_period: 600s}` (`ollama list` for Ollama). Unsafe: the image must ship the program the check runs.',
    },
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
          autofix: state === 'missing' ? healthcheckFix(ctx, s, effective) : undefined,
        });
      } else if (!waiters && state === 'missing' && Array.isArray(effective.raw.ports) && effective.raw.ports.length && !reportedByBase(ctx.model, s)) {
        ctx.report({
          message: `${serviceLabel(s)} publishes ports but has no healthcheck: it reports healthy while still loading`,
          path: `${s.path}`,
          severity: 'info',
          autofix: healthcheckFix(ctx, s, effective),
        });
      }
    }
  },
});
