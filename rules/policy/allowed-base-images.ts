import { definePolicyRule } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import { imageMatches, isResolvableImage } from '../lib/images.js';

export default definePolicyRule({
  meta: {
    id: 'policy/allowed-base-images',
    judgesPatches: true,
    severity: 'error',
    summary: 'Policy: the final image is built on an approved (golden) base image and on no banned one (policies.allowedBaseImages).',
    rationale:
      'Platform teams maintain golden base images: patched, scanned, with the right CUDA and driver compatibility. A service built on something else drifts from the fleet; banned images (EOL CUDA versions, `latest` tags) are known problems.',
    fix: 'Start the final stage FROM one of the allowed images listed in the config.',
  },
  dockerfile(ctx) {
    const policy = ctx.settings.policies.allowedBaseImages;
    if (!policy || (!policy.allowed?.length && !policy.banned?.length)) return;
    const chain = finalImageChain(ctx.model);
    const root = chain[chain.length - 1];
    if (!root || root.base.isScratch || root.base.hasUnresolved || !isResolvableImage(root.base.resolved)) return;
    const image = root.base.resolved;
    const banned = policy.banned?.find((p) => imageMatches(image, p));
    if (banned) {
      ctx.report({ message: `the final image is built on \`${image}\`, which is banned (\`${banned}\`)`, range: root.base.range });
    } else if (policy.allowed?.length && !policy.allowed.some((p) => imageMatches(image, p))) {
      ctx.report({ message: `the final image is built on \`${image}\`, which is not an allowed base image (${policy.allowed.join(', ')})`, range: root.base.range });
    }
  },
});
