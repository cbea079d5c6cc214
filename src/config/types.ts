/** The configuration's types and constants: what a config file may say, and what a run is given. */
import type { Severity, SeveritySetting } from '../types.js';
import type { RuleMeta } from '../engine/rule-meta.js';
import type { CustomKindSchema } from '../engine/kube-schema.js';

/** What config validation needs to know of a rule. */
export type ConfigurableRule = Pick<RuleMeta, 'id' | 'severity' | 'optionsSchema' | 'defaultOptions' | 'preset'>;

export const CONFIG_FILE_NAMES = ['.genai-lint.yaml', '.genai-lint.yml', '.genai-lint.json'] as const;

/** A configuration problem: the run stops with exit code 2. */
export class ConfigError extends Error {}

export const PLATFORMS = ['generic', 'gke', 'eks', 'aks', 'openshift'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DEFAULT_KUBERNETES_VERSION = '1.32';

/** Files larger than this are skipped with a finding (config `maxFileSizeMB`). */
export const DEFAULT_MAX_FILE_SIZE_MB = 5;

/** Vendored third-party trees: their manifests are someone else's to fix. */
export const DEFAULT_VENDORED_DIRS = ['vendor', 'third_party'];

export interface RawConfig {
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?]>;
  ignorePaths?: string[];
  failOn?: Severity;
  gpu?: { resources?: string[]; taintKeys?: string[] };
  platform?: Platform;
  kubernetesVersion?: string;
  schemas?: { apiVersion: string; kind: string; schema: string }[];
  maxFileSizeMB?: number;
  vendoredDirs?: string[];
  helm?: Partial<HelmSettings>;
  /** One entry may be a plain string; readRawConfig makes it a list. */
  extends?: string[];
  policies?: PolicyConfig;
  kustomize?: Partial<KustomizeConfig>;
}

/** How kustomizations are rendered (config `kustomize:`). */
export interface KustomizeConfig {
  /** auto: when kubectl or kustomize is on PATH; always: a missing renderer is an error; never: no rendering. */
  render: 'auto' | 'always' | 'never';
  /** The kubectl or kustomize executable: a name looked up on PATH, or a path (relative to the config file that sets it). */
  binary?: string;
  /** Time one render may take. */
  timeoutSeconds: number;
  /** Roots that build from more than this many megabytes of files are not rendered (kubectl takes seconds per megabyte of CRDs). */
  maxInputMB: number;
}

export const DEFAULT_KUSTOMIZE_CONFIG: KustomizeConfig = { render: 'auto', timeoutSeconds: 60, maxInputMB: 2 };

export interface CustomPolicyConfig {
  id: string;
  severity?: Severity;
  message: string;
  match: { target: 'k8s' | 'dockerfile'; kinds?: string[]; apiVersions?: string[]; namespaces?: string[] };
  /** Inline JSON Schema, or a path relative to the config file that names it. */
  schema: Record<string, unknown> | string;
}

export interface PolicyConfig {
  trustedRegistries?: string[];
  requiredLabels?: { kinds?: string[]; labels?: Record<string, string | null>; annotations?: Record<string, string | null>; dockerfileLabels?: string[] };
  resourceCaps?: { maxGpusPerPod?: number; allowedGpuResources?: string[]; maxMemoryLimit?: string | number; maxWorkloadGpus?: number; namespaces?: string[] };
  allowedBaseImages?: { allowed?: string[]; banned?: string[] };
  custom?: CustomPolicyConfig[];
}

/** A custom policy ready to run: its schema loaded. */
export interface CustomPolicy extends Omit<CustomPolicyConfig, 'schema'> {
  schema: Record<string, unknown>;
}

/** Run-wide facts rules may consult (never rule-specific options). */
export interface RunSettings {
  /** Extra GPU resource names/prefixes from config. */
  gpuResources: readonly string[];
  /** Extra GPU taint keys (`key` or `key=value`) from config. */
  gpuTaintKeys: readonly string[];
  platform: Platform;
  /** Target Kubernetes minor version, e.g. "1.32". */
  kubernetesVersion: string;
  /** JSON Schemas the config adds for its own kinds. */
  customSchemas: readonly CustomKindSchema[];
  /** Organisation policies; each built-in policy rule is inert until its section is set. */
  policies: Omit<PolicyConfig, 'custom'> & { custom: readonly CustomPolicy[] };
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  /** Set by config or platform: overrides the per-finding severities a rule chooses. */
  configured: boolean;
}

export interface EffectiveConfig {
  /** The config file used, if any. */
  file: string | undefined;
  /** Which file (or preset) set each setting, for --print-config. */
  sources: Record<string, string>;
  /** Directory that ignorePaths are relative to. */
  baseDir: string;
  rules: Map<string, RuleSetting>;
  ignorePaths: string[];
  /** Directory names skipped wherever they appear (vendored code). */
  vendoredDirs: string[];
  failOn: Severity;
  /** Files larger than this are skipped with a finding. */
  maxFileSizeMB: number;
  /** How the Helm charts of the tree are rendered (docs/rendering.md). */
  helm: HelmSettings;
  /** Rendering of kustomizations. */
  kustomize: KustomizeConfig;
  settings: RunSettings;
}

/** Config `helm:`: how charts are rendered with `helm template`. */
export interface HelmSettings {
  /** auto: render when helm is found; always: a missing helm is a config error; never: charts are not rendered. */
  render: 'auto' | 'always' | 'never';
  /** The helm executable: a name looked up on PATH or a path relative to the config's directory; default `helm` on PATH. */
  binary?: string;
  releaseName: string;
  namespace: string;
  /** `--kube-version` (default: the run's kubernetesVersion). */
  kubeVersion?: string;
  /** Extra values files per chart directory (both relative to the config's directory), applied to every variant. */
  valuesFiles: Record<string, string[]>;
  /** Seconds one `helm template` may take before it is stopped. */
  timeoutSeconds: number;
}

export const DEFAULT_HELM_SETTINGS: HelmSettings = { render: 'auto', releaseName: 'release', namespace: 'default', valuesFiles: {}, timeoutSeconds: 60 };

/** Whether a rule runs under this config: its configured severity, else its own, is not `off`. */
export function isRuleEnabled(config: EffectiveConfig, meta: { id: string; severity: string }): boolean {
  return (config.rules.get(meta.id)?.severity ?? meta.severity) !== 'off';
}
