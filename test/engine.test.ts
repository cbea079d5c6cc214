import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { finalImageChain } from '../src/parse/dockerfile-model.js';
import { expandVariables } from '../src/parse/dockerfile-variables.js';
import { parseYaml, locate, NodeTable, withPlainEnv } from '../src/parse/yaml.js';
import { kubeObjectsOf } from '../src/parse/kube.js';
import { isSecretName, isPlaceholderValue, findTokens, maskSecret } from '../rules/lib/secrets.js';
import { lintSnippet, describeFinding } from './helpers.js';
import type { RawConfig } from '../src/config/index.js';

/** Hygiene rules that fire on any minimal container; off where a test is about something else. */
const HYGIENE_OFF: RawConfig = { rules: { 'k8s/privilege-escalation': 'off', 'k8s/resource-requests': 'off' } };

describe('Dockerfile model', () => {
  it('resolves ARG and ENV with Docker scoping', () => {
    const m = parseDockerfile('ARG BASE=python\nARG TAG=3.11\nFROM ${BASE}:${TAG:-3.12} AS app\nARG TAG\nENV IMG=$BASE-${TAG}\n');
    expect(m.stages[0].base.resolved).toBe('python:3.11');
    expect(m.stages[0].base.tag).toBe('3.11');
    // BASE is a global ARG not redeclared in the stage: not visible there.
    expect(m.stages[0].instructions[1].properties[0].resolved).toBe('$BASE-3.11');
    expect(m.stages[0].instructions[1].properties[0].unresolved).toEqual(['BASE']);
  });
  it('expands defaults and alternatives', () => {
    const scope = new Map([['A', { value: 'x', source: 'arg' as const, line: 1 }], ['E', { value: '', source: 'env' as const, line: 1 }]]);
    expect(expandVariables('${A:+set}-${B:-dflt}-${E:-empty}-${E-unset}', scope).value).toBe('set-dflt-empty-');
  });
  it('follows FROM <stage> for the final image chain and keeps CRLF/BOM positions', () => {
    const m = parseDockerfile('FROM a AS base\r\nUSER 1\r\nFROM base\r\nRUN x\r\n');
    expect(finalImageChain(m).map((s) => s.index)).toEqual([1, 0]);
    expect(m.stages[1].instructions[0].range.start).toEqual({ line: 4, column: 1 });
  });
  it('keeps heredoc bodies', () => {
    const m = parseDockerfile('FROM a\nRUN <<EOF\necho hi\nEOF\n');
    expect(m.stages[0].instructions[0].heredocs[0].body).toContain('echo hi');
  });
  it('survives inputs that crash the AST library', () => {
    for (const t of ['RUN echo hi \\\n# comment \\\n', 'COPY [ "a", # c\n "b"]\n', 'FROM\n', 'RUN [\n', '\\\n\\\n', 'ENV\nARG\nLABEL =\n']) {
      expect(() => parseDockerfile(t)).not.toThrow();
    }
  });
});

describe('dockerfile-ast argument splits kept per instruction', () => {
  it('gives every caller its own arguments and ranges, so in-place edits by the library do not leak', () => {
    parseDockerfile('FROM scratch\n');
    const lib = createRequire(import.meta.url)('dockerfile-ast') as typeof import('dockerfile-ast');
    const from = lib.DockerfileParser.parse('FROM --platform=linux/amd64 registry.example.com:5000/team/vllm:0.6.3 AS base\n').getFROMs()[0];
    const before = JSON.stringify(from.getImageRange());
    from.getRegistryRange();
    from.getImageNameRange();
    expect(JSON.stringify(from.getImageRange())).toBe(before);
    expect(from.getImageName()).toBe('team/vllm');
    expect(from.getArguments().map((a) => a.getValue())).toEqual(['registry.example.com:5000/team/vllm:0.6.3', 'AS', 'base']);
    expect(from.getArguments().map((a) => a.getValue())).toEqual(['registry.example.com:5000/team/vllm:0.6.3', 'AS', 'base']);
    expect(from.getFlags().map((f) => f.getName())).toEqual(['platform']);
  });
});

