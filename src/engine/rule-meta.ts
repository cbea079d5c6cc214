/** What a rule says about itself: the metadata config, docs and formats read (no check, no context). */
import type { Severity } from '../types.js';

/** `engine` ids are reported by the pipeline itself (parse errors, suppressions). */
export type RuleTarget = 'dockerfile' | 'k8s' | 'compose' | 'policy' | 'engine';

export type RulePreset = 'recommended' | 'strict';

/** A rule describes itself: docs, remediation and options live beside its check. */
export interface RuleMeta {
  /** `<target>/<name>`; fixed, it appears in output and suppressions. */
  id: string;
  target: RuleTarget;
  severity: Severity;
  /**
   * The preset that turns the rule on: `recommended` (the default) rules are
   * on unless configured off; `strict` rules are off until the
   * `genai-lint:strict` preset or the config enables them, at `severity`.
   */
  preset?: RulePreset;
  /** One line: what it catches. */
  summary: string;
  /** Why it matters: the failure it prevents. */
  rationale: string;
  /** How to fix it, in general. */
  fix: string;
  /**
   * What --fix does for this rule's findings, when it fixes some: whether
   * the fix is `safe` (applied by --fix), `unsafe` (only with
   * --unsafe-fixes), or `mixed` (safe in some cases, said in `description`).
   */
  autofix?: { applicability: 'safe' | 'unsafe' | 'mixed'; description: string };
  /** JSON Schema of the rule's options object. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** Kubernetes kinds the rule looks at; all objects when absent. */
  kinds?: readonly string[];
  /**
   * For the docs, when the rule looks at all objects and picks its own (any
   * object with a pod template): what it applies to, in words (Markdown).
   */
  scope?: string;
  /**
   * Kinds the rule looks up in the run-wide index (other objects, other
   * files). Worker threads share only these kinds with each other.
   */
  indexKinds?: readonly string[];
  /**
   * The rule judges only values an object sets (a tag, a secret, a flag), so
   * it also runs on kustomize patches, which are partial objects. Rules that
   * report something missing leave this unset: the base may set it.
   */
  judgesPatches?: boolean;
  /**
   * For security rules: GitHub code scanning's `security-severity` (0.1-10;
   * over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium), written to SARIF.
   */
  securitySeverity?: number;
}
