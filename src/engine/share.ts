/**
 * One thread's share of a parallel run. The main thread and every worker run
 * the same two phases over a common job list; which thread takes which file
 * is decided at run time through counters in shared memory, so a thread that
 * is faster (or started earlier) simply takes more files.
 *
 *   1. Parse: take YAML files in chunks and parse them, keeping the results.
 *   2. After the threads have exchanged the Kubernetes objects that rules
 *      look up across files: lint the files this thread parsed, then take
 *      Dockerfiles in chunks (they need nothing from other files) and lint
 *      them. Dockerfiles come last so that they fill the time of whichever
 *      thread finishes its own files first.
 */
import type { DiscoveredFile } from '../discover.js';
import type { KubeObject } from '../parse/kube.js';
import { NodeTable } from '../parse/yaml.js';
import { TextIndex } from '../text.js';
import type { Finding } from '../types.js';
import { isRuleEnabled } from '../config/index.js';
import type { EffectiveConfig } from '../config/index.js';
import type { RunFacts } from './run-facts.js';
import type { AnyRule } from './rule.js';
import { RunIndex } from './run-index.js';
import { lintParsed } from './runner.js';
import { parseFiles } from './parse-file.js';
import type { ParsedFile } from './parse-file.js';
import type { FoundSecret, InternalError } from './run-result.js';

/** Files taken from the shared job list at a time. */
const YAML_CHUNK = 8;
const DOCKERFILE_CHUNK = 4;

/** Slots of the shared counters. */
const NEXT_YAML = 0;
const NEXT_DOCKERFILE = 1;
const COUNTER_SLOTS = 2;

/** The work of a parallel run, the same for every thread. */
export interface SharedJobs {
  files: DiscoveredFile[];
  /** Indices (into `files`) of the files parsed in phase 1, in run order. */
  yamlJobs: number[];
  /** Indices of the Dockerfiles, linted in phase 2. */
  dockerfileJobs: number[];
  /** Int32 counters over a SharedArrayBuffer: the next job of each list. */
  counters: SharedArrayBuffer;
}

/** A Kubernetes object as it crosses threads: what other files' rules need to know of it. */
export interface ObjectSummary {
  fileIndex: number;
  objectIndex: number;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  raw: Record<string, unknown>;
  file: string;
  contextOnly: boolean;
}

/** What one thread found, to be merged in run order with the others'. */
export interface ShareResult {
  findings: Finding[];
  /** Files linted, with their index in the run. */
  checked: { index: number; file: string }[];
  objectsChecked: number;
  notices: string[];
  /** Parts of files not linted (see RunResult.skipped). */
  skipped: string[];
  /** Rule failures, with the index of the file they happened on. */
  internalErrors: { index: number; error: InternalError }[];
  /** Files named on the command line that could not be read. */
  unreadable: { index: number; file: string }[];
  secrets: FoundSecret[];
}

/** An object of another thread's file: enough for cross-object rules, never reported on. */
export function objectFromSummary(s: ObjectSummary): KubeObject {
  return {
    apiVersion: s.apiVersion,
    kind: s.kind,
    name: s.name,
    namespace: s.namespace,
    raw: s.raw,
    file: s.file,
    basePath: '',
    contextOnly: true,
    document: {
      index: 0,
      value: s.raw,
      locations: NodeTable.EMPTY,
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      errors: [],
      warnings: [],
      source: undefined,
      contentLine: 1,
      textIndex: TextIndex.EMPTY,
    },
  };
}

export class Share {
  private readonly counters: Int32Array;
  private readonly own: { index: number; parsed: ParsedFile }[] = [];
  private readonly parseNotices: string[] = [];
  /** Kinds that enabled rules look up across objects: the only ones other threads need. */
  private readonly sharedKinds: Set<string>;

  constructor(
    private readonly jobs: SharedJobs,
    private readonly config: EffectiveConfig,
    private readonly facts: RunFacts,
    private readonly rules: readonly AnyRule[],
  ) {
    this.counters = new Int32Array(jobs.counters);
    this.sharedKinds = new Set(rules.filter((r) => isRuleEnabled(config, r.meta)).flatMap((r) => r.meta.indexKinds ?? []));
  }