describe('YAML model', () => {
  it('maps JSON pointers to exact key and value ranges, per document', () => {
    const m = parseYaml('a: 1\n---\nspec:\n  limits:\n    nvidia.com/gpu: 2\n');
    const doc = m.documents[1];
    const loc = locate(doc, '/spec/limits/nvidia.com~1gpu');
    expect(loc.exact).toBe(true);
    expect(loc.location.key!.start).toEqual({ line: 5, column: 5 });
    expect(loc.location.value.start).toEqual({ line: 5, column: 21 });
  });
  it('finds nodes through sequences, escaped keys, repeated keys and missing paths', () => {
    const text = 'spec:\n  containers:\n    - name: a\n    - name: b\n      env: [{name: X, value: "1"}]\n  a~b: 1\n  dup: 1\n  dup: 2\n  "0": zero\n';
    const doc = parseYaml(text).documents[0];
    const at = (path: string) => {
      const { location, exact } = locate(doc, path);
      return [location.span.start.line, location.span.start.column, exact];
    };
    expect(at('/spec/containers/1/name')).toEqual([4, 7, true]);
    expect(at('/spec/containers/1/env/0/value')).toEqual([5, 23, true]);
    expect(at('/spec/a~0b')).toEqual([6, 3, true]);
    // The value that takes effect is the last of a repeated key.
    expect(at('/spec/dup')).toEqual([8, 3, true]);
    expect(at('/spec/0')).toEqual([9, 3, true]);
    // A missing node: its nearest existing ancestor.
    expect(at('/spec/containers/1/resources/limits')).toEqual([4, 7, false]);
    expect(at('/spec/containers/7')).toEqual([2, 3, false]);
    expect(at('')).toEqual([1, 1, true]);
    expect(doc.locations.size).toBe(15);
    expect(NodeTable.EMPTY.find('/a')).toBeUndefined();
  });
  it('flattens List kinds', () => {
    const m = parseYaml('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n');
    const objs = kubeObjectsOf(m, 'x.yaml', false);
    expect(objs.map((o) => [o.kind, o.name, o.basePath])).toEqual([['Pod', 'a', '/items/0']]);
  });
});

