import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, project } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env } as Record<string, string>;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN_DOCKERFILE = 'FROM python:3.11-slim\nUSER 1000\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\nCMD ["python", "app.py"]\n';
const ROOT_DOCKERFILE = 'FROM python:3.11-slim\nCMD ["python", "app.py"]\n';
const SECRET_DOCKERFILE = 'FROM python:3.11-slim\nUSER 1000\nENV HF_TOKEN=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\nCMD ["uvicorn", "serve:app"]\n';

describe('genai-lint CLI', () => {
  it('is built', () => expect(existsSync(BIN)).toBe(true));

  it('exits 0 on clean input and says so', () => {
    const dir = project({ Dockerfile: CLEAN_DOCKERFILE });
    const r = run(['.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no problems (1 file checked)');
  });

  it('exits 0 on warnings alone, 1 with --fail-on warning or --max-warnings 0', () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    expect(run([], { cwd: dir }).status).toBe(0);
    expect(run(['--fail-on', 'warning'], { cwd: dir }).status).toBe(1);
    expect(run(['--max-warnings', '0'], { cwd: dir }).status).toBe(1);
    expect(run(['--max-warnings', '1'], { cwd: dir }).status).toBe(0);
  });

  it('exits 1 on errors and prints a stylish report without colour when NO_COLOR is set', () => {
    const dir = project({ 'Dockerfile.gpu': SECRET_DOCKERFILE });
    const r = run(['Dockerfile.gpu'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('Dockerfile.gpu\n  1:1   info     the final image serves');
    expect(r.stdout).toContain('\n  3:14  error    Hugging Face token in the Dockerfile (hf_Q…Eq (37 chars))');
    expect(r.stdout).toContain('dockerfile/no-secrets');
    expect(r.stdout).not.toContain('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');
    expect(r.stdout).toMatch(/✖ 2 problems \(1 error, 0 warnings, 1 info\) in 1 file checked/);
  });

  it('colours with FORCE_COLOR and not with --no-color', () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    expect(run([], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(run(['--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('json: a stable shape with every field', () => {
    const dir = project({ Dockerfile: SECRET_DOCKERFILE });
    const r = run(['-f', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.summary).toEqual({ errors: 1, warnings: 0, infos: 1, findings: 2, files: 1, objects: 0, skipped: 0 });
    expect(out.findings[1]).toMatchObject({ ruleId: 'dockerfile/no-secrets', severity: 'error', file: 'Dockerfile', line: 3, column: 14, endLine: 3, endColumn: 51 });
    expect(r.stdout).not.toContain('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');
  });

  // The official schema sits in ../shared beside the repository (always so in CI).
  const schemaPath = join(REPO_ROOT, '..', 'shared', 'sarif', 'sarif-schema-2.1.0.json');
  const haveSchema = existsSync(schemaPath) || Boolean(process.env.CI);
  if (!haveSchema) console.warn(`skipping SARIF schema validation: ${schemaPath} not found (it is required when CI is set)`);

  it.runIf(haveSchema)('sarif: validates against the SARIF 2.1.0 schema', async () => {
    const dir = project({
      Dockerfile: SECRET_DOCKERFILE,
      'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n      ports: [{containerPort: 8080}]\n',
      // Fixable findings: their fixes are part of what must validate.
      'app/Dockerfile': 'FROM python:3.11-slim\nRUN pip install fastapi==0.115.0\nENTRYPOINT uvicorn app:app\n',
    });
    const out = join(dir, 'results.sarif');
    const r = run(['--format', 'sarif', '--output-file', out], { cwd: dir });
    expect(r.status).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('genai-lint');
    expect(driver.rules.map((x: { id: string }) => x.id)).toContain('k8s/probes');
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'dockerfile/no-secrets');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 14, endLine: 3, endColumn: 51 },
    });
    expect(log.runs[0].results.some((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri === 'k8s/deploy.yaml')).toBe(true);
    const fixed = log.runs[0].results.filter((x: { fixes?: unknown[] }) => x.fixes?.length).map((x: { ruleId: string }) => x.ruleId).sort();
    expect(fixed).toEqual(['dockerfile/exec-form', 'dockerfile/pip-cache', 'k8s/privilege-escalation', 'k8s/run-as-non-root']);
    if (!existsSync(schemaPath)) {
      expect.fail(`SARIF schema not found at ${schemaPath} (../shared must sit beside the repository)`);
    }
    const { default: AjvMod } = await import('ajv');
    const { default: formatsMod } = await import('ajv-formats');
    const Ajv = (AjvMod as unknown as { default: typeof AjvMod }).default ?? AjvMod;
    const addFormats = (formatsMod as unknown as { default: typeof formatsMod }).default ?? formatsMod;
    const ajv = new (Ajv as unknown as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } })({ allErrors: true, strict: false });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const ok = validate(log);
    expect(validate.errors ?? null, JSON.stringify(validate.errors)).toBeNull();
    expect(ok).toBe(true);
  });

  it('exits 2 with the file, line and key on a bad config', () => {
    const dir = project({ Dockerfile: CLEAN_DOCKERFILE, '.genai-lint.yaml': 'rules:\n  k8s/hpa: warn\n' });
    const r = run([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.genai-lint.yaml:2:12: rules.k8s/hpa: must be one of "off", "info", "warning", "error" (got "warn")');
  });

  it('exits 2 on an unknown rule id in config, suggesting the right one', () => {
    const dir = project({ Dockerfile: CLEAN_DOCKERFILE, '.genai-lint.yml': 'rules:\n  k8s/probe: off\n' });
    const r = run([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown rule id `k8s/probe`; did you mean `k8s/probes`?');
  });

  it('applies config severities, rule options and failOn', () => {
    const dir = project({
      Dockerfile: ROOT_DOCKERFILE,
      '.genai-lint.yaml': 'failOn: warning\nrules:\n  dockerfile/healthcheck: off\n',
    });
    const r = run(['-f', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['dockerfile/no-root-user']);
  });

  it('rejects bad rule options with exit 2', () => {
    const dir = project({ Dockerfile: CLEAN_DOCKERFILE, '.genai-lint.yaml': 'rules:\n  k8s/probes: [warning, {minStartupBudgetSeconds: "ten"}]\n' });
    const r = run([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rules.k8s/probes options.minStartupBudgetSeconds: must be integer');
  });

  it('--print-config shows the merged configuration', () => {
    const dir = project({ '.genai-lint.yaml': 'rules:\n  k8s/probes: [error, {minStartupBudgetSeconds: 900}]\n' });
    const r = run(['--print-config'], { cwd: dir });
    expect(r.status).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.rules['k8s/probes']).toEqual(['error', { minStartupBudgetSeconds: 900 }]);
    expect(cfg.rules['k8s/hpa']).toBe('info');
  });

  it('exits 2 naming a path that does not exist, and still lints the others', () => {
    const dir = project({ Dockerfile: SECRET_DOCKERFILE });
    const r = run(['Dockerfile', 'nope/deploy.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file or directory: nope/deploy.yaml');
    expect(r.stdout).toContain('dockerfile/no-secrets');
  });

  it('exits 2 on an unknown option', () => {
    const r = run(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--frobnicate'");
  });

  it('respects .gitignore, .genai-lintignore and ignorePaths, and skips node_modules', () => {
    const dir = project({
      '.gitignore': 'build/\n',
      '.genai-lintignore': 'vendor/**\n',
      '.genai-lint.yaml': 'ignorePaths: ["legacy/*.Dockerfile"]\n',
      'build/Dockerfile': SECRET_DOCKERFILE,
      'vendor/Dockerfile': SECRET_DOCKERFILE,
      'node_modules/x/Dockerfile': SECRET_DOCKERFILE,
      'legacy/old.Dockerfile': SECRET_DOCKERFILE,
      'svc/Containerfile': SECRET_DOCKERFILE,
      'svc/api.dockerfile': SECRET_DOCKERFILE,
    });
    mkdirSync(join(dir, '.git'));
    const r = run(['-f', 'json', '.'], { cwd: dir });
    const files = [...new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file))];
    expect(files).toEqual(['svc/Containerfile', 'svc/api.dockerfile']);
  });

  it('an unparsable YAML next to a good one: parse error with position, the good one still linted', () => {
    const dir = project({
      'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n',
      'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n',
      'k8s/values.yaml': 'replicaCount: 2\nimage: {repository: vllm/vllm-openai}\n',
    });
    const r = run(['-f', 'json', 'k8s'], { cwd: dir });
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { file: string; ruleId: string; line: number }[];
    const broken = findings.filter((f) => f.file === 'k8s/broken.yaml');
    expect(broken.map((f) => f.ruleId)).toEqual(['parse-error']);
    expect(broken[0].line).toBeGreaterThanOrEqual(4);
    expect(findings.filter((f) => f.file === 'k8s/pod.yaml').map((f) => f.ruleId)).toContain('k8s/memory-limits');
    expect(findings.some((f) => f.file === 'k8s/values.yaml')).toBe(false);
  });

  it('skips Helm chart templates with a notice under --verbose', () => {
    const dir = project({
      'chart/Chart.yaml': 'apiVersion: v2\nname: llm\nversion: 0.1.0\n',
      'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "llm.fullname" . }}\nspec:\n  replicas: {{ .Values.replicas }}\n',
    });
    const r = run(['--verbose', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('skipped Helm template chart/templates/deployment.yaml');
  });

  it('files named explicitly get context from sibling manifests (pre-commit passes only changed files)', () => {
    const dir = project({
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\nspec: {}\n',
      'k8s/hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n  maxReplicas: 2\n',
    });
    const r = run(['-f', 'json', join(dir, 'k8s', 'deploy.yaml')], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.summary.files).toBe(1);
    expect(out.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('k8s/hpa');
  });

  it('does not loop on symlinked directories', () => {
    const dir = project({ 'a/Dockerfile': CLEAN_DOCKERFILE });
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
    const r = run(['-f', 'json', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });

  it('a binary file named like a Dockerfile is reported and skipped', () => {
    const dir = project({ Dockerfile: '\u0000\u0001\u0002ELF' });
    const r = run(['-f', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ ruleId: 'unreadable-file', file: 'Dockerfile' });
  });

  it('--list-rules lists every rule with severity, preset and summary', () => {
    const r = run(['--list-rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^k8s\/gpu-tolerations\s+warning\s+recommended\s+A pod that requests GPUs/m);
    expect(r.stdout).toMatch(/^dockerfile\/pin-packages\s+warning\s+strict\s+Packages installed without a version/m);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(14);
  });

  it('--version and --help', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(['--help']).stdout).toContain('Exit codes:');
  });

  it('lints the bundled fixtures (the quick-start command)', () => {
    const r = run(['fixtures/']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('fixtures/k8s/gpu-tolerations/bad.yaml');
    expect(r.stdout).toMatch(/✖ \d+ problems/);
  });
});
