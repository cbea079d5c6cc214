/**
 * JSON pointers (RFC 6901), the one way findings, schema errors and
 * suppressions name a place inside parsed data: `/spec/template/spec`.
 */
import { isRecord } from './values.js';

/** Escapes one segment of a JSON pointer: `nvidia.com/gpu` -> `nvidia.com~1gpu`. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reads one escaped segment back: `nvidia.com~1gpu` -> `nvidia.com/gpu`. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `base` followed by each segment, escaped. */
export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** The unescaped segments of a pointer: '' -> [], '/a/b~1c' -> ['a', 'b/c']. */
export function splitPointer(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapeSegment);
}

/** The value at a pointer inside plain data, if any. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  return valueAtSegments(root, splitPointer(pointer));
}

/** The value at already split segments inside plain data, if any. */
export function valueAtSegments(root: unknown, segments: readonly string[]): unknown {
  let cur = root;
  for (const key of segments) {
    if (isRecord(cur)) cur = cur[key];
    else if (Array.isArray(cur)) cur = cur[Number(key)];
    else return undefined;
  }
  return cur;
}

/** The last field a pointer names, unescaped, or `the object` for the root. */
export function lastField(pointer: string): string {
  const last = pointer.split('/').pop();
  return last ? unescapeSegment(last) : 'the object';
}
