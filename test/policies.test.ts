import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, lintSnippet, project } from './helpers.js';
import { imageMatches, normaliseImage } from '../rules/lib/images.js';
import type { RawConfig } from '../src/config/index.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
const at = (code: string, id: string, config: RawConfig, filename?: string) =>
  lintSnippet({ code, config, filename }).filter((f) => f.ruleId === id).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`);

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  labels: {team: ml, cost-center: cc-42}
spec:
  replicas: 2
  selector: {matchLabels: {app: llm}}
  template:
    metadata: {labels: {app: llm}}
    spec:
      containers:
        - name: vllm
          image: ghcr.io/acme/vllm:0.6.3
          resources:
            limits: {nvidia.com/gpu: 2, memory: 48Gi}
`;

describe('image normalisation', () => {
  it('normalises Docker Hub short names', () => {
    expect(normaliseImage('python:3.12').full).toBe('docker.io/library/python:3.12');
    expect(normaliseImage('vllm/vllm-openai:v0.6.3').repository).toBe('docker.io/vllm/vllm-openai');
    expect(normaliseImage('registry.local:5000/ml/x:1').repository).toBe('registry.local:5000/ml/x');
  });
  it('matches patterns', () => {
    expect(imageMatches('python:3.12', 'docker.io/library/python')).toBe(true);
    expect(imageMatches('python:3.12', 'python')).toBe(true);
    expect(imageMatches('ghcr.io/acme/a/b:1', 'ghcr.io/acme/*')).toBe(true);
    expect(imageMatches('ghcr.io/evil/acme:1', 'ghcr.io/acme/*')).toBe(false);
    expect(imageMatches('nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'nvcr.io/nvidia/cuda:*-runtime-*')).toBe(true);
    expect(imageMatches('ollama/ollama:latest', '*:latest')).toBe(true);
  });
});

describe('built-in policies are off until configured', () => {
  it('no policy section, no policy findings', () => {
    expect(lintSnippet({ code: DEPLOY }).filter((f) => f.ruleId.startsWith('policy/'))).toEqual([]);
  });
});

describe('policy/trusted-registries', () => {
  const config: RawConfig = { policies: { trustedRegistries: ['ghcr.io/acme/*', 'nvcr.io/nvidia/*', 'python'] } };
  it('fires on untrusted images at the image value, Kubernetes, Dockerfile and Compose', () => {
    expect(at(DEPLOY.replace('ghcr.io/acme/vllm:0.6.3', 'vllm/vllm-openai:v0.6.3'), 'policy/trusted-registries', config)).toEqual([
      '14:18 container `vllm` in Deployment `llm` uses `vllm/vllm-openai:v0.6.3` (docker.io/vllm/vllm-openai), which matches no trusted registry (ghcr.io/acme/*, nvcr.io/nvidia/*, python)',
    ]);
    expect(at('FROM ubuntu:22.04 AS build\nFROM build\nCOPY --from=alpine:3.20 /bin/sh /x\n', 'policy/trusted-registries', config).map((s) => s.split(' ')[0])).toEqual(['1:6', '3:13']);
    expect(at('services:\n  a:\n    image: redis:7\n', 'policy/trusted-registries', config, 'compose.yaml').map((s) => s.split(' ')[0])).toEqual(['3:12']);
  });
  it('stays quiet on trusted images and earlier stages', () => {
    expect(at(DEPLOY, 'policy/trusted-registries', config)).toEqual([]);
    expect(at('FROM python:3.12 AS build\nFROM build\nCOPY --from=build /a /b\n', 'policy/trusted-registries', config)).toEqual([]);
  });
});

describe('policy/required-labels', () => {
  const config: RawConfig = { policies: { requiredLabels: { labels: { team: null, 'cost-center': '^cc-[0-9]+$' }, annotations: { owner: null }, dockerfileLabels: ['org.opencontainers.image.source'] } } };
  it('reports missing and non-matching labels at their lines', () => {
    expect(at(DEPLOY.replace('cc-42', 'marketing'), 'policy/required-labels', config)).toEqual([
      '3:1 Deployment `llm` has no annotation `owner`',
      '5:35 label `cost-center` of Deployment `llm` is `marketing`, which does not match ^cc-[0-9]+$',
    ]);
    expect(at('FROM python:3.12\nLABEL maintainer=ml\n', 'policy/required-labels', config)).toEqual(['1:1 the final image has no LABEL `org.opencontainers.image.source`']);
  });
  it('passes when present; Services are not workloads', () => {
    const ok = DEPLOY.replace('labels: {team: ml, cost-center: cc-42}', 'labels: {team: ml, cost-center: cc-42}\n  annotations: {owner: ml-platform}');
    expect(at(ok, 'policy/required-labels', config)).toEqual([]);
    expect(at('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n', 'policy/required-labels', config)).toEqual([]);
    expect(at('FROM python:3.12 AS base\nLABEL org.opencontainers.image.source=https://github.com/acme/llm\nFROM base\n', 'policy/required-labels', config)).toEqual([]);
  });
});

describe('policy/resource-caps', () => {
  it('states the cap and the value', () => {
    const config: RawConfig = { policies: { resourceCaps: { maxGpusPerPod: 1, allowedGpuResources: ['nvidia.com/mig-1g.10gb'], maxMemoryLimit: '32Gi', maxWorkloadGpus: 3 } } };
    expect(at(DEPLOY, 'policy/resource-caps', config)).toEqual([
      '4:9 Deployment `llm` can run 2 replicas x 2 GPUs = 4 GPUs, above the cap of 3',
      '12:7 Deployment `llm` takes 2 GPUs per pod, above the cap of 1',
      '16:22 container `vllm` in Deployment `llm` requests nvidia.com/gpu; allowed GPU resources are nvidia.com/mig-1g.10gb',
      '16:49 container `vllm` in Deployment `llm` sets a memory limit of 48Gi, above the cap of 32Gi',
    ]);
  });
  it('caps scoped to namespaces apply only there (no namespace counts as default)', () => {
    const scoped: RawConfig = { policies: { resourceCaps: { allowedGpuResources: ['nvidia.com/mig-1g.10gb'], namespaces: ['shared'] } } };
    expect(at(DEPLOY, 'policy/resource-caps', scoped)).toEqual([]);
    expect(at(DEPLOY.replace('  name: llm\n', '  name: llm\n  namespace: shared\n'), 'policy/resource-caps', scoped).map((s) => s.split(' ')[0])).toEqual(['17:22']);
  });
  it('within caps, nothing', () => {
    expect(at(DEPLOY, 'policy/resource-caps', { policies: { resourceCaps: { maxGpusPerPod: 2, maxMemoryLimit: '64Gi', maxWorkloadGpus: 4 } } })).toEqual([]);
  });
});

describe('policy/allowed-base-images', () => {
  const config: RawConfig = { policies: { allowedBaseImages: { allowed: ['python:3.11-slim', 'nvcr.io/nvidia/cuda:*-runtime-*'], banned: ['*:latest'] } } };
  it('golden images pass; others and banned ones are reported at the final FROM', () => {
    expect(at('FROM golang:1.23 AS build\nFROM nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04\n', 'policy/allowed-base-images', config)).toEqual([]);
    expect(at('FROM python:3.12\n', 'policy/allowed-base-images', config)).toEqual(['1:6 the final image is built on `python:3.12`, which is not an allowed base image (python:3.11-slim, nvcr.io/nvidia/cuda:*-runtime-*)']);
    expect(at('FROM python:latest\n', 'policy/allowed-base-images', config)).toEqual(['1:6 the final image is built on `python:latest`, which is banned (`*:latest`)']);
  });
});

describe('custom policies as JSON Schema', () => {
  const files = {
    '.genai-lint.yaml': `policies:
  custom:
    - id: acme/gpu-priority-class
      message: every GPU workload sets priorityClassName
      match: {target: k8s, kinds: [Deployment]}
      schema: policies/priority.json
    - id: acme/non-root-image
      severity: warning
      message: images run as a named non-root user
      match: {target: dockerfile}
      schema: {type: object, required: [user], properties: {user: {type: string, pattern: "^[a-z]"}}}
`,
    'policies/priority.json': JSON.stringify({ type: 'object', properties: { spec: { type: 'object', properties: { template: { type: 'object', properties: { spec: { type: 'object', required: ['priorityClassName'] } } } } } } }),
    'k8s/deploy.yaml': DEPLOY,
    Dockerfile: 'FROM python:3.12\nUSER 1000\n',
  };
  it('reports under the custom id at the exact line, on both targets, in every format', () => {
    const dir = project(files);
    const out = JSON.parse(run(['-f', 'json', '.'], dir).stdout).findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('acme/'));
    expect(out.map((f: { ruleId: string; file: string; line: number; column: number; severity: string; message: string }) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      'acme/non-root-image Dockerfile:2:1 warning images run as a named non-root user: `user` must match pattern "^[a-z]"',
      'acme/gpu-priority-class k8s/deploy.yaml:11:5 error every GPU workload sets priorityClassName: missing `priorityClassName` in spec.template.spec',
    ]);
    const sarif = JSON.parse(run(['-f', 'sarif', '.'], dir).stdout);
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'acme/gpu-priority-class').shortDescription.text).toBe('every GPU workload sets priorityClassName');
  });
  it('suppressions and config severities apply to custom ids', () => {
    const dir = project({ ...files, 'k8s/deploy.yaml': '# genai-lint ignore=acme/gpu-priority-class -- batch tier\n' + DEPLOY, '.genai-lint.yaml': files['.genai-lint.yaml'] + 'rules:\n  acme/non-root-image: off\n' });
    const out = JSON.parse(run(['-f', 'json', '.'], dir).stdout).findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('acme/'));
    expect(out).toEqual([]);
  });
  it.each([
    ['an id without a namespace', '    - {id: nonamespace, message: m, match: {target: k8s}, schema: {}}\n', 'a custom policy id needs its own namespace'],
    ['a built-in prefix', '    - {id: k8s/mine, message: m, match: {target: k8s}, schema: {}}\n', 'a custom policy id needs its own namespace'],
    ['an invalid JSON Schema', '    - {id: acme/x, message: m, match: {target: k8s}, schema: {type: nonsense}}\n', 'invalid JSON Schema'],
    ['an unknown kind', '    - {id: acme/x, message: m, match: {target: k8s, kinds: [Deploymnet]}, schema: {}}\n', 'unknown kind `Deploymnet`; did you mean `Deployment`?'],
    ['a missing schema file', '    - {id: acme/x, message: m, match: {target: k8s}, schema: nope.json}\n', 'cannot read schema file'],
  ])('%s exits 2 naming the config file and the policy', (_, entry, expected) => {
    const dir = project({ '.genai-lint.yaml': 'policies:\n  custom:\n' + entry, 'a.yaml': DEPLOY });
    const r = run(['.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.genai-lint.yaml: policies.custom');
    expect(r.stderr).toContain(expected);
  });
});

