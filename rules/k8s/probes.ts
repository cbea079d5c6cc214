import type { Probe } from 'kubernetes-types/core/v1.js';
import { defineK8sRule } from '../../src/rule-api.js';
import { startupProbeFix } from '../lib/pod-fixes.js';
import { isRecord } from '../../src/rule-api.js';
import { containerAnchor, LONG_RUNNING_KINDS, servingContainers, workloadLabel } from '../lib/workload.js';
import { isModelServer, modelServerKind, passesWhileLoading } from '../lib/model-server.js';

interface Options {
  minStartupBudgetSeconds: number;
}

/** Seconds the kubelet waits before restarting a container that never passes its liveness probe. */
export function livenessBudgetSeconds(probe: Probe): { total: number; initialDelay: number; failureThreshold: number; period: number } {
  const initialDelay = typeof probe.initialDelaySeconds === 'number' ? probe.initialDelaySeconds : 0;
  const failureThreshold = typeof probe.failureThreshold === 'number' ? probe.failureThreshold : 3;
  const period = typeof probe.periodSeconds === 'number' ? probe.periodSeconds : 10;
  return { total: initialDelay + failureThreshold * period, initialDelay, failureThreshold, period };
}

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/probes',
    severity: 'warning',
    summary: 'A long-running serving container without readiness or liveness probe, or a model server whose liveness probe kills it before the model has loaded.',
    rationale:
      'Without a readinessProbe, a Service sends requests to a container that is not ready (a model server still loading weights) and users get connection errors. Without a livenessProbe, a wedged server (hung CUDA context, deadlocked scheduler) is never restarted. With a livenessProbe but no startupProbe, the kubelet restarts a model server after initialDelaySeconds + failureThreshold x periodSeconds, often long before a multi-gigabyte model is in GPU memory: the pod restart-loops forever (not judged when the liveness check is one the server answers while it loads, such as `/` on Ollama or a TCP check on a server that listens before its model is loaded: see k8s/model-readiness). A failureThreshold of 1 restarts a busy server on a single slow check. Known readiness endpoints: vLLM /health, SGLang /health, TGI and TEI /health, Triton /v2/health/ready, NVIDIA NIM /v1/health/ready, llama.cpp server /health, Ollama /, LMDeploy /health. ' +
      'Judged: long-running serving containers, that is containers of a Pod, Deployment, StatefulSet, ReplicaSet or ReplicationController with restartPolicy Always that declare ports or run a known model server (recognised by image repository or by command: `vllm serve`, `python -m vllm.entrypoints...`, text-generation-launcher, tritonserver...), or, when no container declares ports, the probed (else the first) container of pods a Service in the run targets. The startup checks judge model servers: known servers and containers that ask for GPUs/TPUs. ' +
      'Not judged: Jobs, CronJobs, DaemonSets, pods with restartPolicy Never or OnFailure, client containers (`sleep infinity`, `tail -f /dev/null`, load generators such as k6, locust, genai-perf or benchmark scripts), portless sidecars beside a server, known proxies, exporters and log shippers (kube-rbac-proxy, *-exporter, fluent-bit, OpenTelemetry collector) beside another serving container, and containers without ports that no Service targets.',
    autofix: { applicability: 'mixed', description: 'Adds the missing startupProbe of a model server, with periodSeconds 10 and a failureThreshold that makes the budget at least `minStartupBudgetSeconds`: on the readiness path of a recognised server, at the port its probes or first declared port use (safe); for a server not recognised, repeating the liveness probe\'s HTTP, TCP or gRPC check (unsafe). Missing readiness and liveness probes are not added: what they should check is the author\'s call.' },
    fix: 'Add a readinessProbe and a livenessProbe on the server\'s health endpoint, and for model servers a startupProbe whose failureThreshold x periodSeconds covers the model load time.',
    kinds: LONG_RUNNING_KINDS,
    indexKinds: ['Service'],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { minStartupBudgetSeconds: { type: 'integer', minimum: 0 } },
    },
    defaultOptions: { minStartupBudgetSeconds: 600 },
  },
  check(ctx) {
    for (const c of servingContainers(ctx.object, ctx.index)) {
      if (c.pod.workload?.operatorProbes) continue; // the operator adds its own (docs/workloads.md)
      const missing = (['readinessProbe', 'livenessProbe'] as const).filter((p) => !isRecord(c.container[p]));
      if (missing.length) {
        const modelServer = isModelServer(c.container, ctx.settings);
        const why = missing.includes('readinessProbe')
          ? modelServer
            ? 'traffic is routed to it while it is still loading weights'
            : 'traffic is routed to it before it is ready'
          : 'a hung server is never restarted';
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, c.pod)} has no ${missing.join(' and no ')}: ${why}`,
          path: containerAnchor(c),
          fix: `Add ${missing.join(' and ')} on the server's health endpoint.`,
        });
      }
      const liveness = c.container.livenessProbe;
      if (!isRecord(liveness) || !isModelServer(c.container, ctx.settings)) continue;
      const server = modelServerKind(c.container);
      const readyHint = server ? ` (${server.name}: ${server.readyPath})` : '';
      if (liveness.failureThreshold === 1) {
        ctx.report({
          message: `model server ${c.label} has a livenessProbe with failureThreshold 1: one slow health check under load (a long prefill, a GC pause) restarts it and drops every in-flight request`,
          path: `${c.path}/livenessProbe/failureThreshold`,
          part: 'span',
          fix: 'Use failureThreshold 3 or more with a timeoutSeconds that tolerates a busy server.',
        });
      }
      if (isRecord(c.container.startupProbe)) continue;
      // A liveness check the server answers while it loads (Ollama's `/`) cannot restart it during the load.
      if (passesWhileLoading(server, liveness)) continue;
      const b = livenessBudgetSeconds(liveness);
      if (b.total >= ctx.options.minStartupBudgetSeconds) continue;
      ctx.report({
        message: `model server ${c.label} has a livenessProbe but no startupProbe and gets ${b.total}s to start (initialDelaySeconds ${b.initialDelay} + failureThreshold ${b.failureThreshold} x periodSeconds ${b.period}), below ${ctx.options.minStartupBudgetSeconds}s: it is restarted while the model loads`,
        path: `${c.path}/livenessProbe`,
        fix: `Add a startupProbe${readyHint} with failureThreshold x periodSeconds >= ${ctx.options.minStartupBudgetSeconds} (e.g. periodSeconds: 10, failureThreshold: ${Math.ceil(ctx.options.minStartupBudgetSeconds / 10)}).`,
        autofix: startupProbeFix(ctx.edit, c, server?.readyPath, ctx.options.minStartupBudgetSeconds),
      });
    }
  },
});
