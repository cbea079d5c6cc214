import { defineK8sRule } from '../../src/rule-api.js';
import { unsafeFix } from '../../src/rule-api.js';
import type { YamlEditor } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { containerAnchor, containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';

interface Effective<T> {
  value: T | undefined;
  /** Pointer of the securityContext field that decides it. */
  path: string | undefined;
}

/** `runAsNonRoot: true` where the finding says root is allowed: the pod's securityContext, or the `runAsNonRoot: false` that allows it. */
function nonRootFix(edit: YamlEditor, podPath: string, path: string | undefined) {
  if (path === undefined) return unsafeFix(edit.set(`${podPath}/securityContext/runAsNonRoot`, true));
  return path.endsWith('/runAsNonRoot') ? unsafeFix(edit.set(path, true)) : undefined;
}

export default defineK8sRule({
  meta: {
    id: 'k8s/run-as-non-root',
    severity: 'warning',
    summary: 'A pod may run as root: no runAsNonRoot: true or non-zero runAsUser, or runAsUser: 0 / runAsNonRoot: false.',
    rationale:
      'Model servers load untrusted artefacts (pickled weights, trust_remote_code, prompt templates). Running as root turns an exploit into root in the container, with write access to mounted model caches and service-account tokens; restricted Pod Security admission rejects such pods.',
    autofix: { applicability: 'unsafe', description: 'Sets `runAsNonRoot: true` in the pod securityContext when neither the pod nor the container says, or turns a `runAsNonRoot: false` into `true` (unsafe: an image whose user is root then fails to start). `runAsUser: 0` is not changed: which user the image can run as is the author\'s call.' },
    fix: 'Set `securityContext: {runAsNonRoot: true, runAsUser: 1000}` on the pod (or each container), and build the image with a non-root USER.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      const podSc = isRecord(pod.spec.securityContext) ? pod.spec.securityContext : {};
      if (isRecord((podSc as Record<string, unknown>).windowsOptions)) continue;
      const podLevel = new Map<string, string[]>();
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        const sc = isRecord(c.container.securityContext) ? c.container.securityContext : {};
        const pick = <K extends 'runAsUser' | 'runAsNonRoot'>(key: K): Effective<NonNullable<(typeof sc)[K]>> => {
          if (sc[key] !== undefined && sc[key] !== null) return { value: sc[key] as never, path: `${c.path}/securityContext/${key}` };
          if (podSc[key] !== undefined && podSc[key] !== null) return { value: podSc[key] as never, path: `${pod.path}/securityContext/${key}` };
          return { value: undefined, path: undefined };
        };
        const user = pick('runAsUser');
        const nonRoot = pick('runAsNonRoot');
        const nonZeroUser = typeof user.value === 'number' && user.value > 0;
        let path: string | undefined;
        let message: string | undefined;
        if (user.value === 0) {
          path = user.path;
          message = 'runs as root (`runAsUser: 0`)';
        } else if (nonRoot.value === false && !nonZeroUser) {
          path = nonRoot.path;
          message = 'may run as root (`runAsNonRoot: false`)';
        } else if (nonRoot.value !== true && !nonZeroUser) {
          message = 'may run as root: neither the pod nor the container securityContext sets `runAsNonRoot: true` or a non-zero `runAsUser`';
        }
        if (!message) continue;
        if (path && path.startsWith(`${pod.path}/securityContext`)) {
          const key = `${path}\u0000${message}`;
          podLevel.set(key, [...(podLevel.get(key) ?? []), c.label]);
          continue;
        }
        ctx.report({ message: `${c.label} in ${workloadLabel(ctx.object, pod)} ${message}`, path: path ?? containerAnchor(c), part: path ? 'span' : 'key', autofix: nonRootFix(ctx.edit, pod.path, path) });
      }
      for (const [key, labels] of podLevel) {
        const [path, message] = key.split('\u0000');
        ctx.report({ message: `${workloadLabel(ctx.object, pod)} ${message} for ${labels.join(', ')}`, path, part: 'span', autofix: nonRootFix(ctx.edit, pod.path, path) });
      }
    }
  },
});
