/**
 * A run, start to end: discovery, the run-wide facts (Compose build contexts,
 * kustomizations), then the phases of runner.ts on this thread, or shared out
 * to worker threads (parallel.ts) for large runs.
 */
import type { Worker } from 'node:worker_threads';
import { discover } from '../discover.js';
import { kustomizeFacts } from '../kustomize.js';
import type { EffectiveConfig } from '../config/index.js';
import type { AnyRule } from './rule.js';
import { compareFindings } from '../types.js';
import type { FileLimits } from './watchdog.js';
import type { RunFacts } from './run-facts.js';
import { debugClock, lintInParallel, PARALLEL_THRESHOLD, startWorkers, stopWorkers, workerCount } from './parallel.js';
import { lintSources } from './runner.js';
import { parseFiles, withBuildContexts } from './parse-file.js';
import { readSource, stdinSource } from './sources.js';
import type { SourceInput, StdinInput } from './sources.js';
import type { RunResult } from './run-result.js';
import type { DiscoveredFile } from '../discover.js';
import { RENDERERS } from '../render/renderers.js';
import { mergeVariants } from '../render/source.js';
import { chartsByName, pipedHelmSource } from '../render/helm.js';
import type { RenderContext, Renderer, RenderJob, VariantFindings } from '../render/source.js';
import { CONCURRENT_RENDERS, limiter } from '../render/tools.js';

export interface RunInput {
  paths: readonly string[];
  cwd: string;
  config: EffectiveConfig;
  rules: readonly AnyRule[];
  /** Standard input (the path `-`): its text, or a file descriptor to read up to maxFileSizeMB from. */
  stdin?: StdinInput;
  /** Time and memory one file may take (defaults: DEFAULT_FILE_LIMITS). */
  limits?: FileLimits;
  /**
   * The worker-thread entry (src/lint-worker.ts), which rebuilds `rules` from
   * the config's catalogue. Without it the run stays on this thread.
   */
  workers?: URL;
  /** Renderers of charts and overlays (default: render/renderers.ts). */
  renderers?: readonly Renderer[];
  /** Texts to lint instead of what the disk holds, by absolute path (the files of a fix pass); such a run stays on this thread. */
  texts?: ReadonlyMap<string, string>;
}

