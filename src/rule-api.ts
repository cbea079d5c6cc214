/**
 * The one module rules import: how to define a rule, what its check receives
 * and reports, the models it reads, and the small helpers every rule needs.
 * Rules never reach into the engine, the parsers or the formats directly.
 */
export { defineDockerfileRule, defineK8sRule, defineComposeRule, definePolicyRule, safeFix, unsafeFix, allEdits } from './engine/rule.js';
export type {
  AnyRule,
  BuildContextRequest,
  ComposeContext,
  ComposeRule,
  DockerfileContext,
  DockerfileRule,
  K8sContext,
  K8sReport,
  K8sRule,
  PolicyRule,
  Report,
  RuleMeta,
  RuleTarget,
} from './engine/rule.js';
export type { RunSettings, EffectiveConfig, CustomPolicy } from './config/index.js';
export type { ContextFile } from './engine/build-context.js';
export type { RunIndex } from './engine/run-index.js';
export { sameNamespace } from './engine/run-index.js';
export type { Finding, Severity, SourceRange, Position, Autofix, TextEdit } from './types.js';
export type { YamlEditor } from './fix/yaml-edit.js';
export type { DockerfileEditor } from './fix/dockerfile-edit.js';
export { yamlScalar } from './fix/yaml-edit.js';

// Models and their helpers.
export type { KubeObject, LocationPart } from './parse/kube.js';
export { isRecord } from './values.js';
export { joinPointer, lastField, pointerSegment, splitPointer, unescapeSegment, valueAtPointer } from './pointer.js';
export { forEachString } from './parse/yaml.js';
export { ajvErrorPointer, ajvWords, loadAjv, unknownProperty } from './engine/ajv.js';
export type { DockerfileModel, DockerFlag, DockerInstruction, DockerStage } from './parse/dockerfile-model.js';
export { commandText, finalImageChain } from './parse/dockerfile-model.js';
export { expandVariables } from './parse/dockerfile-variables.js';
export { splitImageReference } from './parse/image-reference.js';
export type { ComposeModel, ComposeService } from './parse/compose.js';
export { commandWords, effectiveService, environmentOf, volumeTargets } from './parse/compose.js';
export { closest, trimTrailingSlashes } from './text.js';
export type { EnvEntry } from './parse/dotenv.js';