describe('secret vocabulary', () => {
  it.each(['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HUGGINGFACEHUB_API_TOKEN', 'NGC_API_KEY', 'WANDB_API_KEY', 'DB_PASSWORD', 'apiKey', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY_BASE'])('%s is a secret name', (n) => expect(isSecretName(n)).toBe(true));
  it.each(['TOKENIZERS_PARALLELISM', 'MAX_TOKENS', 'MAX_NEW_TOKENS', 'OPENAI_BASE_URL', 'SSL_KEY_FILE', 'HF_TOKEN_PATH', 'PUBLIC_KEY', 'AWS_ACCESS_KEY_ID', 'CACHE_KEY', 'PAD_TOKEN', 'GOOGLE_APPLICATION_CREDENTIALS'])('%s is not a secret name', (n) => expect(isSecretName(n)).toBe(false));
  it.each(['', 'changeme', '<your-token>', '${HF_TOKEN}', '$(TOKEN)', 'EMPTY', 'sk-xxxxxxxxxxxxxxxxxxxx', '/run/secrets/x', '{{ .Values.key }}'])('%j is a placeholder', (v) => expect(isPlaceholderValue(v)).toBe(true));
  const A = 'Qm3Xv8Rt2Lp6Wn1Zc5Hy9Bd4Fk7Js0Ga2Ue8Io3Pl6Tr9Yw1Eq5Hk2Nb7Mz4Vx0Cs6Dg3Qm3Xv8Rt2Lp6Wn1Zc5Hy9Bd4Fk7Js0Ga2';
  const L = 'QmXvRtLpWnZcHyBdFkJsGaUeIoPlTrYwEqHkNbMzVx';
  const positives: [string, string][] = [
    ['openai-legacy', `sk-${A.slice(0, 20)}T3BlbkFJ${A.slice(20, 40)}`],
    ['openai-scoped', `sk-proj-${A.slice(0, 48)}`],
    ['anthropic', `sk-ant-api03-${A.slice(0, 93)}AA`],
    ['openrouter', `sk-or-v1-${'0a1b2c3d4e5f6789'.repeat(4)}`],
    ['huggingface', `hf_${L.slice(0, 34)}`],
    ['replicate', `r8_${A.slice(0, 37)}`],
    ['groq', `gsk_${A.slice(0, 52)}`],
    ['google', `AIza${A.slice(0, 35)}`],
    ['pinecone', `pcsk_${A.slice(0, 6)}_${A.slice(6, 70)}`],
    ['langsmith', `lsv2_pt_${'0a1b2c3d4e5f6789'.repeat(2)}_0a1b2c3d4e`],
    ['perplexity', `pplx-${A.slice(0, 48)}`],
    ['xai', `xai-${A.slice(0, 80)}`],
    ['nvidia', `nvapi-${A.slice(0, 64)}`],
    ['aws-access-key-id', 'AKIAQ3XV8RT2LP6WN1ZC'],
    ['github-classic', `ghp_${A.slice(0, 36)}`],
    ['github-fine-grained', `github_pat_${A.slice(0, 22)}_${A.slice(22, 81)}`],
    ['slack', 'xoxb-2481632641-QmXvRtLpWnZc'],
    ['private-key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ];
  it.each(positives)('%s format matches', (id, token) => {
    expect(findTokens(`value: ${token} `).map((t) => t.format.id)).toEqual([id]);
  });
  it.each([
    ['hf_ too short', `hf_${L.slice(0, 20)}`],
    ['AWS example key', 'AKIAIOSFODNN7EXAMPLE'],
    ['filler', 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['prefix inside a word', `ahf_${L.slice(0, 34)}`],
    ['ghp_ too short', 'ghp_abc123'],
  ])('%s does not match', (_, text) => {
    expect(findTokens(`x ${text} y`)).toEqual([]);
  });
  it('masks without revealing the value', () => {
    expect(maskSecret('hf_abcdefghijklmnopqrstuvwxyzABCDEFGH')).toBe('hf_a…GH (37 chars)');
    expect(maskSecret('hunter2')).toBe('h… (7 chars)');
  });
});

describe('suppressions', () => {
  it('an ignore comment above an instruction hides that finding only; unused ones are reported', () => {
    const f = lintSnippet({
      code: 'FROM python:3.11\n# genai-lint ignore=dockerfile/healthcheck,dockerfile/no-root-user -- served behind a sidecar\n# second comment line\nEXPOSE 8000\n# genai-lint ignore=dockerfile/no-secrets\nRUN echo\n# genai-lint ignore=dockerfile/typo\nCMD ["x"]\n',
    });
    expect(f.map(describeFinding)).toEqual([
      'dockerfile/healthcheck 1:1-1:17 the final image serves (it has EXPOSE) but defines no HEALTHCHECK',
      'dockerfile/no-root-user 1:1-1:17 the final stage sets no USER, so the image runs as root',
      'unused-suppression 2:1-2:94 suppression of `dockerfile/healthcheck` suppresses nothing here; remove it',
      'unused-suppression 2:1-2:94 suppression of `dockerfile/no-root-user` suppresses nothing here; remove it',
      'unused-suppression 5:1-5:42 suppression of `dockerfile/no-secrets` suppresses nothing here; remove it',
      'unused-suppression 7:1-7:36 suppression names an unknown rule id `dockerfile/typo`',
    ]);
  });
  it('ignore-file covers the whole Dockerfile', () => {
    const f = lintSnippet({ code: 'FROM python:3.11\nEXPOSE 1\n# genai-lint ignore-file=dockerfile/healthcheck,dockerfile/no-root-user\n' });
    expect(f).toEqual([]);
  });
  it('YAML: a comment above a key covers that node; the annotation covers the object', () => {
    const code = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
  annotations:
    genai-lint.io/ignore: "k8s/hpa"
spec:
  selector:
    matchLabels: {app: a}
  template:
    metadata:
      labels: {app: a}
    spec:
      securityContext: {runAsNonRoot: true}
      terminationGracePeriodSeconds: 120
      containers:
        # genai-lint ignore=k8s/probes,k8s/memory-limits -- model server under test
        - name: worker
          image: vllm/vllm-openai:v0.6.3
        - name: other
          image: y:1
          ports: [{containerPort: 8080}]
`;
    const f = lintSnippet({ code, config: HYGIENE_OFF }).map((x) => `${x.ruleId} ${x.range.start.line}`);
    expect(f).toEqual(['k8s/memory-limits 20', 'k8s/probes 20']);
  });
  it('YAML: a comment above a document covers the document, and an unused annotation is reported', () => {
    const code = `# genai-lint ignore=k8s/probes,k8s/memory-limits,k8s/run-as-non-root
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations: {genai-lint.io/ignore: "k8s/hpa"}
spec:
  containers:
    - name: c
      image: x:1
      ports: [{containerPort: 8080}]
`;
    expect(lintSnippet({ code, config: HYGIENE_OFF }).map((x) => `${x.ruleId} ${x.range.start.line}:${x.range.start.column}`)).toEqual(['unused-suppression 6:17']);
  });
});

describe('parse problems', () => {
  it('reports invalid YAML with a position and goes on with other documents', () => {
    const f = lintSnippet({ code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n', filename: 'bad.yaml' });
    expect(f.map((x) => x.ruleId)).toEqual(['parse-error']);
    expect(f[0].range.start.line).toBeGreaterThanOrEqual(4);
  });
  it('reports duplicate keys in Kubernetes objects and still lints them', () => {
    const f = lintSnippet({ code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: c\n      image: x:1\n      resources: {limits: {memory: 1Gi}}\n      resources: {}\n      readinessProbe: {exec: {command: [a]}}\n      livenessProbe: {exec: {command: [a]}}\n', config: HYGIENE_OFF });
    // The later value wins, as in Kubernetes: the memory limit is lost.
    expect(f.map(describeFinding)).toEqual([
      "k8s/memory-limits 11:7-11:16 container `c` in Pod `p` has no memory limit; one pod can exhaust the node's memory",
      'parse-error 11:7-11:16 duplicate key `resources`: only one of the values takes effect',
    ]);
  });
  it('skips YAML that is not Kubernetes, silently', () => {
    expect(lintSnippet({ code: 'name: CI\non: [push]\njobs: {}\n', filename: 'ci.yaml' })).toEqual([]);
  });
});

describe('nothing is lost', () => {
  it('a rule that throws becomes an internal-error finding; other rules still run', async () => {
    const { lintSources } = await import('../src/engine/runner.js');
    const { defineDockerfileRule } = await import('../src/engine/rule.js');
    const { RULES } = await import('../rules/index.js');
    const { configOf } = await import('./helpers.js');
    const broken = defineDockerfileRule({
      meta: { id: 'dockerfile/no-root-user', severity: 'warning', summary: 's', rationale: 'r', fix: 'f' },
      check() {
        throw new Error('boom');
      },
    });
    const rules = [broken, ...RULES.filter((r) => r.meta.id !== 'dockerfile/no-root-user')];
    const res = lintSources({ sources: [{ displayPath: 'Dockerfile', kind: 'dockerfile', contextOnly: false, text: 'FROM a:1.0\nEXPOSE 1\n' }], config: configOf(), rules });
    expect(res.internalErrors.map((e) => [e.ruleId, e.message])).toEqual([['dockerfile/no-root-user', 'boom']]);
    expect(res.findings.map((f) => f.ruleId)).toEqual(['dockerfile/healthcheck', 'internal-error']);
  });

  it('honours the escape directive', () => {
    const m = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV A=1 `\n    B=2\n');
    expect(m.escapeChar).toBe('`');
    expect(m.stages[0].instructions[0].properties.map((p) => [p.name, p.value])).toEqual([['A', '1'], ['B', '2']]);
  });
});

describe('YAML parsing and the environment', () => {
  it('parses with a plain copy of process.env and gives the real one back, even when parsing throws', () => {
    const real = process.env;
    expect(parseYaml('a: 1\n').documents[0].value).toEqual({ a: 1 });
    expect(process.env).toBe(real);
    expect(() => withPlainEnv(() => {
      expect(process.env).not.toBe(real);
      expect(process.env.PATH).toBe(real.PATH);
      throw new Error('boom');
    })).toThrow('boom');
    expect(process.env).toBe(real);
  });
});
