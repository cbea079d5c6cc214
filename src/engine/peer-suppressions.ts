import type { DockerfileModel } from '../parse/dockerfile.js';
import { locateInObject } from '../parse/kube.js';
import { isRecord } from '../values.js';
import type { KubeObject } from '../parse/kube.js';
import { joinPointer } from '../pointer.js';
import type { SourceRange } from '../types.js';
import type { Suppression } from './suppression.js';

/**
 * Suppressions written for other linters, honoured so that a repository can
 * switch to genai-lint without editing its files: hadolint's
 * `# hadolint ignore=DL3008,DL3015` (and `# hadolint global ignore=...`) in
 * Dockerfiles, and kube-linter's `ignore-check.kube-linter.io/<check>`
 * annotations on Kubernetes objects. Each suppresses the genai-lint rules
 * that cover the peer's check (docs/migrating.md has the full table) and is
 * reported as unused, like our own, when none of them fires there. Codes
 * with no genai-lint equivalent are left alone.
 */

/** hadolint rule code -> the genai-lint rules that cover it. */
export const HADOLINT_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  DL3000: ['dockerfile/cd-in-run'],
  DL3002: ['dockerfile/no-root-user'],
  DL3003: ['dockerfile/cd-in-run'],
  DL3004: ['dockerfile/no-sudo'],
  DL3006: ['dockerfile/pin-base-image'],
  DL3007: ['dockerfile/pin-base-image'],
  DL3008: ['dockerfile/pin-packages'],
  DL3009: ['dockerfile/apt-hygiene'],
  DL3011: ['dockerfile/expose-port'],
  DL3012: ['dockerfile/single-cmd'],
  DL3013: ['dockerfile/pin-packages'],
  DL3014: ['dockerfile/apt-hygiene'],
  DL3015: ['dockerfile/apt-hygiene'],
  DL3016: ['dockerfile/pin-packages'],
  DL3018: ['dockerfile/pin-packages'],
  DL3020: ['dockerfile/add-local'],
  DL3022: ['dockerfile/stage-names'],
  DL3024: ['dockerfile/stage-names'],
  DL3025: ['dockerfile/exec-form'],
  DL3026: ['policy/trusted-registries', 'policy/allowed-base-images'],
  DL3027: ['dockerfile/apt-hygiene'],
  DL3042: ['dockerfile/pip-cache'],
  DL3049: ['policy/required-labels'],
  DL3057: ['dockerfile/healthcheck'],
  DL3064: ['dockerfile/no-secrets'],
  DL4003: ['dockerfile/single-cmd'],
  DL4004: ['dockerfile/single-cmd'],
  DL4006: ['dockerfile/pipefail'],
};

/** kube-linter check name -> the genai-lint rules that cover it. */
export const KUBE_LINTER_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  'dangling-horizontalpodautoscaler': ['k8s/dangling-hpa'],
  'dangling-service': ['k8s/service-selector'],
  'docker-sock': ['k8s/host-path'],
  'drop-net-raw-capability': ['k8s/capabilities'],
  'duplicate-env-var': ['k8s/duplicate-env'],
  'env-var-secret': ['k8s/no-plaintext-secrets'],
  'host-ipc': ['k8s/host-namespaces'],
  'host-network': ['k8s/host-namespaces'],
  'host-pid': ['k8s/host-namespaces'],
  'invalid-target-ports': ['k8s/schema'],
  'latest-tag': ['k8s/image-tag'],
  'liveness-port': ['k8s/probe-port'],
  'mismatching-selector': ['k8s/selector-mismatch'],
  'no-extensions-v1beta': ['k8s/deprecated-api'],
  'no-liveness-probe': ['k8s/probes'],
  'no-read-only-root-fs': ['k8s/read-only-root-fs'],
  'no-readiness-probe': ['k8s/probes'],
  'pdb-max-unavailable': ['k8s/pdb'],
  'pdb-min-available': ['k8s/pdb'],
  'privilege-escalation-container': ['k8s/privilege-escalation'],
  'privileged-container': ['k8s/privileged'],
  'readiness-port': ['k8s/probe-port'],
  'run-as-non-root': ['k8s/run-as-non-root'],
  'schema-validation': ['k8s/schema'],
  'sensitive-host-mounts': ['k8s/host-path'],
  'startup-port': ['k8s/probe-port'],
  'unset-cpu-requirements': ['k8s/resource-requests'],
  'unset-memory-requirements': ['k8s/memory-limits', 'k8s/resource-requests'],
  'writable-host-mount': ['k8s/host-path'],
};

const HADOLINT_PRAGMA = /^hadolint\s+(global\s+)?ignore\s*=\s*(.*)$/;
const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';

function peer(ids: readonly string[], lines: Suppression['lines'], origin: SourceRange, name: string): Suppression {
  return { ruleIds: [...ids], lines, origin, reason: undefined, used: new Set(), peer: name };
}

/** `# hadolint ignore=...` just above an instruction covers it; `# hadolint global ignore=...` the file. */
export function hadolintSuppressions(model: DockerfileModel): Suppression[] {
  const out: Suppression[] = [];
  const commentLines = new Set(model.comments.map((c) => c.line));
  for (const c of model.comments) {
    const m = HADOLINT_PRAGMA.exec(c.text);
    if (!m) continue;
    let lines: Suppression['lines'] = undefined;
    if (!m[1]) {
      let next = c.line + 1;
      while (commentLines.has(next)) next++;
      const instr = model.instructions.find((i) => i.range.start.line === next);
      lines = instr ? { from: instr.range.start.line, to: instr.range.end.line } : { from: 0, to: -1 };
    }
    const lineText = model.index.lineText(c.line);
    for (const code of m[2].split(',').map((s) => s.trim().toUpperCase())) {
      const ids = HADOLINT_EQUIVALENTS[code];
      if (!ids) continue;
      const at = lineText.toUpperCase().indexOf(code);
      const origin: SourceRange = at < 0 ? c.range : { start: { line: c.line, column: at + 1 }, end: { line: c.line, column: at + 1 + code.length } };
      out.push(peer(ids, lines, origin, `hadolint ignore=${code}`));
    }
  }
  return out;
}

/** `ignore-check.kube-linter.io/<check>` annotations on an object's metadata cover the object. */
export function kubeLinterSuppressions(objects: readonly KubeObject[], objectSpan: (obj: KubeObject) => SourceRange): Suppression[] {
  const out: Suppression[] = [];
  for (const obj of objects) {
    const meta = obj.raw.metadata;
    const annotations = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : undefined;
    if (!annotations) continue;
    for (const key of Object.keys(annotations)) {
      if (!key.startsWith(KUBE_LINTER_PREFIX)) continue;
      const check = key.slice(KUBE_LINTER_PREFIX.length);
      const ids = KUBE_LINTER_EQUIVALENTS[check];
      if (!ids) continue;
      const span = objectSpan(obj);
      out.push(peer(ids, { from: span.start.line, to: span.end.line }, locateInObject(obj, joinPointer('/metadata', 'annotations', key), 'key'), `ignore-check.kube-linter.io/${check}`));
    }
  }
  return out;
}
