// The one order for names (src/files/order.ts): case aside first, then by code unit; no locale.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../src/files/order.js';

describe('compareNames', () => {
  it('puts a name beside its other-case spelling, and never ties two different names', () => {
    expect(['data/Digital.yml', 'data/communes.yaml', 'data/digital.yaml', 'data/investment.yaml'].sort(compareNames))
      .toEqual(['data/communes.yaml', 'data/digital.yaml', 'data/Digital.yml', 'data/investment.yaml']);
    expect(['b', 'B', 'a'].sort(compareNames)).toEqual(['a', 'B', 'b']);
    expect(compareNames('x', 'x')).toBe(0);
  });
});
