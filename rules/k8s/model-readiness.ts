import { defineK8sRule } from '../../src/rule-api.js';
import type { K8sContext } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { completePodSpecsOf, containersOf, isLongRunning, LONG_RUNNING_KINDS, workloadLabel } from '../lib/workload.js';
import type { ContainerView } from '../lib/workload.js';
import { ENDPOINT_SEMANTICS, MODEL_SERVERS, modelServerKind, probeHttpPath } from '../lib/model-server.js';
import { modelBaseName, paramsFromName, precisionFromName, UNREADABLE } from '../lib/model-facts.js';
import { livenessBudgetSeconds } from './probes.js';
import type { Probe } from 'kubernetes-types/core/v1.js';

interface Options {
  pullGBps: number;
}

/** Bits per weight of an Ollama library tag without a quantization suffix: Q4_K_M (Q4_0 for older models), 4.5 bits at least. */
const OLLAMA_DEFAULT_BITS = 4.5;

/** The download size of an Ollama model tag in GB, from the size in its name and its quantization (default 4-bit), if known. */
function ollamaPullGB(model: string): number | undefined {
  const base = modelBaseName(model);
  const params = paramsFromName(base);
  const precision = precisionFromName(base);
  if (params === undefined || precision === UNREADABLE) return undefined;
  return (params * (precision?.bits ?? OLLAMA_DEFAULT_BITS)) / 8;
}

const serverName = (id: string) => MODEL_SERVERS.find((s) => s.id === id)?.name ?? id;

