/**
 * Kustomize without rendering (`kustomize.render: never`, or no kubectl): files a kustomization lists as patches (and
 * patch-named files beside a kustomization) are partial objects, judged only
 * on what they set; `images:` overrides and `namespace:` apply to the
 * resources a kustomization lists, through the bases it names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { kustomizeFacts } from '../src/kustomize.js';
import { FIXTURES } from './helpers.js';

const DIR = join(FIXTURES, 'kustomize');
const NEVER = join(mkdtempSync(join(tmpdir(), 'kz-never-')), '.genai-lint.yaml');
writeFileSync(NEVER, 'kustomize:\n  render: never\n');

describe('kustomize patches and overrides', () => {
  it('reports only what patches set (a floating tag, a literal token), never what they leave to their base', async () => {
    const report = await lint({ paths: [DIR], cwd: DIR, configPath: NEVER });
    expect(report.findings.map((f) => `${f.ruleId} ${f.file} ${f.range.start.line}:${f.range.start.column}`)).toEqual([
      'k8s/image-tag overlays/prod/gpu_patch.yaml 10:18',
      'k8s/no-plaintext-secrets overlays/prod/gpu_patch.yaml 13:22',
    ]);
  });

  it('knows which files are patches and what applies to the resources', () => {
    const files = ['base/kustomization.yaml', 'base/deployment.yaml', 'base/service.yaml', 'overlays/prod/kustomization.yaml', 'overlays/prod/gpu_patch.yaml', 'overlays/prod/delete-service.yaml', 'config/default/kustomization.yaml', 'config/default/manager_auth_proxy_patch.yaml'].map((f) => ({ absPath: join(DIR, f), root: DIR }));
    const facts = kustomizeFacts(files);
    expect(facts.patchFiles.map((p) => p.slice(DIR.length + 1))).toEqual(['config/default/manager_auth_proxy_patch.yaml', 'overlays/prod/delete-service.yaml', 'overlays/prod/gpu_patch.yaml']);
    expect(facts.resources[join(DIR, 'base/deployment.yaml')]).toMatchObject({ namespace: 'llm', images: [{ name: 'controller', newName: 'ghcr.io/acme/llm-controller', newTag: 'v1.2.0' }] });
  });

  it('files named one by one (pre-commit) are judged with the kustomizations beside them', async () => {
    const report = await lint({ paths: [join(DIR, 'overlays/prod/gpu_patch.yaml'), join(DIR, 'base/deployment.yaml')], cwd: DIR, configPath: NEVER });
    expect(report.findings.map((f) => `${f.ruleId} ${f.file} ${f.range.start.line}:${f.range.start.column}`)).toEqual([
      'k8s/image-tag overlays/prod/gpu_patch.yaml 10:18',
      'k8s/no-plaintext-secrets overlays/prod/gpu_patch.yaml 13:22',
    ]);
  });
});
