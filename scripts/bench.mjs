// genai-lint benchmark (npm run bench): a deterministic synthetic monorepo,
// timed against the parse floor, single- vs multi-threaded, cold start, RSS.
//   node scripts/bench.mjs [--scale N] [--out bench-results.json] [--keep] [--generate DIR]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const scale = Number(opt('--scale', '1'));
const outFile = opt('--out', join(root, 'bench-results.json'));
const keep = args.includes('--keep');
const CLI = join(root, 'dist', 'src', 'cli.js');

/** mulberry32: a small seeded PRNG, so every run lints the same files. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVERS = [
  { image: 'vllm/vllm-openai:v0.6.3', args: ['--model', 'meta-llama/Llama-3.1-8B-Instruct', '--tensor-parallel-size', '2'], port: 8000, path: '/health' },
  { image: 'ghcr.io/huggingface/text-generation-inference:2.4.0', args: ['--model-id', 'mistralai/Mistral-7B-Instruct-v0.3'], port: 80, path: '/health' },
  { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', args: ['tritonserver', '--model-repository=/models'], port: 8000, path: '/v2/health/ready' },
  { image: 'ghcr.io/acme/gateway:1.4.2', args: ['--port', '8080'], port: 8080, path: '/healthz' },
];

function manifest(i, rnd) {
  const s = SERVERS[Math.floor(rnd() * SERVERS.length)];
  const name = `svc-${i}`;
  const gpu = s.image.includes('acme') ? 0 : 1 + Math.floor(rnd() * 2);
  const withFindings = rnd() < 0.3;
  const probes = withFindings ? '' : `
          readinessProbe:
            httpGet: {path: ${s.path}, port: ${s.port}}
          livenessProbe:
            httpGet: {path: ${s.path}, port: ${s.port}}
          startupProbe:
            httpGet: {path: ${s.path}, port: ${s.port}}
            failureThreshold: 90`;
  const env = withFindings ? `
            - name: HF_TOKEN
              value: changeme-${i}` : `
            - name: HF_TOKEN
              valueFrom: {secretKeyRef: {name: hf, key: token}}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: team-${i % 20}
  labels: {app: ${name}, tier: inference}
spec:
  replicas: ${1 + Math.floor(rnd() * 3)}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      terminationGracePeriodSeconds: 120
      securityContext: {runAsNonRoot: true, runAsUser: 1000}
      tolerations:
        - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
      volumes:
        - name: shm
          emptyDir: {medium: Memory, sizeLimit: 8Gi}
      containers:
        - name: server
          image: ${s.image}
          args: ${JSON.stringify(s.args)}
          ports:
            - containerPort: ${s.port}
          env:${env}
            - name: MAX_NEW_TOKENS
              value: "${256 * (1 + (i % 8))}"
          resources:
            requests: {cpu: "2", memory: 16Gi${gpu ? `, nvidia.com/gpu: ${gpu}` : ''}}
            limits: {memory: 24Gi${gpu ? `, nvidia.com/gpu: ${gpu}` : ''}}
          volumeMounts:
            - {name: shm, mountPath: /dev/shm}${probes}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: team-${i % 20}
spec:
  selector: {app: ${name}}
  ports:
    - {port: 80, targetPort: ${s.port}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: team-${i % 20}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: 1
  maxReplicas: ${withFindings ? 50 : 4}
  metrics:
    - type: Pods
      pods:
        metric: {name: "vllm:num_requests_waiting"}
        target: {type: AverageValue, averageValue: "5"}
`;
}

function dockerfile(i, rnd) {
  const lines = ['# syntax=docker/dockerfile:1.7', 'ARG CUDA=12.4.1', 'FROM nvidia/cuda:${CUDA}-devel-ubuntu22.04 AS build', 'ENV DEBIAN_FRONTEND=noninteractive'];
  const runs = 4 + Math.floor(rnd() * 20);
  for (let r = 0; r < runs; r++) {
    if (r % 5 === 0) lines.push('RUN <<EOF', 'set -eux', `echo step ${r}`, 'pip install --no-cache-dir wheel', 'EOF');
    else lines.push(`RUN --mount=type=cache,target=/root/.cache/pip pip install package-${i}-${r}==1.${r}.0 && \\`, `    python -c "import sys; print(${r})"`);
  }
  lines.push('COPY requirements.txt /src/', 'RUN pip wheel --no-cache-dir -w /wheels -r /src/requirements.txt', '', 'FROM nvidia/cuda:${CUDA}-runtime-ubuntu22.04');
  lines.push('COPY --from=build /wheels /wheels', 'RUN pip install --no-cache-dir /wheels/*.whl && useradd -u 1000 app');
  if (rnd() < 0.3) lines.push(`ENV WANDB_API_KEY=${'0123456789abcdef'.repeat(2)}${String(i).padStart(8, '0')}`);
  if (rnd() < 0.5) lines.push('USER 1000', 'HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8000/health || exit 1');
  lines.push('EXPOSE 8000', 'ENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]');
  return lines.join('\n') + '\n';
}

function generate(dir) {
  const rnd = prng(42);
  const nManifests = 2000 * scale;
  const nDockerfiles = 500 * scale;
  for (let i = 0; i < nManifests; i++) {
    const d = join(dir, `services/team-${i % 20}/svc-${i}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'deploy.yaml'), manifest(i, rnd));
  }
  for (let i = 0; i < nDockerfiles; i++) {
    const d = join(dir, `images/img-${i}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'Dockerfile'), dockerfile(i, rnd));
  }
  writeFileSync(join(dir, 'one-small.Dockerfile'), 'FROM python:3.11-slim\nUSER 1000\nCMD ["python", "app.py"]\n');
  return { nManifests, nDockerfiles, objects: nManifests * 3 };
}

/** Wall time and peak RSS of a command (peak RSS reported by the child itself). */
function timed(cmd, cmdArgs, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const generateOnly = opt('--generate', undefined);
if (generateOnly) {
  // Only write the synthetic monorepo (for profiling by hand).
  mkdirSync(generateOnly, { recursive: true });
  const c = generate(generateOnly);
  console.log(`wrote ${c.nManifests} manifests and ${c.nDockerfiles} Dockerfiles to ${generateOnly}`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'genai-lint-bench-'));
console.log(`generating a synthetic monorepo in ${dir} (scale ${scale})...`);
const counts = generate(dir);

// (b) the parse floor: read and parse the same files with the same calls, nothing else.
// The plain floor calls the parsers as they come; the tuned floor applies the
// two workarounds genai-lint uses when it calls them (YAML parsed with a plain
// copy of process.env, dockerfile-ast's argument split kept per instruction),
// so that the ratio to it measures only what genai-lint adds.
const floorScript = join(dir, 'parse-floor.mjs');
writeFileSync(
  floorScript,
  `import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
// argv: DIR [plain|tuned] [THREADS]; with THREADS > 1 the files are split over that many worker threads.
const [dir, mode = 'plain', threadsArg = '1'] = isMainThread ? process.argv.slice(2) : workerData.argv;
const threads = Number(threadsArg);
if (isMainThread && threads > 1) {
  const done = [];
  for (let k = 0; k < threads; k++) {
    const w = new Worker(new URL(import.meta.url), { workerData: { argv: [dir, mode, '1'], part: k, of: threads } });
    done.push(new Promise((resolve, reject) => { w.on('message', resolve); w.on('error', reject); }));
  }
  const counts = await Promise.all(done);
  console.log(counts.reduce((a, b) => a + b, 0));
  process.exit(0);
}
const part = isMainThread ? 0 : workerData.part;
const of = isMainThread ? 1 : workerData.of;
const tuned = mode === 'tuned';
const { parseAllDocuments } = createRequire(${JSON.stringify(join(root, 'package.json'))})('yaml');
const dockerfileAst = createRequire(${JSON.stringify(join(root, 'package.json'))})('dockerfile-ast');
const parseAndConvert = (text) => parseAllDocuments(text).map((d) => (d.toJS(), d));
let parseYaml = parseAndConvert;
if (tuned) {
  const { withPlainEnv } = await import(${JSON.stringify(join(root, 'dist/src/parse/yaml.js'))});
  const { parseDockerfile } = await import(${JSON.stringify(join(root, 'dist/src/parse/dockerfile.js'))});
  parseDockerfile('FROM scratch\\n');
  parseYaml = (text) => withPlainEnv(() => parseAndConvert(text));
}
const walk = (d, out) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p, out); else out.push(p); } return out; };
let n = 0;
const files = walk(dir, []).filter((_, i) => i % of === part);
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  if (f.endsWith('.yaml')) n += parseYaml(text).length;
  else if (f.endsWith('Dockerfile')) { dockerfileAst.DockerfileParser.parse(text).getInstructions(); n++; }
}
if (isMainThread) console.log(n);
else (await import('node:worker_threads')).parentPort.postMessage(n);
`,
);

const runs = 3;
const results = { floor: [], floorTuned: [], floorTunedThreads: [], single: [], parallel: [], coldStart: [], nodeBare: [] };
let singleOut = '';
let parallelOut = '';
let rss = 0;
let rssSingle = 0;
const peakRss = (stderr) => Number(/peak-rss-kb=(\d+)/.exec(stderr)?.[1] ?? 0);
for (let i = 0; i < runs; i++) {
  results.floor.push(timed(process.execPath, [floorScript, dir]).ms);
  results.floorTuned.push(timed(process.execPath, [floorScript, dir, 'tuned']).ms);
  // The tuned floor split over as many threads as genai-lint uses: what this machine gives parsing on its cores.
  results.floorTunedThreads.push(timed(process.execPath, [floorScript, dir, 'tuned', String(Math.min(cpus().length, 8))]).ms);
  const single = timed(process.execPath, [CLI, '-f', 'json', '.'].map((a) => (a === '.' ? dir : a)), { GENAI_LINT_WORKERS: '1', GENAI_LINT_REPORT_RSS: '1' });
  results.single.push(single.ms);
  singleOut = single.stdout;
  const parallel = timed(process.execPath, [CLI, '-f', 'json', dir], { GENAI_LINT_REPORT_RSS: '1' });
  results.parallel.push(parallel.ms);
  parallelOut = parallel.stdout;
  rss = Math.max(rss, peakRss(parallel.stderr));
  rssSingle = Math.max(rssSingle, peakRss(single.stderr));
}
for (let i = 0; i < 7; i++) {
  results.coldStart.push(timed(process.execPath, [CLI, join(dir, 'one-small.Dockerfile')]).ms);
  results.nodeBare.push(timed(process.execPath, ['-e', '0']).ms);
}

let dockerfilelint;
const dflBin = join(root, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint');
if (existsSync(dflBin)) {
  const files = execFileSync('find', [join(dir, 'images'), '-name', 'Dockerfile'], { encoding: 'utf8' }).trim().split('\n');
  const gl = [];
  const dl = [];
  for (let i = 0; i < runs; i++) {
    gl.push(timed(process.execPath, [CLI, '-f', 'json', join(dir, 'images')]).ms);
    dl.push(timed(process.execPath, [dflBin, '-o', 'json', ...files]).ms);
  }
  dockerfilelint = { genaiLintMs: median(gl), dockerfilelintMs: median(dl), ratio: median(gl) / median(dl) };
}

// Large CustomResourceDefinitions (an operator repository ships tens of MB of them): no rule reads a CRD's
// body, so it is blanked before the YAML parse. Timed against the same bodies under a kind that is parsed.
function crdTree(kind) {
  const d = mkdtempSync(join(tmpdir(), 'genai-lint-bench-crd-'));
  // A schema object `depth` levels deep, six properties per level, as YAML lines at `indent` spaces.
  const props = (depth, indent) => {
    const pad = ' '.repeat(indent);
    if (depth === 0) return [`${pad}type: string`, `${pad}description: a field of the resource`];
    const out = [`${pad}type: object`, `${pad}properties:`];
    for (let k = 0; k < 6; k++) out.push(`${pad}  f${k}:`, ...props(depth - 1, indent + 4));
    return out;
  };
  const schema = props(4, 10).join('\n');
  for (let i = 0; i < 12 * scale; i++) {
    const body = Array.from({ length: 6 }, (_, v) => `    - name: v${v}\n      served: true\n      storage: ${v === 0}\n      schema:\n        openAPIV3Schema:\n${schema}`).join('\n');
    writeFileSync(join(d, `crd-${i}.yaml`), `apiVersion: apiextensions.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: things${i}.example.com\nspec:\n  group: example.com\n  names: {kind: Thing${i}, plural: things${i}}\n  scope: Namespaced\n  versions:\n${body}\n`);
  }
  return d;
}
const crdDir = crdTree('CustomResourceDefinition');
const parsedDir = crdTree('ParsedDefinition');
const crdBytes = Number(execFileSync('du', ['-sb', crdDir], { encoding: 'utf8' }).split('\t')[0]);
const crdRuns = { skipped: [], parsed: [] };
for (let i = 0; i < runs; i++) {
  crdRuns.skipped.push(timed(process.execPath, [CLI, '-f', 'json', crdDir]).ms);
  crdRuns.parsed.push(timed(process.execPath, [CLI, '-f', 'json', parsedDir]).ms);
}
rmSync(crdDir, { recursive: true, force: true });
rmSync(parsedDir, { recursive: true, force: true });
const crd = { megabytes: +(crdBytes / 2 ** 20).toFixed(1), skippedMs: median(crdRuns.skipped), parsedMs: median(crdRuns.parsed) };

const files = counts.nManifests + counts.nDockerfiles;
const single = median(results.single);
const parallel = median(results.parallel);
const floor = median(results.floor);
const floorTuned = median(results.floorTuned);
const floorTunedThreads = median(results.floorTunedThreads);
const summary = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  scale,
  files,
  objects: counts.objects + counts.nDockerfiles,
  wallMs: { parallel, single, parseFloor: floor, parseFloorTuned: floorTuned, parseFloorTunedThreads: floorTunedThreads },
  filesPerSecond: Math.round(files / (parallel / 1000)),
  objectsPerSecond: Math.round(counts.objects / (parallel / 1000)),
  ratioToParseFloor: +(parallel / floor).toFixed(2),
  ratioSingleToParseFloor: +(single / floor).toFixed(2),
  ratioToTunedParseFloor: +(parallel / floorTuned).toFixed(2),
  ratioSingleToTunedParseFloor: +(single / floorTuned).toFixed(2),
  parallelSpeedup: +(single / parallel).toFixed(2),
  parseFloorSpeedupOnThreads: +(floorTuned / floorTunedThreads).toFixed(2),
  identicalOutput: singleOut === parallelOut,
  coldStartMs: median(results.coldStart),
  nodeBareMs: median(results.nodeBare),
  coldStartRatio: +(median(results.coldStart) / median(results.nodeBare)).toFixed(2),
  peakRssMB: Math.round(rss / 1024),
  peakRssSingleMB: Math.round(rssSingle / 1024),
  crd: { ...crd, speedup: +(crd.parsedMs / crd.skippedMs).toFixed(2) },
  ...(dockerfilelint ? { dockerfilelint } : {}),
};
writeFileSync(outFile, JSON.stringify(summary, null, 2) + '\n');
const row = (k, v) => console.log(`${k.padEnd(38)} ${v}`);
console.log('');
row('files / objects', `${files} / ${summary.objects}`);
row('genai-lint wall (parallel)', `${parallel.toFixed(0)} ms  (${summary.filesPerSecond} files/s, ${summary.objectsPerSecond} objects/s)`);
row('genai-lint wall (1 thread)', `${single.toFixed(0)} ms`);
row('parse floor (read + parse only)', `${floor.toFixed(0)} ms (tuned: ${floorTuned.toFixed(0)} ms)`);
row('ratio to parse floor', `${summary.ratioToParseFloor}x (1 thread: ${summary.ratioSingleToParseFloor}x)`);
row('ratio to tuned parse floor', `${summary.ratioToTunedParseFloor}x (1 thread: ${summary.ratioSingleToTunedParseFloor}x)`);
row('parallel speed-up', `${summary.parallelSpeedup}x, output identical: ${summary.identicalOutput}`);
row('parse floor split over as many threads', `${floorTunedThreads.toFixed(0)} ms = ${summary.parseFloorSpeedupOnThreads}x faster than on one`);
row('cold start vs node -e 0', `${summary.coldStartMs.toFixed(0)} ms vs ${summary.nodeBareMs.toFixed(0)} ms = ${summary.coldStartRatio}x`);
row('peak RSS', `${summary.peakRssMB} MB (1 thread: ${summary.peakRssSingleMB} MB)`);
row('large CRDs skipped vs parsed', `${crd.skippedMs.toFixed(0)} ms vs ${crd.parsedMs.toFixed(0)} ms for ${crd.megabytes} MB = ${summary.crd.speedup}x`);
if (dockerfilelint) row('dockerfilelint (same Dockerfiles)', `${dockerfilelint.dockerfilelintMs.toFixed(0)} ms vs genai-lint ${dockerfilelint.genaiLintMs.toFixed(0)} ms = ${dockerfilelint.ratio.toFixed(2)}x`);
console.log(`\nwrote ${outFile}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
