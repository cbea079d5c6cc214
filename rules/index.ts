import type { AnyRule } from '../src/engine/rule.js';
import dockerfileNoSecrets from './dockerfile/no-secrets.js';
import dockerfileNoModelWeights from './dockerfile/no-model-weights.js';
import dockerfileNoRootUser from './dockerfile/no-root-user.js';
import dockerfileHealthcheck from './dockerfile/healthcheck.js';
import k8sNoPlaintextSecrets from './k8s/no-plaintext-secrets.js';
import k8sProbes from './k8s/probes.js';
import k8sRunAsNonRoot from './k8s/run-as-non-root.js';
import k8sGpuTolerations from './k8s/gpu-tolerations.js';
import k8sMemoryLimits from './k8s/memory-limits.js';
import k8sHpa from './k8s/hpa.js';

/** Every built-in rule, in the order they are documented. */
export const RULES: readonly AnyRule[] = [
  dockerfileNoSecrets,
  dockerfileNoModelWeights,
  dockerfileNoRootUser,
  dockerfileHealthcheck,
  k8sNoPlaintextSecrets,
  k8sProbes,
  k8sRunAsNonRoot,
  k8sGpuTolerations,
  k8sMemoryLimits,
  k8sHpa,
];
