import { defineK8sRule } from '../../src/rule-api.js';
import { safeFix, unsafeFix } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { completePodSpecsOf, LONG_RUNNING_KINDS, servingContainersOf, workloadLabel } from '../lib/workload.js';
import { argTokens, flagValue, isModelServer, modelServerKind } from '../lib/model-server.js';

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE = 30;

/** Seconds a preStop hook sleeps: the `sleep` action or `sleep N` in an exec command. */
export function preStopSleepSeconds(lifecycle: unknown): number {
  if (!isRecord(lifecycle) || !isRecord(lifecycle.preStop)) return 0;
  const pre = lifecycle.preStop;
  if (isRecord(pre.sleep) && typeof pre.sleep.seconds === 'number') return pre.sleep.seconds;
  const cmd = isRecord(pre.exec) && Array.isArray(pre.exec.command) ? pre.exec.command.join(' ') : '';
  const m = /\bsleep\s+(\d+)/.exec(cmd);
  return m ? Number(m[1]) : 0;
}

export default defineK8sRule({
  meta: {
    id: 'k8s/termination-grace',
    severity: 'warning',
    summary: 'A model server whose terminationGracePeriodSeconds is shorter than its own shutdown timeout plus preStop sleep (warning); a recognised model server left at the 30 s default is reported as info.',
    rationale:
      'On a rollout or scale-down the kubelet sends SIGTERM, waits terminationGracePeriodSeconds, then SIGKILLs. An LLM server draining streaming responses (minutes for long generations) is killed mid-stream when the grace period is shorter than its drain time: clients get truncated answers on every deploy.' +
      ' Judged: model servers among the long-running serving containers (see k8s/probes): known servers (by image or command) and containers asking for GPUs/TPUs for the shutdown-timeout check, known servers for the default-grace check. Not judged: Jobs, CronJobs, DaemonSets, pods with restartPolicy Never/OnFailure, client containers (`sleep infinity`, load generators) and containers that show no sign of serving (no ports, no Service, no known server).'
      + ' A drain time the manifest states (`--shutdown-timeout` plus a preStop sleep) longer than the grace period is a warning; a model server left at the 30 s default is only info, because whether 30 s is enough depends on response lengths the manifest does not show.',
    autofix: { applicability: 'mixed', description: 'Sets terminationGracePeriodSeconds to the drain time the manifest states (shutdown timeout plus preStop sleep; safe). A model server left at the default gets 120 (unsafe: whether that covers the longest response is not in the manifest).' },
    fix: 'Set `terminationGracePeriodSeconds` to at least the server\'s shutdown timeout plus any preStop sleep (and longer than your longest expected response).',
    kinds: LONG_RUNNING_KINDS,
    indexKinds: ['Service'],
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      const graceSet = typeof pod.spec.terminationGracePeriodSeconds === 'number';
      const grace = graceSet ? (pod.spec.terminationGracePeriodSeconds as number) : DEFAULT_GRACE;
      const gracePath = graceSet ? `${pod.path}/terminationGracePeriodSeconds` : pod.path;
      let reported = false;
      const serving = servingContainersOf(ctx.object, pod, ctx.index);
      for (const c of serving) {
        if (!isModelServer(c.container, ctx.settings)) continue;
        const timeout = Number(flagValue(argTokens(c.container), ['--shutdown-timeout', '--shutdown_timeout']));
        if (!Number.isFinite(timeout) || timeout <= 0) continue;
        const sleep = preStopSleepSeconds(c.container.lifecycle);
        const needed = timeout + sleep;
        if (grace >= needed) continue;
        reported = true;
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} drains for up to ${needed}s (--shutdown-timeout ${timeout}${sleep ? ` + preStop sleep ${sleep}` : ''}) but terminationGracePeriodSeconds is ${grace}${graceSet ? '' : ' (default)'}: it is killed mid-response`,
          path: gracePath,
          part: graceSet ? 'span' : 'key',
          fix: `Set terminationGracePeriodSeconds to at least ${needed}.`,
          autofix: safeFix(ctx.edit.set(`${pod.path}/terminationGracePeriodSeconds`, needed)),
        });
      }
      if (reported || graceSet) continue;
      const server = serving.find((c) => modelServerKind(c.container) !== undefined);
      if (!server) continue;
      ctx.report({
        message: `${server.label} in ${workloadLabel(ctx.object, pod)} is a model server left at the default terminationGracePeriodSeconds (30s): long streaming responses are cut off on every rollout`,
        path: pod.path,
        severity: 'info',
        fix: 'Set terminationGracePeriodSeconds to cover your longest response (for example 120) and let the server drain on SIGTERM.',
        autofix: unsafeFix(ctx.edit.set(`${pod.path}/terminationGracePeriodSeconds`, 120)),
      });
    }
  },
});
