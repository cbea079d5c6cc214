import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REPO_ROOT, lintSnippet, project } from './helpers.js';
import { formatCheckstyle } from '../src/format/checkstyle.js';
import { formatJunit } from '../src/format/junit.js';
import type { FormatInput } from '../src/format/shared.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

function run(args: string[], cwd: string, input?: string) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.GITHUB_WORKSPACE;
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input, env });
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n';

const tricky: FormatInput = {
  findings: [
    { ruleId: 'k8s/probes', severity: 'warning', message: 'container `a<b>` & "c" \u0001 has \'no\' probe', file: 'k8s/a&b.yaml', range: { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } } },
    { ruleId: 'k8s/probes', severity: 'error', message: 'second', file: 'k8s/a&b.yaml', range: { start: { line: 5, column: 1 }, end: { line: 5, column: 2 } } },
  ],
  filesChecked: 2,
  checkedFiles: ['k8s/a&b.yaml', 'clean/Dockerfile'],
  objectsChecked: 1,
  cwd: '/repo',
  rules: [],
  toolVersion: '0.1.0',
};

describe('XML formats', () => {
  it('checkstyle: valid XML with escaped values, clean files listed', () => {
    const xml = formatCheckstyle(tricky);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const files = doc.checkstyle.file;
    expect(files[0].name).toBe('k8s/a&b.yaml');
    expect(files[0].error[0]).toMatchObject({ line: '2', column: '3', severity: 'warning', source: 'genai-lint.k8s/probes', message: 'container `a<b>` & "c" \\u0001 has \'no\' probe' });
    expect(files[1].name).toBe('clean/Dockerfile');
  });

  it('junit: one testcase per file and rule, failures for findings, a passing case for clean files', () => {
    const xml = formatJunit(tricky);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: '2', failures: '1' });
    const [dirty, clean] = doc.testsuites.testsuite;
    expect(dirty).toMatchObject({ name: 'k8s/a&b.yaml', tests: '1', failures: '1' });
    expect(dirty.testcase.name).toBe('k8s/probes');
    expect(dirty.testcase.failure.type).toBe('error');
    expect(dirty.testcase.failure['#text']).toContain('5:1 error: second');
    expect(clean.testcase).toMatchObject({ name: 'genai-lint', classname: 'clean/Dockerfile' });
  });
});

