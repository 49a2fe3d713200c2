/**
 * Checks on stated figures, in one place for every rule and for printing alike: a sum of parts,
 * a ratio as a percent, each rounded half up to the precision the stated figure was written
 * with (99,10 → two places), so "agrees" means "would print the same". The result carries the
 * computed value at that precision and the difference, which the diagnostics quote.
 */
import type { Decimal } from 'decimal.js';
import { toExact } from './exact.js';
import { formatNumber } from './format.js';
import { convertArea, convertMoney, type Quantity } from './units.js';

const ROUND_HALF_UP = 4;

/** A figure as written: its exact value and the number of decimal places it was printed with. */
export interface Written { n: Decimal; places: number }

export interface Comparison {
  agrees: boolean;
  /** The computed value rounded to the stated precision. */
  computed: Decimal;
  /** computed − stated, at the stated precision. */
  diff: Decimal;
}

/** Compare a computed value with a stated one at the stated figure's printed precision. */
export function compareAtPrecision(stated: Written, computed: Decimal): Comparison {
  const rounded = toExact(computed).toDecimalPlaces(stated.places, ROUND_HALF_UP);
  return { agrees: rounded.equals(stated.n), computed: rounded, diff: rounded.minus(stated.n) };
}

/** The sum of parts, compared with a stated total. */
export function checkSum(stated: Written, parts: readonly Decimal[]): Comparison {
  return compareAtPrecision(stated, sumOf(parts));
}

/** A percent stated as part/whole × 100; a zero whole gives no ratio (undefined). */
export function checkRatio(stated: Written, part: Decimal, whole: Decimal): Comparison | undefined {
  if (whole.isZero()) return undefined;
  return compareAtPrecision(stated, part.div(whole).times(100));
}

/** Which number a checked figure prints: the one the data states, or the one computed from its parts. */
export type Print = 'stated' | 'computed';

/** A stated figure reconciled with its computation: the comparison, and the number the report prints. */
export interface Reconciled extends Comparison {
  /** The computed value before rounding. */
  exact: Decimal;
  /** What the report prints: the stated number, or the computed one. */
  printed: Decimal;
}

/**
 * The one function behind every stated-figure check and the figure printed beside it: the
 * computed value (a number, or parts to add up) is compared with the stated one at its printed
 * precision, and `print` chooses the number to print — the stated one, or the computed one
 * (exact, or rounded to the stated places when `rounded`, as a table cell or a prose figure
 * written with fixed places prints it). A check and its printed figure therefore never drift.
 */
export function reconcile(stated: Written, computed: Decimal | readonly Decimal[], print: Print, rounded = false): Reconciled {
  const exact = Array.isArray(computed) ? sumOf(computed as readonly Decimal[]) : toExact(computed as Decimal);
  const cmp = compareAtPrecision(stated, exact);
  return { ...cmp, exact, printed: print === 'stated' ? stated.n : rounded ? cmp.computed : exact };
}

/**
 * A stated money or area against a computed one in any unit: the computed value is converted
 * to the stated unit first (a sum in triệu đồng against a total in tỷ đồng), then reconciled at
 * the stated number's own places (8.948 m² agrees with 8.947,7 m²: the clerk rounded).
 * `converted` is the computed quantity in the stated unit, for messages.
 */
export function reconcileQuantity<Q extends Quantity>(stated: Q, computed: Q, print: Print): Reconciled & { converted: Q } {
  const converted = inUnitOf(computed, stated);
  const r = reconcile({ n: stated.amount, places: Math.max(stated.amount.decimalPlaces(), 0) }, converted.amount, print);
  return { ...r, converted };
}

/** A quantity in the unit of another of its kind (money to money, area to area). */
export function inUnitOf<Q extends Quantity>(q: Q, like: Q): Q {
  if (q.kind === 'money' && like.kind === 'money') return convertMoney(q, like.unit) as Q;
  if (q.kind === 'area' && like.kind === 'area') return convertArea(q, like.unit) as Q;
  return q;
}

/** The exact sum of parts (an empty list sums to 0). */
export function sumOf(parts: readonly Decimal[]): Decimal {
  return parts.reduce((a, b) => a.plus(b), toExact(0));
}

/** A written figure printed the Vietnamese way with exactly its places (99,10; 2.372). */
export function formatWritten(w: Written): string {
  return formatNumber(w.n, { minDecimals: w.places, maxDecimals: Math.max(w.places, 0) });
}

/** A signed difference for messages: +1, -0,05. */
export function formatDiff(d: Decimal, places: number): string {
  return (d.isPositive() && !d.isZero() ? '+' : '') + formatNumber(d, { minDecimals: places, maxDecimals: places });
}
