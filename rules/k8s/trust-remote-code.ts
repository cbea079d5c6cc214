import { defineK8sRule } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { argTokens, envValues, hasFlag, modelReference } from '../lib/model-server.js';

const TRUST_FLAGS = ['--trust-remote-code', '--trust_remote_code'];
const REVISION_FLAGS = ['--revision', '--code-revision', '--code_revision', '--model-revision', '--model_revision', '--tokenizer-revision'];

export default defineK8sRule({
  meta: {
    id: 'k8s/trust-remote-code',
    judgesPatches: true,
    severity: 'warning',
    summary: '--trust-remote-code with a hub model and no pinned revision.',
    rationale:
      'With trust_remote_code the server imports and runs Python files from the model repository at start-up. Without a pinned revision it runs whatever the repository holds when the pod starts: a compromised or simply updated repository changes the code running next to your GPUs and credentials, at the next restart, without any change in git.',
    fix: 'Pin the model and its code to a commit: `--revision <sha>` (vLLM also `--code-revision`), or vendor the model to a local path you control.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      for (const c of containersOf(pod)) {
        const tokens = argTokens(c.container);
        const env = envValues(c.container);
        const trusts = hasFlag(tokens, TRUST_FLAGS) || tokens.some((t) => /trust_remote_code\s*=\s*True/.test(t)) || /^(1|true)$/i.test(env.get('TRUST_REMOTE_CODE') ?? '');
        if (!trusts) continue;
        const model = modelReference(c.container);
        if (!model?.isHubId) continue;
        if (hasFlag(tokens, REVISION_FLAGS) || env.get('REVISION') || env.get('MODEL_REVISION')) continue;
        // Point at the flag itself when it is a separate command/args item.
        let path = `${c.path}/name`;
        for (const field of ['command', 'args'] as const) {
          const list = c.container[field];
          const i = Array.isArray(list) ? list.findIndex((a) => typeof a === 'string' && /trust[-_]remote[-_]code/.test(a)) : -1;
          if (i >= 0) {
            path = `${c.path}/${field}/${i}`;
            break;
          }
        }
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} runs remote code from \`${model.value}\` (trust-remote-code) without a pinned --revision: it executes whatever the repository holds at start-up`,
          path,
          part: path.endsWith('/name') ? 'key' : 'value',
          fix: 'Add `--revision <commit sha>` (and `--code-revision` for vLLM).',
        });
      }
    }
  },
});
