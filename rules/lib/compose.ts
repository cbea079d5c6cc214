import type { Container } from 'kubernetes-types/core/v1.js';
import { commandWords, environmentOf } from '../../src/parse/compose.js';
import type { ComposeService } from '../../src/parse/compose.js';

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
