import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { runLint } from '../src/engine/run.js';
import { mergeVariants } from '../src/render/source.js';
import type { RenderedSource, Renderer } from '../src/render/source.js';
import { pointRange } from '../src/types.js';
import { formatSarif } from '../src/format/sarif.js';
import { formatInputFor } from '../src/index.js';
import { configOf, project } from './helpers.js';

const rendered = (tag: string) => `---
# Source: app/templates/deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: "nginx:${tag}"
`;

/** A renderer of one fake root with two variants; its mapper sends container images to line 7 of the template, the rest to line 2. */
function fakeRenderer(dir: string, tags: Record<string, string>): Renderer {
  return {
    name: 'fake',
    start: () => ({
      notices: ['fake: started'],
      skipped: [],
      jobs: [
        {
          covers: [join(dir, 'app/templates/deploy.yaml'), join(dir, 'app/plain.yaml')],
          result: Promise.resolve({
            notices: [],
            skipped: [],
            sources: Object.entries(tags).map(
              ([variant, tag]): RenderedSource => ({
                renderer: 'helm',
                group: 'app',
                variant,
                text: rendered(tag),
                covers: [join(dir, 'app/templates/deploy.yaml')],
                fallback: { file: 'app/Chart.yaml', range: pointRange(1, 1) },
                map: (doc, pointer) => {
                  expect(doc.source).toBe('app/templates/deploy.yaml');
                  return pointer?.endsWith('/image')
                    ? { file: 'app/templates/deploy.yaml', range: pointRange(7, 11, 5), related: [{ file: 'app/values.yaml', range: pointRange(3, 3, 3), message: 'image.tag is set here' }] }
                    : { file: 'app/templates/deploy.yaml', range: pointRange(2, 1, 4) };
                },
              }),
            ),
          }),
        },
      ],
    }),
  };
}

describe('rendered sources', () => {
  const dir = project({
    'app/templates/deploy.yaml': 'kind: Deployment\n',
    // Covered by the render: not linted alone (it would fire k8s/image-tag on its own).
    'app/plain.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: busybox\n',
  });

  it('maps findings through the mapper, merges variants and names the variants that have a finding', async () => {
    const r = await runLint({ paths: ['.'], cwd: dir, config: configOf(), rules: RULES, renderers: [fakeRenderer(dir, { 'values.yaml': 'latest', 'ci/pinned-values.yaml': '1.27.0' })] });
    const tags = r.findings.filter((f) => f.ruleId === 'k8s/image-tag');
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({ file: 'app/templates/deploy.yaml', range: { start: { line: 7, column: 11 } } });
    expect(tags[0].message).toMatch(/\(only with values\.yaml\)$/);
    expect(tags[0].related).toEqual([{ file: 'app/values.yaml', range: pointRange(3, 3, 3), message: 'image.tag is set here' }]);
    // Findings both variants share are reported once, without naming variants.
    const memory = r.findings.filter((f) => f.ruleId === 'k8s/memory-limits');
    expect(memory).toHaveLength(1);
    expect(memory[0].message).not.toMatch(/only with/);
    expect(r.findings.some((f) => f.file === 'app/plain.yaml')).toBe(false);
    expect(r.notices).toContain('fake: started');
    expect(r.checkedFiles).toContain('app/plain.yaml');
  });

  it('writes related places as SARIF relatedLocations', async () => {
    const r = await runLint({ paths: ['.'], cwd: dir, config: configOf(), rules: RULES, renderers: [fakeRenderer(dir, { 'values.yaml': 'latest' })] });
    const sarif = JSON.parse(formatSarif(formatInputFor({ ...r, config: configOf() }, dir)));
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'k8s/image-tag');
    expect(result.relatedLocations).toEqual([
      { id: 0, message: { text: 'image.tag is set here' }, physicalLocation: { artifactLocation: { uri: 'app/values.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 6 } } },
    ]);
  });

  it('lints the covered files alone when a render yields nothing', async () => {
    const failing: Renderer = {
      name: 'failing',
      start: () => ({ notices: [], skipped: [], jobs: [{ covers: [join(dir, 'app/plain.yaml')], result: Promise.resolve({ sources: [], notices: [], skipped: ['app: render failed'] }) }] }),
    };
    const r = await runLint({ paths: ['.'], cwd: dir, config: configOf(), rules: RULES, renderers: [failing] });
    expect(r.skipped).toContain('app: render failed');
    expect(r.findings.find((f) => f.ruleId === 'k8s/image-tag')).toMatchObject({ file: 'app/plain.yaml', range: { start: { line: 7, column: 14 } } });
  });

  it('merges findings by rule, file, range and message within each group', () => {
    const f = (message: string, line = 3) => ({ ruleId: 'r', severity: 'warning' as const, message, file: 'a.yaml', range: pointRange(line, 1) });
    const out = mergeVariants([
      { group: 'g', variant: 'a', findings: [f('same'), f('only a')] },
      { group: 'g', variant: 'b', findings: [f('same'), f('only a', 4)] },
      { group: 'h', variant: 'x', findings: [f('same')] },
    ]);
    expect(out.map((x) => x.message)).toEqual(['same', 'only a (only with a)', 'only a (only with b)', 'same']);
  });
});
