import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/parse/yaml.js';
import { YamlEditor, yamlScalar } from '../../src/fix/yaml-edit.js';
import { applyFixes, normalizedEdits } from '../../src/fix/edits.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import type { TextEdit } from '../../src/types.js';

/** The text with the edits of one fix applied. */
function edited(text: string, edits: TextEdit[] | undefined): string {
  expect(edits, 'edits').toBeDefined();
  return applyFixes(text, [{ applicability: 'safe', edits: edits! }]).text;
}

const editor = (text: string, doc = 0, base = '') => new YamlEditor(parseYaml(text).documents[doc], base);

describe('YamlEditor', () => {
  const DEPLOYMENT = [
    '# model server',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: llm   # keep me',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: vllm',
    "        image: 'vllm/vllm-openai:v0.6.3'",
    '',
    '        resources:',
    '          requests: {nvidia.com/gpu: 1}',
    '      tolerations: []',
    '',
  ].join('\n');

  it('inserts a missing key after the last entry of a block mapping, at its key column, every other line untouched', () => {
    const out = edited(DEPLOYMENT, editor(DEPLOYMENT).set('/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation', false));
    expect(out).toBe(DEPLOYMENT.replace('{nvidia.com/gpu: 1}\n', '{nvidia.com/gpu: 1}\n        securityContext:\n          allowPrivilegeEscalation: false\n'));
  });

  it('inserts into a flow mapping in flow style', () => {
    const out = edited(DEPLOYMENT, editor(DEPLOYMENT).set('/spec/template/spec/containers/0/resources/requests/memory', '16Gi'));
    expect(out).toBe(DEPLOYMENT.replace('{nvidia.com/gpu: 1}', '{nvidia.com/gpu: 1, memory: 16Gi}'));
  });

  it('appends to an empty flow sequence in flow style', () => {
    const out = edited(DEPLOYMENT, editor(DEPLOYMENT).append('/spec/template/spec/tolerations', { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }));
    expect(out).toBe(DEPLOYMENT.replace('tolerations: []', 'tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]'));
  });

  it('appends to a block sequence at the column of its dashes', () => {
    const text = 'spec:\n  volumes:\n    - name: a\n      emptyDir: {}\n  containers: []\n';
    const out = edited(text, editor(text).append('/spec/volumes', { name: 'dshm', emptyDir: { medium: 'Memory' } }));
    expect(out).toBe('spec:\n  volumes:\n    - name: a\n      emptyDir: {}\n    - name: dshm\n      emptyDir:\n        medium: Memory\n  containers: []\n');
  });

  it('creates a missing sequence in the sequence style of the file (dashes level with the key)', () => {
    const out = edited(DEPLOYMENT, editor(DEPLOYMENT).append('/spec/template/spec/containers/0/volumeMounts', { name: 'dshm', mountPath: '/dev/shm' }));
    expect(out).toContain('          requests: {nvidia.com/gpu: 1}\n        volumeMounts:\n        - name: dshm\n          mountPath: /dev/shm\n      tolerations: []');
  });

  it('replaces a scalar keeping its quoting', () => {
    expect(edited(DEPLOYMENT, editor(DEPLOYMENT).set('/spec/template/spec/containers/0/image', 'vllm/vllm-openai:v0.6.4'))).toBe(DEPLOYMENT.replace("'vllm/vllm-openai:v0.6.3'", "'vllm/vllm-openai:v0.6.4'"));
    const text = 'apiVersion: "extensions/v1beta1"\nkind: Ingress\n';
    expect(edited(text, editor(text).set('/apiVersion', 'networking.k8s.io/v1'))).toBe('apiVersion: "networking.k8s.io/v1"\nkind: Ingress\n');
  });

  it('fills a key written without a value', () => {
    const text = 'spec:\n  securityContext:\n  containers: []\n';
    expect(edited(text, editor(text).set('/spec/securityContext/runAsNonRoot', true))).toBe('spec:\n  securityContext:\n    runAsNonRoot: true\n  containers: []\n');
  });

  it('edits the document and object it is bound to, keeping separators, anchors and CRLF line ends', () => {
    const text = 'a: 1\r\n---\r\nx: &base\r\n  k: v\r\ny: *base\r\n';
    const out = edited(text, editor(text, 1).set('/x/nn', 2));
    expect(out).toBe('a: 1\r\n---\r\nx: &base\r\n  k: v\r\n  nn: 2\r\ny: *base\r\n');
  });

  it('makes no edit through an alias or into a block scalar', () => {
    const text = 'base: &b\n  k: v\nuse: *b\nscript: |\n  echo\n';
    expect(editor(text).set('/use/n', 1)).toBeUndefined();
    expect(editor(text).set('/script', 'x')).toBeUndefined();
  });

  it('writes scalars plain only when they read back as the same string', () => {
    expect(yamlScalar('8Gi')).toBe('8Gi');
    expect(yamlScalar('/dev/shm')).toBe('/dev/shm');
    expect(yamlScalar('8000')).toBe('"8000"');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('no')).toBe('"no"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('x #y')).toBe('"x #y"');
    expect(yamlScalar(600)).toBe('600');
  });
});

describe('applyFixes', () => {
  it('applies fixes that do not touch each other, defers one that overlaps an applied fix, and applies identical fixes once', () => {
    const text = 'abcdef';
    const fixes = [
      { applicability: 'safe' as const, edits: [{ start: 1, end: 2, text: 'B' }] },
      { applicability: 'safe' as const, edits: [{ start: 2, end: 2, text: '!' }] },
      { applicability: 'safe' as const, edits: [{ start: 4, end: 5, text: 'E' }] },
      { applicability: 'safe' as const, edits: [{ start: 4, end: 5, text: 'E' }] },
    ];
    expect(applyFixes(text, fixes)).toEqual({ text: 'aBcdEf', applied: 3, deferred: 1 });
  });

  it('keeps the order a rule gives edits at one point, and refuses overlapping edits within a fix', () => {
    expect(applyFixes('ab', [{ applicability: 'safe', edits: [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }] }]).text).toBe('axyb');
    expect(normalizedEdits([{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }], 5)).toBeUndefined();
    expect(normalizedEdits([{ start: 4, end: 9, text: '' }], 5)).toBeUndefined();
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with three lines of context and the file named a/ and b/', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', ''].join('\n');
    const after = before.replace('5\n', '5\nnew\n');
    expect(unifiedDiff('k8s/x.yaml', before, after)).toBe('--- a/k8s/x.yaml\n+++ b/k8s/x.yaml\n@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+new\n 6\n 7\n 8\n');
  });

  it('is empty for equal texts, marks a missing final newline, and shows control characters as escapes', () => {
    expect(unifiedDiff('a', 'x\n', 'x\n')).toBe('');
    expect(unifiedDiff('a', 'x', 'y')).toBe('--- a/a\n+++ b/a\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n');
    expect(unifiedDiff('a', 'x\n', 'x\n\u001b[2J\n')).toContain('+\\e[2J\n');
  });
});
