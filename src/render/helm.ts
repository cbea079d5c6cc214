/**
 * Helm charts of the tree, rendered with `helm template` and linted through
 * the render: the chart's defaults and each `ci/*-values.yaml` (the
 * chart-testing convention) as variants. helm runs with no network, no
 * plugins and no post-renderer, in homes of its own under a temporary
 * directory, never with `--dependency-update`, and bounded in time; nothing is
 * written into the linted tree. Findings land on the template line that
 * writes the offending key (render/helm-locate.ts), with the values file line
 * that sets a value the line takes.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { toDisplayPath } from '../discover.js';
import type { DiscoveredFile } from '../discover.js';
import { visible } from '../escape.js';
import { locateInDocument } from '../parse/kube.js';
import { parseYaml } from '../parse/yaml.js';
import { structuralTemplate } from '../parse/template.js';
import type { YamlDocumentModel, YamlFileModel } from '../parse/yaml.js';
import { pointerSegment, valueAtPointer } from '../pointer.js';
import { isWithin, readTreeFile } from '../safe-read.js';
import type { SourceRange } from '../types.js';
import { ConfigError } from '../config/index.js';
import type { HelmSettings } from '../config/index.js';
import { isRecord } from '../values.js';
import { TemplateLocator } from './helm-locate.js';
import { findExecutable, insideLintedTree, NO_NETWORK_ENV } from './tools.js';
import type { MappedLocation, RelatedLocation, RenderContext, RenderedDocument, RenderedSource, Renderer, RenderJob, RenderOutcome } from './source.js';


/** A chart of the tree. */
export interface Chart {
  dir: string;
  display: string;
  name: string;
  /** The linted root it was found under: every file read stays inside. */
  root: string;
}

const CHART_FILE = 'Chart.yaml';
/** How far above a file its chart's Chart.yaml may be (templates/a/b/c.yaml). */
const MAX_CHART_DEPTH = 8;
/** Bytes of rendered output read from helm at most. */
const MAX_OUTPUT_BYTES = 64 * 2 ** 20;

function readChartYaml(dir: string, root: string): Record<string, unknown> | undefined {
  const text = readTreeFile(join(dir, CHART_FILE), root);
  if (text === undefined) return undefined;
  const v = parseYaml(text).documents.find((d) => !d.errors.length)?.value;
  return isRecord(v) ? v : undefined;
}

/**
 * The chart a file belongs to: the nearest directory above it (within its
 * root) holding a Chart.yaml; a subchart (`<parent>/charts/<sub>`) belongs to
 * its parent, rendered with it.
 */
