/**
 * Phase 2, lint: the rules over parsed files, with every object of the run in
 * an index; then suppressions, rendered-output mapping, configured
 * severities, fixes and fingerprints. The phases before it live in
 * sources.ts and parse-file.ts, the results' shape in run-result.ts.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isGitIgnored, NOT_READ } from '../discover.js';
import { outsideRoot, readTreeFile } from '../safe-read.js';
import { missingFromProblem, parseDockerfile } from '../parse/dockerfile.js';
import { NodeTable } from '../parse/yaml.js';
import { parseDotenv } from '../parse/dotenv.js';
import type { YamlDocumentModel } from '../parse/yaml.js';
import { locateInDocument, locateInObject } from '../parse/kube.js';
import type { KubeObject, LocationPart } from '../parse/kube.js';
import { TextIndex } from '../text.js';
import type { Autofix, Finding, FindingFix, Severity, SourceRange } from '../types.js';
import { normalizedEdits } from '../fix/edits.js';
import { YamlEditor } from '../fix/yaml-edit.js';
import { DockerfileEditor } from '../fix/dockerfile-edit.js';
import { compareFindings } from '../types.js';
import { isRuleEnabled } from '../config/index.js';
import type { EffectiveConfig } from '../config/index.js';
import { ENGINE_RULES } from './rule.js';
import type { AnyRule, BuildContextRequest, ComposeRule, DockerfileRule, K8sRule, PolicyRule, Report, K8sReport } from './rule.js';
import { scanBuildContext } from './build-context.js';
import { KubeSchemaValidator } from './kube-schema.js';
import type { BuildContextInfo } from './build-context.js';
import { RunIndex } from './run-index.js';
import { applySuppressions, dockerfileSuppressions, yamlSuppressions } from './suppressions.js';
import { DEFAULT_FILE_LIMITS, FileWatchdog, TooComplexError } from './watchdog.js';
import type { FileLimits } from './watchdog.js';
import type { RunFacts } from './run-facts.js';
import type { Suppression } from './suppressions.js';
import type { FoundSecret, InternalError, RunResult } from './run-result.js';
import type { SourceInput } from './sources.js';
import { fileFailure, FIRST_LINE, markKustomized, parseSource, withBuildContexts } from './parse-file.js';
import type { ParsedFile } from './parse-file.js';
import { assignFingerprints, dockerfileLocator } from './fingerprints.js';
import { mapRenderedFinding, mapToTemplateSource, RENDERED_NOT_FIXABLE, suppressedInRepository } from './rendered-findings.js';

export interface SourcesInput {
  sources: readonly SourceInput[];
  config: EffectiveConfig;
  rules: readonly AnyRule[];
  /** Facts of the whole run (kustomizations, Compose build contexts); files among `sources` add their own. */
  facts?: RunFacts;
  limits?: FileLimits;
}

/**
 * A reported fix as a finding carries it: edits in order, each with the range
 * it replaces. None when the text the rule saw is not the file's text (a
 * file read with its CustomResourceDefinitions blanked or its quoted
 * continuations re-indented) or when the edits overlap.
 */
function findingFix(autofix: Autofix | undefined, index: TextIndex, fixable: boolean): FindingFix | undefined {
  if (!autofix || !fixable) return undefined;
  const edits = normalizedEdits(autofix.edits, index.text.length);
  if (!edits?.length) return undefined;
  return {
    applicability: autofix.applicability,
    edits: edits.map((e) => ({ start: e.start, end: e.end, text: e.text, range: { start: index.positionAt(e.start), end: index.positionAt(e.end) } })),
  };
}

/** A document without its source positions, once its file has been linted. */
function releasedDocument(doc: KubeObject['document']): KubeObject['document'] {
  return { ...doc, locations: NodeTable.EMPTY, textIndex: TextIndex.EMPTY };
}

