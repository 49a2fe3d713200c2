import { describe, expect, it } from 'vitest';
import { describeFloatTrap, isFloatTrap, parseVietnameseNumber } from '../../../src/numbers/index.js';

describe('parseVietnameseNumber', () => {
  it.each([
    ['676373', '676373'],
    ['676.373', '676373'],
    ['1.234.567,89', '1234567.89'],
    ['0,24', '0.24'],
    ['6,7', '6.7'],
    ['2.435,7', '2435.7'],
    ['-5', '-5'],
    ['-1.234,5', '-1234.5'],
    ['  14.800.000.000  ', '14800000000'],
    ['-0', '0'],
    // beyond float precision: must stay exact
    ['12.345.678.901.234.567,123456789', '12345678901234567.123456789'],
  ])('%s → %s', (text, expected) => {
    const r = parseVietnameseNumber(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.toFixed()).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['82.03', 'mixed-separators'],
    ['1,234,567', 'mixed-separators'],
    ['1.23', 'mixed-separators'],
    ['1.2345', 'mixed-separators'],
    ['12.34,5', 'mixed-separators'],
    ['1..2', 'mixed-separators'],
    ['1234.567', 'mixed-separators'],
    ['676.3730', 'mixed-separators'],
    ['abc', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['-', 'not-a-number'],
    ['+5', 'not-a-number'],
  ])('%j is rejected as %s', (text, reason) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: false, reason });
  });
});

describe('isFloatTrap', () => {
  it.each([
    ['676.373', true],
    ['1.5', true],
    ['82.03', true],
    ['-3.250', true],
    ['676.3730', true],
    ['676373', false],
    ['1.234.567', false],
    ['0,24', false],
    ['abc', false],
  ])('%s → %s', (text, expected) => {
    expect(isFloatTrap(text)).toBe(expected);
  });
});

describe('describeFloatTrap', () => {
  it.each([
    ['676.373', '676.373', '676373'],
    ['676.3730', '676.373', null],
    ['82.03', '82.03', null],
    ['-3.250', '-3.25', '-3250'],
    ['1.000', '1', '1000'],
  ])('%s → float %s, meant %s', (text, float, vietnamese) => {
    expect(describeFloatTrap(text)).toEqual({ float, vietnamese });
  });
});
