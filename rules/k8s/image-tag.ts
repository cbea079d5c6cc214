import { defineK8sRule } from '../../src/engine/rule.js';
import { splitImageReference } from '../../src/parse/dockerfile.js';
import { isResolvableImage } from '../lib/images.js';
import { containersOf, POD_BEARING_KINDS, podSpecOf, workloadLabel } from '../lib/workload.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/image-tag',
    severity: 'warning',
    summary: 'A container image with the `latest` tag or no tag.',
    rationale:
      'A floating tag makes every node pull whatever the registry holds at that moment: two replicas of one Deployment can run different model-server versions, a rollback redeploys the broken image, and a new vLLM or TGI release with changed flags takes production down at the next reschedule.'
      + ' Not judged: references that are templates or unresolved variables (`{{ .Values.image }}`, `${IMAGE}`, `$(REGISTRY)/app`) or not valid references at all; the real image is only known when the file is rendered.',
    fix: 'Pin a version tag (`vllm/vllm-openai:v0.6.3`) or, better, a digest (`@sha256:...`).',
    kinds: POD_BEARING_KINDS,
  },
  check(ctx) {
    const pod = podSpecOf(ctx.object);
    if (!pod) return;
    for (const c of containersOf(pod, ['initContainer', 'container', 'ephemeralContainer'])) {
      const image = c.container.image;
      if (typeof image !== 'string' || !isResolvableImage(image)) continue;
      const ref = splitImageReference(image);
      if (ref.digest) continue;
      if (ref.tag && ref.tag !== 'latest') continue;
      const always = c.container.imagePullPolicy === 'Always';
      ctx.report({
        message: `${c.label} in ${workloadLabel(ctx.object)} uses \`${image}\` (${ref.tag ? 'the `latest` tag' : 'no tag, so `latest`'})${always ? ' with imagePullPolicy: Always, so every restart may pull a different image' : ''}`,
        path: `${c.path}/image`,
        part: 'value',
        fix: 'Pin a version tag or a digest.',
      });
    }
  },
});
