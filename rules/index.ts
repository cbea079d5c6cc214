import type { AnyRule } from '../src/rule-api.js';
import type { EffectiveConfig } from '../src/rule-api.js';
import { customPolicyRules } from './policy/custom.js';
import dockerfileNoSecrets from './dockerfile/no-secrets.js';
import dockerfileNoModelWeights from './dockerfile/no-model-weights.js';
import dockerfileNoRootUser from './dockerfile/no-root-user.js';
import dockerfileHealthcheck from './dockerfile/healthcheck.js';
import dockerfilePinBaseImage from './dockerfile/pin-base-image.js';
import dockerfileCudaDevelFinal from './dockerfile/cuda-devel-final.js';
import dockerfilePipCache from './dockerfile/pip-cache.js';
import dockerfileNoGitDir from './dockerfile/no-git-dir.js';
import dockerfileExecForm from './dockerfile/exec-form.js';
import dockerfileBuildContext from './dockerfile/build-context.js';
import dockerfileAptHygiene from './dockerfile/apt-hygiene.js';
import dockerfilePinPackages from './dockerfile/pin-packages.js';
import dockerfilePipefail from './dockerfile/pipefail.js';
import dockerfileCdInRun from './dockerfile/cd-in-run.js';
import dockerfileNoSudo from './dockerfile/no-sudo.js';
import dockerfileAddLocal from './dockerfile/add-local.js';
import dockerfileSingleCmd from './dockerfile/single-cmd.js';
import dockerfileStageNames from './dockerfile/stage-names.js';
import dockerfileExposePort from './dockerfile/expose-port.js';
import k8sNoPlaintextSecrets from './k8s/no-plaintext-secrets.js';
import k8sProbes from './k8s/probes.js';
import k8sRunAsNonRoot from './k8s/run-as-non-root.js';
import k8sGpuTolerations from './k8s/gpu-tolerations.js';
import k8sMemoryLimits from './k8s/memory-limits.js';
import k8sHpa from './k8s/hpa.js';
import k8sGpuLimits from './k8s/gpu-limits.js';
import k8sShmSize from './k8s/shm-size.js';
import k8sHpaGpuMetric from './k8s/hpa-gpu-metric.js';
import k8sHpaMaxReplicas from './k8s/hpa-max-replicas.js';
import k8sDeprecatedApi from './k8s/deprecated-api.js';
import k8sModelCache from './k8s/model-cache.js';
import k8sImageTag from './k8s/image-tag.js';
import k8sTerminationGrace from './k8s/termination-grace.js';
import k8sTrustRemoteCode from './k8s/trust-remote-code.js';
import k8sGpuVisibleWithoutRequest from './k8s/gpu-visible-without-request.js';
import k8sServiceSelector from './k8s/service-selector.js';
import k8sSchema from './k8s/schema.js';
import k8sPrivileged from './k8s/privileged.js';
import k8sPrivilegeEscalation from './k8s/privilege-escalation.js';
import k8sCapabilities from './k8s/capabilities.js';
import k8sHostNamespaces from './k8s/host-namespaces.js';
import k8sHostPath from './k8s/host-path.js';
import k8sReadOnlyRootFs from './k8s/read-only-root-fs.js';
import k8sSeccomp from './k8s/seccomp.js';
import k8sResourceRequests from './k8s/resource-requests.js';
import k8sProbePort from './k8s/probe-port.js';
import k8sDuplicateEnv from './k8s/duplicate-env.js';
import k8sSelectorMismatch from './k8s/selector-mismatch.js';
import k8sDanglingHpa from './k8s/dangling-hpa.js';
import k8sPdb from './k8s/pdb.js';
import k8sAutomountToken from './k8s/automount-token.js';
import k8sModelFit from './k8s/model-fit.js';
import k8sModelReadiness from './k8s/model-readiness.js';
import k8sGpuQuota from './k8s/gpu-quota.js';
import composeNoSecrets from './compose/no-secrets.js';
import composeGpuReservation from './compose/gpu-reservation.js';
import composeHealthcheck from './compose/healthcheck.js';
import composeMemoryLimits from './compose/memory-limits.js';
import composeNoRootUser from './compose/no-root-user.js';
import composeImageTag from './compose/image-tag.js';
import composeModelCache from './compose/model-cache.js';
import policyTrustedRegistries from './policy/trusted-registries.js';
import policyRequiredLabels from './policy/required-labels.js';
import policyResourceCaps from './policy/resource-caps.js';
import policyAllowedBaseImages from './policy/allowed-base-images.js';

/** Every built-in rule, in the order they are documented. */
export const RULES: readonly AnyRule[] = [
  dockerfileNoSecrets,
  dockerfileNoModelWeights,
  dockerfileNoRootUser,
  dockerfileHealthcheck,
  dockerfilePinBaseImage,
  dockerfileCudaDevelFinal,
  dockerfilePipCache,
  dockerfileNoGitDir,
  dockerfileExecForm,
  dockerfileBuildContext,
  dockerfileAptHygiene,
  dockerfilePinPackages,
  dockerfilePipefail,
  dockerfileCdInRun,
  dockerfileNoSudo,
  dockerfileAddLocal,
  dockerfileSingleCmd,
  dockerfileStageNames,
  dockerfileExposePort,
  k8sNoPlaintextSecrets,
  k8sProbes,
  k8sRunAsNonRoot,
  k8sGpuTolerations,
  k8sMemoryLimits,
  k8sHpa,
  k8sGpuLimits,
  k8sShmSize,
  k8sHpaGpuMetric,
  k8sHpaMaxReplicas,
  k8sDeprecatedApi,
  k8sModelCache,
  k8sImageTag,
  k8sTerminationGrace,
  k8sTrustRemoteCode,
  k8sGpuVisibleWithoutRequest,
  k8sServiceSelector,
  k8sSchema,
  k8sPrivileged,
  k8sPrivilegeEscalation,
  k8sCapabilities,
  k8sHostNamespaces,
  k8sHostPath,
  k8sReadOnlyRootFs,
  k8sSeccomp,
  k8sResourceRequests,
  k8sProbePort,
  k8sDuplicateEnv,
  k8sSelectorMismatch,
  k8sDanglingHpa,
  k8sPdb,
  k8sAutomountToken,
  k8sModelFit,
  k8sModelReadiness,
  k8sGpuQuota,
  composeNoSecrets,
  composeGpuReservation,
  composeHealthcheck,
  composeMemoryLimits,
  composeNoRootUser,
  composeImageTag,
  composeModelCache,
  policyTrustedRegistries,
  policyRequiredLabels,
  policyResourceCaps,
  policyAllowedBaseImages,
];

/** The rules of a run: the built-in ones and the config's custom policies. */
export function rulesFor(config: EffectiveConfig): readonly AnyRule[] {
  const custom = customPolicyRules(config.settings);
  return custom.length ? [...RULES, ...custom] : RULES;
}