export function chartDirOf(absPath: string, root: string): string | undefined {
  let dir = dirname(absPath);
  let chart: string | undefined;
  for (let depth = 0; depth < MAX_CHART_DEPTH && isWithin(root, dir); depth++) {
    if (existsSync(join(dir, CHART_FILE))) {
      chart = dir;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (!chart) return undefined;
  for (;;) {
    const up = dirname(chart);
    if (basename(up) !== 'charts' || !isWithin(root, dirname(up)) || !existsSync(join(dirname(up), CHART_FILE))) return chart;
    chart = dirname(up);
  }
}

/**
 * Whether a file of a chart is one the render covers: its templates, values,
 * Chart.yaml, ci values and subcharts (crds/ are not rendered), and any other
 * YAML of the chart that template syntax shapes (a fragment the templates read
 * with `.Files.Get` and render with `tpl`): it means something only rendered.
 */
function coveredByChart(chartDir: string, file: DiscoveredFile): boolean {
  const rel = relative(chartDir, file.absPath).split(sep);
  if (rel[0] === '..' || isAbsolute(rel.join('/'))) return false;
  const [top] = rel;
  if (rel.length === 1 && (top === CHART_FILE || top === 'Chart.lock' || top === 'requirements.yaml' || /^values.*\.ya?ml$/i.test(top))) return true;
  if (top === 'templates' || top === 'charts' || top === 'ci') return true;
  if (top === 'crds' || file.kind !== 'yaml') return false;
  const text = readTreeFile(file.absPath, file.root ?? chartDir);
  return text !== undefined && structuralTemplate(text.split(/\r?\n/)) !== undefined;
}

/** Charts of the run's files: each chart once, library charts left out. */
export function findCharts(files: readonly DiscoveredFile[], cwd: string, notices: string[]): Chart[] {
  const charts = new Map<string, Chart | undefined>();
  const byDir = new Map<string, string | undefined>();
  for (const f of files) {
    if (f.contextOnly) continue;
    const d = dirname(f.absPath);
    let chartDir = byDir.get(d);
    if (!byDir.has(d)) byDir.set(d, (chartDir = chartDirOf(f.absPath, f.root)));
    if (!chartDir || charts.has(chartDir)) continue;
    const meta = readChartYaml(chartDir, f.root);
    const display = toDisplayPath(cwd, chartDir);
    if (!meta || typeof meta.name !== 'string') {
      notices.push(`${display}/${CHART_FILE}: no chart name; chart not rendered`);
      charts.set(chartDir, undefined);
      continue;
    }
    if (meta.type === 'library') {
      notices.push(`${display}: library chart; rendered only through the charts that use it`);
      charts.set(chartDir, undefined);
      continue;
    }
    charts.set(chartDir, { dir: chartDir, display, name: meta.name, root: f.root });
  }
  return [...charts.values()].filter((c): c is Chart => !!c);
}

/** The helm executable: the configured one, else `helm` in an absolute PATH directory. */
export function findHelm(binary: string | undefined, cwd: string): string | undefined {
  return findExecutable(binary ?? 'helm', cwd);
}

interface HelmRun {
  ok: boolean;
  stdout: string;
  /** helm's own message, one line, escaped (when not ok). */
  message: string;
}

/** helm's error, as one short visible line. */
function helmMessage(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => l.startsWith('Error:')) ?? lines[lines.length - 1] ?? 'no output';
  const text = visible(error.replace(/^Error:\s*/, ''));
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** One `helm template`, in homes of its own, with no network and no plugins, stopped after the timeout. */
function runHelm(binary: string, args: readonly string[], home: string, timeoutMs: number): Promise<HelmRun> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    HELM_PLUGINS: join(home, 'plugins'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    HELM_REGISTRY_CONFIG: join(home, 'registry.json'),
    HELM_REPOSITORY_CONFIG: join(home, 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(home, 'repository'),
    KUBECONFIG: join(home, 'kubeconfig'),
    ...NO_NETWORK_ENV,
  };
  return new Promise((done) => {
    let child;
    try {
      child = spawn(binary, args, { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      done({ ok: false, stdout: '', message: visible((err as Error).message) });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let over = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT_BYTES) {
        over = true;
        child.kill('SIGKILL');
      } else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.reduce((n, x) => n + x.length, 0) < 64 * 1024) err.push(b);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ ok: false, stdout: '', message: visible(e.message) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) done({ ok: false, stdout: '', message: `stopped after ${Math.round(timeoutMs / 1000)} s (helm.timeoutSeconds)` });
      else if (over) done({ ok: false, stdout: '', message: `output over ${MAX_OUTPUT_BYTES / 2 ** 20} MB` });
      else if (code !== 0) done({ ok: false, stdout: '', message: helmMessage(Buffer.concat(err).toString('utf8')) });
      else done({ ok: true, stdout: Buffer.concat(out).toString('utf8'), message: '' });
    });
  });
}

interface Variant {
  /** Shown in messages: `values.yaml`, `ci/gpu-values.yaml`. */
  label: string;
  /** Values files given to helm with --values, in order (absolute). */
  files: string[];
}