/** Runs every enabled rule over the files the paths name; large runs use worker threads. */
export async function runLint(input: RunInput): Promise<RunResult> {
  const { cwd } = input;
  const config = input.config;
  const debug = debugClock('main');
  const paths = input.paths.filter((p) => p !== '-');
  // Worker threads rebuild the rule catalogue from the config: only a run whose rules are the catalogue's
  // (the caller names the worker entry) may use them; a hand-made rule set stays on this thread.
  const workerUrl = input.workers;
  const mayUseWorkers = !input.stdin && !input.texts?.size && workerUrl !== undefined && workerCount(PARALLEL_THRESHOLD) > 1;
  // Once a run is large enough for worker threads, one starts loading while the rest of the files are found.
  const early: Worker[] = [];
  const onFile = mayUseWorkers
    ? (count: number) => count === PARALLEL_THRESHOLD && early.push(...startWorkers(1, config, workerUrl))
    : undefined;
  const discovery = paths.length
    ? discover(paths, { cwd, ignorePaths: config.ignorePaths, vendoredDirs: config.vendoredDirs, ignoreBase: config.baseDir, onFile })
    : { files: [], missing: [], notices: [], skipped: [] };
  // Renders start now and run beside the rest; the files they cover are judged through them only.
  const renders = startRenders(input.renderers ?? RENDERERS, { cwd, files: discovery.files, explicitOnly: paths.length > 0 && discovery.files.every((f) => f.explicit || f.contextOnly), config, limit: limiter(CONCURRENT_RENDERS) });
  // What the kustomizations of the run say about the other files, read once here for every thread, before
  // the rendered files leave the list: a kustomization whose render fails has its files read this way instead.
  const kustomize = kustomizeFacts(discovery.files);
  let facts: RunFacts = kustomize.patchFiles.length || Object.keys(kustomize.resources).length ? { kustomize } : {};
  if (renders.covered.size) discovery.files = discovery.files.filter((f) => !renders.covered.has(f.absPath));
  const wanted = mayUseWorkers ? workerCount(discovery.files.length) : 1;
  const threads = wanted > 1 && workerUrl ? wanted : 1;
  debug(`found ${discovery.files.length} files; ${threads} thread(s)`);
  if (threads > 1) {
    try {
      // Threads see only their share of files: Compose build contexts are read here, for all of them.
      const composeFiles = parseFiles(discovery.files.filter((f) => f.kind === 'compose'), config, facts, []);
      facts = withBuildContexts(facts, composeFiles);
      const result = withRendered(await lintInParallel(discovery.files, config, facts, input.rules, threads, workerUrl!, early), await finishRenders(renders, config, facts, input));
      return { ...result, missingPaths: [...discovery.missing, ...result.missingPaths], notices: [...discovery.notices, ...runNotices(result.notices)], skipped: [...discovery.skipped, ...runNotices(result.skipped)] };
    } catch (err) {
      discovery.notices.push(`worker threads failed (${(err as Error).message}); linted on one thread instead`);
    }
  } else await stopWorkers(early);
  const sources = discovery.files.map((f) => readSource(f, config.maxFileSizeMB * 2 ** 20, input.texts));
  if (input.stdin) sources.push(withPipedCharts(stdinSource(input.stdin, config.maxFileSizeMB * 2 ** 20), cwd));
  const result = withRendered(lintSources({ sources, config, rules: input.rules, facts, limits: input.limits }), await finishRenders(renders, config, facts, input));
  debug('linted');
  const unreadable = sources.filter((s) => s.readFailed).map((s) => s.displayPath);
  return { ...result, missingPaths: [...discovery.missing, ...unreadable], notices: [...discovery.notices, ...runNotices(result.notices)], skipped: [...discovery.skipped, ...runNotices(result.skipped)] };
}

/** Notices of parsing and linting, once each, in an order that does not depend on how the work was split between threads. */
function runNotices(notices: readonly string[]): string[] {
  return [...new Set(notices)].sort();
}

interface StartedRenders {
  jobs: { job: RenderJob; files: DiscoveredFile[] }[];
  /** Absolute paths of every file a render covers. */
  covered: Set<string>;
  notices: string[];
  skipped: string[];
}

/** Starts every renderer on the run's files; the renders go on while the rest is linted. */
function startRenders(renderers: readonly Renderer[], ctx: RenderContext): StartedRenders {
  const out: StartedRenders = { jobs: [], covered: new Set(), notices: [], skipped: [] };
  const byPath = new Map(ctx.files.map((f) => [f.absPath, f]));
  for (const renderer of renderers) {
    const started = renderer.start(ctx);
    out.notices.push(...started.notices);
    out.skipped.push(...started.skipped);
    for (const job of started.jobs) {
      const files: DiscoveredFile[] = [];
      for (const p of job.covers) {
        out.covered.add(p);
        const f = byPath.get(p);
        if (f) files.push(f);
      }
      out.jobs.push({ job, files });
    }
  }
  return out;
}

/**
 * Lints each rendered variant as a release of its own (its own object
 * index), maps its findings to repository files, merges the variants of each
 * group; a root whose render yielded nothing has its files linted alone.
 */
