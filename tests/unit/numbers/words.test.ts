import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { moneyInWords, readNumber, type Money, type MoneyUnit } from '../../../src/numbers/index.js';

const money = (amount: string, unit: MoneyUnit): Money => ({ kind: 'money', amount: new Decimal(amount), unit });

describe('readNumber', () => {
  it.each([
    ['0', 'không'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['14', 'mười bốn'],
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['100', 'một trăm'],
    ['101', 'một trăm linh một'],
    ['104', 'một trăm linh bốn'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['115', 'một trăm mười lăm'],
    ['121', 'một trăm hai mươi mốt'],
    ['1000', 'một nghìn'],
    ['1005', 'một nghìn không trăm linh năm'],
    ['1015', 'một nghìn không trăm mười lăm'],
    ['1100', 'một nghìn một trăm'],
    ['1.000.000', 'một triệu'],
    ['1.001.000', 'một triệu không trăm linh một nghìn'],
    ['1.000.001', 'một triệu không trăm linh một'],
    ['2.030.000.305', 'hai tỷ không trăm ba mươi triệu ba trăm linh năm'],
    ['1.200.000.000.000', 'một nghìn hai trăm tỷ'],
    ['1.000.000.000.000', 'một nghìn tỷ'],
    ['1.000.000.000.000.000', 'một triệu tỷ'],
    ['10.000.000.000.000.000', 'mười triệu tỷ'],
    ['1.000.000.000.000.000.000', 'một tỷ tỷ'],
    ['2.000.500.000.000', 'hai nghìn tỷ năm trăm triệu'],
    ['1.000.000.000.005', 'một nghìn tỷ không trăm linh năm'],
    ['676.373.000.000', 'sáu trăm bảy mươi sáu tỷ ba trăm bảy mươi ba triệu'],
    ['120.000.000', 'một trăm hai mươi triệu'],
    ['-5', 'âm năm'],
    ['-1.005', 'âm một nghìn không trăm linh năm'],
  ])('%s → %s', (n, expected) => {
    expect(readNumber(n)).toBe(expected);
  });

  it.each([
    [1005n, 'một nghìn không trăm linh năm'],
    [new Decimal('2030000305'), 'hai tỷ không trăm ba mươi triệu ba trăm linh năm'],
    [12345678901234567890123n, 'mười hai nghìn ba trăm bốn mươi lăm tỷ tỷ sáu trăm bảy mươi tám triệu chín trăm linh một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba'],
  ])('%s (bigint/Decimal) → %s', (n, expected) => {
    expect(readNumber(n)).toBe(expected);
  });

  it.each([
    [{ thousand: 'ngàn' }, '1005', 'một ngàn không trăm linh năm'],
    [{ billion: 'tỉ' }, '2.000.000.000', 'hai tỉ'],
    [{ zeroTens: 'lẻ' }, '105', 'một trăm lẻ năm'],
    [{ fourAfterTens: 'bốn' }, '24', 'hai mươi bốn'],
  ] as const)('options %j: %s → %s', (opts, n, expected) => {
    expect(readNumber(n, opts)).toBe(expected);
  });

  it.each([['1,5'], ['abc'], [new Decimal('1.5')]])('throws on non-integer %s', (n) => {
    expect(() => readNumber(n)).toThrow(RangeError);
  });
});

describe('moneyInWords', () => {
  it.each([
    [money('676373', 'triệu'), 'Sáu trăm bảy mươi sáu tỷ ba trăm bảy mươi ba triệu đồng'],
    [money('120000000', 'đồng'), 'Một trăm hai mươi triệu đồng'],
    [money('6.7', 'tỷ'), 'Sáu tỷ bảy trăm triệu đồng'],
    [money('14800000000', 'đồng'), 'Mười bốn tỷ tám trăm triệu đồng'],
    [money('0', 'đồng'), 'Không đồng'],
    [money('1000.5', 'đồng'), 'Một nghìn không trăm linh một đồng'], // half-up to whole đồng
    [money('1000.4', 'đồng'), 'Một nghìn đồng'],
    [money('0.0000015', 'triệu'), 'Hai đồng'],
    [money('-5', 'nghìn'), 'Âm năm nghìn đồng'],
  ])('%o → %s', (m, expected) => {
    expect(moneyInWords(m)).toBe(expected);
  });

  it('passes word options through', () => {
    expect(moneyInWords(money('1.005', 'tỷ'), { billion: 'tỉ', thousand: 'ngàn' })).toBe(
      'Một tỉ không trăm linh năm triệu đồng',
    );
  });
});