/** The variants of a chart: its defaults, then one per `ci/*-values.yaml`. */
function variantsOf(chart: Chart, extra: readonly string[]): Variant[] {
  const variants: Variant[] = [{ label: extra.length ? [`values.yaml`, ...extra.map((f) => relative(chart.dir, f).split(sep).join('/'))].join(' + ') : 'values.yaml', files: [...extra] }];
  const ci = join(chart.dir, 'ci');
  let names: string[] = [];
  try {
    names = readdirSync(ci, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    names = [];
  }
  for (const name of names.filter((n) => /-values\.ya?ml$/.test(n)).sort()) {
    variants.push({ label: `ci/${name}`, files: [...extra, join(ci, name)] });
  }
  return variants;
}

/** Parsed values files and templates of a run, read once. */
class ChartFiles {
  private readonly values = new Map<string, YamlDocumentModel | undefined>();
  private readonly templates = new Map<string, TemplateLocator | undefined>();
  constructor(private readonly root: string) {}

  valuesDoc(path: string): YamlDocumentModel | undefined {
    if (!this.values.has(path)) {
      const text = readTreeFile(path, this.root);
      this.values.set(path, text === undefined ? undefined : parseYaml(text).documents.find((d) => !d.errors.length));
    }
    return this.values.get(path);
  }

  template(path: string): TemplateLocator | undefined {
    if (!this.templates.has(path)) {
      const text = readTreeFile(path, this.root);
      this.templates.set(path, text === undefined ? undefined : new TemplateLocator(text));
    }
    return this.templates.get(path);
  }
}

/** The deepest pointer at or above `pointer` that exists in the rendered document. */
function existingPointer(doc: YamlDocumentModel, pointer: string): string {
  let p = pointer;
  while (p !== '' && !doc.locations.find(p)?.exact) p = p.slice(0, p.lastIndexOf('/'));
  return p;
}

/** The pointer of the deepest node of the rendered document whose text holds `range`'s start. */
function pointerAt(doc: YamlDocumentModel, range: SourceRange): string {
  const inside = (r: SourceRange) =>
    (r.start.line < range.start.line || (r.start.line === range.start.line && r.start.column <= range.start.column)) &&
    (r.end.line > range.start.line || (r.end.line === range.start.line && r.end.column > range.start.column));
  let best = '';
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 64) return;
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : isRecord(value) ? Object.entries(value) : [];
    for (const [k, v] of entries) {
      const p = `${path}/${pointerSegment(k)}`;
      const found = doc.locations.find(p);
      if (!found?.exact) continue;
      const loc = locateInDocument(doc, p, 'span');
      if (inside(loc)) {
        best = p;
        walk(v, p, depth + 1);
        return;
      }
    }
  };
  walk(doc.value, '', 0);
  return best;
}

const sameStart = (a: SourceRange, b: SourceRange) => a.start.line === b.start.line && a.start.column === b.start.column;

/**
 * The mapper of one rendered variant: the rendered document's `# Source:`
 * names the template (`<chart>/templates/x.yaml`, `<chart>/charts/<sub>/templates/x.yaml`).
 */
