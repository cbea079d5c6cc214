/**
 * The one home of ajv: how it is loaded and what an ajv error says in
 * general. Config validation, `k8s/schema` and custom policies word their
 * messages themselves, on top of these.
 */
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { pointerSegment } from '../pointer.js';

export type Ajv = InstanceType<typeof import('ajv').default>;

/** The fields of an ajv error every translation reads. */
export type AjvErrorLike = Pick<ErrorObject, 'instancePath' | 'keyword' | 'message'> & { params: Record<string, unknown> };

const require = createRequire(import.meta.url);

/**
 * A new ajv instance (all errors, not strict). ajv is CommonJS and loaded
 * on first use, so runs with nothing to validate never pay for it.
 */
export function loadAjv(): Ajv {
  const AjvClass = (require('ajv') as { default: new (opts: object) => Ajv }).default;
  return new AjvClass({ allErrors: true, strict: false });
}

/** The property an `additionalProperties` error names, as written. */
export function unknownProperty(e: AjvErrorLike): string {
  return String(e.params.additionalProperty);
}

/**
 * Where an error points: at the key of an unknown property, at the key of
 * the object missing a required one (`missing: 'key'`) or its value, and
 * at the value for everything else.
 */
export function ajvErrorPointer(e: AjvErrorLike, missing: 'key' | 'value'): { path: string; part: 'key' | 'value' } {
  if (e.keyword === 'additionalProperties') return { path: `${e.instancePath}/${pointerSegment(unknownProperty(e))}`, part: 'key' };
  if (e.keyword === 'required') return { path: e.instancePath, part: missing };
  return { path: e.instancePath, part: 'value' };
}

/** ajv's own words for an error, when no better ones are known. */
export function ajvWords(e: Pick<AjvErrorLike, 'message'>): string {
  return e.message ?? 'is invalid';
}
