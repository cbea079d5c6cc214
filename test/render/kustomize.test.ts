/**
 * Kustomize rendering, piece by piece, with the real kubectl: which
 * kustomizations are roots, the render through a wrapper outside the tree,
 * origin annotations, and where a rendered value's fix belongs.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRenderer, kustomizeMapping, kustomizeRoots, parseRendered, renderRoot, TreeFiles } from '../../src/render/kustomize.js';
import type { KustomizeRoot } from '../../src/render/kustomize.js';
import { lint } from '../../src/index.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { ConfigError } from '../../src/config/index.js';
import { FIXTURES } from '../helpers.js';

const DIR = join(FIXTURES, 'render/kustomize/vllm');
const FILES = ['base/kustomization.yaml', 'base/deployment.yaml', 'base/service.yaml', 'overlays/prod/kustomization.yaml', 'overlays/prod/serving-patch.yaml', 'overlays/prod/remote-code.json6902.yaml', 'overlays/dev/kustomization.yaml'];
const renderer = findRenderer();
// CI machines have kubectl: there, a missing one fails these tests instead of skipping them.
const withKubectl = Boolean(renderer) || Boolean(process.env.CI);

function roots(dir = DIR, files = FILES): KustomizeRoot[] {
  return kustomizeRoots(files.map((f) => ({ absPath: join(dir, f), root: dir })));
}

async function mapped(overlay: string) {
  const root = roots().find((r) => r.file === join(DIR, overlay, 'kustomization.yaml'))!;
  expect(renderer, 'kubectl (or kustomize) on PATH').toBeDefined();
  const out = await renderRoot(root, renderer!);
  if (!out.ok) throw new Error(out.reason);
  const objects = parseRendered(out.text, out.wrapperDir);
  const mapping = kustomizeMapping(root, objects, new TreeFiles(DIR));
  const deployment = objects.findIndex((o) => o.value.kind === 'Deployment');
  const at = (pointer: string) => {
    const p = mapping.place(deployment, pointer, { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } });
    return `${p.file.slice(DIR.length + 1)} ${p.range.start.line}:${p.range.start.column}`;
  };
  return { objects, mapping, at, wrapperDir: out.wrapperDir };
}

describe('the node a position is about (NodeTable.pathAt)', () => {
  it('is a list item where the item and its first key start, else the deepest node holding the position', () => {
    const text = 'spec:\n  containers:\n    - name: vllm\n      image: vllm/vllm-openai:latest\n      args: [--model, m]\n';
    const doc = parseYaml(text).documents[0];
    const at = (line: number, column: number) => doc.locations.pathAt(doc.textIndex.offsetAt({ line, column }));
    expect(at(3, 7)).toBe('/spec/containers/0');
    expect(at(4, 7)).toBe('/spec/containers/0/image');
    expect(at(4, 20)).toBe('/spec/containers/0/image');
    expect(at(5, 23)).toBe('/spec/containers/0/args/1');
    expect(at(1, 1)).toBe('/spec');
  });
});

describe('kustomize roots', () => {
  it('are the kustomizations no other one lists, each with the kustomizations it builds, bases first', () => {
    expect(roots().map((r) => [r.file.slice(DIR.length + 1), r.chain.map((k) => k.path.slice(DIR.length + 1)), r.unbuildable])).toEqual([
      ['overlays/dev/kustomization.yaml', ['base/kustomization.yaml', 'overlays/dev/kustomization.yaml'], undefined],
      ['overlays/prod/kustomization.yaml', ['base/kustomization.yaml', 'overlays/prod/kustomization.yaml'], undefined],
    ]);
  });

  it('with a remote base, helmCharts or a file outside the linted root cannot be built here, and say why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-roots-'));
    const write = (f: string, text: string) => {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), text);
    };
    write('remote/kustomization.yaml', 'resources:\n  - https://github.com/example/models//config/default?ref=v1.0.0\n');
    write('charts/kustomization.yaml', 'helmCharts:\n  - name: vllm\n    repo: https://charts.example.com\n');
    write('outside/kustomization.yaml', 'resources:\n  - ../../elsewhere/deployment.yaml\n');
    mkdirSync(join(dir, '..', 'elsewhere'), { recursive: true });
    writeFileSync(join(dir, '..', 'elsewhere', 'deployment.yaml'), 'kind: ConfigMap\n');
    const found = roots(dir, ['remote/kustomization.yaml', 'charts/kustomization.yaml', 'outside/kustomization.yaml']);
    expect(Object.fromEntries(found.map((r) => [r.file.slice(dir.length + 1), r.unbuildable]))).toEqual({
      'charts/kustomization.yaml': 'uses helmCharts (helm is not run from kustomize)',
      'outside/kustomization.yaml': 'reads ../../elsewhere/deployment.yaml outside the linted root',
      'remote/kustomization.yaml': 'needs https://github.com/example/models//config/default?ref=v1.0.0 (remote or missing; not fetched)',
    });
  });
});

describe.runIf(withKubectl)('kustomize render (kubectl)', () => {
  it('builds through a wrapper outside the tree, which is removed, and reads each object\'s origin', async () => {
    const { objects, wrapperDir } = await mapped('overlays/prod');
    expect(objects.map((o) => [o.value.kind, o.origin?.file.slice(DIR.length + 1)])).toEqual([
      ['Service', 'base/service.yaml'],
      ['Deployment', 'base/deployment.yaml'],
    ]);
    // The build annotations are gone before any rule sees the objects.
    expect(JSON.stringify(objects.map((o) => o.value))).not.toContain('config.kubernetes.io');
    expect(existsSync(wrapperDir)).toBe(false);
    expect(readdirSync(join(DIR, 'overlays/prod')).sort()).toEqual(['kustomization.yaml', 'remote-code.json6902.yaml', 'serving-patch.yaml']);
  });

  it('a value a strategic-merge or JSON patch set lands on the patch line that set it', async () => {
    const { at } = await mapped('overlays/prod');
    expect(at('/spec/template/spec/containers/0/image')).toBe('overlays/prod/serving-patch.yaml 12:11');
    expect(at('/spec/template/spec/tolerations')).toBe('overlays/prod/serving-patch.yaml 9:7');
    expect(at('/spec/replicas')).toBe('overlays/prod/serving-patch.yaml 6:3');
    // An item appended with `/-` is the op's value.
    expect(at('/spec/template/spec/containers/0/args/4')).toBe('overlays/prod/remote-code.json6902.yaml 3:3');
  });

  it('anything else lands on the resource file at its key, or on its kind: line when the key is not written there', async () => {
    const { at } = await mapped('overlays/prod');
    expect(at('/spec/template/spec/containers/0/resources/limits')).toBe('base/deployment.yaml 37:13');
    expect(at('/spec/template/spec/containers/0')).toBe('base/deployment.yaml 22:11');
    expect(at('/metadata/namespace')).toBe('base/deployment.yaml 2:1');
  });

  it('an image rewritten by `images:` lands on the entry that set it; prefixes and namespaces do not lose the resource', async () => {
    const { at, objects } = await mapped('overlays/dev');
    expect(objects.map((o) => (o.value.metadata as { name: string }).name)).toEqual(['dev-vllm-llama', 'dev-vllm-llama']);
    // The last images: entry applied (dev's newName; the tag comes from the base's entry).
    expect(at('/spec/template/spec/containers/0/image')).toBe('overlays/dev/kustomization.yaml 9:5');
    expect(at('/spec/template/spec/tolerations/0/key')).toBe('base/deployment.yaml 18:11');
  });

  it('a failing render gives kubectl\'s message; a hanging one is stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-fail-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app/kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    writeFileSync(join(dir, 'app/missing.yaml'), 'kind: [\n');
    const [root] = roots(dir, ['app/kustomization.yaml']);
    const out = await renderRoot(root, renderer!);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toMatch(/missing\.yaml/);
    const slow = join(dir, 'kubectl');
    writeFileSync(slow, '#!/bin/sh\nsleep 30\n');
    chmodSync(slow, 0o755);
    const stopped = await renderRoot(root, { binary: slow, args: ['kustomize'] }, 300);
    expect(stopped).toEqual({ ok: false, reason: 'stopped after 0 s' });
  });
});

/** A config file outside the tree. */
function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kz-config-')), '.genai-lint.yaml');
  writeFileSync(path, text);
  return path;
}

