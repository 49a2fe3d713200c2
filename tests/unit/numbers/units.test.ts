import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import {
  AREA_UNIT_LABEL,
  MONEY_UNIT_LABEL,
  convertArea,
  convertMoney,
  parseQuantity,
  sumQuantities,
  type Area,
  type AreaUnit,
  type Money,
  type MoneyUnit,
} from '../../../src/numbers/index.js';

const money = (amount: string, unit: MoneyUnit): Money => ({ kind: 'money', amount: new Decimal(amount), unit });
const area = (amount: string, unit: AreaUnit): Area => ({ kind: 'area', amount: new Decimal(amount), unit });

describe('parseQuantity money', () => {
  it.each([
    ['676.373 triệu', '676373', 'triệu'],
    ['676.373 triệu đồng', '676373', 'triệu'],
    ['6,7 tỷ đồng', '6.7', 'tỷ'],
    ['6,7 tỷ', '6.7', 'tỷ'],
    ['6,7 tỉ', '6.7', 'tỷ'],
    ['6,7 tỉ đồng', '6.7', 'tỷ'],
    ['14.800.000.000 đồng', '14800000000', 'đồng'],
    ['500.000đ', '500000', 'đồng'],
    ['250 nghìn đồng', '250', 'nghìn'],
    ['250 ngàn đồng', '250', 'nghìn'],
    ['1.250,5 tr.đ', '1250.5', 'triệu'],
    ['1.250,5trđ', '1250.5', 'triệu'],
    ['12 Tỷ  Đồng', '12', 'tỷ'],
    // decomposed (NFD) input is normalised before matching
    ['3 tỷ đồng'.normalize('NFD'), '3', 'tỷ'],
  ])('%s → %s %s', (text, amount, unit) => {
    const r = parseQuantity(text, 'money');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.kind).toBe('money');
      expect(r.value.amount.toFixed()).toBe(amount);
      expect(r.value.unit).toBe(unit);
    }
  });
});

describe('parseQuantity area', () => {
  it.each([
    ['0,24ha', '0.24', 'ha'],
    ['0,24 ha', '0.24', 'ha'],
    ['8.948 m²', '8948', 'm2'],
    ['2.435,7 m2', '2435.7', 'm2'],
    ['5 HA', '5', 'ha'],
  ])('%s → %s %s', (text, amount, unit) => {
    const r = parseQuantity(text, 'area');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.kind).toBe('area');
      expect(r.value.amount.toFixed()).toBe(amount);
      expect(r.value.unit).toBe(unit);
    }
  });
});

describe('parseQuantity failures', () => {
  it.each([
    ['', 'money', { ok: false, reason: 'empty' }],
    ['676373', 'money', { ok: false, reason: 'missing-unit' }],
    ['0,24 ha', 'money', { ok: false, reason: 'wrong-kind', unit: 'ha' }],
    ['5 tỷ đồng', 'area', { ok: false, reason: 'wrong-kind', unit: 'tỷ đồng' }],
    ['5 USD', 'money', { ok: false, reason: 'unknown-unit', unit: 'USD' }],
    ['5 km2', 'area', { ok: false, reason: 'unknown-unit', unit: 'km2' }],
    ['82.03 triệu', 'money', { ok: false, reason: 'mixed-separators' }],
    ['1,234,567 đồng', 'money', { ok: false, reason: 'mixed-separators' }],
    ['abc', 'money', { ok: false, reason: 'not-a-number' }],
  ] as const)('%j as %s → %j', (text, kind, expected) => {
    expect(parseQuantity(text, kind)).toEqual(expected);
  });
});

describe('convertMoney / convertArea', () => {
  it.each([
    [money('1', 'tỷ'), 'triệu', '1000'],
    [money('1', 'tỷ'), 'đồng', '1000000000'],
    [money('6700', 'triệu'), 'tỷ', '6.7'],
    [money('676373', 'triệu'), 'đồng', '676373000000'],
    [money('1', 'đồng'), 'tỷ', '0.000000001'],
    [money('250', 'nghìn'), 'đồng', '250000'],
  ] as const)('%o → %s = %s', (m, to, expected) => {
    const r = convertMoney(m, to);
    expect(r).toMatchObject({ kind: 'money', unit: to });
    expect(r.amount.toFixed()).toBe(expected);
  });

  it.each([
    [area('1', 'ha'), 'm2', '10000'],
    [area('8948', 'm2'), 'ha', '0.8948'],
    [area('0.24', 'ha'), 'm2', '2400'],
  ] as const)('%o → %s = %s', (a, to, expected) => {
    const r = convertArea(a, to);
    expect(r).toMatchObject({ kind: 'area', unit: to });
    expect(r.amount.toFixed()).toBe(expected);
  });
});

describe('sumQuantities', () => {
  it('adds money in mixed units exactly', () => {
    const total = sumQuantities([money('6.7', 'tỷ'), money('676373', 'triệu'), money('1', 'đồng')], 'triệu');
    expect(total.unit).toBe('triệu');
    expect(total.amount.toFixed()).toBe('683073.000001');
  });

  it('keeps digits that default Decimal precision (20) would lose', () => {
    const total = sumQuantities([money('123456789012345', 'tỷ'), money('1', 'đồng')], 'đồng');
    expect(total.amount.toFixed()).toBe('123456789012345000000001');
  });

  it('adds areas in m2 and ha', () => {
    const total = sumQuantities([area('0.24', 'ha'), area('8948', 'm2')], 'ha');
    expect(total).toMatchObject({ kind: 'area', unit: 'ha' });
    expect(total.amount.toFixed()).toBe('1.1348');
  });

  it('sums an empty list to zero', () => {
    expect(sumQuantities([] as Money[], 'tỷ').amount.toFixed()).toBe('0');
  });

  it('throws on a kind mismatch', () => {
    expect(() => sumQuantities([area('1', 'ha')] as unknown as Money[], 'tỷ')).toThrow(TypeError);
  });
});

describe('unit labels', () => {
  it.each([
    ['đồng', 'đồng'],
    ['nghìn', 'nghìn đồng'],
    ['triệu', 'triệu đồng'],
    ['tỷ', 'tỷ đồng'],
  ] as const)('money %s → %s', (unit, label) => {
    expect(MONEY_UNIT_LABEL[unit]).toBe(label);
  });
  it.each([
    ['m2', 'm²'],
    ['ha', 'ha'],
  ] as const)('area %s → %s', (unit, label) => {
    expect(AREA_UNIT_LABEL[unit]).toBe(label);
  });
});
