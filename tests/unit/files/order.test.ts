// The one order for names (src/files/order.ts): by code unit, whatever the machine's locale.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../src/files/order.js';

describe('compareNames', () => {
  it('orders by code unit: capitals before small letters, accented letters after z', () => {
    expect(['ồ', 'b', 'a', 'B', 'a'].sort(compareNames)).toEqual(['B', 'a', 'a', 'b', 'ồ']);
    expect(compareNames('x', 'x')).toBe(0);
  });
});
