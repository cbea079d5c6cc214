import { defineDockerfileRule } from '../../src/rule-api.js';
import { isResolvableImage } from '../lib/images.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/pin-base-image',
    severity: 'warning',
    summary: 'A FROM with `:latest` or no tag, after resolving ARG defaults.',
    rationale:
      'An unpinned base image changes under you: the same Dockerfile builds a different CUDA, PyTorch or server version next week, and a GPU driver mismatch or changed default appears in production without a code change. `FROM ${BASE}` with `ARG BASE=vllm/vllm-openai:latest` hides the same problem behind a variable.'
      + ' Not judged: earlier build stages, `scratch`, an ARG without a default (`FROM ${BASE}` set by `--build-arg`), and templated references (`FROM {{ SRC_IMAGE }}`): the image is only known at build time.',
    fix: 'Pin a version tag (`nvidia/cuda:12.4.1-runtime-ubuntu22.04`) or a digest (`@sha256:...`); update it deliberately (Renovate and Dependabot understand both).',
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const base = stage.base;
      // Earlier stages, scratch, and references we cannot resolve (ARGs without a default, templates) are not judged.
      if (base.stageRef !== undefined || base.isScratch || base.hasUnresolved || !isResolvableImage(base.resolved)) continue;
      if (base.digest) continue;
      if (base.tag && base.tag !== 'latest') continue;
      const via = base.raw !== base.resolved ? ` (from \`${base.raw}\`)` : '';
      ctx.report({
        message: `FROM \`${base.resolved}\`${via} uses ${base.tag ? 'the `latest` tag' : 'no tag, so `latest`'}: builds are not reproducible`,
        range: base.range,
        fix: 'Pin a version tag or a digest.',
      });
    }
  },
});
