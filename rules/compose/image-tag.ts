import { defineComposeRule } from '../../src/rule-api.js';
import { splitImageReference } from '../../src/rule-api.js';
import { isResolvableImage } from '../lib/images.js';
import { serviceLabel } from '../lib/compose.js';

export default defineComposeRule({
  meta: {
    id: 'compose/image-tag',
    severity: 'warning',
    summary: 'A service image with the `latest` tag or no tag.',
    rationale:
      '`ollama/ollama:latest` or `vllm/vllm-openai` pulls whatever was published last: the stack that worked yesterday breaks after a `docker compose pull`, and teammates run different versions of the same file.'
      + ' Not judged: references that are templates or unresolved variables (`${IMAGE}`, `vllm/vllm-openai:${TAG:-latest}`, `{{ image }}`) or not valid references at all; the real image is only known when Compose interpolates the file. Nor is the `image:` of a service that has `build:` (it names the locally built image; nothing is pulled unless `pull_policy: always`).',
    fix: 'Pin a version tag or a digest; `${TAG:-1.2.3}` interpolation with a pinned default is fine.',
  },
  check(ctx) {
    for (const s of ctx.model.services) {
      const image = s.raw.image;
      if (typeof image !== 'string' || !isResolvableImage(image)) continue;
      // With `build:`, Compose builds the image and `image:` only names the result; nothing is pulled.
      if (s.raw.build !== undefined && s.raw.pull_policy !== 'always') continue;
      const ref = splitImageReference(image);
      if (ref.digest || (ref.tag && ref.tag !== 'latest')) continue;
      ctx.report({
        message: `${serviceLabel(s)} uses \`${image}\` (${ref.tag ? 'the `latest` tag' : 'no tag, so `latest`'})`,
        path: `${s.path}/image`,
        part: 'value',
        fix: 'Pin a version tag or a digest.',
      });
    }
  },
});
