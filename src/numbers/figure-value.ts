/**
 * A figure's value as the report prints it — money and area with their unit, a count, a
 * percent (a share of a whole, or a rate against a plan), a fraction, a list of unit names —
 * and its default printed form. Shared by the checks that quote figures in messages and by the
 * model that prints them, so both show a figure the same way.
 */
import type { Decimal } from 'decimal.js';
import { formatMoney, formatArea, formatPercent, formatCount, formatFraction, formatNumber } from './format.js';
import type { Money, Area } from './units.js';
import { reconcile, reconcileQuantity, type Print, type Reconciled } from './checks.js';

export type FigureValue =
  | { kind: 'money'; money: Money }
  | { kind: 'area'; area: Area }
  | { kind: 'count'; n: Decimal; /** false: printed without the leading zero below 10 (`6`, not `06`). */ zero?: boolean }
  | { kind: 'percent'; n: Decimal; /** A rate against a plan (may exceed 100 %), not a share of a whole. */ rate?: true }
  | { kind: 'fraction'; part: Decimal; whole: Decimal }
  | { kind: 'units'; names: string[] };

/** The default printed form of a figure (units lists are joined with commas). */
export function formatFigure(f: FigureValue): string {
  switch (f.kind) {
    case 'money': return formatMoney(f.money);
    case 'area': return formatArea(f.area);
    // `in` first: the templates' strict model refuses to read a field an object lacks.
    case 'count': return 'zero' in f && f.zero === false ? formatNumber(f.n, { maxDecimals: 0 }) : formatCount(f.n);
    case 'percent': return formatPercent(f.n);
    case 'fraction': return formatFraction(f.part, f.whole);
    case 'units': return f.names.join(', ');
  }
}


/** The figures a stated value can be checked against: numbers with or without a unit. */
export type ComparableValue = Extract<FigureValue, { kind: 'money' | 'area' | 'count' | 'percent' }>;

function amountOf(v: ComparableValue): Decimal {
  return v.kind === 'money' ? v.money.amount : v.kind === 'area' ? v.area.amount : v.n;
}

/**
 * A stated figure against its computed twin, through the one reconciliation of `checks.ts`:
 * money and area converted to the stated unit, compared at the stated places; `converted` is
 * the computed value in the stated unit (what messages quote).
 */
export function reconcileFigure(stated: ComparableValue, computed: ComparableValue, print: Print): Reconciled & { converted: ComparableValue } {
  if (stated.kind === 'money' && computed.kind === 'money') {
    const r = reconcileQuantity(stated.money, computed.money, print);
    return { ...r, converted: { kind: 'money', money: r.converted } };
  }
  if (stated.kind === 'area' && computed.kind === 'area') {
    const r = reconcileQuantity(stated.area, computed.area, print);
    return { ...r, converted: { kind: 'area', area: r.converted } };
  }
  const n = amountOf(stated);
  return { ...reconcile({ n, places: Math.max(n.decimalPlaces(), 0) }, amountOf(computed), print), converted: computed };
}
