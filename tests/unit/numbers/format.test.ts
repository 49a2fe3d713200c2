import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import {
  DATE_BLANK,
  formatArea,
  formatCount,
  formatDate,
  formatFraction,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSum,
  parseDate,
  ratioPercent,
  type Area,
  type AreaUnit,
  type DateParts,
  type Money,
  type MoneyUnit,
} from '../../../src/numbers/index.js';

const money = (amount: string, unit: MoneyUnit): Money => ({ kind: 'money', amount: new Decimal(amount), unit });
const area = (amount: string, unit: AreaUnit): Area => ({ kind: 'area', amount: new Decimal(amount), unit });

describe('formatNumber', () => {
  it.each([
    ['1250500.75', undefined, '1.250.500,75'],
    [1250500.75, undefined, '1.250.500,75'],
    [new Decimal('676373'), undefined, '676.373'],
    ['121.042', undefined, '121,042'],
    ['0.084', undefined, '0,084'],
    ['0.0845', undefined, '0,085'], // half-up, not banker's
    ['0.0835', undefined, '0,084'],
    ['2.5', { maxDecimals: 0 }, '3'],
    ['-2.5', { maxDecimals: 0 }, '-3'],
    ['6.70', undefined, '6,7'],
    ['6.7', { minDecimals: 2 }, '6,70'],
    ['5', { minDecimals: 1 }, '5,0'],
    ['-1234', undefined, '-1.234'],
    ['-0.0001', undefined, '0'],
    [0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [0.1, undefined, '0,1'],
    ['1.23456', { maxDecimals: 4 }, '1,2346'],
    ['123456789012345678901234.5', undefined, '123.456.789.012.345.678.901.234,5'],
  ] as const)('%s %j → %s', (d, opts, expected) => {
    expect(formatNumber(d, opts)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('throws on %s', (n) => {
    expect(() => formatNumber(n)).toThrow(RangeError);
  });
});

describe('formatMoney / formatArea', () => {
  it.each([
    [money('676373', 'triệu'), undefined, '676.373 triệu đồng'],
    [money('6.7', 'tỷ'), undefined, '6,7 tỷ đồng'],
    [money('14800000000', 'đồng'), undefined, '14.800.000.000 đồng'],
    [money('6700', 'triệu'), { unit: 'tỷ' }, '6,7 tỷ đồng'],
    [money('121042', 'triệu'), { unit: 'tỷ' }, '121,042 tỷ đồng'],
    [money('250', 'nghìn'), undefined, '250 nghìn đồng'],
    [money('1.2345', 'tỷ'), { maxDecimals: 2 }, '1,23 tỷ đồng'],
  ] as const)('%o %j → %s', (m, opts, expected) => {
    expect(formatMoney(m, opts)).toBe(expected);
  });

  it.each([
    [area('0.24', 'ha'), undefined, '0,24 ha'],
    [area('8948', 'm2'), undefined, '8.948 m²'],
    [area('2435.7', 'm2'), undefined, '2.435,7 m²'],
    [area('0.0845', 'ha'), undefined, '0,085 ha'],
    [area('840', 'm2'), { unit: 'ha' }, '0,084 ha'],
  ] as const)('%o %j → %s', (a, opts, expected) => {
    expect(formatArea(a, opts)).toBe(expected);
  });
});

describe('formatSum', () => {
  it('writes every term in the one unit of the sum, the unit once at the end', () => {
    const tỷ = { kind: 'money' as const, amount: new Decimal('11.7'), unit: 'tỷ' as const };
    const triệu = { kind: 'money' as const, amount: new Decimal('47670'), unit: 'triệu' as const };
    expect(formatSum([tỷ, triệu], 'triệu')).toBe('11.700 + 47.670 triệu đồng');
    expect(formatSum([tỷ, triệu], 'tỷ')).toBe('11,7 + 47,67 tỷ đồng');
    const m2 = { kind: 'area' as const, amount: new Decimal('2400'), unit: 'm2' as const };
    const ha = { kind: 'area' as const, amount: new Decimal('0.3'), unit: 'ha' as const };
    expect(formatSum([m2, ha], 'ha')).toBe('0,24 + 0,3 ha');
  });
});

describe('formatPercent / ratioPercent', () => {
  it.each([
    ['94.75', '94,75%'],
    ['60', '60%'],
    ['100', '100%'],
    ['70.8', '70,8%'],
    ['33.3333', '33,33%'],
    ['12.345', '12,35%'],
  ])('%s → %s', (d, expected) => {
    expect(formatPercent(d)).toBe(expected);
  });

  it.each([
    ['15', '17', '88,24%'],
    ['17', '17', '100%'],
    ['3', '4', '75%'],
    ['1', '3', '33,33%'],
  ])('%s/%s → %s', (part, whole, expected) => {
    expect(formatPercent(ratioPercent(new Decimal(part), new Decimal(whole)))).toBe(expected);
  });

  it('is exact for terminating ratios', () => {
    expect(ratioPercent(new Decimal('379'), new Decimal('400')).toFixed()).toBe('94.75');
  });

  it('throws RangeError on a zero whole', () => {
    expect(() => ratioPercent(new Decimal(1), new Decimal(0))).toThrow(RangeError);
  });
});

describe('formatCount / formatFraction', () => {
  it.each([
    [8, 'dự án', '08 dự án'],
    [1, 'tổ chức', '01 tổ chức'],
    [9, 'hộ', '09 hộ'],
    [15, 'xã', '15 xã'],
    [0, 'hộ', '0 hộ'],
    [100, undefined, '100'],
    [8, undefined, '08'],
    [1234, 'hộ', '1.234 hộ'],
    [new Decimal(10), 'xã', '10 xã'],
  ] as const)('%s %s → %s', (n, noun, expected) => {
    expect(formatCount(n, noun)).toBe(expected);
  });

  it.each([[-1], [1.5]])('throws on %s', (n) => {
    expect(() => formatCount(n)).toThrow(RangeError);
  });

  it.each([
    [17, 17, '17/17'],
    [15, 17, '15/17'],
    [3, 14, '3/14'],
    [1234, 2000, '1.234/2.000'],
  ])('%s/%s → %s', (part, whole, expected) => {
    expect(formatFraction(part, whole)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    [{ year: 2023, month: 12, day: 15 }, '15/12/2023'],
    [{ year: 2024, month: 2, day: 5 }, '05/02/2024'],
    [{ year: 2024, month: 4, day: 23 }, '23/4/2024'],
    [{ year: 2024, month: 3, day: 8 }, '08/3/2024'],
    [{ year: 2024, month: 1, day: 25 }, '25/01/2024'],
  ])('short %j → %s', (d, expected) => {
    expect(formatDate(d, 'short')).toBe(expected);
  });

  it.each([
    [{ year: 2024, month: 12, day: 5 }, 'ngày 05 tháng 12 năm 2024'],
    [{ year: 2024, month: 6, day: 29 }, 'ngày 29 tháng 6 năm 2024'],
    [{ year: 2025, month: 1, day: 5 }, 'ngày 05 tháng 01 năm 2025'],
    [{ year: 2020, month: 3, day: 5 }, 'ngày 05 tháng 3 năm 2020'],
    [{ year: 2024 }, 'ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm 2024'],
    [{ year: 2024, month: 6 }, `ngày${DATE_BLANK}tháng 6 năm 2024`],
    [{ year: 2024, month: 2 }, `ngày${DATE_BLANK}tháng 02 năm 2024`],
  ])('long %j → %s', (d, expected) => {
    expect(formatDate(d, 'long')).toBe(expected);
  });

  it('DATE_BLANK is six no-break spaces', () => {
    expect(DATE_BLANK).toBe('\u00a0'.repeat(6));
  });

  it.each([
    [{ year: 2024 }, 'short'],
    [{ year: 2024, month: 6 }, 'short'],
    [{ year: 2024, month: 2, day: 30 }, 'long'],
    [{ year: 2024, month: 13 }, 'long'],
    [{ year: 2024, month: 6, day: 0 }, 'short'],
  ] as const)('throws on %j in %s style', (d, style) => {
    expect(() => formatDate(d as DateParts, style)).toThrow(RangeError);
  });
});

describe('parseDate', () => {
  it.each([
    ['15/12/2023', { year: 2023, month: 12, day: 15 }],
    ['05/02/2024', { year: 2024, month: 2, day: 5 }],
    ['5/3/2024', { year: 2024, month: 3, day: 5 }],
    ['2024-04-23', { year: 2024, month: 4, day: 23 }],
    ['29/02/2024', { year: 2024, month: 2, day: 29 }],
    [' 01/7/2025 ', { year: 2025, month: 7, day: 1 }],
  ])('%s → %j', (text, value) => {
    expect(parseDate(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['31/02/2024', 'impossible'],
    ['29/02/2023', 'impossible'],
    ['31/04/2024', 'impossible'],
    ['00/01/2024', 'impossible'],
    ['15/13/2024', 'impossible'],
    ['2023-02-29', 'impossible'],
    ['2024/04/23', 'format'],
    ['15-12-2023', 'format'],
    ['15/12/23', 'format'],
    ['2024-4-23', 'format'],
    ['', 'format'],
    ['ngày 05 tháng 3', 'format'],
  ])('%j → %s', (text, reason) => {
    expect(parseDate(text)).toEqual({ ok: false, reason });
  });

  it.each([['15/12/2023'], ['05/02/2024'], ['23/4/2024'], ['08/3/2024']])('round-trips %s', (text) => {
    const r = parseDate(text);
    expect(r.ok && formatDate(r.value, 'short')).toBe(text);
  });
});