function helmMapper(chart: Chart, cwd: string, variant: Variant, rendered: () => YamlFileModel, files: ChartFiles, withValues = true) {
  const valuesChain = (sub: string | undefined): { path: string; prefix: string[] }[] => {
    // Later files win: the variant's files, last first, then the chart's values.yaml; a subchart's own values.yaml last.
    const chain = [...variant.files].reverse().map((path) => ({ path, prefix: sub ? [sub] : [] }));
    chain.push({ path: join(chart.dir, 'values.yaml'), prefix: sub ? [sub] : [] });
    if (sub) chain.push({ path: join(chart.dir, 'charts', sub, 'values.yaml'), prefix: [] });
    return chain;
  };
  const isEmptyValue = (path: string[], sub: string | undefined): boolean => {
    for (const { path: file, prefix } of valuesChain(sub)) {
      const doc = files.valuesDoc(file);
      const v = doc ? valueAtPointer(doc.value, [...prefix, ...path].map((s) => `/${pointerSegment(s)}`).join('')) : undefined;
      if (v !== undefined) return v === '' || v === null;
    }
    return false;
  };
  const relatedFor = (paths: string[][], rest: string[], sub: string | undefined): RelatedLocation[] => {
    const out: RelatedLocation[] = [];
    // The keys below the line, up to the first list index: `resources` + `limits` -> `.Values.resources.limits`.
    const firstIndex = rest.findIndex((s) => /^\d+$/.test(s));
    const restKeys = firstIndex < 0 ? rest : rest.slice(0, firstIndex);
    for (const p of paths) {
      let hit: RelatedLocation | undefined;
      for (const candidate of restKeys.length ? [[...p, ...restKeys], p] : [p]) {
        for (const { path, prefix } of valuesChain(sub)) {
          const doc = files.valuesDoc(path);
          const pointer = [...prefix, ...candidate].map((s) => `/${pointerSegment(s)}`).join('');
          if (!doc || !doc.locations.find(pointer)?.exact) continue;
          hit = { file: toDisplayPath(cwd, path), range: locateInDocument(doc, pointer, 'key'), message: `\`.Values.${candidate.join('.')}\` is set here` };
          break;
        }
        if (hit) break;
      }
      if (hit && !out.some((o) => o.file === hit!.file && sameStart(o.range, hit!.range))) out.push(hit);
      if (out.length >= 3) break;
    }
    return out;
  };
  return (doc: RenderedDocument, pointer: string | undefined, range: SourceRange): MappedLocation | undefined => {
    if (!doc.source) return undefined;
    const parts = doc.source.split('/');
    if (parts[0] !== chart.name || parts.length < 3) return undefined;
    const rel = parts.slice(1);
    const templatePath = join(chart.dir, ...rel);
    if (!isWithin(chart.dir, templatePath)) return undefined;
    const sub = rel[0] === 'charts' && rel.length > 3 ? rel[1] : undefined;
    const locator = files.template(templatePath);
    const file = toDisplayPath(cwd, templatePath);
    const chartLine = { file: toDisplayPath(cwd, join(chart.dir, CHART_FILE)), range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
    // A subchart that is not a folder of the tree comes from a packaged archive (charts/<name>-<version>.tgz).
    if (!locator) return sub ? (statSync(join(chart.dir, 'charts', sub), { throwIfNoEntry: false })?.isDirectory() ? undefined : { ...chartLine, notOwn: 'packaged dependency' }) : chartLine;
    const all = rendered().documents;
    const model = all[doc.index];
    if (!model) return undefined;
    const kind = isRecord(model.value) && typeof model.value.kind === 'string' ? model.value.kind : '';
    const meta = isRecord(model.value) && isRecord(model.value.metadata) ? model.value.metadata : {};
    // Which object of the template this is: its place among the rendered objects of its kind from that template.
    const ordinal = all.slice(0, doc.index).filter((d) => d.source === doc.source && isRecord(d.value) && d.value.kind === kind).length;
    const templateDoc = locator.documentOf(kind, typeof meta.name === 'string' ? meta.name : undefined, ordinal);
    const p = existingPointer(model, pointer ?? pointerAt(model, range));
    const hit = p === '' || !templateDoc ? undefined : locator.find(templateDoc, p, (item) => {
      const name = valueAtPointer(model.value, `${item}/name`);
      return typeof name === 'string' ? name : undefined;
    });
    if ((!hit || !hit.exact) && templateDoc && locator.generatedUnderComputedKey(templateDoc)) return { file, range: locator.kindLine(templateDoc, kind) ?? chartLine.range, notOwn: 'generated' };
    if (!hit) {
      return { file, range: locator.kindLine(templateDoc, kind) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
    }
    let at = hit.range;
    if (hit.exact) {
      // A finding on the rendered value lands on the template's value.
      const key = locateInDocument(model, p, 'key');
      if (!sameStart(key, range)) {
        const value = locator.valueRange(hit.line);
        if (value) {
          const renderedValue = locateInDocument(model, p, 'value');
          const renderedText = model.textIndex.lineText(renderedValue.start.line).slice(renderedValue.start.column - 1).trimEnd();
          const offset = range.start.line === renderedValue.start.line ? range.start.column - renderedValue.start.column : 0;
          at = renderedText === value.text && offset >= 0 ? { start: { line: hit.line, column: value.range.start.column + offset }, end: { line: hit.line, column: value.range.start.column + offset + Math.max(1, range.end.line === range.start.line ? range.end.column - range.start.column : 1) } } : value.range;
        }
      }
    }
    if (hit.exact && locator.generatedValue(hit.line)) return { file, range: at, notOwn: 'generated' };
    const related = withValues ? relatedFor(hit.values, hit.rest, sub) : [];
    // An empty value rendered from values left empty for the installer to fill (`existingClaim: ""`) is a placeholder, not the manifest.
    const value = valueAtPointer(model.value, p);
    const placeholder = withValues && hit.exact && (value === '' || value === null) && hit.values.length > 0 && hit.values.every((v) => isEmptyValue(v, sub));
    return { file, range: at, ...(related.length ? { related } : {}), ...(placeholder ? { placeholder } : {}) };
  };
}

interface Dependency {
  name: string;
  /** `condition:` paths, in order; the first set to a boolean decides. */
  conditions: string[];
}

/** Dependencies of a chart that are not vendored in its charts/ directory (a folder or a .tgz). */
function unvendoredDependencies(chart: Chart, meta: Record<string, unknown>): Dependency[] {
  const deps = Array.isArray(meta.dependencies) ? meta.dependencies.filter(isRecord) : [];
  let vendored: string[] = [];
  try {
    vendored = readdirSync(join(chart.dir, 'charts'));
  } catch {
    vendored = [];
  }
  return deps
    .filter((d) => typeof d.name === 'string' && !vendored.some((v) => v === d.name || (v.startsWith(`${d.name}-`) && v.endsWith('.tgz'))))
    .map((d) => ({ name: d.name as string, conditions: typeof d.condition === 'string' ? d.condition.split(',').map((c) => c.trim()).filter(Boolean) : [] }));
}

/** Values files merged the way helm merges them (later files win, maps key by key). */
function mergedValues(files: ChartFiles, paths: readonly string[]): Record<string, unknown> {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isRecord(v) && isRecord(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
    return out;
  };
  let values: Record<string, unknown> = {};
  for (const p of paths) {
    const v = files.valuesDoc(p)?.value;
    if (isRecord(v)) values = merge(values, v);
  }
  return values;
}

/** Whether a dependency is off in these values: its first `condition:` path set to a boolean is false. */
function disabled(dep: Dependency, values: Record<string, unknown>): boolean {
  for (const c of dep.conditions) {
    let v: unknown = values;
    for (const part of c.split('.')) v = isRecord(v) ? v[part] : undefined;
    if (typeof v === 'boolean') return !v;
  }
  return false;
}

/** Files a chart copy may hold at most (a chart rendered without its disabled, unvendored dependencies). */
const MAX_COPIED_CHART_BYTES = 20 * 2 ** 20;

function treeBytes(dir: string, limit: number): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (total > limit) return;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += statSync(p).size;
    }
  };
  walk(dir);
  return total;
}

