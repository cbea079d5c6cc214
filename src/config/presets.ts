/** Built-in presets, platform defaults, and the resolution of a raw config over the rules' own defaults. */
import type { SeveritySetting } from '../types.js';
import { DEFAULT_HELM_SETTINGS, DEFAULT_KUBERNETES_VERSION, DEFAULT_KUSTOMIZE_CONFIG, DEFAULT_MAX_FILE_SIZE_MB, DEFAULT_VENDORED_DIRS } from './types.js';
import type { ConfigurableRule, EffectiveConfig, Platform, RawConfig, RuleSetting } from './types.js';

/** Built-in presets for `extends:`. */
export const PRESETS: Readonly<Record<string, RawConfig>> = {
  'genai-lint:recommended': {},
  'genai-lint:strict': {
    failOn: 'warning',
    rules: {
      'dockerfile/healthcheck': 'warning',
      'dockerfile/pip-cache': 'warning',
      'dockerfile/cuda-devel-final': 'warning',
      'dockerfile/no-root-user': 'error',
      'dockerfile/no-model-weights': 'error',
      'k8s/hpa': 'warning',
      'k8s/model-cache': 'warning',
      'k8s/run-as-non-root': 'error',
      'k8s/memory-limits': 'error',
      'k8s/image-tag': 'error',
      'k8s/gpu-tolerations': 'error',
      'k8s/read-only-root-fs': 'warning',
      'k8s/seccomp': 'warning',
      'k8s/automount-token': 'warning',
      'k8s/capabilities': ['warning', { requireDropAll: true }],
      'compose/no-root-user': 'warning',
      'compose/model-cache': 'warning',
    },
  },
};

/**
 * A preset as a config layer: `genai-lint:strict` also turns on, at their
 * own severity, the rules whose meta says `preset: 'strict'` (off otherwise).
 */
export function presetLayer(name: string, rules: readonly ConfigurableRule[]): RawConfig {
  const preset = PRESETS[name];
  if (name !== 'genai-lint:strict') return preset;
  const strictOnly = Object.fromEntries(rules.filter((r) => r.preset === 'strict').map((r) => [r.id, r.severity]));
  return { ...preset, rules: { ...strictOnly, ...preset.rules } };
}

/**
 * What each platform changes in the defaults (docs/configuration.md).
 * GKE adds GPU tolerations to GPU pods itself; OpenShift's restricted SCC
 * assigns a non-root UID to every pod.
 */
export const PLATFORM_DEFAULTS: Readonly<Record<Platform, { rules: Record<string, SeveritySetting>; gpuTaintKeys: string[] }>> = {
  generic: { rules: {}, gpuTaintKeys: [] },
  gke: { rules: { 'k8s/gpu-tolerations': 'off' }, gpuTaintKeys: [] },
  eks: { rules: {}, gpuTaintKeys: [] },
  aks: { rules: {}, gpuTaintKeys: ['sku=gpu'] },
  openshift: { rules: { 'k8s/run-as-non-root': 'off' }, gpuTaintKeys: [] },
};

/** Merges a validated raw config over the rules' defaults. */
export function resolveConfig(raw: RawConfig, metas: readonly ConfigurableRule[], file: string | undefined, baseDir: string): EffectiveConfig {
  const platform = raw.platform ?? 'generic';
  const preset = PLATFORM_DEFAULTS[platform];
  const rules = new Map<string, RuleSetting>();
  for (const r of metas) {
    const presetSeverity = preset.rules[r.id];
    // Strict-preset rules stay off until the strict preset or the config turns them on.
    const base: SeveritySetting = r.preset === 'strict' ? 'off' : r.severity;
    rules.set(r.id, { severity: presetSeverity ?? base, options: { ...(r.defaultOptions ?? {}) }, configured: presetSeverity !== undefined });
  }
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const base = rules.get(id);
    if (!base) continue;
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    rules.set(id, { severity, options: { ...base.options, ...(options ?? {}) }, configured: true });
  }
  return {
    file,
    baseDir,
    rules,
    ignorePaths: raw.ignorePaths ?? [],
    vendoredDirs: raw.vendoredDirs ?? DEFAULT_VENDORED_DIRS,
    failOn: raw.failOn ?? 'error',
    maxFileSizeMB: raw.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB,
    helm: { ...DEFAULT_HELM_SETTINGS, ...(raw.helm ?? {}) },
    kustomize: { ...DEFAULT_KUSTOMIZE_CONFIG, ...raw.kustomize },
    settings: {
      gpuResources: raw.gpu?.resources ?? [],
      gpuTaintKeys: [...preset.gpuTaintKeys, ...(raw.gpu?.taintKeys ?? [])],
      platform,
      kubernetesVersion: raw.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      customSchemas: [],
      policies: { ...(raw.policies ?? {}), custom: [] },
    },
    sources: {},
  };
}
