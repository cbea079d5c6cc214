import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSafely, isWithin } from '../src/safe-read.js';
import { REPO_ROOT, project } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');
const hasDevZero = existsSync('/dev/zero');
const canMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

/** Runs the CLI; the bound only stops a hung run from hanging the suite (a FIFO, /dev/zero). */
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A project that is a git checkout (a `.git` folder marks its root). */
function repo(files: Record<string, string>): string {
  const dir = project(files);
  mkdirSync(join(dir, '.git'));
  return dir;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n';

describe('readFileSafely', () => {
  it('reads a regular file and refuses one over the cap without trusting stat', () => {
    const dir = project({ small: 'abc', big: 'x'.repeat(1025) });
    const small = readFileSafely(join(dir, 'small'), 1024);
    expect(small.ok && small.bytes.toString()).toBe('abc');
    expect(readFileSafely(join(dir, 'big'), 1024)).toMatchObject({ ok: false, code: 'EFBIG' });
    expect(readFileSafely(join(dir, 'missing'))).toMatchObject({ ok: false, code: 'ENOENT' });
    expect(readFileSafely(dir)).toMatchObject({ ok: false, code: 'ENOTREG', reason: 'a directory, not a regular file' });
  });
  it.runIf(hasDevZero)('refuses a character device', () => {
    expect(readFileSafely('/dev/zero')).toMatchObject({ ok: false, code: 'ENOTREG', reason: 'a character device, not a regular file' });
  });
  it.runIf(existsSync('/proc/self/status'))('stops at the cap on a file whose stat size is 0', () => {
    expect(readFileSafely('/proc/self/status', 16)).toMatchObject({ ok: false, code: 'EFBIG' });
  });
  it.runIf(canMkfifo)('does not block on a FIFO without a writer', () => {
    const dir = project({});
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    expect(readFileSafely(join(dir, 'pipe'))).toMatchObject({ ok: false, code: 'ENOTREG', reason: 'a FIFO, not a regular file' });
  });
  it('isWithin', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b/c')).toBe(true);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/a/b', '/a')).toBe(false);
    expect(isWithin('/a/b', '/a/b/..x')).toBe(true);
  });
});