/** Parses and lints inputs already in memory (files read, stdin, test snippets). */
export function lintSources(input: SourcesInput): RunResult {
  const notices: string[] = [];
  const watchdog = new FileWatchdog(input.limits);
  const facts = input.facts ?? {};
  const parsedFiles = input.sources.map((f) => markKustomized(parseSource(f, notices, watchdog), facts.kustomize));
  const index = new RunIndex(parsedFiles.flatMap((p) => p.objects));
  const result = lintParsed(parsedFiles, index, input.config, input.rules, withBuildContexts(facts, parsedFiles), input.limits);
  return { ...result, notices: [...notices, ...result.notices] };
}

/** Phase 2: run the rules over parsed files, with every object of the run in `index`. */
export function lintParsed(
  parsedFiles: readonly ParsedFile[],
  index: RunIndex,
  config: EffectiveConfig,
  rules: readonly AnyRule[],
  facts: RunFacts = {},
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): RunResult {
  const input = { config, rules };
  const notices: string[] = [];
  const enabled = input.rules.filter((r) => isRuleEnabled(config, r.meta));
  // Policy rules contribute one check per file type, under their one id.
  const policies = enabled.filter((r): r is PolicyRule => r.meta.target === 'policy');
  const dockerRules: DockerfileRule[] = [
    ...enabled.filter((r): r is DockerfileRule => r.meta.target === 'dockerfile'),
    ...policies.filter((r) => r.dockerfile).map((r) => ({ meta: { ...r.meta, target: 'dockerfile' as const }, check: r.dockerfile!.bind(r) })),
  ];
  const k8sRules: K8sRule[] = [
    ...enabled.filter((r): r is K8sRule => r.meta.target === 'k8s'),
    ...policies.filter((r) => r.k8s).map((r) => ({ meta: { ...r.meta, target: 'k8s' as const }, check: r.k8s!.bind(r) })),
  ];
  const composeRules: ComposeRule[] = [
    ...enabled.filter((r): r is ComposeRule => r.meta.target === 'compose'),
    ...policies.filter((r) => r.compose).map((r) => ({ meta: { ...r.meta, target: 'compose' as const }, check: r.compose!.bind(r) })),
  ];
  const knownIds = new Set([...input.rules.map((r) => r.meta.id), ...ENGINE_RULES.map((r) => r.id)]);
  const enabledIds = new Set([...enabled.map((r) => r.meta.id), ...ENGINE_RULES.map((r) => r.id)]);

  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];
  const secrets: FoundSecret[] = [];
  const skipped: string[] = [];
  const contextCache = new Map<string, BuildContextInfo>();
  const locators = new WeakMap<Finding, string>();
  // Findings of rendered sources: the document and node each is about, for the source's mapper.
  const placed = new WeakMap<Finding, { doc: YamlDocumentModel; pointer: string | undefined }>();
  let schemaValidator: KubeSchemaValidator | undefined;
  const noted = new Set<string>();
  const noteOnce = (n: string) => {
    if (noted.has(n)) return;
    noted.add(n);
    notices.push(n);
  };
  const ruleNotice = (ruleId: string, file: string) => (message: string, range?: SourceRange) =>
    noteOnce(`${file}${range ? `:${range.start.line}` : ''}: ${ruleId}: ${message}`);
  let filesChecked = 0;
  let objectsChecked = 0;
  const checkedFiles: string[] = [];

  const optionsOf = (meta: AnyRule['meta']) => config.rules.get(meta.id)?.options ?? meta.defaultOptions ?? {};
  const severityOf = (ruleId: string, own: Severity): Severity | undefined => {
    const setting = config.rules.get(ruleId);
    if (setting?.severity === 'off') return undefined;
    return setting?.configured ? (setting.severity as Severity) : own;
  };

  const watchdog = new FileWatchdog(limits);
  const guarded = (ruleId: string, file: string, range: SourceRange, run: () => void, out: Finding[]) => {
    watchdog.check();
    try {
      run();
    } catch (err) {
      // A file past its allowance stops as a whole (see the per-file guard below).
      if (err instanceof TooComplexError) throw err;
      const e = err as Error;
      internalErrors.push({ ruleId, file, message: e?.message ?? String(err), stack: e?.stack });
      out.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `rule ${ruleId} failed on this file: ${e?.message ?? String(err)}`,
        file,
        range,
      });
    }
  };

  for (const p of parsedFiles) {
    if (p.file.contextOnly) continue;
    filesChecked++;
    const display = p.file.displayPath;
    checkedFiles.push(display);
    skipped.push(...p.skipped);
    internalErrors.push(...(p.internalErrors ?? []));
    watchdog.start();
    try {
      findings.push(...lintFile(p));
    } catch (err) {
      findings.push(fileFailure(err, display, 'linting', internalErrors));
    }
    // Done with this file: keep its objects' data for other files' rules, release the rest.
    p.dockerfile = undefined;
    p.yaml = undefined;
    p.compose = undefined;
    p.file.text = undefined;
    for (const obj of p.objects) obj.document = releasedDocument(obj.document);
  }

  /** Rules, suppressions, template mapping and fingerprints of one file, under its watchdog. */
  function lintFile(p: ParsedFile): Finding[] {
    const display = p.file.displayPath;
    const raw: Finding[] = [...p.findings];
    let suppressions: Suppression[] = [];
    if (p.file.kind === 'dockerfile' && p.file.text !== undefined) {
      p.dockerfile = parseDockerfile(p.file.text);
      const noFrom = missingFromProblem(p.dockerfile);
      if (noFrom) raw.push({ ruleId: 'parse-error', severity: 'error', message: noFrom, file: display, range: FIRST_LINE });
    }
    watchdog.check(true);

    if (p.dockerfile) {
      const model = p.dockerfile;
      const locate = dockerfileLocator(model);
      const edit = new DockerfileEditor(model);
      const absPath = p.file.absPath;
      const buildContext = (req: BuildContextRequest): BuildContextInfo | undefined => {
        if (!absPath) return undefined;
        // An explicit option wins, then the context a Compose file in the run gives, then the Dockerfile's folder.
        const dir = req.dir !== undefined ? resolve(config.baseDir, req.dir) : (facts.buildContexts?.[absPath] ?? dirname(absPath));
        const key = `${dir}\u0000${absPath}\u0000${req.maxFiles}`;
        let info = contextCache.get(key);
        // A context is walked only inside the root the Dockerfile was found under (`build.context: ../..` is not).
        const outside = p.file.root ? outsideRoot(dir, p.file.root) : undefined;
        if (outside) {
          noteOnce(`${NOT_READ}build context of ${display}: ${outside}`);
          return undefined;
        }
        if (!info) {
          const root = p.file.root;
          info = scanBuildContext(dir, absPath, req.maxFiles, root, (f, why) => noteOnce(`${NOT_READ}${f === join(dir, '.dockerignore') ? '.dockerignore of the build context' : basename(f)} of ${display}: ${why}`));
          contextCache.set(key, info);
        }
        return info;
      };
      for (const rule of dockerRules) {
        guarded(rule.meta.id, display, FIRST_LINE, () =>
          rule.check({
            model,
            file: display,
            buildContext,
            edit,
            options: optionsOf(rule.meta),
            settings: config.settings,
            notice: ruleNotice(rule.meta.id, display),
            report: (r: Report) => {
              if (r.secrets) for (const value of r.secrets) secrets.push({ file: display, value });
              const f: Finding = { ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, message: r.message, file: display, range: r.range, fix: r.fix };
              const autofix = findingFix(r.autofix, model.index, model.text === p.file.text);
              if (autofix) f.autofix = autofix;
              locators.set(f, locate(r.range));
              raw.push(f);
            },
          }),
        raw);
      }
      suppressions = dockerfileSuppressions(model);
    } else if (p.compose) {
      const model = p.compose;
      const doc = model.document;
      const at = (path: string, part: LocationPart = 'key') => locateInDocument(doc, path, part);
      const absDir = p.file.absPath ? dirname(p.file.absPath) : undefined;
      const edit = new YamlEditor(doc);
      for (const rule of composeRules) {
        guarded(rule.meta.id, display, FIRST_LINE, () =>
          rule.check({
            model,
            file: display,
            options: optionsOf(rule.meta),
            settings: config.settings,
            notice: ruleNotice(rule.meta.id, display),
            locate: at,
            edit,
            locateText: (path, needle) => {
              const within = at(path, 'value');
              return doc.textIndex.find(needle, within) ?? within;
            },
            pathStatus: (rel) => {
              if (!absDir) return undefined;
              const abs = resolve(absDir, rel);
              const exists = existsSync(abs);
              const text = exists ? readTreeFile(abs, p.file.root ?? absDir) : undefined;
              return { exists, gitIgnored: isGitIgnored(abs), envEntries: text === undefined ? undefined : parseDotenv(text) };
            },
            report: (r: K8sReport) => {
              if (r.secrets) for (const value of r.secrets) secrets.push({ file: display, value });
              const range = r.range ?? at(r.path ?? '', r.part ?? 'key');
              const f: Finding = { ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, message: r.message, file: display, range, fix: r.fix };
              const autofix = findingFix(r.autofix, doc.textIndex, doc.textIndex.text === p.file.text);
              if (autofix) f.autofix = autofix;
              locators.set(f, r.path !== undefined ? `compose#${r.path}` : doc.textIndex.lineText(range.start.line).trim());
              raw.push(f);
            },
          }),
        raw);
      }
    }
    if (p.yaml && p.objects.length) {
      for (const obj of p.objects) {
        objectsChecked++;
        let editor: YamlEditor | undefined;
        for (const rule of k8sRules) {
          if (rule.meta.kinds && !rule.meta.kinds.includes(obj.kind)) continue;
          // A patch is a partial object: only rules that judge what is written run on it, never what is missing.
          if (obj.patch && !rule.meta.judgesPatches) continue;
            const objRange = locateInObject(obj, '', 'key');
          guarded(rule.meta.id, display, objRange, () =>
            rule.check({
              object: obj,
              index,
              file: display,
              options: optionsOf(rule.meta),
              settings: config.settings,
              notice: ruleNotice(rule.meta.id, display),
              locate: (path, part) => locateInObject(obj, path, part),
              get edit() {
                return (editor ??= new YamlEditor(obj.document, obj.basePath));
              },
              validateSchema: (apiVersion = obj.apiVersion) => {
                schemaValidator ??= new KubeSchemaValidator(config.settings.kubernetesVersion, config.settings.customSchemas);
                if (schemaValidator.version !== config.settings.kubernetesVersion) {
                  noteOnce(`no schemas bundled for Kubernetes ${config.settings.kubernetesVersion}; validating against ${schemaValidator.version}`);
                }
                const problems = schemaValidator.validate(apiVersion, obj.kind, apiVersion === obj.apiVersion ? obj.raw : { ...obj.raw, apiVersion }, { partial: obj.patch });
                if (!problems && apiVersion === obj.apiVersion) noteOnce(`no schema for ${obj.apiVersion} ${obj.kind}; not validated (add one under \`schemas:\` in the config)`);
                return problems;
              },
              locateText: (path, needle) => {
                const within = locateInObject(obj, path, 'value');
                return obj.document.textIndex.find(needle, within) ?? within;
              },
              report: (r: K8sReport) => {
                if (r.secrets) for (const value of r.secrets) secrets.push({ file: display, value });
                const range = r.range ?? locateInObject(obj, r.path ?? '', r.part ?? 'key');
                const f: Finding = { ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, message: r.message, file: display, range, fix: r.fix };
                const autofix = findingFix(r.autofix, obj.document.textIndex, obj.document.textIndex.text === p.file.text);
                if (autofix) f.autofix = autofix;
                const id = `${obj.kind}/${obj.namespace ?? ''}/${obj.name ?? ''}`;
                locators.set(f, r.path !== undefined ? `${id}#${r.path}` : `${id}#${obj.document.textIndex.lineText(range.start.line).trim()}`);
                if (p.file.rendered) placed.set(f, { doc: obj.document, pointer: r.path !== undefined || !r.range ? obj.basePath + (r.path ?? '') : undefined });
                raw.push(f);
              },
            }),
          raw);
        }
      }
    }
    watchdog.check(true);
    if (p.yaml) suppressions = yamlSuppressions(p.yaml, p.objects);

    let { kept, unused } = applySuppressions(raw, suppressions, display, knownIds, enabledIds);
    if (p.yaml && p.file.mapTemplateSources) {
      for (const f of [...kept, ...unused]) {
        // A finding without a locator is fingerprinted by its line: the line of the rendered stream, read before the mapping.
        if (!locators.has(f)) locators.set(f, p.yaml.index.lineText(f.range.start.line).trim());
        mapToTemplateSource(f, p.yaml);
        if (f.file !== display && f.autofix) {
          delete f.autofix;
          f.fix = f.fix ? `${f.fix} ${RENDERED_NOT_FIXABLE}` : RENDERED_NOT_FIXABLE;
        }
      }
      // The secrets of the rendered stream belong to every template its findings now name.
      const found = secrets.filter((s) => s.file === display);
      for (const file of new Set([...kept, ...unused].map((f) => f.file))) {
        if (file !== display) for (const s of found) secrets.push({ file, value: s.value });
      }
    }
    if (p.yaml && p.file.rendered) {
      const rendered = p.file.rendered;
      const placeholders = new Set<Finding>();
      for (const f of [...kept, ...unused]) {
        if (!locators.has(f)) locators.set(f, p.yaml.index.lineText(f.range.start.line).trim());
        const notJudged = mapRenderedFinding(f, p.yaml, rendered, placed.get(f));
        if (notJudged) {
          placeholders.add(f);
          if (notJudged === 'packaged dependency') noteOnce(`${rendered.group}: findings in dependencies packaged as archives (charts/*.tgz) are not judged: they are the dependency's own`);
        }
        // The rendered text is not a file: its edits would land nowhere.
        if (f.autofix) {
          delete f.autofix;
          f.fix = f.fix ? `${f.fix} ${RENDERED_NOT_FIXABLE}` : RENDERED_NOT_FIXABLE;
        }
      }
      if (placeholders.size) {
        kept = kept.filter((f) => !placeholders.has(f));
        unused = unused.filter((f) => !placeholders.has(f));
      }
      // A render that drops comments: the suppression comments of the files findings now name still count.
      if (rendered.repositoryText) kept = suppressedInRepository(kept, display, rendered.repositoryText, knownIds, enabledIds);
      const found = secrets.filter((s) => s.file === display);
      const files = new Set([...kept, ...unused].flatMap((f) => [f.file, ...(f.related ?? []).map((r) => r.file)]));
      for (const file of files) {
        if (file !== display) for (const s of found) secrets.push({ file, value: s.value });
      }
    }
    const fileFindings: Finding[] = [];
    for (const f of [...kept, ...unused]) {
      const severity = severityOf(f.ruleId, f.severity);
      if (!severity) continue;
      f.severity = severity;
      fileFindings.push(f);
    }
    fileFindings.sort(compareFindings);
    assignFingerprints(fileFindings, locators, p.file.text ?? '');
    return fileFindings;
  }

  findings.sort(compareFindings);
  return { findings, filesChecked, checkedFiles, objectsChecked, missingPaths: [], notices, skipped, internalErrors, secrets };
}