const TABLE = Object.entries(ENDPOINT_SEMANTICS)
  .map(
    ([id, e]) =>
      `| ${serverName(id)} | ${e.ready.length ? e.ready.map((p) => `\`${p}\``).join(', ') : e.lazyModels ? 'none over HTTP GET: an exec probe such as `ollama show <model>`' : '-'} | ${e.live.length ? e.live.map((p) => `\`${p}\``).join(', ') : '-'} | ${e.listensBeforeLoad ? 'only that the process listens' : 'the model is loaded'} | ${e.source} |`,
  )
  .join('\n');

/** Paths of requests that run the model: a liveness probe calling them restarts a busy server. */
const INFERENCE_PATH = /\/(v1\/(chat\/)?completions|v1\/embeddings|generate|generate_stream|health_generate|api\/generate|api\/chat|v2\/models\/[^/\s"']+\/infer)\b/;

/** `ollama pull <model>` / `ollama run <model>` in a script. */
const OLLAMA_PULL = /ollama\s+(?:pull|run)\s+(?:-[-\w]*\s+)*["']?([^\s"';&|]+)/g;

function execText(probe: Record<string, unknown>): string | undefined {
  if (!isRecord(probe.exec) || !Array.isArray(probe.exec.command)) return undefined;
  return probe.exec.command.filter((w): w is string => typeof w === 'string').join(' ');
}

interface Pull {
  model: string;
  /** Pointer of the string holding the pull, and the words to point at inside it. */
  path: string;
  needle: string;
  where: string;
}

/** Strings of a command list with their pointers. */
function scriptItems(list: unknown, base: string): { text: string; path: string }[] {
  return Array.isArray(list) ? list.flatMap((w, i) => (typeof w === 'string' ? [{ text: w, path: `${base}/${i}` }] : [])) : [];
}

/**
 * Pulls that run while the server already answers: in the container's own
 * script after `ollama serve &`, backgrounded (`&`) in a postStart hook, or in
 * another container of the pod. A pull in the foreground of a postStart hook
 * is not one: the kubelet starts the probes after the hook returns.
 */
function backgroundPulls(server: ContainerView, others: readonly ContainerView[]): Pull[] {
  const out: Pull[] = [];
  const scan = (text: string, path: string, where: string, accept: (before: string, after: string) => boolean) => {
    for (const m of text.matchAll(OLLAMA_PULL)) {
      const before = text.slice(0, m.index);
      const after = text.slice(m.index! + m[0].length);
      if (accept(before, after)) out.push({ model: m[1], path, needle: m[0], where });
    }
  };
  const backgrounded = (after: string) => /^[^;\n|&]*&(?!&)/.test(after);
  for (const item of [...scriptItems(server.container.command, `${server.path}/command`), ...scriptItems(server.container.args, `${server.path}/args`)]) {
    scan(item.text, item.path, 'in its start script, after `ollama serve &`', (before) => /ollama\s+serve\s*&(?!&)/.test(before));
  }
  const post = isRecord(server.container.lifecycle) && isRecord(server.container.lifecycle.postStart) ? server.container.lifecycle.postStart : undefined;
  if (post && isRecord(post.exec)) {
    for (const item of scriptItems(post.exec.command, `${server.path}/lifecycle/postStart/exec/command`)) {
      scan(item.text, item.path, 'in the background of its postStart hook', (before, after) => backgrounded(after) || /nohup\s*$/.test(before));
    }
  }
  for (const other of others) {
    for (const item of [...scriptItems(other.container.command, `${other.path}/command`), ...scriptItems(other.container.args, `${other.path}/args`)]) {
      scan(item.text, item.path, `from ${other.label} beside it`, () => true);
    }
  }
  return out;
}

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/model-readiness',
    severity: 'warning',
    summary: 'A model server whose readiness probe cannot tell a loaded model from a listening process, whose liveness probe checks model readiness or runs inference, or that pulls its model in the background with no readiness check proving the model is there.',
    rationale: [
      'Model servers differ in when they open their port and which endpoint proves the model is loaded. A readiness probe that only proves the process listens (a TCP check on a server that listens while loading, a liveness endpoint) sends traffic to a pod that answers 503 or "model not found". A liveness probe on a readiness endpoint, or one that runs an inference request, fails while a model reloads or while the server is busy with long requests, and the kubelet restarts a healthy pod, dropping every request in flight. A model pulled in the background (`ollama serve & ... ollama pull`, a postStart hook that backgrounds the pull, a sidecar that pulls) is not there when the daemon starts answering: readiness must check the model itself.',
      '',
      'k8s/probes checks that probes exist and that the start-up budget covers loading; this rule checks what they prove. It is a rule of its own so that each can be turned off or suppressed on its own, as kube-linter separates its probe checks.',
      '',
      '| server | readiness (proves the model is loaded) | liveness only (answers while loading) | a TCP check proves | source |',
      '| --- | --- | --- | --- | --- |',
      TABLE,
      '',
      'A probe that restarts the container (a startupProbe, else the livenessProbe) and checks the pulled model by name must give the pull time to finish: its budget (initialDelaySeconds + failureThreshold x periodSeconds) is compared with the download, estimated from the size in the model tag (`llama3.1:70b`) at its quantization (Ollama library tags default to 4-bit Q4_K_M: 4.5 bits per weight at least) and `pullGBps` (1 GB/s by default, fast on purpose: the estimate is a lower bound of the pull time).',
      '',
      'Servers not in the table (TEI, LMDeploy, LocalAI...) are not judged. A pull in the foreground of a postStart hook is not reported: the kubelet starts probes only after the hook returns, so neither readiness nor the start-up budget runs during it (the budget for the pull is then the hook\'s, and a failing hook restarts the container). Judged: long-running workloads (Pods, Deployments, StatefulSets, ReplicaSets, ReplicationControllers, LeaderWorkerSet leaders, Argo Rollouts with restartPolicy Always) whose containers run a server of the table, recognised by image or command. Not judged: pods whose operator sets the probes (KubeRay, KServe, Knative, KubeAI, NIMService) and the workers of a multi-node group.',
    ].join('\n'),
    fix: 'Point readiness at the endpoint that proves the model is loaded (the table above), liveness at the one that only proves the process runs; for Ollama, pull in an init step or the foreground of a postStart hook, or make readiness an exec probe such as `ollama show <model>`.',
    kinds: LONG_RUNNING_KINDS,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { pullGBps: { type: 'number', exclusiveMinimum: 0, description: 'Download speed assumed for model pulls, in GB/s; fast on purpose, so the pull time is a lower bound.' } },
    },
    defaultOptions: { pullGBps: 1 },
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      // Operators that set the probes themselves (KubeRay, KServe, KubeAI...) and pods that take no requests (workers) are not judged.
      if (!pod.judgedServing || pod.workload?.operatorProbes || !isLongRunning(ctx.object, pod)) continue;
      checkPod(ctx, containersOf(pod), workloadLabel(ctx.object, pod));
    }
  },
});

function checkPod(ctx: K8sContext<Options>, containers: readonly ContainerView[], workload: string): void {
  for (const c of containers) {
    const server = modelServerKind(c.container);
    const semantics = server ? ENDPOINT_SEMANTICS[server.id] : undefined;
    if (!server || !semantics) continue;
    const where = `${c.label} in ${workload}`;
    const readiness = isRecord(c.container.readinessProbe) ? c.container.readinessProbe : undefined;
    const liveness = isRecord(c.container.livenessProbe) ? c.container.livenessProbe : undefined;
    const proof = semantics.ready.length ? `\`${semantics.ready[0]}\`` : 'an exec probe that checks the model';

    // Background pulls (Ollama): readiness must check the model itself.
    if (semantics.lazyModels) {
      const others = containers.filter((o) => o !== c && modelServerKind(o.container)?.id !== server.id);
      for (const pull of backgroundPulls(c, others)) {
        const name = pull.model.split(':')[0];
        checkPullBudget(ctx, c, pull, name, where);
        const check = readiness ? execText(readiness) : undefined;
        if (check && check.includes(name)) continue;
        const current = !readiness ? 'it has no readinessProbe' : check !== undefined ? 'its readinessProbe does not name the model' : `its readinessProbe (${isRecord(readiness.tcpSocket) ? 'a TCP check' : `\`${probeHttpPath(readiness) ?? '?'}\``}) passes as soon as the daemon runs`;
        ctx.report({
          message: `${where} pulls \`${pull.model}\` ${pull.where}, and ${current}: the pod takes traffic before the model is there and requests fail with "model not found"`,
          range: ctx.locateText(pull.path, pull.needle),
          fix: `Make readiness an exec probe such as \`ollama show ${pull.model}\`, or pull in the foreground of a postStart hook (probes wait for it).`,
        });
      }
    } else if (readiness) {
      const path = probeHttpPath(readiness);
      if (isRecord(readiness.tcpSocket) && semantics.listensBeforeLoad) {
        ctx.report({
          message: `the readinessProbe of ${where} is a TCP check, but ${server.name} listens while the model loads: the pod takes traffic before the model is loaded`,
          path: `${c.path}/readinessProbe/tcpSocket`,
          fix: `Use \`httpGet\` on ${proof}.`,
        });
      } else if (path !== undefined && semantics.live.includes(path)) {
        ctx.report({
          message: `the readinessProbe of ${where} checks \`${path}\`, which ${server.name} answers while the server runs, whether or not the model is ready: use ${proof}`,
          path: `${c.path}/readinessProbe/httpGet/path`,
          part: 'value',
          fix: `Check ${proof} in the readinessProbe.`,
        });
      }
    }

    if (!liveness) continue;
    const livePath = probeHttpPath(liveness);
    const liveExec = execText(liveness);
    if (livePath !== undefined && semantics.live.length && semantics.ready.includes(livePath)) {
      ctx.report({
        message: `the livenessProbe of ${where} checks \`${livePath}\`, which is model readiness: while a model loads or reloads, or when one model fails, it fails and the kubelet restarts a server that is alive`,
        path: `${c.path}/livenessProbe/httpGet/path`,
        part: 'value',
        fix: `Check \`${semantics.live[0]}\` in the livenessProbe and keep \`${livePath}\` for readiness.`,
      });
    } else if ((livePath !== undefined && INFERENCE_PATH.test(livePath)) || (liveExec !== undefined && INFERENCE_PATH.test(liveExec))) {
      const inference = (livePath ?? liveExec ?? '').match(INFERENCE_PATH)![0];
      ctx.report({
        message: `the livenessProbe of ${where} runs an inference request (\`${inference}\`): under load it times out and the kubelet restarts a busy, healthy pod`,
        path: livePath !== undefined ? `${c.path}/livenessProbe/httpGet/path` : `${c.path}/livenessProbe/exec`,
        part: livePath !== undefined ? 'value' : 'key',
        fix: `Check a health endpoint that does not run the model in the livenessProbe${semantics.live.length ? ` (\`${semantics.live[0]}\`)` : ''}; keep inference checks for readiness or monitoring.`,
      });
    }
  }
}

/** A probe that restarts the container and waits for the pulled model must outlast the download. */
function checkPullBudget(ctx: K8sContext<Options>, c: ContainerView, pull: Pull, name: string, where: string): void {
  const field = isRecord(c.container.startupProbe) ? 'startupProbe' : 'livenessProbe';
  const probe = c.container[field];
  if (!isRecord(probe) || !(execText(probe) ?? '').includes(name)) return;
  const gb = ollamaPullGB(pull.model);
  if (gb === undefined) return;
  const seconds = Math.ceil(gb / ctx.options.pullGBps);
  const budget = livenessBudgetSeconds(probe as Probe);
  if (budget.total >= seconds) return;
  ctx.report({
    message: `estimate: \`${pull.model}\` is about ${gb.toFixed(1)} GB, at least ${seconds}s to pull at ${ctx.options.pullGBps} GB/s, but the ${field} of ${where} waits for it only ${budget.total}s (initialDelaySeconds ${budget.initialDelay} + failureThreshold ${budget.failureThreshold} x periodSeconds ${budget.period}): the container is restarted mid-pull`,
    path: `${c.path}/${field}`,
    fix: `Give the ${field} a failureThreshold x periodSeconds well above ${seconds}s, or pull in an init step.`,
  });
}