describe('fingerprints', () => {
  // Two `apt-get install` commands on one RUN: one rule, one file, one locator (the instruction's text).
  const twice = 'FROM ubuntu:22.04\nRUN apt-get install -y curl && apt-get install -y wget\n';
  const aptFindings = (code: string) => lintSnippet({ code, filename: 'Dockerfile' }).filter((f) => f.ruleId === 'dockerfile/apt-hygiene');

  it('repeats of one rule on one instruction are told apart by their occurrence, not their position', () => {
    const before = aptFindings(twice);
    expect(before.map((f) => `${f.range.start.line}:${f.range.start.column}`)).toEqual(['2:13', '2:40']);
    expect(before[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(before[1].fingerprint).not.toBe(before[0].fingerprint);
    // Lines added above move both findings but keep both fingerprints, in order.
    const after = aptFindings(`# base image\n# for the API\n${twice}`);
    expect(after.map((f) => f.range.start.line)).toEqual([4, 4]);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });
});

describe('gitlab code quality', () => {
  it('has the documented shape and fingerprints that survive lines added above', () => {
    const dir = project({ 'k8s/pod.yaml': POD });
    const before = JSON.parse(run(['-f', 'gitlab', '.'], dir).stdout);
    expect(before[0]).toEqual({
      description: expect.any(String),
      check_name: expect.stringMatching(/^k8s\//),
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
      location: { path: 'k8s/pod.yaml', lines: { begin: expect.any(Number), end: expect.any(Number) } },
    });
    writeFileSync(join(dir, 'k8s/pod.yaml'), '# a comment\n# and another\n' + POD);
    const after = JSON.parse(run(['-f', 'gitlab', '.'], dir).stdout);
    expect(after.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(before.map((i: { fingerprint: string }) => i.fingerprint));
    expect(after[0].location.lines.begin).toBe(before[0].location.lines.begin + 2);
  });
});

describe('several outputs in one run', () => {
  it('--format github --sarif-file writes both; repeated --format/--output-file pairs', () => {
    const dir = project({ 'k8s/pod.yaml': POD });
    const r = run(['--format', 'github', '--sarif-file', 'out.sarif', '.'], dir);
    expect(r.stdout).toMatch(/^::warning file=k8s\/pod.yaml,line=7,/m);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    const r2 = run(['-f', 'json', '-o', 'a.json', '-f', 'junit', '-o', 'b.xml', '-f', 'stylish', '--no-color', '.'], dir);
    expect(r2.stdout).toContain('k8s/pod.yaml\n');
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    expect(XMLValidator.validate(readFileSync(join(dir, 'b.xml'), 'utf8'))).toBe(true);
  });
  it('refuses two formats on standard output', () => {
    const r = run(['-f', 'json', '-f', 'sarif', '.'], project({ 'a.yaml': POD }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('only one --format can write to standard output');
  });
});

describe('standard input', () => {
  it('helm template output: findings point at the template from # Source, lines within the document', () => {
    const servingPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: llm}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      ports: [{containerPort: 8080}]\n';
    const rendered = '---\n# Source: llm/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: llm\nspec:\n  selector: {app: nope}\n---\n# Source: llm/templates/pod.yaml\n' + servingPod;
    const r = run(['-', '-f', 'json'], project({}), rendered);
    const findings = JSON.parse(r.stdout).findings as { file: string; ruleId: string; line: number; column: number }[];
    expect(findings.find((f) => f.ruleId === 'k8s/service-selector')).toMatchObject({ file: 'llm/templates/service.yaml', line: 6, column: 3 });
    expect(findings.find((f) => f.ruleId === 'k8s/probes')).toMatchObject({ file: 'llm/templates/pod.yaml', line: 8, column: 7 });
  });
  it('helm template output: a finding fingerprinted by its line keeps its fingerprint when another template above it changes', () => {
    const pod = '# Source: llm/templates/pod.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\n  # genai-lint ignore=k8s/probes\n  labels: {app: llm}\n';
    const stream = (serviceLines: number) => `---\n# Source: llm/templates/service.yaml\n${Array.from({ length: serviceLines }, (_, i) => `# note ${i}\n`).join('')}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n---\n${pod}`;
    const unused = (text: string) => (JSON.parse(run(['-', '-f', 'json'], project({}), text).stdout).findings as { ruleId: string; file: string; line: number; fingerprint: string }[]).find((f) => f.ruleId === 'unused-suppression');
    const before = unused(stream(1));
    const after = unused(stream(4));
    expect(before).toMatchObject({ file: 'llm/templates/pod.yaml', line: 5 });
    expect(after).toMatchObject({ file: 'llm/templates/pod.yaml', line: 5 });
    expect(after!.fingerprint).toBe(before!.fingerprint);
  });
  it('kustomize output (no # Source): lines of the stream, named by --stdin-filename or <stdin>', () => {
    const r = run(['-', '-f', 'json'], project({}), '---\n' + POD);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ file: '<stdin>', line: 8 });
  });
  it('--stdin-filename decides the kind; without it the content does', () => {
    const docker = 'FROM python\nCMD python app.py\n';
    const named = JSON.parse(run(['-', '--stdin-filename', 'svc/Dockerfile.api', '-f', 'json'], project({}), docker).stdout);
    expect(named.findings.map((f: { file: string }) => f.file)).toContain('svc/Dockerfile.api');
    const guessed = JSON.parse(run(['-', '-f', 'json'], project({}), docker).stdout);
    expect(guessed.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dockerfile/pin-base-image');
  });
});

describe('baseline', () => {
  it('hides recorded findings even when lines move; new ones still show; fixed ones drop out on update', () => {
    const dir = project({ 'k8s/pod.yaml': POD, Dockerfile: 'FROM python:3.11\nCMD ["python", "app.py"]\n' });
    const update = run(['--baseline', '.genai-lint-baseline.json', '--update-baseline', '.'], dir);
    expect(update.status).toBe(0);
    expect(update.stderr).toMatch(/wrote \d+ findings to .genai-lint-baseline.json/);
    const recorded = JSON.parse(readFileSync(join(dir, '.genai-lint-baseline.json'), 'utf8')).findings.length;

    writeFileSync(join(dir, 'k8s/pod.yaml'), '# moved down\n' + POD);
    writeFileSync(join(dir, 'Dockerfile'), '# comment\nFROM python:3.11\nCMD ["python", "app.py"]\n');
    const hidden = run(['--baseline', '.genai-lint-baseline.json', '-f', 'json', '.'], dir);
    expect(hidden.status).toBe(0);
    expect(JSON.parse(hidden.stdout).findings).toEqual([]);

    writeFileSync(join(dir, 'Dockerfile'), '# comment\nFROM python:3.11\nENV HF_TOKEN=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\nCMD ["python", "app.py"]\n');
    const fresh = run(['--baseline', '.genai-lint-baseline.json', '-f', 'json', '.'], dir);
    expect(fresh.status).toBe(1);
    expect(JSON.parse(fresh.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId} ${f.line}`)).toEqual(['dockerfile/no-secrets 3']);

    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11\nUSER 1000\nHEALTHCHECK NONE\nCMD ["python", "app.py"]\n');
    run(['--baseline', '.genai-lint-baseline.json', '--update-baseline', '.'], dir);
    expect(JSON.parse(readFileSync(join(dir, '.genai-lint-baseline.json'), 'utf8')).findings.length).toBeLessThan(recorded);
  });
  it('a missing baseline is a clear error with exit 2', () => {
    const r = run(['--baseline', 'nope.json', '.'], project({ 'a.yaml': POD }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.json: baseline file not found (create it with --update-baseline)');
  });
});
