/** The effective config as plain data, for --print-config. */
import type { EffectiveConfig } from './types.js';

/** The merged effective config as plain data, for --print-config. */
export function describeConfig(cfg: EffectiveConfig): Record<string, unknown> {
  return {
    configFile: cfg.file ?? null,
    sources: cfg.sources,
    failOn: cfg.failOn,
    maxFileSizeMB: cfg.maxFileSizeMB,
    platform: cfg.settings.platform,
    kubernetesVersion: cfg.settings.kubernetesVersion,
    ignorePaths: cfg.ignorePaths,
    vendoredDirs: cfg.vendoredDirs,
    helm: cfg.helm,
    kustomize: cfg.kustomize,
    gpu: { resources: cfg.settings.gpuResources, taintKeys: cfg.settings.gpuTaintKeys },
    policies: cfg.settings.policies,
    rules: Object.fromEntries(
      [...cfg.rules.entries()].map(([id, s]) => [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity]),
    ),
  };
}
