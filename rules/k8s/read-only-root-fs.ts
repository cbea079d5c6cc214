import { defineK8sRule } from '../../src/rule-api.js';
import { containerAnchor, containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { isFragment } from '../lib/fragments.js';
import { isModelServer, modelDownload } from '../lib/model-server.js';
import { containerSecurity, isWindowsPod } from '../lib/security.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/read-only-root-fs',
    severity: 'warning',
    preset: 'strict',
    summary: 'A container (init containers included) without `securityContext.readOnlyRootFilesystem: true`.',
    rationale:
      "A writable root filesystem lets code that runs in the container (a pickled model, trust_remote_code, a tool call) replace the server's own files and persist until the pod restarts. Model servers write only to a few places (the Hugging Face or server cache, /tmp, torch and Triton kernel caches), and each can be an emptyDir or a PVC. It is part of the strict preset only, because most model-server images still write to their home directory and turning it on needs those mounts first. Unlike kube-linter's no-read-only-root-fs, which is on by default, it stays out of the recommended preset for that reason.",
    fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir (or the model-cache PVC) at each path the server writes: /tmp, the HF cache (HF_HOME, default ~/.cache/huggingface), ~/.triton and ~/.cache/torch for compiled kernels.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      if (isWindowsPod(pod) || isFragment(ctx.object, pod)) continue;
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        const sc = containerSecurity(c);
        const value = sc.readOnlyRootFilesystem;
        if (value === true) continue;
        if (value !== undefined && value !== null && value !== false) continue; // not a boolean: k8s/schema reports it
        const download = modelDownload(c.container);
        const server = download !== undefined || isModelServer(c.container, ctx.settings);
        const hint = download
          ? `; mount emptyDirs (or the cache PVC) at /tmp and ${download.cacheDir}, where it writes the model`
          : server
            ? '; mount emptyDirs at /tmp and the model cache (HF_HOME) it writes to'
            : '';
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} has a writable root filesystem (${value === false ? '`readOnlyRootFilesystem: false`' : '`readOnlyRootFilesystem` not set'})${hint}`,
          path: value === false ? `${c.path}/securityContext/readOnlyRootFilesystem` : c.container.securityContext !== undefined ? `${c.path}/securityContext` : containerAnchor(c),
          part: value === false ? 'span' : 'key',
          fix: `Set \`readOnlyRootFilesystem: true\` for ${c.label} and mount writable emptyDirs where it writes${download ? ` (/tmp, ${download.cacheDir})` : ' (/tmp)'}.`,
        });
      }
    }
  },
});