async function finishRenders(renders: StartedRenders, config: RunInput['config'], facts: RunFacts, input: RunInput): Promise<RunResult | undefined> {
  if (!renders.jobs.length && !renders.notices.length && !renders.skipped.length) return undefined;
  const outcomes = await Promise.all(renders.jobs.map(async ({ job, files }) => ({ outcome: await job.result, files })));
  const notices = [...renders.notices];
  const skipped = [...renders.skipped];
  const variants: VariantFindings[] = [];
  const results: RunResult[] = [];
  const checked = new Set<string>();
  const alone: DiscoveredFile[] = [];
  for (const { outcome, files } of outcomes) {
    notices.push(...outcome.notices);
    skipped.push(...outcome.skipped);
    if (!outcome.sources.length) {
      alone.push(...files);
      continue;
    }
    for (const f of files) if (!f.contextOnly) checked.add(f.displayPath);
    for (const source of outcome.sources) {
      const r = lintSources({
        sources: [{ displayPath: `${source.group} (${source.renderer}: ${source.variant})`, kind: 'yaml', contextOnly: false, text: source.text, rendered: source }],
        config,
        rules: input.rules,
        limits: input.limits,
      });
      variants.push({ group: source.group, variant: source.variant, findings: r.findings, byPlace: source.mergeByPlace });
      results.push({ ...r, findings: [], filesChecked: 0, checkedFiles: [] });
    }
  }
  // A file another render judged is not linted alone as well (a base shared by an overlay that failed and one that built).
  const rendered = new Set(outcomes.filter(({ outcome }) => outcome.sources.length).flatMap(({ files }) => files));
  const unique = [...new Set(alone)].filter((f) => !rendered.has(f));
  // What only a file's own text shows (invalid YAML, duplicate keys, which kubectl accepts) is still read from the files a kustomize build judged.
  const built = outcomes.filter(({ outcome }) => outcome.sources.some((s) => s.renderer === 'kustomize')).flatMap(({ files }) => files);
  const textual = [...new Set(built)].filter((f) => !f.contextOnly && f.kind !== 'dockerfile');
  if (textual.length) {
    const r = lintSources({ sources: textual.map((f) => readSource(f, config.maxFileSizeMB * 2 ** 20)), config, rules: [], facts, limits: input.limits });
    results.push({ ...r, findings: r.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'unreadable-file'), filesChecked: 0, checkedFiles: [], objectsChecked: 0, notices: [], skipped: [] });
  }
  if (unique.length) {
    const sources = unique.map((f) => readSource(f, config.maxFileSizeMB * 2 ** 20));
    const r = lintSources({ sources, config, rules: input.rules, facts, limits: input.limits });
    results.push(r);
  }
  return {
    findings: [...mergeVariants(variants), ...results.flatMap((r) => r.findings)],
    filesChecked: checked.size + results.reduce((n, r) => n + r.filesChecked, 0),
    checkedFiles: [...checked, ...results.flatMap((r) => r.checkedFiles)],
    objectsChecked: results.reduce((n, r) => n + r.objectsChecked, 0),
    missingPaths: [],
    notices: [...notices, ...results.flatMap((r) => r.notices)],
    skipped: [...skipped, ...results.flatMap((r) => r.skipped)],
    internalErrors: results.flatMap((r) => r.internalErrors),
    secrets: results.flatMap((r) => r.secrets),
  };
}

/** The run's result with the rendered sources' added, findings in one order. */
function withRendered(result: RunResult, rendered: RunResult | undefined): RunResult {
  if (!rendered) return result;
  const findings = [...result.findings, ...rendered.findings].sort(compareFindings);
  return {
    findings,
    filesChecked: result.filesChecked + rendered.filesChecked,
    checkedFiles: [...result.checkedFiles, ...rendered.checkedFiles],
    objectsChecked: result.objectsChecked + rendered.objectsChecked,
    missingPaths: [...result.missingPaths, ...rendered.missingPaths],
    notices: [...result.notices, ...rendered.notices],
    skipped: [...result.skipped, ...rendered.skipped],
    internalErrors: [...result.internalErrors, ...rendered.internalErrors],
    secrets: [...result.secrets, ...rendered.secrets],
  };
}

/**
 * Piped `helm template` output: documents whose `# Source:` names a chart of
 * the working tree are mapped to its templates (render/helm.ts).
 */
function withPipedCharts(source: SourceInput, cwd: string): SourceInput {
  if (!source.mapTemplateSources || source.text === undefined || !/^#\s*Source:/m.test(source.text)) return source;
  const rendered = pipedHelmSource(source.text, source.displayPath, cwd, chartsByName(cwd));
  return rendered ? { ...source, mapTemplateSources: false, rendered } : source;
}
