import { defineComposeRule, safeFix } from '../../src/rule-api.js';
import { isRecord, valueAtPointer } from '../../src/rule-api.js';
import { asContainer, reportedByBase, serviceLabel, servicesToJudge } from '../lib/compose.js';
import { modelServerKind } from '../lib/model-server.js';

/** Model-server images that only run on a GPU. */
function gpuOnlyImage(image: string): boolean {
  const i = image.toLowerCase();
  // `cpu` after the first `:` of a line (a tag such as `:3.0-cpu`). From each
  // line start only, so a run of colons is not rescanned from every colon.
  if (/text-generation-inference/.test(i)) return !/^[^:\n\r\u2028\u2029]*:.*cpu/m.test(i);
  return /(^|\/)vllm\/vllm-openai|tritonserver|^nvcr\.io\/nim\//.test(i);
}

export default defineComposeRule({
  meta: {
    id: 'compose/gpu-reservation',
    severity: 'error',
    summary: 'A GPU request in Compose that does not do what it looks like: device reservations without `capabilities: [gpu]`, count with device_ids, legacy `runtime: nvidia`, or a GPU-only server with no GPU at all.',
    rationale:
      'Compose hands GPUs to a container only through `deploy.resources.reservations.devices` with `capabilities: [gpu]`. Without the capability Compose rejects the file; `count` and `device_ids` together are rejected too. `runtime: nvidia` is the legacy syntax that newer engines and Docker Desktop ignore, and a vLLM, TGI, Triton or NIM container without a GPU fails at start-up with "no CUDA devices".',
    fix: 'Use `deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}`.',
    autofix: {
      applicability: 'safe',
      description:
        'Adds `gpu` to the capabilities of a device reservation without it, and reserves one GPU (`driver: nvidia, count: 1, capabilities: [gpu]`) for a GPU-only server image without any. `runtime: nvidia` and `count` beside `device_ids` are left to the user.',
    },
  },
  check(ctx) {
    for (const { service, effective } of servicesToJudge(ctx.model)) {
      const devicesPath = `${service.path}/deploy/resources/reservations/devices`;
      const devices = valueAtPointer(ctx.model.document.value, devicesPath);
      const mergedDevices = valueAtPointer(effective.raw, '/deploy/resources/reservations/devices');
      const baseHasGpu = Array.isArray(mergedDevices) && mergedDevices.some((d) => isRecord(d) && Array.isArray(d.capabilities) && d.capabilities.includes('gpu'));
      const list = Array.isArray(devices) ? devices : [];
      let hasGpuDevice = false;
      list.forEach((d, i) => {
        if (!isRecord(d)) return;
        const caps = Array.isArray(d.capabilities) ? d.capabilities.map(String) : [];
        if (caps.includes('gpu')) hasGpuDevice = true;
        else {
          ctx.report({
            message: `device reservation of ${serviceLabel(service)} has no \`capabilities: [gpu]\`${caps.length ? ` (has ${caps.join(', ')})` : ''}: Compose rejects it and no GPU is attached`,
            path: `${devicesPath}/${i}`,
            fix: 'Add `capabilities: [gpu]` to the device reservation.',
            autofix: safeFix(Array.isArray(d.capabilities) ? ctx.edit.append(`${devicesPath}/${i}/capabilities`, 'gpu') : d.capabilities === undefined ? ctx.edit.set(`${devicesPath}/${i}/capabilities`, ['gpu']) : undefined),
          });
        }
        if (d.count !== undefined && d.device_ids !== undefined) {
          ctx.report({
            message: `device reservation of ${serviceLabel(service)} sets both \`count\` and \`device_ids\`: Compose accepts only one`,
            path: `${devicesPath}/${i}/device_ids`,
            fix: 'Keep `count` (any N GPUs) or `device_ids` (specific GPUs), not both.',
          });
        }
      });
      const image = typeof effective.raw.image === 'string' ? effective.raw.image : '';
      const legacyRuntime = effective.raw.runtime === 'nvidia';
      const server = modelServerKind(asContainer(effective));
      hasGpuDevice ||= baseHasGpu;
      if (legacyRuntime && service.raw.runtime === 'nvidia' && !hasGpuDevice && server) {
        ctx.report({
          message: `${serviceLabel(service)} asks for GPUs with the legacy \`runtime: nvidia\` and no device reservation: current Docker engines and Docker Desktop give it no GPU`,
          path: `${service.path}/runtime`,
          part: 'span',
          severity: 'warning',
          fix: 'Replace `runtime: nvidia` with a `deploy.resources.reservations.devices` GPU reservation.',
        });
      } else if (!legacyRuntime && !hasGpuDevice && !list.length && gpuOnlyImage(image) && !reportedByBase(ctx.model, service)) {
        ctx.report({
          message: `${serviceLabel(service)} runs the GPU-only image \`${image}\` without a GPU reservation: it fails to start without CUDA devices`,
          path: `${service.path}/image`,
          part: 'value',
          severity: 'info',
          fix: 'Reserve a GPU with `deploy.resources.reservations.devices` (capabilities: [gpu]).',
          autofix: safeFix(ctx.edit.append(devicesPath, { driver: 'nvidia', count: 1, capabilities: ['gpu'] })),
        });
      }
    }
  },
});
