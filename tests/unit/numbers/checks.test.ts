// numbers/checks: the one sum and ratio the table and prose checks use, compared at the stated
// figure's printed precision with rounding half up.
import { describe, expect, it } from 'vitest';
import { checkRatio, checkSum, compareAtPrecision, formatDiff, formatWritten, reconcile, reconcileQuantity, toExact } from '../../../src/numbers/index.js';

const w = (n: string, places = 0) => ({ n: toExact(n), places });

describe('checkSum', () => {
  it('agrees when the parts add up to the stated total', () => {
    const r = checkSum(w('1874'), [toExact(1502), toExact(372)]);
    expect(r.agrees).toBe(true);
    expect(r.diff.isZero()).toBe(true);
  });

  it('reports a total off by one, with the computed sum and the difference', () => {
    const r = checkSum(w('22143'), [toExact(19596), toExact(2548)]);
    expect(r.agrees).toBe(false);
    expect(r.computed.toString()).toBe('22144');
    expect(formatDiff(r.diff, 0)).toBe('+1');
  });

  it('compares at the stated places: 8.948 agrees with 8.947,7 rounded half up', () => {
    expect(checkSum(w('8948'), [toExact('8000.2'), toExact('947.5')]).agrees).toBe(true);
    expect(checkSum(w('8947.7', 1), [toExact('8000.2'), toExact('947.4')]).agrees).toBe(false);
  });
});

describe('checkRatio', () => {
  it('agrees at the printed precision (405.312 / 409.876 = 98,8865 % prints 98,89)', () => {
    expect(checkRatio(w('98.89', 2), toExact(405312), toExact(409876))!.agrees).toBe(true);
    const off = checkRatio(w('98.88', 2), toExact(405312), toExact(409876))!;
    expect(off.agrees).toBe(false);
    expect(formatWritten({ n: off.computed, places: 2 })).toBe('98,89');
    expect(formatDiff(off.diff, 2)).toBe('+0,01');
  });

  it('rounds half up: 1/8 = 12,5 % is 13 % at no decimals, not 12 %', () => {
    expect(checkRatio(w('13'), toExact(1), toExact(8))!.agrees).toBe(true);
    expect(checkRatio(w('12'), toExact(1), toExact(8))!.agrees).toBe(false);
    expect(checkRatio(w('12.5', 1), toExact(1), toExact(8))!.agrees).toBe(true);
  });

  it('gives no ratio of a zero whole', () => {
    expect(checkRatio(w('0'), toExact(0), toExact(0))).toBeUndefined();
  });
});

describe('formatWritten and compareAtPrecision', () => {
  it('prints a figure with exactly its written places', () => {
    expect(formatWritten(w('99.1', 2))).toBe('99,10');
    expect(formatWritten(w('186245.5', 1))).toBe('186.245,5');
    expect(formatWritten(w('412530'))).toBe('412.530');
  });

  it('compares a linked figure with its cell', () => {
    expect(compareAtPrecision(w('412530'), toExact(412530)).agrees).toBe(true);
    const r = compareAtPrecision(w('412350'), toExact(412530));
    expect(r.agrees).toBe(false);
    expect(formatDiff(r.diff, 0)).toBe('+180');
  });
});

describe('reconcile: the check and the printed figure from one function', () => {
  it('22.143 stated vs 19.596 + 2.548 = 22.144: a difference of 1; print chooses the number', () => {
    const stated = reconcile(w('22143'), [toExact(19596), toExact(2548)], 'stated');
    expect(stated.agrees).toBe(false);
    expect(formatDiff(stated.diff, 0)).toBe('+1');
    expect(stated.printed.toString()).toBe('22143');
    expect(reconcile(w('22143'), [toExact(19596), toExact(2548)], 'computed').printed.toString()).toBe('22144');
  });

  it('prints the computed value exact, or at the stated places when asked', () => {
    const r = reconcile(w('8948'), [toExact('8000.2'), toExact('947.5')], 'computed');
    expect(r.agrees).toBe(true);
    expect(r.printed.toString()).toBe('8947.7');
    expect(reconcile(w('8948'), [toExact('8000.2'), toExact('947.5')], 'computed', true).printed.toString()).toBe('8948');
  });

  it('converts a computed quantity to the stated unit before comparing', () => {
    const money = (amount: string, unit: 'triệu' | 'tỷ') => ({ kind: 'money' as const, amount: toExact(amount), unit });
    const r = reconcileQuantity(money('22.143', 'tỷ'), money('22144', 'triệu'), 'stated');
    expect(r.converted).toEqual(money('22.144', 'tỷ'));
    expect(r.agrees).toBe(false);
    expect(formatDiff(r.diff, 3)).toBe('+0,001');
    expect(reconcileQuantity(money('22', 'tỷ'), money('22144', 'triệu'), 'stated').agrees).toBe(true);
  });
});
