import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, configOf, lintFixture, lintSnippet } from '../helpers.js';
import { isComposeName } from '../../src/discover.js';
import { lintSources } from '../../src/engine/runner.js';
import { removedApi } from '../../rules/lib/api-versions.js';
import { RULES } from '../../rules/index.js';

describe('compose discovery', () => {
  it.each(['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.gpu.yml', 'compose.dev.yaml'])('%s is a Compose file', (n) => expect(isComposeName(n)).toBe(true));
  it.each(['compose-values.yaml', 'deploy.yaml', 'my-compose.yml'])('%s is not', (n) => expect(isComposeName(n)).toBe(false));
  it('any YAML with services of image/build entries is read as Compose', () => {
    const f = lintSnippet({ filename: 'stack.yaml', code: 'services:\n  app:\n    image: redis\n' });
    expect(f.map((x) => `${x.ruleId} ${x.range.start.line}:${x.range.start.column}`)).toEqual(['compose/memory-limits 2:3', 'compose/image-tag 3:12']);
  });
});

describe('a config severity overrides per-finding severities', () => {
  it('a config severity overrides per-finding severities', () => {
    const f = lintFixture(join(FIXTURES, 'k8s/shm-size/bad.yaml'), { rules: { 'k8s/shm-size': 'error' } }).filter((x) => x.ruleId === 'k8s/shm-size');
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'error']);
  });
});

describe('platform and version settings', () => {
  const gpuPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n';
  it('GKE turns k8s/gpu-tolerations off; generic keeps it', () => {
    expect(lintSnippet({ code: gpuPod }).map((f) => f.ruleId)).toContain('k8s/gpu-tolerations');
    expect(lintSnippet({ code: gpuPod, config: { platform: 'gke' } }).map((f) => f.ruleId)).not.toContain('k8s/gpu-tolerations');
  });
  it('an explicit rule setting wins over the platform default', () => {
    expect(lintSnippet({ code: gpuPod, config: { platform: 'gke', rules: { 'k8s/gpu-tolerations': 'warning' } } }).map((f) => f.ruleId)).toContain('k8s/gpu-tolerations');
  });
  it('kubernetesVersion decides what is removed', () => {
    const hpa = 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec: {}\n';
    expect(lintSnippet({ code: hpa, config: { kubernetesVersion: '1.25' } }).map((f) => f.ruleId)).not.toContain('k8s/deprecated-api');
    expect(lintSnippet({ code: hpa, config: { kubernetesVersion: '1.26' } }).map((f) => f.ruleId)).toContain('k8s/deprecated-api');
    expect(removedApi('extensions/v1beta1', 'Ingress', 21)).toBeUndefined();
    expect(removedApi('extensions/v1beta1', 'Ingress', 22)?.replacement).toBe('networking.k8s.io/v1');
  });
});

describe('a Dockerfile without FROM', () => {
  const parseErrors = (code: string, filename = 'Dockerfile') =>
    lintSnippet({ code, filename }).filter((f) => f.ruleId === 'parse-error').map((f) => `${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message}`);
  it('is a parse-error at line 1', () => {
    expect(parseErrors('# build notes\nARG PY=3.11\nRUN pip install --no-cache-dir torch\nCMD ["python"]\n')).toEqual([
      '1:1 error no FROM instruction: this Dockerfile cannot be built (every build starts FROM a base image or `scratch`)',
    ]);
  });
  it('is not reported for templates, empty files or ignore files', () => {
    expect(parseErrors('{% include "base.j2" %}\nRUN make\n')).toEqual([]);
    expect(parseErrors('')).toEqual([]);
    expect(parseErrors('*.pyc\n.git\nmodels/\n', 'Dockerfile.dockerignore')).toEqual([]);
  });
});

/** Notices a snippet run produces (what --verbose prints). */
function noticesOf(code: string, displayPath: string, kind: 'yaml' | 'dockerfile' | 'compose'): string[] {
  return lintSources({ sources: [{ displayPath, kind, contextOnly: false, text: code }], config: configOf(), rules: RULES }).notices;
}

describe('--verbose notes values skipped as placeholders, never the value', () => {
  it('k8s env, Secret and ConfigMap', () => {
    const code =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      env:\n        - {name: HF_TOKEN, value: changeme}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  openai_api_key: ${OPENAI_API_KEY}\n';
    expect(noticesOf(code, 'app.yaml', 'yaml').sort()).toEqual([
      'app.yaml:15: k8s/no-plaintext-secrets: ConfigMap key `openai_api_key` has a secret-like name but its value is a reference resolved elsewhere; not reported',
      'app.yaml:9: k8s/no-plaintext-secrets: env `HF_TOKEN` has a secret-like name but its value is a placeholder word; not reported',
    ]);
  });
  it('Dockerfile ENV and Compose environment', () => {
    expect(noticesOf('FROM python:3.11\nENV OPENAI_API_KEY=your-api-key\n', 'Dockerfile', 'dockerfile')).toEqual([
      'Dockerfile:2: dockerfile/no-secrets: ENV `OPENAI_API_KEY` has a secret-like name but its value is a placeholder word; not reported',
    ]);
    expect(noticesOf('services:\n  api:\n    image: x:1\n    environment:\n      HF_TOKEN: ""\n', 'compose.yaml', 'compose')).toEqual([
      'compose.yaml:5: compose/no-secrets: environment `HF_TOKEN` of service `api` has a secret-like name but its value is empty; not reported',
    ]);
  });
});
