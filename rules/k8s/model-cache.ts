import type { Volume, VolumeMount } from 'kubernetes-types/core/v1.js';
import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { sameNamespace } from '../../src/rule-api.js';
import { completePodSpecsOf, containerAnchor, containersOf, workloadLabel } from '../lib/workload.js';
import { isModelServer, isUnder, modelDownload } from '../lib/model-server.js';
import { ALL_AUTOSCALER_KINDS, autoscalersOf } from '../lib/autoscaling.js';


export default defineK8sRule({
  meta: {
    id: 'k8s/model-cache',
    severity: 'info',
    summary: 'A model server that downloads a hub model into a cache that does not survive restarts, or onto a ReadWriteOnce PVC shared by several replicas.',
    rationale:
      'A server started with a hub model id downloads tens of gigabytes at start-up. With the cache (HF_HOME, --download-dir, /root/.cache/huggingface, /root/.ollama) on the container filesystem or an emptyDir, every restart, reschedule and scale-up downloads it again: minutes of GPU time wasted, and hub rate limits hit during an incident. A ReadWriteOnce PVC cannot be mounted by a second replica on another node: it stays Pending.',
    fix: 'Mount the cache directory from a PersistentVolumeClaim (ReadWriteMany, or ReadOnlyMany pre-populated) or use a StatefulSet volumeClaimTemplate per replica; or pre-load the model into a volume and point the server at the local path.',
    kinds: ['Pod', 'Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'LeaderWorkerSet', 'Rollout'],
    indexKinds: ['PersistentVolumeClaim', ...ALL_AUTOSCALER_KINDS],
  },
  check(ctx) {
    const obj = ctx.object;
    for (const pod of completePodSpecsOf(obj)) {
      const volumes = (Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []) as Volume[];
      const spec = isRecord(obj.raw.spec) ? obj.raw.spec : {};
      for (const c of containersOf(pod)) {
        if (!isModelServer(c.container, ctx.settings)) continue;
        const download = modelDownload(c.container);
        if (!download) continue;
        const { cacheDir, what } = download;
        const mounts = (Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : []) as VolumeMount[];
        const mount = mounts
          .filter((m) => isRecord(m) && typeof m.mountPath === 'string' && isUnder(cacheDir, m.mountPath))
          .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
        if (!mount) {
          ctx.report({
            message: `${c.label} in ${workloadLabel(obj, pod)} ${what} into ${cacheDir} on the container filesystem: every restart downloads it again`,
            path: containerAnchor(c),
            fix: `Mount a PersistentVolumeClaim at ${cacheDir}.`,
          });
          continue;
        }
        const volIndex = volumes.findIndex((v) => isRecord(v) && v.name === mount.name);
        const vol = volumes[volIndex];
        if (vol && isRecord(vol.emptyDir)) {
          ctx.report({
            message: `${c.label} in ${workloadLabel(obj, pod)} ${what} into ${cacheDir} on an emptyDir: every reschedule downloads it again`,
            path: `${pod.path}/volumes/${volIndex}/emptyDir`,
            fix: `Replace the emptyDir \`${mount.name}\` with a PersistentVolumeClaim.`,
          });
          continue;
        }
        const claimName = vol && isRecord(vol.persistentVolumeClaim) ? vol.persistentVolumeClaim.claimName : undefined;
        if (typeof claimName !== 'string' || obj.kind === 'Pod') continue;
        const pvc = ctx.index.named('PersistentVolumeClaim', claimName).find((p) => sameNamespace(p.namespace, obj.namespace));
        const pvcSpec = pvc && isRecord(pvc.raw.spec) ? pvc.raw.spec : undefined;
        const modes = pvcSpec && Array.isArray(pvcSpec.accessModes) ? pvcSpec.accessModes : [];
        if (!modes.length || !modes.every((m) => m === 'ReadWriteOnce' || m === 'ReadWriteOncePod')) continue;
        const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
        const maxScaled = Math.max(
          replicas,
          ...autoscalersOf(obj, ctx.index).map((a) => {
            const s = isRecord(a.raw.spec) ? a.raw.spec : {};
            const m = a.kind === 'ScaledObject' ? (s.maxReplicaCount ?? 100) : s.maxReplicas;
            return typeof m === 'number' ? m : 1;
          }),
        );
        if (maxScaled <= 1) continue;
        ctx.report({
          message: `${c.label} in ${workloadLabel(obj, pod)} keeps its model cache on ReadWriteOnce PVC \`${claimName}\` but runs up to ${maxScaled} replicas: replicas on other nodes cannot mount it and stay Pending`,
          path: `${pod.path}/volumes/${volIndex}/persistentVolumeClaim/claimName`,
          part: 'value',
          fix: 'Use a ReadWriteMany (or ReadOnlyMany, pre-populated) volume, or a StatefulSet with volumeClaimTemplates.',
        });
      }
    }
  },
});
