import { defineK8sRule } from '../../src/rule-api.js';
import { splitImageReference } from '../../src/rule-api.js';
import { isResolvableImage, kustomizedImage } from '../lib/images.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { DEFAULT_FLOATING_TAGS, floatingTagPattern } from '../lib/images.js';

interface Options {
  floatingTags: string[];
}

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/image-tag',
    judgesPatches: true,
    severity: 'warning',
    summary: 'A container image with no tag or a floating tag (`latest`, `latest-gpu`, `nightly`, `main`, `stable`...).',
    rationale:
      'A floating tag makes every node pull whatever the registry holds at that moment: two replicas of one Deployment can run different model-server versions, a rollback redeploys the broken image, and a new vLLM or TGI release with changed flags takes production down at the next reschedule. ' +
      'Judged: images without a tag and tags matching a `floatingTags` pattern (case-insensitive, `*` matches any text): by default `latest`, `latest-*`, `*-latest`, `nightly`, `main`, `master`, `dev`, `develop`, `edge`, `stable` and `rolling`. ' +
      'Not judged: images pinned by digest, other tags (a version such as `v0.6.3` or `2.4.0-cuda12`, or a dated nightly), templates or unresolved variables (`{{ ... }}`, `${IMAGE}`, `$(VAR)`) and strings that are not image references at all; the real image is only known when the file is rendered.',
    fix: 'Pin a version tag (`vllm/vllm-openai:v0.6.3`) or, better, a digest (`@sha256:...`).',
    scope: WORKLOAD_SCOPE,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { floatingTags: { type: 'array', items: { type: 'string', minLength: 1 } } },
    },
    defaultOptions: { floatingTags: [...DEFAULT_FLOATING_TAGS] },
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container', 'ephemeralContainer'])) {
        const written = c.container.image;
        if (typeof written !== 'string') continue;
        // The kustomization that lists this file may set the tag (`images: [{name, newTag}]`).
        const image = kustomizedImage(written, ctx.object.imageOverrides);
        if (!isResolvableImage(image)) continue;
        const ref = splitImageReference(image);
        if (ref.digest) continue;
        const floating = ref.tag ? floatingTagPattern(ref.tag, ctx.options.floatingTags) : undefined;
        if (ref.tag && !floating) continue;
        const always = c.container.imagePullPolicy === 'Always';
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} uses \`${image}\`${image !== written ? ' (after the kustomization\'s `images:` override)' : ''} (${!ref.tag ? 'no tag, so `latest`' : ref.tag === 'latest' ? 'the `latest` tag' : `the floating tag \`${ref.tag}\``})${always ? ' with imagePullPolicy: Always, so every restart may pull a different image' : ''}`,
          path: `${c.path}/image`,
          part: 'value',
          fix: 'Pin a version tag or a digest.',
        });
      }
    }
  },
});
