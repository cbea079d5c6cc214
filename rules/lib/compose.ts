import type { Container } from 'kubernetes-types/core/v1.js';
import { commandWords, effectiveService, environmentOf } from '../../src/rule-api.js';
import type { ComposeModel, ComposeService } from '../../src/rule-api.js';

/** A Compose service seen as a container, so the model-server knowledge applies to it. */
export function asContainer(service: ComposeService): Container {
  const image = typeof service.raw.image === 'string' ? service.raw.image : '';
  return {
    name: service.name,
    image,
    command: commandWords(service.raw.entrypoint),
    args: commandWords(service.raw.command),
    env: environmentOf(service)
      .filter((e) => e.value !== undefined)
      .map((e) => ({ name: e.name, value: e.value })),
  };
}

/** `service \`vllm\`` for messages. */
export function serviceLabel(service: ComposeService): string {
  return `service \`${service.name}\``;
}

/**
 * Each service with its effective form, as Compose runs it: in an override
 * file, merged over the base file's service of the same name.
 */
export function servicesToJudge(model: ComposeModel): { service: ComposeService; effective: ComposeService }[] {
  return model.services.map((service) => ({ service, effective: effectiveService(model, service) }));
}

/** Whether a missing setting of this service is the base file's to report. */
export function reportedByBase(model: ComposeModel, service: ComposeService): boolean {
  return model.baseServices?.has(service.name) ?? false;
}