describe.runIf(hasDevZero)('support files that are symlinks to /dev/zero are not read', () => {
  it('.gitignore and .genai-lintignore', () => {
    for (const name of ['.gitignore', '.genai-lintignore']) {
      const dir = repo({ 'pod.yaml': POD });
      symlinkSync('/dev/zero', join(dir, name));
      const r = run(['-f', 'json', '.'], dir);
      expect(r.signal).toBeNull();
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toContain(`genai-lint: not read: ${name}: symlink resolves outside the linted root`);
      expect(JSON.parse(r.stdout).summary.files).toBe(1);
    }
  });
  it('.dockerignore of a build context', () => {
    const dir = repo({ Dockerfile: 'FROM python:3.11-slim\nUSER 1000\nCOPY . /app\nCMD ["python", "app.py"]\n', 'models/w.safetensors': 'x' });
    symlinkSync('/dev/zero', join(dir, '.dockerignore'));
    const r = run(['-f', 'json', '.'], dir);
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('genai-lint: not read: .dockerignore of the build context of Dockerfile: symlink resolves outside the linted root');
    // Read as if absent: the weights in the context are still reported.
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dockerfile/build-context');
  });
  it('.genai-lint.yaml: a config error, exit 2', () => {
    const dir = repo({ 'pod.yaml': POD });
    symlinkSync('/dev/zero', join(dir, '.genai-lint.yaml'));
    const r = run(['.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/config error: .*\.genai-lint\.yaml: config file: symlink resolves outside the linted root/);
  });
  it('an explicit --config naming a device: a config error, exit 2', () => {
    const dir = repo({ 'pod.yaml': POD });
    const r = run(['--config', '/dev/zero', '.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/dev/zero: config file: a character device, not a regular file');
  });
  it('a Compose base file beside an override', () => {
    const dir = repo({ 'compose.override.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    symlinkSync('/dev/zero', join(dir, 'compose.yaml'));
    const r = run(['-f', 'json', '.'], dir);
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('genai-lint: not read: compose.yaml: symlink resolves outside the linted root');
  });
  it('a custom policy schema or a `schemas:` file naming a device', () => {
    const policy = repo({ 'pod.yaml': POD, '.genai-lint.yaml': 'policies:\n  custom:\n    - {id: acme/x, message: m, match: {target: k8s}, schema: /dev/zero}\n' });
    const p = run(['.'], policy);
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/policies\.custom `acme\/x`: schema file \/dev\/zero resolves outside the linted root/);
    const schemas = repo({ 'pod.yaml': POD, '.genai-lint.yaml': 'schemas:\n  - {apiVersion: acme.io/v1, kind: Model, schema: ./s.json}\n' });
    symlinkSync('/dev/zero', join(schemas, 's.json'));
    const s = run(['.'], schemas);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/schemas\[0\] \(acme\.io\/v1 Model\): \.\/s\.json resolves outside the linted root/);
  });
  it('a named symlink to /dev/zero', () => {
    const dir = repo({});
    symlinkSync('/dev/zero', join(dir, 'Dockerfile'));
    const r = run(['-f', 'json', 'Dockerfile'], dir);
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('genai-lint: not read: Dockerfile: symlink resolves outside the linted root');
  });
});

describe('reading outside the linted root', () => {
  it.runIf(canMkfifo)('a FIFO named on the command line does not hang: unreadable-file, exit 2', () => {
    const dir = repo({});
    spawnSync('mkfifo', [join(dir, 'Dockerfile')]);
    const r = run(['-f', 'json', 'Dockerfile'], dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).findings).toMatchObject([{ ruleId: 'unreadable-file', file: 'Dockerfile', message: 'a FIFO, not a regular file; skipped' }]);
  });
  it('a symlink to a file outside the checkout is not read, walked or named', () => {
    const outside = project({ 'kubeconfig.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: Zq8rT2vLp9XwK4mN\n' });
    const dir = repo({ 'deploy/pod.yaml': POD });
    symlinkSync(join(outside, 'kubeconfig.yaml'), join(dir, 'deploy', 'leak.yaml'));
    for (const args of [['.'], ['deploy/leak.yaml', 'deploy/pod.yaml']]) {
      const r = run(['-f', 'json', ...args], dir);
      const out = JSON.parse(r.stdout);
      expect(out.findings.filter((f: { file: string }) => f.file.includes('leak'))).toEqual([]);
      expect(r.stdout + r.stderr).not.toContain('Zq8rT2vLp9XwK4mN');
      expect(r.stderr).toContain('genai-lint: not read: deploy/leak.yaml: symlink resolves outside the linted root');
    }
  });
  it('a Compose `build.context: ../..` and a config `contexts` entry outside the root are not walked', () => {
    const outer = project({ 'home/.aws/credentials': '[default]\n', 'home/models/w.safetensors': 'x' });
    const dir = join(outer, 'home', 'work', 'repo');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\nUSER 1000\nCOPY . /app\nCMD ["python", "app.py"]\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    build: {context: ../.., dockerfile: work/repo/Dockerfile}\n');
    const viaCompose = run(['-f', 'json', '.'], dir);
    expect(JSON.parse(viaCompose.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'dockerfile/build-context')).toEqual([]);
    expect(viaCompose.stdout).not.toContain('credentials');
    expect(viaCompose.stderr).toContain('genai-lint: not read: build context of Dockerfile: resolves outside the linted root');

    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n');
    writeFileSync(join(dir, '.genai-lint.yaml'), 'rules:\n  dockerfile/build-context: [warning, {contexts: {Dockerfile: ../..}, maxFiles: 1000000}]\n');
    const viaConfig = run(['-f', 'json', '.'], dir);
    expect(JSON.parse(viaConfig.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'dockerfile/build-context')).toEqual([]);
    expect(viaConfig.stderr).toContain('genai-lint: not read: build context of Dockerfile: resolves outside the linted root');
  });
  it('a context inside the root is still walked', () => {
    const dir = repo({ 'app/Dockerfile': 'FROM python:3.11-slim\nUSER 1000\nCOPY . /app\nCMD ["python", "app.py"]\n', 'models/w.safetensors': 'x', 'app/compose.yaml': 'services:\n  web:\n    build: {context: .., dockerfile: app/Dockerfile}\n' });
    const r = run(['-f', 'json', '.'], dir);
    expect(JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'dockerfile/build-context')).toHaveLength(1);
  });
  it('`extends` and `schemas:` outside the repository are refused', () => {
    const outside = project({ 'base.yaml': 'failOn: warning\n' });
    const dir = repo({ 'pod.yaml': POD, '.genai-lint.yaml': `extends: [${join(outside, 'base.yaml')}]\n` });
    const r = run(['.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/extends: .*base\.yaml resolves outside the linted root/);
  });
});
