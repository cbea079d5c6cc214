import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../rules/lib/quantity.js';

describe('quantities', () => {
  it.each([['4Gi', 4 * 2 ** 30], ['500m', 0.5], ['1', 1], [2, 2], ['1e3', 1000], ['1.5G', 1.5e9], ['x', undefined]])('%s', (q, v) => expect(parseQuantity(q)).toBe(v));
});
