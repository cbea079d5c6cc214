import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSnippet, describeFinding, REPO_ROOT } from './helpers.js';
import { HADOLINT_EQUIVALENTS, KUBE_LINTER_EQUIVALENTS } from '../src/engine/peer-suppressions.js';
import { RULES } from '../rules/index.js';

const ids = (code: string, filename?: string) => lintSnippet({ code, filename }).map(describeFinding);

describe('hadolint ignore pragmas', () => {
  it('suppress the genai-lint rule that covers the code, on the next instruction', () => {
    const code = 'FROM ubuntu:22.04\nUSER 1000\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\nRUN apt-get install -y git\n';
    const got = ids(code).filter((f) => /apt-hygiene|unused-suppression/.test(f));
    // Line 4 is covered; line 5 is not; DL3008 maps to a strict-only rule that is off: nothing to report for it.
    expect(got).toEqual([expect.stringMatching(/^dockerfile\/apt-hygiene 5:13/)]);
  });
  it('global ignore covers the file; codes are case-insensitive and may have spaces', () => {
    const code = 'FROM python:3.11\n# hadolint global ignore=dl3003, DL3059\nUSER 1000\nRUN cd /a && make\nRUN cd /b && make\n';
    expect(ids(code).filter((f) => /cd-in-run|unused/.test(f))).toEqual([]);
  });
  it('a mapped code that suppresses nothing is reported as unused, at the code', () => {
    const code = 'FROM python:3.11\nUSER 1000\n# hadolint ignore=SC2086,DL3004\nRUN make\n';
    expect(ids(code).filter((f) => /unused/.test(f))).toEqual([
      'unused-suppression 3:26-3:32 `hadolint ignore=DL3004` (dockerfile/no-sudo) suppresses nothing here; remove it',
    ]);
  });
});

describe('kube-linter ignore-check annotations', () => {
  const deployment = (annotations: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n${annotations}spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      securityContext: {runAsNonRoot: true}\n      containers:\n        - name: web\n          image: nginx:latest\n          resources: {limits: {memory: 1Gi}}\n`;
  it('suppress the mapped rules on the annotated object', () => {
    const got = ids(deployment('    ignore-check.kube-linter.io/latest-tag: "pinned by digest at deploy time"\n'), 'deploy.yaml');
    expect(got.filter((f) => /image-tag|unused/.test(f))).toEqual([]);
  });
  it('report an annotation whose rules do not fire; stay silent for checks with no equivalent', () => {
    const got = ids(deployment('    ignore-check.kube-linter.io/run-as-non-root: "x"\n    ignore-check.kube-linter.io/no-anti-affinity: "x"\n'), 'deploy.yaml');
    expect(got.filter((f) => /unused/.test(f))).toEqual([
      'unused-suppression 6:5-6:48 `ignore-check.kube-linter.io/run-as-non-root` (k8s/run-as-non-root) suppresses nothing here; remove it',
    ]);
  });
});

describe('the equivalence tables', () => {
  const migrating = readFileSync(join(REPO_ROOT, 'docs', 'migrating.md'), 'utf8');
  const known = new Set(RULES.map((r) => r.meta.id));
  it('name genai-lint rules (dockerfile ones exist) and agree with docs/migrating.md', () => {
    for (const [table, prefix] of [[HADOLINT_EQUIVALENTS, ''], [KUBE_LINTER_EQUIVALENTS, '']] as const) {
      for (const [code, rules] of Object.entries(table)) {
        const row = migrating.split('\n').find((l) => l.startsWith(`| ${prefix}\`${code}\` |`) || l.startsWith(`| ${code} |`));
        expect(row, `docs/migrating.md has a row for ${code}`).toBeDefined();
        for (const id of rules) {
          if (!id.startsWith('k8s/')) expect(known.has(id), id).toBe(true);
          expect(row, `${code} row names ${id}`).toContain(`\`${id}\``);
        }
      }
    }
  });
});