const where = (f: { ruleId: string; file: string; range: { start: { line: number; column: number } } }) => `${f.ruleId} ${f.file} ${f.range.start.line}:${f.range.start.column}`;

describe.runIf(withKubectl)('kustomize through a run (kubectl)', () => {
  it('judges each overlay as rendered, reports on the patch or base line where the fix belongs, once per place, naming the overlays', async () => {
    const report = await lint({ paths: [DIR], cwd: DIR });
    expect(report.findings.map(where)).toEqual([
      'k8s/hpa base/deployment.yaml 4:9',
      'k8s/termination-grace base/deployment.yaml 16:5',
      'k8s/privilege-escalation base/deployment.yaml 22:11',
      'k8s/probes base/deployment.yaml 22:11',
      'k8s/run-as-non-root base/deployment.yaml 22:11',
      'k8s/memory-limits base/deployment.yaml 37:13',
      // The JSON patch appends --trust-remote-code: its value line.
      'k8s/trust-remote-code overlays/prod/remote-code.json6902.yaml 3:10',
      // The strategic-merge patch drops the GPU toleration (`tolerations: []`) and floats the tag.
      'k8s/gpu-tolerations overlays/prod/serving-patch.yaml 9:7',
      'k8s/image-tag overlays/prod/serving-patch.yaml 12:18',
      // A sidecar the patch adds: its own item in the patch.
      'k8s/memory-limits overlays/prod/serving-patch.yaml 13:11',
      'k8s/resource-requests overlays/prod/serving-patch.yaml 13:11',
    ]);
    const byRule = Object.fromEntries(report.findings.map((f) => [f.ruleId, f.message]));
    const memory = report.findings.find((f) => f.ruleId === 'k8s/memory-limits')!.message;
    expect(memory).toMatch(/\(with overlays\/dev, overlays\/prod\)$/);
    expect(byRule['k8s/image-tag']).toMatch(/`vllm\/vllm-openai:latest`.*\(only with overlays\/prod\)$/);
    // The base's own images: entry pins v0.6.3 for dev: no image-tag finding there, and no file is judged alone.
    expect(report.findings.filter((f) => f.ruleId === 'k8s/image-tag')).toHaveLength(1);
  });

  it('policies see the images the render produces (images: newName in the dev overlay)', async () => {
    const report = await lint({ paths: [DIR], cwd: DIR, configPath: configFile('policies:\n  trustedRegistries: [registry.example.com/mirror/*]\n') });
    expect(report.findings.filter((f) => f.ruleId === 'policy/trusted-registries').map(where)).toEqual([
      'policy/trusted-registries overlays/prod/serving-patch.yaml 12:18',
      'policy/trusted-registries overlays/prod/serving-patch.yaml 14:18',
    ]);
  });

  it('an image tag lands on the images: entry kustomize applied last to that image, not on an entry of another image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-images-'));
    const put = (f: string, text: string) => {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), text);
    };
    const pod = (name: string, image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: c\n      image: ${image}\n`;
    put('base/pods.yaml', pod('gateway', 'gp:latest') + '---\n' + pod('runtime', 'org/rt:v1'));
    // Two entries, the second naming its own image as its new name: it must not claim the first image's tag.
    put('base/kustomization.yaml', 'resources: [pods.yaml]\nimages:\n  - name: gp\n    newName: org/gp\n    newTag: nightly\n  - name: org/rt\n    newName: org/rt\n    newTag: nightly\n');
    // An overlay retags the base's rewritten name: the overlay's entry is where the fix belongs.
    put('prod/kustomization.yaml', 'resources: [../base]\nimages:\n  - name: org/gp\n    newTag: latest\n');
    put('dev/kustomization.yaml', 'resources: [../base]\n');
    const report = await lint({ paths: [dir], cwd: dir });
    expect(report.findings.filter((f) => f.ruleId === 'k8s/image-tag').map(where).sort()).toEqual([
      'k8s/image-tag base/kustomization.yaml 5:5',
      'k8s/image-tag base/kustomization.yaml 8:5',
      'k8s/image-tag prod/kustomization.yaml 4:5',
    ]);
  });

  it('suppression comments in the files a finding lands on still count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-suppress-'));
    cpSync(DIR, dir, { recursive: true });
    const file = join(dir, 'base/deployment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('          resources:\n', '          # genai-lint ignore=k8s/memory-limits -- sized by the VPA\n          resources:\n'));
    const report = await lint({ paths: [dir], cwd: dir });
    expect(report.findings.filter((f) => f.ruleId === 'k8s/memory-limits').map(where)).toEqual(['k8s/memory-limits overlays/prod/serving-patch.yaml 13:11']);
    expect(report.findings.some((f) => f.ruleId === 'k8s/termination-grace')).toBe(true);
  });

  it('what only a file\'s own text shows (a duplicate key kubectl accepts) is still reported on the files a build judged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-duplicate-'));
    cpSync(DIR, dir, { recursive: true });
    const file = join(dir, 'overlays/dev/kustomization.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + 'apiVersion: kustomize.config.k8s.io/v1beta1\n');
    const report = await lint({ paths: [dir], cwd: dir });
    expect(report.skipped.filter((s) => s.startsWith('not rendered'))).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'parse-error').map(where)).toEqual(['parse-error overlays/dev/kustomization.yaml 10:1']);
    // Each finding once: the files the builds judged are not linted alone as well.
    expect(report.findings.filter((f) => f.ruleId === 'k8s/memory-limits').map(where)).toEqual(['k8s/memory-limits base/deployment.yaml 37:13', 'k8s/memory-limits overlays/prod/serving-patch.yaml 13:11']);
  });

  it('a build that fails says kubectl\'s message; its own files are linted one by one, a base another overlay built is not judged twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-failed-'));
    cpSync(DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'overlays/prod/serving-patch.yaml'), readFileSync(join(dir, 'overlays/prod/serving-patch.yaml'), 'utf8').replace('  name: vllm-llama', '  name: vllm-ghost'));
    const report = await lint({ paths: [dir], cwd: dir });
    expect(report.skipped.filter((s) => s.startsWith('not rendered'))).toEqual([expect.stringMatching(/^not rendered: kustomization overlays\/prod\/kustomization\.yaml: .*vllm-ghost.*; its files are linted one by one$/)]);
    expect(report.findings.filter((f) => f.ruleId === 'k8s/memory-limits').map(where)).toEqual(['k8s/memory-limits base/deployment.yaml 37:13']);
    expect(report.findings.filter((f) => f.file.startsWith('overlays/prod/')).map(where)).toEqual(['k8s/image-tag overlays/prod/serving-patch.yaml 12:18']);
  });

  it('a remote base is not fetched: one line says so, and the files are read without rendering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-remote-'));
    cpSync(DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'overlays/prod/kustomization.yaml'), readFileSync(join(dir, 'overlays/prod/kustomization.yaml'), 'utf8').replace('  - ../../base\n', '  - ../../base\n  - https://github.com/example/models//config/gpu?ref=v1.0.0\n'));
    const report = await lint({ paths: [dir], cwd: dir });
    expect(report.skipped).toContain('not rendered: kustomization overlays/prod/kustomization.yaml: needs https://github.com/example/models//config/gpu?ref=v1.0.0 (remote or missing; not fetched); its files are linted one by one');
    // The prod patch is read as a partial object; dev is still rendered.
    expect(report.findings.filter((f) => f.file.startsWith('overlays/prod/')).map(where)).toEqual(['k8s/image-tag overlays/prod/serving-patch.yaml 12:18']);
    // dev alone renders the base now: its findings name no overlay.
    expect(report.findings.filter((f) => f.ruleId === 'k8s/memory-limits').map((f) => [where(f), /\((only )?with /.test(f.message)])).toEqual([['k8s/memory-limits base/deployment.yaml 37:13', false]]);
  });
});

describe('kustomize roots too large to render', () => {
  it('are linted one by one, with one line each saying why (kustomize.maxInputMB)', async () => {
    const report = await lint({ paths: [DIR], cwd: DIR, configPath: configFile('kustomize:\n  maxInputMB: 0.001\n') });
    expect(report.skipped.filter((s) => s.startsWith('not rendered'))).toEqual([
      'not rendered: kustomization overlays/dev/kustomization.yaml: its files hold 0.0 MB, over kustomize.maxInputMB (0.001); they are linted one by one',
      'not rendered: kustomization overlays/prod/kustomization.yaml: its files hold 0.0 MB, over kustomize.maxInputMB (0.001); they are linted one by one',
    ]);
    expect(report.findings.filter((f) => f.file.startsWith('overlays/')).map(where)).toEqual(['k8s/image-tag overlays/prod/serving-patch.yaml 12:18']);
  });
});

describe('kustomize without a renderer', () => {
  it('reads patches as partial objects and says in one line how many kustomizations were not rendered and why', async () => {
    const report = await lint({ paths: [DIR], cwd: DIR, configPath: configFile('kustomize:\n  binary: genai-lint-no-such-kubectl\n') });
    expect(report.skipped).toContain('not rendered: 2 kustomizations (genai-lint-no-such-kubectl was not found); their patches are judged only on what they set. Lint one with `kubectl kustomize <dir> | genai-lint -`');
    expect(report.findings.filter((f) => f.file.startsWith('overlays/')).map(where)).toEqual(['k8s/image-tag overlays/prod/serving-patch.yaml 12:18']);
  });

  it('is never an executable of the linted tree, whatever the config says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-binary-'));
    cpSync(DIR, dir, { recursive: true });
    mkdirSync(join(dir, 'tools'));
    const marker = join(dir, 'ran');
    writeFileSync(join(dir, 'tools/kubectl'), `#!/bin/sh\ntouch ${marker}\n`);
    chmodSync(join(dir, 'tools/kubectl'), 0o755);
    writeFileSync(join(dir, '.genai-lint.yaml'), 'kustomize:\n  binary: tools/kubectl\n');
    const report = await lint({ paths: [dir], cwd: dir });
    expect(existsSync(marker)).toBe(false);
    expect(report.skipped.filter((s) => s.startsWith('not rendered'))).toEqual([
      `not rendered: 2 kustomizations (kustomize.binary ${join(dir, 'tools/kubectl')} lies inside the linted tree and is never run); their patches are judged only on what they set. Lint one with \`kubectl kustomize <dir> | genai-lint -\``,
    ]);
  });

  it('is a config error when rendering is required', async () => {
    await expect(lint({ paths: [DIR], cwd: DIR, configPath: configFile('kustomize:\n  render: always\n  binary: genai-lint-no-such-kubectl\n') })).rejects.toThrow(ConfigError);
  });

  it('is not asked for with render: never', async () => {
    const report = await lint({ paths: [DIR], cwd: DIR, configPath: configFile('kustomize:\n  render: never\n') });
    expect(report.skipped.filter((s) => /kustomiz/.test(s))).toEqual([]);
    expect(report.findings.filter((f) => f.file.startsWith('overlays/')).map(where)).toEqual(['k8s/image-tag overlays/prod/serving-patch.yaml 12:18']);
  });
});
