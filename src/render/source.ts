/**
 * Rendered sources: what a renderer (helm template, kustomize build) hands
 * the engine. A rendered source is the multi-document YAML a renderer wrote,
 * linted as one complete release of its own (its own object index), plus a
 * way back from each finding in it to the repository file where the fix
 * belongs. Several variants of one group (a chart's values files, the
 * overlays over one base) are linted one by one; `mergeVariants` then
 * reports a finding they share once.
 */
import type { DiscoveredFile } from '../discover.js';
import type { EffectiveConfig } from '../config/index.js';
import type { Finding, RelatedLocation, SourceRange } from '../types.js';

export type { RelatedLocation } from '../types.js';

/** A place in a repository file: display path (relative to the run's cwd, forward slashes) and range. */
export interface RepoLocation {
  file: string;
  range: SourceRange;
}

/** Where a finding of a rendered source lands, with the other places that explain it (a values file line). */
export interface MappedLocation extends RepoLocation {
  related?: RelatedLocation[];
  /**
   * The finding is about a placeholder the installer fills (an empty value a
   * chart's values leave to be set): not judged; the finding is dropped.
   */
  placeholder?: boolean;
  /**
   * The finding is not about the repository's own content, so it is dropped:
   * a value made at install time (`randAlphaNum`, `genPrivateKey`, `lookup`),
   * or an object of a dependency chart packaged as an archive (charts/*.tgz),
   * which is someone else's code, as vendored trees are.
   */
  notOwn?: 'generated' | 'packaged dependency';
}

/** A document of the rendered text, as the engine hands it to a mapper. */
export interface RenderedDocument {
  /** 0-based position among the documents of the rendered text. */
  index: number;
  /** Lines of the document in the rendered text (1-based). */
  range: SourceRange;
  /** The document as parsed (undefined when it does not parse). */
  value: unknown;
  /** The path of its `# Source:` comment (helm template writes one per document). */
  source?: string;
  /** Line of the rendered text where the document's content starts, after its `---` and `# Source:` lines. */
  contentLine: number;
}

/**
 * Maps a finding of a rendered document to a repository file.
 * `pointer` is the JSON pointer of the node the finding is about, within the
 * document (undefined when the rule gave only a range); `range` is the
 * finding's range in the rendered text. Undefined: the source's fallback.
 */
export type RenderedMapper = (doc: RenderedDocument, pointer: string | undefined, range: SourceRange) => MappedLocation | undefined;

export interface RenderedSource {
  /** Which renderer wrote it; shown in notices. */
  renderer: 'helm' | 'kustomize';
  /**
   * Variants of one group are merged after linting (a chart directory, a
   * kustomize base): display path of what the group renders.
   */
  group: string;
  /** This variant's name, used in messages: `values.yaml`, `ci/gpu-values.yaml`, `overlays/prod`. */
  variant: string;
  /** The rendered multi-document YAML. */
  text: string;
  /** Absolute paths of the repository files this render covers: judged through it, never alone. */
  covers: readonly string[];
  /** Where each finding lands. */
  map: RenderedMapper;
  /** Where a finding the mapper cannot place lands (the chart's Chart.yaml, the kustomization file). */
  fallback: RepoLocation;
  /**
   * Variants merge by place (rule, file, range) whatever their messages say,
   * and name every variant that reached the place: overlays rename objects
   * (`namePrefix`), so one base line yields messages that differ only in names.
   */
  mergeByPlace?: boolean;
  /**
   * The text of a repository file findings were mapped to (by display
   * path), for its suppression comments: for renders that drop comments.
   */
  repositoryText?: (file: string) => string | undefined;
}

/** What a renderer sees of the run. */
export interface RenderContext {
  cwd: string;
  /** Every file discovery found (explicit ones are those named on the command line: pre-commit mode). */
  files: readonly DiscoveredFile[];
  /** Whether paths were named as files (pre-commit mode): only the roots those files belong to are rendered. */
  explicitOnly: boolean;
  config: EffectiveConfig;
  /** The run's one bound on renders at once, shared by every renderer (see tools.ts). */
  limit: <T>(job: () => Promise<T>) => Promise<T>;
}

/** The outcome of one render job. */
export interface RenderOutcome {
  /** One per variant; none when the render failed. */
  sources: RenderedSource[];
  /** One-line notes for --verbose. */
  notices: string[];
  /** What was not linted and could hide findings (printed by default): a failed render, a missing renderer. */
  skipped: string[];
}

/**
 * One root to render. `covers` is known before rendering (its files are kept
 * out of the rest of the run); when the render yields no source, the
 * covered files are linted alone instead.
 */
export interface RenderJob {
  covers: readonly string[];
  result: Promise<RenderOutcome>;
}

/** A renderer: finds its roots among the run's files and starts rendering them (concurrently with the rest of the run). */
export interface Renderer {
  name: string;
  start(ctx: RenderContext): { jobs: RenderJob[]; notices: string[]; skipped: string[] };
}

/** Findings of one rendered variant, after mapping. */
export interface VariantFindings {
  group: string;
  variant: string;
  findings: Finding[];
  /** See RenderedSource.mergeByPlace. */
  byPlace?: boolean;
}

function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;
}

function keyOf(f: Finding, byPlace = false): string {
  const r = f.range;
  return `${f.ruleId}\u0000${f.file}\u0000${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}${byPlace ? '' : `\u0000${f.message}`}`;
}

/**
 * Findings of the variants of each group, merged: the same rule, file,
 * range and message is reported once; when only some variants of its group
 * have it, its message names them. Also merges findings that one variant
 * reports twice at the same place (two documents rendered from one template).
 */
export function mergeVariants(lists: readonly VariantFindings[]): Finding[] {
  const variantsOf = new Map<string, string[]>();
  for (const l of lists) {
    const list = variantsOf.get(l.group) ?? [];
    if (!list.includes(l.variant)) list.push(l.variant);
    variantsOf.set(l.group, list);
  }
  const merged = new Map<string, { finding: Finding; group: string; variants: string[]; byPlace?: boolean }>();
  for (const l of lists) {
    for (const f of l.findings) {
      const key = `${l.group}\u0000${keyOf(f, l.byPlace)}`;
      const seen = merged.get(key);
      if (!seen) merged.set(key, { finding: f, group: l.group, variants: [l.variant], byPlace: l.byPlace });
      else {
        if (!seen.variants.includes(l.variant)) seen.variants.push(l.variant);
        // Related places found by one variant only (a value set in its own values file) are kept too.
        for (const r of f.related ?? []) {
          const list = (seen.finding.related ??= []);
          if (!list.some((x) => x.file === r.file && sameRange(x.range, r.range))) list.push(r);
        }
      }
    }
  }
  const out: Finding[] = [];
  for (const { finding, group, variants, byPlace } of merged.values()) {
    const all = variantsOf.get(group)!;
    if (variants.length < all.length) finding.message = `${finding.message} (only with ${variants.join(', ')})`;
    else if (byPlace && variants.length > 1) finding.message = `${finding.message} (with ${variants.join(', ')})`;
    out.push(finding);
  }
  return out;
}
