import { definePolicyRule } from '../../src/rule-api.js';
import type { SourceRange } from '../../src/rule-api.js';
import { flagOf, locateInInstruction } from '../lib/dockerfile.js';
import { containersOf, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { imageMatches, isResolvableImage, normaliseImage } from '../lib/images.js';

function untrusted(image: string, patterns: readonly string[]): boolean {
  return !patterns.some((p) => imageMatches(image, p));
}

function message(image: string, where: string, patterns: readonly string[]): string {
  return `${where} uses \`${image}\` (${normaliseImage(image).repository}), which matches no trusted registry (${patterns.join(', ')})`;
}

export default definePolicyRule({
  meta: {
    id: 'policy/trusted-registries',
    judgesPatches: true,
    severity: 'error',
    summary: 'Policy: every image (FROM, COPY --from, containers, Compose services) comes from a trusted registry (policies.trustedRegistries).',
    rationale:
      'An organisation decides where images may come from: a private mirror, vendor registries it has vetted. An image from anywhere else skips scanning and provenance checks, and a typo-squatted name is one character away. Docker Hub short names are normalised (`python:3.12` is `docker.io/library/python:3.12`); earlier build stages are not images.',
    fix: 'Pull the image through a trusted registry (mirror it), or add its registry to policies.trustedRegistries after review.',
  },
  dockerfile(ctx) {
    const patterns = ctx.settings.policies.trustedRegistries;
    if (!patterns?.length) return;
    const stageNames = new Set(ctx.model.stages.map((s) => s.name).filter(Boolean));
    for (const stage of ctx.model.stages) {
      const b = stage.base;
      if (b.stageRef === undefined && !b.isScratch && !b.hasUnresolved && isResolvableImage(b.resolved) && untrusted(b.resolved, patterns)) {
        ctx.report({ message: message(b.resolved, 'FROM', patterns), range: b.range });
      }
      for (const instr of stage.instructions) {
        const from = instr.keyword === 'COPY' ? flagOf(instr, 'from')?.value : undefined;
        if (!from || stageNames.has(from.toLowerCase()) || /^\d+$/.test(from) || !isResolvableImage(from)) continue;
        if (untrusted(from, patterns)) ctx.report({ message: message(from, 'COPY --from', patterns), range: locateInInstruction(ctx.model, instr, from) as SourceRange });
      }
    }
  },
  k8s(ctx) {
    const patterns = ctx.settings.policies.trustedRegistries;
    if (!patterns?.length) return;
    for (const pod of podSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container', 'ephemeralContainer'])) {
        const image = c.container.image;
        if (typeof image !== 'string' || !isResolvableImage(image) || !untrusted(image, patterns)) continue;
        ctx.report({ message: message(image, `${c.label} in ${workloadLabel(ctx.object, pod)}`, patterns), path: `${c.path}/image`, part: 'value' });
      }
    }
  },
  compose(ctx) {
    const patterns = ctx.settings.policies.trustedRegistries;
    if (!patterns?.length) return;
    for (const s of ctx.model.services) {
      const image = s.raw.image;
      if (typeof image !== 'string' || !isResolvableImage(image) || !untrusted(image, patterns)) continue;
      ctx.report({ message: message(image, `service \`${s.name}\``, patterns), path: `${s.path}/image`, part: 'value' });
    }
  },
});
