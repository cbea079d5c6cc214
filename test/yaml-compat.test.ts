/**
 * YAML read the way kubectl (go-yaml) and Docker Compose read it: merge keys
 * are honoured, and quoted scalars whose continuation lines are indented less
 * than their key are accepted.
 */
import { describe, expect, it } from 'vitest';
import { indentQuotedContinuations, parseYaml } from '../src/parse/yaml.js';
import { lintSnippet } from './helpers.js';

describe('merge keys (<<: *anchor)', () => {
  it('Compose services get the anchored settings: no false memory-limit finding', () => {
    const code = 'x-common: &common\n  restart: always\n  mem_limit: 1g\nservices:\n  api:\n    <<: *common\n    image: api:1.0\n  web:\n    image: web:1.0\n';
    const f = lintSnippet({ code, filename: 'compose.yaml' }).filter((x) => x.ruleId === 'compose/memory-limits');
    expect(f.map((x) => `${x.range.start.line}:${x.range.start.column}`)).toEqual(['8:3']);
  });
  it('a Kubernetes container merged from another has its fields and no unknown field `<<`', () => {
    const code = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'spec:', '  selector: {matchLabels: {app: a}}', '  template:',
      '    metadata: {labels: {app: a}}', '    spec:', '      containers:', '        - &base', '          name: a', '          image: a:1.0',
      '          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}', '        - <<: *base', '          name: b', '',
    ].join('\n');
    const f = lintSnippet({ code, filename: 'd.yaml' });
    expect(f.filter((x) => x.ruleId === 'k8s/schema' || x.ruleId === 'k8s/memory-limits')).toEqual([]);
  });
});

describe('quoted scalars continued on less-indented lines', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "first line\n  continued\nless indented"\n  b: \'single\n quoted\'\n';
  it('parse as kubectl parses them, with the same values and line numbers', () => {
    const model = parseYaml(text);
    expect(model.documents[0].errors).toEqual([]);
    expect((model.documents[0].value as { data: Record<string, string> }).data).toEqual({ a: 'first line continued less indented', b: 'single quoted' });
    expect(model.index.lineCount).toBe(text.split('\n').length);
  });
  it('only continuation lines of quoted scalars move; other text is untouched', () => {
    expect(indentQuotedContinuations('a: 1\nb: plain\n')).toBeUndefined();
    expect(indentQuotedContinuations('  k: "x\ny"\n# "not a quote\nz: 1\n')).toBe('  k: "x\n   y"\n# "not a quote\nz: 1\n');
  });
  it('a quoted value of a sequence entry continued at the dash\'s indentation (kubectl-generated CRDs)', () => {
    const crd = "columns:\n  - description: 'first\n  continued at the dash'\n    name: Age\n";
    const model = parseYaml(crd);
    expect(model.documents[0].errors).toEqual([]);
    expect(model.documents[0].value).toEqual({ columns: [{ description: 'first continued at the dash', name: 'Age' }] });
  });
  it('a file with a real YAML mistake is still reported', () => {
    expect(parseYaml('a: "unterminated\nb: [1, 2\n').documents[0].errors.length).toBeGreaterThan(0);
  });
});

describe('CustomResourceDefinitions', () => {
  const crd = (version: string) =>
    `apiVersion: apiextensions.k8s.io/${version}\nkind: CustomResourceDefinition\nmetadata:\n  name: models.example.com\nspec:\n  group: example.com\n  versions:\n    - name: v1\n      schema: {openAPIV3Schema: {type: object}}\n`;
  it('keep their header and lose their schemas before parsing, line for line; other documents are untouched', () => {
    const text = `${crd('v1')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`;
    const model = parseYaml(text);
    expect(model.index.lineCount).toBe(text.split('\n').length);
    expect(model.documents[0].value).toEqual({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'models.example.com' } });
    expect(model.documents[1].value).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(model.documents[1].range.start.line).toBe(10);
  });
  it('a removed apiextensions version is still reported on the kept header', () => {
    const f = lintSnippet({ code: crd('v1beta1'), filename: 'crd.yaml' }).filter((x) => x.ruleId === 'k8s/deprecated-api');
    expect(f.map((x) => `${x.range.start.line}:${x.range.start.column}`)).toEqual(['1:13']);
  });
});
