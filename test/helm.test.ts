import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { runLint } from '../src/engine/run.js';
import { findHelm } from '../src/render/helm.js';
import type { RawConfig } from '../src/config/index.js';
import { ConfigError } from '../src/config/index.js';
import { configOf, FIXTURES, project } from './helpers.js';
import type { Finding } from '../src/types.js';

/** The helm these tests render with (.ci/run puts a pinned one on PATH). */
const HELM = findHelm(undefined, process.cwd());
const needsHelm = !HELM && process.env.CI ? 'fail' : !HELM ? 'skip' : 'run';
if (needsHelm === 'skip') console.warn('skipping the tests that render with helm: helm is not on PATH (.ci/run installs it; they fail under CI=true)');

describe('helm on the test machine', () => {
  it.runIf(Boolean(process.env.CI))('is on PATH under CI (the rendering tests need it)', () => {
    expect(HELM, 'helm is not on PATH: .ci/run installs the pinned helm').toBeDefined();
  });
});

const chartDir = join(FIXTURES, 'helm');
const lint = (paths: string[], cwd: string, raw: RawConfig = {}, stdin?: { text: string }) => runLint({ paths, cwd, config: configOf(raw), rules: RULES, stdin });
const where = (f: Finding) => `${f.ruleId} ${f.file}:${f.range.start.line}:${f.range.start.column}`;

