import { defineDockerfileRule } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';

/** Images whose `devel` variants carry compilers and headers. */
const DEVEL_IMAGES: readonly { repository: RegExp; tag: RegExp; name: string }[] = [
  { repository: /^(docker\.io\/)?(nvidia\/cuda|nvcr\.io\/nvidia\/cuda)$/, tag: /(^|-)devel(-|$)/, name: 'CUDA devel' },
  { repository: /^(docker\.io\/)?pytorch\/pytorch$/, tag: /-devel$/, name: 'PyTorch devel' },
  { repository: /^(docker\.io\/)?(rocm\/dev-ubuntu|rocm\/pytorch)/, tag: /./, name: 'ROCm development' },
];

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/cuda-devel-final',
    severity: 'info',
    summary: 'The final stage is FROM a CUDA or framework `-devel` image.',
    rationale:
      '`-devel` images add nvcc, headers and static libraries: several gigabytes that the server never uses at run time. Every GPU node pulls them, cold starts and autoscaling get slower, and the attack surface grows with a full compiler toolchain.',
    fix: 'Build in a `-devel` builder stage and copy the artefacts (wheels, binaries) into a final stage FROM the matching `-runtime` or `-base` image.',
  },
  check(ctx) {
    const chain = finalImageChain(ctx.model);
    const root = chain[chain.length - 1];
    if (!root || root.base.stageRef !== undefined || !root.base.tag) return;
    const match = DEVEL_IMAGES.find((d) => d.repository.test(root.base.repository) && d.tag.test(root.base.tag!));
    if (!match) return;
    ctx.report({
      message: `the final image is built on \`${root.base.resolved}\` (${match.name}): compilers and headers ship to every GPU node`,
      range: root.base.range,
      fix: `Keep \`${root.base.resolved}\` for a builder stage and start the final stage from the \`-runtime\` variant.`,
    });
  },
});
