import { defineDockerfileRule } from '../../src/rule-api.js';
import { expandVariables, finalImageChain } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';

/**
 * Base images that run as a non-root user by default: distroless `nonroot`
 * tags, Chainguard, and images whose own Dockerfile ends with a non-root USER
 * (Ray's `ray`, the Jupyter stacks' and JupyterHub's `jovyan`, Bitnami's 1001).
 */
const NON_ROOT_BASES: readonly RegExp[] = [
  /(^|[-_.])nonroot([-_.]|$)/,
  /^cgr\.dev\/chainguard\//,
  /^(docker\.io\/)?rayproject\/ray(-ml)?(:|@|$)/,
  /^(docker\.io\/|quay\.io\/)?jupyter\//,
  /^(docker\.io\/|quay\.io\/)?jupyterhub\/k8s-/,
  /^(docker\.io\/)?bitnami\//,
];

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/no-root-user',
    severity: 'warning',
    summary: 'The final stage runs as root: no USER, or the last USER is root/0.',
    rationale:
      'A model server running as root turns any remote-code-execution bug (pickle loading, trust_remote_code, a template injection) into root in the container, and clusters enforcing the restricted Pod Security Standard refuse to run it.'
      + ' Not judged: images built on a base that already runs as a non-root user (distroless `nonroot`, Chainguard, rayproject/ray, the Jupyter and JupyterHub images, Bitnami), and images FROM scratch without CMD or ENTRYPOINT (artifacts that other builds copy from).',
    fix: 'Create an unprivileged user and switch to it at the end of the final stage: `RUN useradd -u 1000 -m app` then `USER 1000`.',
  },
  check(ctx) {
    const { model } = ctx;
    const chain = finalImageChain(model);
    if (!chain.length) return;
    const final = chain[0];
    // An image built FROM scratch without CMD or ENTRYPOINT is an artifact others copy from, never a container that runs.
    const root0 = chain[chain.length - 1];
    if (root0.base.resolved === 'scratch' && !chain.some((st) => st.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'))) return;
    let lastUser: DockerInstruction | undefined;
    // USER carries over from a stage the final stage builds FROM, not from other stages.
    for (const stage of chain) {
      lastUser = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
      if (lastUser) break;
    }
    if (lastUser) {
      const { value, unresolved } = expandVariables(lastUser.argsText.trim(), lastUser.scope, model.escapeChar);
      if (unresolved.length) return;
      const user = value.split(':')[0].trim();
      if (user === 'root' || user === '0') {
        ctx.report({
          message: `the final image runs as root (\`USER ${lastUser.argsText.trim()}\`)`,
          range: lastUser.range,
          fix: 'Switch to an unprivileged user after the steps that need root: `USER 1000:1000`.',
        });
      }
      return;
    }
    const root = chain[chain.length - 1];
    const image = root.base.resolved.toLowerCase();
    if (NON_ROOT_BASES.some((re) => re.test(image) || (root.base.tag !== undefined && re.test(root.base.tag)))) return;
    ctx.report({
      message: `the final stage${final.name ? ` \`${final.name}\`` : ''} sets no USER, so the image runs as root`,
      range: final.from.range,
      fix: 'Add `USER <uid>` (a non-zero id) at the end of the final stage.',
    });
  },
});