describe.skipIf(needsHelm === 'skip')('Helm charts rendered with helm template', () => {
  it('lints every variant of the chart and lands each finding on the template line, naming the variants that have it', async () => {
    const r = await lint(['llm-chart'], chartDir);
    expect(r.findings.map(where)).toEqual([
      'k8s/gpu-tolerations llm-chart/templates/deployment.yaml:18:5',
      'k8s/image-tag llm-chart/templates/deployment.yaml:22:18',
      'k8s/probes llm-chart/templates/deployment.yaml:34:11',
      'k8s/hpa-gpu-metric llm-chart/templates/hpa.yaml:13:3',
    ]);
    const [tolerations, tag, probes, hpa] = r.findings;
    expect(tag.message).toMatch(/uses `example\/llm-server:latest` .* \(only with ci\/latest-values\.yaml\)$/);
    expect(tag.related).toEqual([
      { file: 'llm-chart/values.yaml', range: { start: { line: 4, column: 3 }, end: { line: 4, column: 13 } }, message: '`.Values.image.repository` is set here' },
      { file: 'llm-chart/ci/latest-values.yaml', range: { start: { line: 2, column: 3 }, end: { line: 2, column: 6 } }, message: '`.Values.image.tag` is set here' },
    ]);
    // The 120 s liveness budget of a GPU model server without a startupProbe, and the CPU autoscaler of the GPU variant.
    expect(probes.message).toMatch(/no startupProbe and gets 120s to start .* \(only with ci\/gpu-values\.yaml\)$/);
    expect(hpa.message).toMatch(/only on cpu.* \(only with ci\/gpu-values\.yaml\)$/);
    expect(tolerations.message).toMatch(/only with ci\/gpu-values\.yaml/);
    // The templates are judged through the render only: no "skipped Helm template" notice, no finding on values files.
    expect(r.notices.filter((n) => n.includes('skipped Helm template'))).toEqual([]);
    expect(r.checkedFiles).toEqual(expect.arrayContaining(['llm-chart/Chart.yaml', 'llm-chart/templates/deployment.yaml', 'llm-chart/ci/gpu-values.yaml']));
  });

  it('renders the chart of a changed values file or template named on the command line (pre-commit)', async () => {
    const r = await lint(['llm-chart/ci/latest-values.yaml'], chartDir);
    expect(r.findings.map(where)).toContain('k8s/image-tag llm-chart/templates/deployment.yaml:22:18');
    const t = await lint(['llm-chart/templates/hpa.yaml'], chartDir);
    expect(t.findings.map(where)).toContain('k8s/hpa-gpu-metric llm-chart/templates/hpa.yaml:13:3');
  });

  it('maps piped helm template output to the chart of that name in the working tree', async () => {
    const out = spawnSync(HELM!, ['template', 'rel', 'llm-chart', '--skip-tests', '-f', 'llm-chart/ci/latest-values.yaml'], { cwd: chartDir, encoding: 'utf8', env: { ...process.env, HELM_PLUGINS: mkdtempSync(join(tmpdir(), 'no-plugins-')) } });
    expect(out.status).toBe(0);
    const r = await lint([], chartDir, {}, { text: out.stdout });
    expect(r.findings.map(where)).toEqual(['k8s/image-tag llm-chart/templates/deployment.yaml:22:18']);
    // Elsewhere, no chart of that name: the path helm wrote, lines counted within the document.
    const other = await lint([], mkdtempSync(join(tmpdir(), 'genai-lint-piped-')), {}, { text: out.stdout });
    expect(other.findings.map(where)).toEqual(['k8s/image-tag llm-server/templates/deployment.yaml:23:18']);
  });

  it('says once, with helm\'s message, when a chart does not render, and lints the rest', async () => {
    const dir = project({
      'needs-value/Chart.yaml': 'apiVersion: v2\nname: needs-value\nversion: 0.1.0\n',
      'needs-value/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "set .Values.model" .Values.model }}\n',
      'unvendored/Chart.yaml': 'apiVersion: v2\nname: unvendored\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n',
      'unvendored/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: busybox\n',
    });
    const r = await lint(['.'], dir);
    expect(r.skipped).toEqual(expect.arrayContaining([
      expect.stringMatching(/^not rendered: Helm chart needs-value: .*set \.Values\.model/),
      expect.stringMatching(/^not rendered: Helm chart unvendored: .*missing in charts\/ directory: redis/),
    ]));
    expect(r.findings.map(where)).toContain('k8s/image-tag pod.yaml:7:14');
  });

  it('renders a chart without the unvendored dependencies its values turn off, without touching the tree', async () => {
    const chart = {
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: oci://registry.example.com/charts\n    condition: redis.enabled\n',
      'app/Chart.lock': 'dependencies: []\n',
      'app/values.yaml': 'redis:\n  enabled: false\n',
      'app/ci/redis-values.yaml': 'redis:\n  enabled: true\n',
      'app/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: busybox\n',
    };
    const dir = project(chart);
    const r = await lint(['.'], dir);
    expect(r.findings.filter((f) => f.ruleId === 'k8s/image-tag').map(where)).toEqual(['k8s/image-tag app/templates/pod.yaml:8:14']);
    // The variant that turns the dependency on needs it: helm's message; the variants compared are those rendered.
    expect(r.findings.find((f) => f.ruleId === 'k8s/image-tag')?.message).not.toMatch(/only with/);
    expect(r.skipped).toEqual([expect.stringMatching(/^not rendered: Helm chart app with ci\/redis-values\.yaml: .*missing in charts\/ directory: redis/)]);
    expect(readFileSync(join(dir, 'app/Chart.yaml'), 'utf8')).toBe(chart['app/Chart.yaml']);
    expect(existsSync(join(dir, 'app/Chart.lock'))).toBe(true);
  });

  it('leaves alone what a chart leaves empty for the installer to set', async () => {
    const dir = project({
      'cache/Chart.yaml': 'apiVersion: v2\nname: cache\nversion: 0.1.0\n',
      'cache/values.yaml': 'claimName: ""\nstorageClass: fast\n',
      'cache/templates/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{ .Values.claimName | quote }}\nspec:\n  storageClassName: {{ .Values.storageClass }}\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Gi\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ""\n',
    });
    const r = await lint(['.'], dir);
    // The empty name the values leave to be set is not judged; one written empty in the template is.
    expect(r.findings.map(where)).toEqual(['k8s/schema cache/templates/pvc.yaml:15:9']);
  });

  it('does not judge a value the chart makes at install time, and still judges one written in the repository', async () => {
    const dir = project({
      'auth/Chart.yaml': 'apiVersion: v2\nname: auth\nversion: 0.1.0\n',
      'auth/values.yaml': 'key: password\n',
      'auth/templates/secret.yaml': [
        '{{- $existing := lookup "v1" "Secret" .Release.Namespace "auth" }}',
        '{{- $pw := "" }}',
        '{{- if $existing }}{{- $pw = index $existing.data .Values.key }}{{- else }}{{- $pw = randAlphaNum 32 | b64enc }}{{- end }}',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: auth',
        'data:',
        '  {{ .Values.key }}: {{ $pw | quote }}',
        '  token: {{ randAlphaNum 24 | b64enc | quote }}',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: admin',
        'stringData:',
        '  password: Hunter2-Is-Not-Random-93a1',
        '',
      ].join('\n'),
    });
    const r = await lint(['.'], dir);
    expect(r.findings.filter((f) => f.ruleId === 'k8s/no-plaintext-secrets').map(where)).toEqual(['k8s/no-plaintext-secrets auth/templates/secret.yaml:17:13']);
  });

  it('leaves the objects of a dependency packaged as an archive (charts/*.tgz) to their own chart', async () => {
    const dir = project({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: csi\n    version: 0.3.0\n',
      'app/values.yaml': 'image: vllm/vllm-openai:v0.6.3\n',
      'app/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: {{ .Values.image }}\n',
      'pkg/csi/Chart.yaml': 'apiVersion: v2\nname: csi\nversion: 0.3.0\n',
      'pkg/csi/templates/ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: csi-node\nspec:\n  selector: {matchLabels: {app: csi}}\n  template:\n    metadata: {labels: {app: csi}}\n    spec:\n      hostPID: true\n      containers:\n        - name: csi\n          image: csi:latest\n          securityContext: {privileged: true}\n',
    });
    mkdirSync(join(dir, 'app/charts'));
    const tar = spawnSync('tar', ['-czf', join(dir, 'app/charts/csi-0.3.0.tgz'), '-C', join(dir, 'pkg'), 'csi'], { encoding: 'utf8' });
    expect(tar.status, tar.stderr).toBe(0);
    const r = await lint(['app'], dir);
    expect(r.skipped.filter((s) => s.includes('app'))).toEqual([]);
    // The parent's own pod is judged on its template; nothing of the archive lands on the parent's Chart.yaml.
    expect(r.findings.some((f) => f.ruleId === 'k8s/host-namespaces' && f.file === 'app/templates/pod.yaml')).toBe(true);
    expect(r.findings.filter((f) => f.file === 'app/Chart.yaml').map(where)).toEqual([]);
    expect(r.notices).toContain('app: findings in dependencies packaged as archives (charts/*.tgz) are not judged: they are the dependency\'s own');
  });

  it('judges a templated fragment the chart reads (.Files.Get + tpl) through the render, without a skip notice', async () => {
    const dir = project({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'app/values.yaml': 'replicas: 2\n',
      'app/files/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n{{- range $i := until 2 }}\n  k{{ $i }}: v\n{{- end }}\n',
      'app/templates/cm.yaml': '{{ tpl (.Files.Get "files/cm.yaml") . }}\n',
      'app/plain.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n',
    });
    const r = await lint(['.'], dir);
    expect(r.skipped).toEqual([]);
    // A plain YAML file beside the chart is still linted alone.
    expect(r.findings.some((f) => f.ruleId === 'k8s/image-tag' && f.file === 'app/plain.yaml')).toBe(true);
  });

  it('renders a subchart with its parent, its findings on its own templates', async () => {
    const dir = project({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: worker\n    version: 0.1.0\n',
      'app/values.yaml': 'worker:\n  image: ray:latest\n',
      'app/charts/worker/Chart.yaml': 'apiVersion: v2\nname: worker\nversion: 0.1.0\n',
      'app/charts/worker/values.yaml': 'image: ray:2.9.0\n',
      'app/charts/worker/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: worker\n      image: {{ .Values.image }}\n',
    });
    const r = await lint(['.'], dir);
    const tag = r.findings.find((f) => f.ruleId === 'k8s/image-tag');
    expect(tag && where(tag)).toBe('k8s/image-tag app/charts/worker/templates/pod.yaml:9:14');
    expect(tag?.related?.map((x) => `${x.file}:${x.range.start.line}`)).toEqual(['app/values.yaml:2']);
    expect(r.skipped.filter((s) => s.includes('worker'))).toEqual([]);
  });
});