describe('policy packs: extends', () => {
  it('merges presets and files in order, later wins, and --print-config says where each setting came from', () => {
    const dir = project({
      'platform/base.yaml': 'failOn: info\npolicies:\n  trustedRegistries: [ghcr.io/acme/*]\nrules:\n  k8s/hpa: off\n  k8s/probes: info\n',
      '.genai-lint.yaml': 'extends: [genai-lint:strict, ./platform/base.yaml]\nrules:\n  k8s/probes: warning\n',
    });
    const cfg = JSON.parse(run(['--print-config'], dir).stdout);
    expect(cfg.failOn).toBe('info');
    expect(cfg.rules['k8s/hpa']).toBe('off');
    expect(cfg.rules['k8s/probes']).toEqual(['warning', { minStartupBudgetSeconds: 600 }]);
    expect(cfg.rules['k8s/memory-limits']).toBe('error');
    expect(cfg.policies.trustedRegistries).toEqual(['ghcr.io/acme/*']);
    expect(cfg.sources['rules.k8s/memory-limits']).toBe('genai-lint:strict');
    expect(cfg.sources.failOn).toMatch(/platform\/base\.yaml$/);
    expect(cfg.sources['rules.k8s/probes']).toMatch(/\.genai-lint\.yaml$/);
  });
  it('refuses unknown presets, URLs and cycles with exit 2', () => {
    for (const [files, msg] of [
      [{ '.genai-lint.yaml': 'extends: [genai-lint:stricter]\n' }, 'unknown preset `genai-lint:stricter`'],
      [{ '.genai-lint.yaml': 'extends: [https://example.com/policy.yaml]\n' }, 'is a URL'],
      [{ '.genai-lint.yaml': 'extends: [./b.yaml]\n', 'b.yaml': 'extends: [./.genai-lint.yaml]\n' }, 'extends itself'],
    ] as [Record<string, string>, string][]) {
      const r = run(['.'], project(files));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(msg);
    }
  });
});

describe('the worked examples of docs/policies.md', () => {
  it('do what the page says', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'policies.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n( {4}- id: acme\/[\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBe(2);
    const gpuDeploy = DEPLOY.replace('labels: {team: ml, cost-center: cc-42}', 'labels: {tier: inference}') + '      volumes:\n        - name: cache\n          emptyDir: {}\n';
    const cpuDeploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "ghcr.io/acme/api:1.0"}]\n';
    const dir = project({
      '.genai-lint.yaml': 'policies:\n  custom:\n' + blocks.join(''),
      'k8s/gpu.yaml': gpuDeploy,
      'k8s/cpu.yaml': cpuDeploy,
    });
    const out = JSON.parse(run(['-f', 'json', '.'], dir).stdout).findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('acme/'));
    expect(out.map((f: { ruleId: string; file: string; line: number; message: string }) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`)).toEqual([
      'acme/gpu-priority-class k8s/gpu.yaml:11 every GPU workload sets priorityClassName: missing `priorityClassName` in spec.template.spec',
      'acme/model-cache-on-pvc k8s/gpu.yaml:18 model servers keep their cache on a PersistentVolumeClaim: `spec.template.spec.volumes.0` matches none of the allowed forms',
    ]);
  });
});