/**
 * A copy of the chart, in the render's own directory, without the
 * dependencies a variant turns off and the tree does not vendor: helm
 * refuses a chart whose dependencies are missing even when their condition
 * is false. Undefined when the chart is too large to copy.
 */
function chartWithout(chart: Chart, meta: Record<string, unknown>, drop: readonly string[], home: string): string | undefined {
  const copy = join(home, 'charts', basename(chart.dir));
  if (existsSync(copy)) return copy;
  if (treeBytes(chart.dir, MAX_COPIED_CHART_BYTES) > MAX_COPIED_CHART_BYTES) return undefined;
  cpSync(chart.dir, copy, { recursive: true, filter: (src) => basename(src) !== '.git' });
  const deps = (Array.isArray(meta.dependencies) ? meta.dependencies : []).filter((d) => !(isRecord(d) && drop.includes(d.name as string)));
  // JSON is YAML: helm reads it as the chart's metadata.
  writeFileSync(join(copy, CHART_FILE), JSON.stringify({ ...meta, dependencies: deps }));
  rmSync(join(copy, 'Chart.lock'), { force: true });
  return copy;
}

/** Renders every variant of one chart. */
async function renderChart(chart: Chart, covers: readonly string[], binary: string, settings: HelmSettings, ctx: RenderContext): Promise<RenderOutcome> {
  const extra = settings.valuesFiles[chart.dir] ?? [];
  const variants = variantsOf(chart, extra);
  const files = new ChartFiles(chart.root);
  const outcome: RenderOutcome = { sources: [], notices: [], skipped: [] };
  const home = mkdtempSync(join(tmpdir(), 'genai-lint-helm-'));
  try {
    mkdirSync(join(home, 'plugins'));
    const kubeVersion = settings.kubeVersion ?? ctx.config.settings.kubernetesVersion;
    const meta = readChartYaml(chart.dir, chart.root) ?? {};
    const missing = unvendoredDependencies(chart, meta);
    const chartPath = (v: Variant): string => {
      if (!missing.length) return chart.dir;
      const values = mergedValues(files, [join(chart.dir, 'values.yaml'), ...v.files]);
      if (!missing.every((d) => disabled(d, values))) return chart.dir;
      const copy = chartWithout(chart, meta, missing.map((d) => d.name), home);
      if (copy) outcome.notices.push(`${chart.display}: rendered with ${v.label} without its dependencies turned off there and not vendored (${missing.map((d) => d.name).join(', ')})`);
      return copy ?? chart.dir;
    };
    const runs = await Promise.all(
      variants.map((v) =>
        ctx.limit(() =>
          runHelm(
            binary,
            ['template', settings.releaseName, chartPath(v), '--namespace', settings.namespace, '--skip-tests', ...(kubeVersion ? ['--kube-version', kubeVersion] : []), ...v.files.flatMap((f) => ['--values', f])],
            home,
            settings.timeoutSeconds * 1000,
          ),
        ),
      ),
    );
    // One line per message: every variant failing alike (a missing dependency) is said once for the chart.
    const failures = new Map<string, string[]>();
    runs.forEach((run, i) => {
      if (!run.ok) failures.set(run.message, [...(failures.get(run.message) ?? []), variants[i].label]);
    });
    for (const [message, labels] of failures) {
      outcome.skipped.push(`not rendered: Helm chart ${chart.display}${labels.length < variants.length ? ` with ${labels.join(', ')}` : ''}: ${message}`);
    }
    runs.forEach((run, i) => {
      const v = variants[i];
      if (!run.ok) return;
      let model: YamlFileModel | undefined;
      const rendered = () => (model ??= parseYaml(run.stdout));
      outcome.sources.push({
        renderer: 'helm',
        group: chart.display,
        variant: v.label,
        text: run.stdout,
        covers,
        map: helmMapper(chart, ctx.cwd, v, rendered, files),
        fallback: { file: toDisplayPath(ctx.cwd, join(chart.dir, CHART_FILE)), range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
      });
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return outcome;
}

export const helmRenderer: Renderer = {
  name: 'helm',
  start(ctx) {
    const settings = ctx.config.helm;
    const notices: string[] = [];
    const skipped: string[] = [];
    if (settings.render === 'never') return { jobs: [], notices, skipped };
    const charts = findCharts(ctx.files, ctx.cwd, notices);
    if (!charts.length) return { jobs: [], notices, skipped };
    let binary = findHelm(settings.binary, ctx.cwd);
    let why = settings.binary ? `helm.binary ${visible(settings.binary)} cannot be run` : 'helm is not on PATH';
    // A configured binary comes from a file of the repository: one inside the linted tree is never run.
    if (binary && settings.binary && insideLintedTree(binary, [ctx.cwd, ...ctx.files.map((f) => f.root)])) {
      why = `helm.binary ${visible(settings.binary)} is inside the linted tree and is not run`;
      binary = undefined;
    }
    if (!binary) {
      if (settings.render === 'always') throw new ConfigError(`helm.render is always, but ${why}`);
      const n = charts.length;
      skipped.push(`not rendered: ${n} Helm chart${n > 1 ? 's' : ''} (${why}); their templates are not linted. Lint a chart with \`helm template <release> <chart> | genai-lint -\``);
      return { jobs: [], notices, skipped };
    }
    const jobs: RenderJob[] = charts.map((chart) => {
      const covers = ctx.files.filter((f) => coveredByChart(chart.dir, f)).map((f) => f.absPath);
      return { covers, result: renderChart(chart, covers, binary, settings, ctx) };
    });
    return { jobs, notices, skipped };
  },
};

/** Directories looked at, at most, when looking for the charts that piped output names. */
const MAX_CHART_SEARCH_DIRS = 5000;

/**
 * Charts under `cwd` by name (Chart.yaml `name:`), for piped `helm template`
 * output: a bounded walk that skips hidden directories and node_modules.
 */
export function chartsByName(cwd: string): Map<string, Chart> {
  const out = new Map<string, Chart>();
  const queue = [cwd];
  let seen = 0;
  while (queue.length && seen < MAX_CHART_SEARCH_DIRS) {
    const dir = queue.shift()!;
    seen++;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries.some((e) => e.isFile() && e.name === CHART_FILE)) {
      const meta = readChartYaml(dir, cwd);
      if (meta && typeof meta.name === 'string' && !out.has(meta.name)) out.set(meta.name, { dir, display: toDisplayPath(cwd, dir), name: meta.name, root: cwd });
    }
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') queue.push(join(dir, e.name));
    }
  }
  return out;
}

/**
 * Piped `helm template` output whose `# Source:` names a chart of the
 * working tree: its findings land on that chart's templates, at the line of
 * the key (the values it was rendered with are unknown: no values file is
 * named). Documents of other charts keep their `# Source:` path.
 */
export function pipedHelmSource(text: string, displayPath: string, cwd: string, charts: ReadonlyMap<string, Chart>): RenderedSource | undefined {
  const names = new Set<string>();
  for (const m of text.matchAll(/^#\s*Source:\s*([^/\s]+)\//gm)) names.add(m[1]);
  const used = [...names].filter((n) => charts.has(n));
  if (!used.length) return undefined;
  let model: YamlFileModel | undefined;
  const rendered = () => (model ??= parseYaml(text));
  const mappers = new Map(used.map((n) => {
    const chart = charts.get(n)!;
    return [n, helmMapper(chart, cwd, { label: 'piped', files: [] }, rendered, new ChartFiles(chart.root), false)];
  }));
  return {
    renderer: 'helm',
    group: displayPath,
    variant: 'piped',
    text,
    covers: [],
    fallback: { file: displayPath, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
    map: (doc, pointer, range) => {
      const mapper = doc.source ? mappers.get(doc.source.split('/')[0]) : undefined;
      const mapped = mapper?.(doc, pointer, range);
      if (mapped) return mapped;
      // As written: the template the document names, lines counted within the document.
      if (!doc.source) return { file: displayPath, range };
      const shift = doc.contentLine - 1;
      return { file: doc.source, range: { start: { line: range.start.line - shift, column: range.start.column }, end: { line: Math.max(1, range.end.line - shift), column: range.end.column } } };
    },
  };
}
