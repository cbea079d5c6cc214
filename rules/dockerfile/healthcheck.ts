import { defineDockerfileRule } from '../../src/engine/rule.js';
import { finalImageChain } from '../../src/parse/dockerfile.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/healthcheck',
    severity: 'info',
    summary: 'An image that serves something (EXPOSE, CMD or ENTRYPOINT) has no HEALTHCHECK.',
    rationale:
      'Without a HEALTHCHECK, Docker and Compose report a model server as healthy while it is still loading weights or after its GPU has wedged; `depends_on: condition: service_healthy` cannot wait for it.',
    fix: 'Add a HEALTHCHECK against the server\'s readiness endpoint, e.g. `HEALTHCHECK --interval=30s --start-period=600s CMD curl -fsS http://localhost:8000/health || exit 1`, or `HEALTHCHECK NONE` to state that none is wanted.',
  },
  check(ctx) {
    const chain = finalImageChain(ctx.model);
    if (!chain.length) return;
    const instructions = chain.flatMap((s) => s.instructions);
    if (instructions.some((i) => i.keyword === 'HEALTHCHECK')) return;
    const serving = instructions.find((i) => i.keyword === 'EXPOSE' || i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    if (!serving) return;
    ctx.report({
      message: `the final image serves (it has ${serving.keyword}) but defines no HEALTHCHECK`,
      range: chain[0].from.range,
    });
  },
});
