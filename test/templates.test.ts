/**
 * Templated YAML outside a chart's templates/ folder: documents shaped by Go,
 * Jinja or Terraform template syntax are skipped with one line per file;
 * template syntax that is data (quoted strings, block scalars, comments) is
 * not; unresolved `${VAR}` values are not judged by their type.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { structuralTemplate } from '../src/parse/template.js';
import { project, REPO_ROOT } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');
const lines = (text: string) => text.split('\n');

describe('structuralTemplate', () => {
  it('finds Go templates with and without spaces, Jinja and Terraform directives in the YAML structure', () => {
    expect(structuralTemplate(lines('metadata:\n  name: {{.Name}}\n'))).toBe('{{ }} template');
    expect(structuralTemplate(lines('{{$x := .Values}}\nkind: Pod\n'))).toBe('{{ }} template');
    expect(structuralTemplate(lines('  namespace: {{ .Release.Namespace }}\n'))).toBe('{{ }} template');
    expect(structuralTemplate(lines('{% if gpu %}\nkind: Pod\n{% endif %}\n'))).toBe('{% %} template');
    expect(structuralTemplate(lines('resources:\n%{ if gpu ~}\n  limits: {}\n%{ endif ~}\n'))).toBe('Terraform %{ } directive');
  });
  it('ignores template syntax that is data: quoted strings (also across lines), block scalars, comments', () => {
    expect(structuralTemplate(lines('summary: "{{ $labels.instance }} is down"\n'))).toBeUndefined();
    expect(structuralTemplate(lines("msg: 'it''s {{ x }}'\n"))).toBeUndefined();
    expect(structuralTemplate(lines('msg: "first {{\n  second }}"\nnext: 1\n'))).toBeUndefined();
    expect(structuralTemplate(lines('script: |\n  {{ if .x }}y{{ end }}\n  more\nnext: 1\n'))).toBeUndefined();
    expect(structuralTemplate(lines('args:\n  - >-\n    {{ x }}\n'))).toBeUndefined();
    expect(structuralTemplate(lines('# name: {{ .Name }}\nkind: Pod # {{ x }}\n'))).toBeUndefined();
    // An apostrophe inside a plain scalar does not open a quote.
    expect(structuralTemplate(lines("note: don't\nname: {{ .Name }}\n"))).toBe('{{ }} template');
    // Inside a plain scalar the marker is part of a string a controller fills in.
    expect(structuralTemplate(lines('args:\n  - --model_name={{.Name}}\n  - image: repo:{{ .Values.tag }}\n'))).toBeUndefined();
    // After a block scalar ends, structure counts again.
    expect(structuralTemplate(lines('script: |\n  echo\nname: {{ .Name }}\n'))).toBe('{{ }} template');
  });
});

describe('templated manifests in a run', () => {
  const dir = project({
    'cl2/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{.Name}}\nspec:\n  replicas: {{.Replicas}}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  # {{ not a template }}\n  token: hf_QmVkZXJhdGlvbkFyY2hpdGVjdHVyZVByb2Q\n',
    'alerts.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  rule: "{{ $labels.instance }} is down"\n  script: |\n    {{ if .x }}y{{ end }}\n',
    'env.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: env}\nspec:\n  replicas: ${REPLICAS}\n  selector: {matchLabels: {app: env}}\n  template:\n    metadata: {labels: {app: env}}\n    spec:\n      containers:\n        - name: c\n          image: ${IMAGE}\n          ports: [{containerPort: "${PORT}"}]\n',
    'terraform/values.yaml': 'head:\n%{ if gpu ~}\n  gpus: 1\n%{ endif ~}\n',
    'terraform/ray-values.yaml': 'head:\n  resources:\n    ${indent(4, yamlencode(resources))}\n  ipFamily: ${enable_ipv6 ? "IPv6" : "IPv4"}\n',
    'rbac.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nroleRef: {kind: Role, name: r}\nsubjects: [{kind: ServiceAccount, name: s}]\n',
  });
  const r = spawnSync(process.execPath, [BIN, '.', '-f', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  const findings: { ruleId: string; file: string; line: number; column: number }[] = JSON.parse(r.stdout).findings;

  it('skips the templated document with one line for its file, and lints the file\'s other documents', () => {
    expect(r.stderr).toContain('genai-lint: skipped cl2/deployment.yaml: {{ }} template syntax shapes 1 of 2 documents; render the template to lint what it produces');
    expect(findings.filter((f) => f.file === 'cl2/deployment.yaml').map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual(['k8s/no-plaintext-secrets 13:10']);
  });
  it('says nothing of a templated values file that is not a manifest, and reports no parse error on a Terraform input', () => {
    expect(r.stderr).not.toContain('terraform/values.yaml');
    expect(findings.filter((f) => f.file.startsWith('terraform/'))).toEqual([]);
  });
  it('lints a ConfigMap whose template text is data, without a finding on it', () => {
    expect(findings.filter((f) => f.file === 'alerts.yaml')).toEqual([]);
  });
  it('reports no schema or image-tag finding on unresolved ${VAR} values, nor a missing roleRef.apiGroup', () => {
    expect(findings.filter((f) => f.ruleId === 'k8s/schema' || f.ruleId === 'k8s/image-tag')).toEqual([]);
    expect(findings.filter((f) => f.file === 'rbac.yaml')).toEqual([]);
  });
  it('prints no library warning to stderr', () => {
    expect(r.stderr).not.toMatch(/Warning|stringified/);
  });
});