  /** The work of a parallel run over `files`, with fresh counters. */
  static jobsFor(files: readonly DiscoveredFile[]): SharedJobs {
    const jobs: SharedJobs = { files: [...files], yamlJobs: [], dockerfileJobs: [], counters: new SharedArrayBuffer(COUNTER_SLOTS * Int32Array.BYTES_PER_ELEMENT) };
    files.forEach((f, i) => (f.kind === 'dockerfile' ? jobs.dockerfileJobs : jobs.yamlJobs).push(i));
    return jobs;
  }

  /** Takes chunks of `list` through counter `slot` until none is left. */
  private *take(slot: number, list: readonly number[], chunk: number): Generator<number[]> {
    for (;;) {
      const start = Atomics.add(this.counters, slot, chunk);
      if (start >= list.length) return;
      yield list.slice(start, start + chunk);
    }
  }

  /** Phase 1: parses YAML files until the shared list is exhausted (or `maxChunks` are taken). */
  parse(maxChunks = Infinity): void {
    let taken = 0;
    for (const chunk of this.take(NEXT_YAML, this.jobs.yamlJobs, YAML_CHUNK)) {
      const parsed = parseFiles(
        chunk.map((i) => this.jobs.files[i]),
        this.config,
        this.facts,
        this.parseNotices,
      );
      parsed.forEach((p, k) => this.own.push({ index: chunk[k], parsed: p }));
      if (++taken >= maxChunks) return;
    }
  }

  /** The objects of this thread's files that other threads' rules may look up. */
  summaries(): ObjectSummary[] {
    const out: ObjectSummary[] = [];
    for (const { index: fileIndex, parsed } of this.own) {
      parsed.objects.forEach((o, objectIndex) => {
        if (!this.sharedKinds.has(o.kind)) return;
        out.push({ fileIndex, objectIndex, apiVersion: o.apiVersion, kind: o.kind, name: o.name, namespace: o.namespace, raw: o.raw as Record<string, unknown>, file: o.file, contextOnly: o.contextOnly });
      });
    }
    return out;
  }

  /**
   * Phase 2: lints this thread's files against the objects of the whole run
   * (its own, with source positions, and `others`), then Dockerfiles until
   * none is left.
   */
  lint(others: readonly ObjectSummary[]): ShareResult {
    // The index lists objects in run order, as a one-thread run does.
    const ordered: { fileIndex: number; objectIndex: number; object: KubeObject }[] = [];
    for (const { index: fileIndex, parsed } of this.own) {
      parsed.objects.forEach((object, objectIndex) => ordered.push({ fileIndex, objectIndex, object }));
    }
    for (const s of others) ordered.push({ fileIndex: s.fileIndex, objectIndex: s.objectIndex, object: objectFromSummary(s) });
    ordered.sort((a, b) => a.fileIndex - b.fileIndex || a.objectIndex - b.objectIndex);
    const index = new RunIndex(ordered.map((o) => o.object));
    ordered.length = 0;

    const result: ShareResult = { findings: [], checked: [], objectsChecked: 0, notices: [...this.parseNotices], skipped: [], internalErrors: [], unreadable: [], secrets: [] };
    this.lintFiles(this.own, index, result);
    this.own.length = 0;
    for (const chunk of this.take(NEXT_DOCKERFILE, this.jobs.dockerfileJobs, DOCKERFILE_CHUNK)) {
      const parsed = parseFiles(
        chunk.map((i) => this.jobs.files[i]),
        this.config,
        this.facts,
        result.notices,
      );
      this.lintFiles(
        parsed.map((p, k) => ({ index: chunk[k], parsed: p })),
        index,
        result,
      );
    }
    return result;
  }

  private lintFiles(files: readonly { index: number; parsed: ParsedFile }[], index: RunIndex, into: ShareResult): void {
    if (!files.length) return;
    const parsed = files.map((f) => f.parsed);
    const r = lintParsed(parsed, index, this.config, this.rules, this.facts);
    const linted = files.filter((f) => !f.parsed.file.contextOnly);
    linted.forEach((f, i) => into.checked.push({ index: f.index, file: r.checkedFiles[i] }));
    into.findings.push(...r.findings);
    into.objectsChecked += r.objectsChecked;
    into.notices.push(...r.notices);
    into.skipped.push(...r.skipped);
    into.secrets.push(...r.secrets);
    const indexOf = new Map(files.map((f) => [f.parsed.file.displayPath, f.index]));
    for (const error of r.internalErrors) into.internalErrors.push({ index: indexOf.get(error.file) ?? -1, error });
    for (const f of files) if (f.parsed.file.readFailed) into.unreadable.push({ index: f.index, file: f.parsed.file.displayPath });
  }
}