describe('Helm charts without helm', () => {
  it('says in one line how many charts were not rendered and how to lint them', async () => {
    const r = await lint(['llm-chart'], chartDir, { helm: { binary: 'helm-that-is-not-installed' } });
    expect(r.skipped).toEqual([expect.stringMatching(/^not rendered: 1 Helm chart \(helm\.binary helm-that-is-not-installed cannot be run\); .*`helm template <release> <chart> \| genai-lint -`/)]);
    expect(r.findings).toEqual([]);
  });

  it('stops the run when helm.render is always and helm cannot be run', async () => {
    await expect(lint(['llm-chart'], chartDir, { helm: { render: 'always', binary: 'helm-that-is-not-installed' } })).rejects.toThrow(ConfigError);
  });

  it('renders nothing with helm.render: never', async () => {
    const r = await lint(['llm-chart'], chartDir, { helm: { render: 'never' } });
    expect(r.skipped).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('runs helm without network, plugins or the user\'s homes, never updating dependencies, and escapes its message', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'genai-lint-fake-helm-'));
    const fake = join(bin, 'helm');
    writeFileSync(fake, '#!/bin/sh\nprintf "Error: \\033[31mplugins=%s proxy=%s args=%s\\n" "$HELM_PLUGINS" "$HTTPS_PROXY" "$*" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const dir = mkdtempSync(join(tmpdir(), 'genai-lint-chart-'));
    cpSync(join(chartDir, 'llm-chart'), join(dir, 'llm-chart'), { recursive: true });
    const r = await lint(['.'], dir, { helm: { binary: fake } });
    // Each variant fails with its own arguments: one line each; the defaults' first.
    const line = r.skipped.find((s) => s.includes('with values.yaml:'))!;
    expect(line).toMatch(/^not rendered: Helm chart llm-chart with values\.yaml: \\e\[31mplugins=\/\S+\/plugins proxy=http:\/\/127\.0\.0\.1:9 args=template release \S+llm-chart --namespace default --skip-tests --kube-version 1\.32$/);
    expect(line).not.toContain('dependency-update');
  });

  it('never runs a helm.binary inside the linted tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genai-lint-chart-'));
    cpSync(join(chartDir, 'llm-chart'), join(dir, 'llm-chart'), { recursive: true });
    writeFileSync(join(dir, 'helm'), '#!/bin/sh\ntouch ran\n');
    chmodSync(join(dir, 'helm'), 0o755);
    const r = await lint(['.'], dir, { helm: { binary: join(dir, 'helm') } });
    expect(r.skipped).toEqual([expect.stringMatching(/is inside the linted tree and is not run/)]);
  });
});
