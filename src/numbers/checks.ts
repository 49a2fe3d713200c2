/**
 * Checks on stated figures, in one place for every rule and for printing alike: a sum of parts,
 * a ratio as a percent, each rounded half up to the precision the stated figure was written
 * with (99,10 → two places), so "agrees" means "would print the same". The result carries the
 * computed value at that precision and the difference, which the diagnostics quote.
 */
import type { Decimal } from 'decimal.js';
import { toExact } from './exact.js';
import { formatNumber } from './format.js';

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
export function checkSum(stated: Written, parts: Decimal[]): Comparison {
  return compareAtPrecision(stated, parts.reduce((a, b) => a.plus(b), toExact(0)));
}

/** A percent stated as part/whole × 100; a zero whole gives no ratio (undefined). */
export function checkRatio(stated: Written, part: Decimal, whole: Decimal): Comparison | undefined {
  if (whole.isZero()) return undefined;
  return compareAtPrecision(stated, part.div(whole).times(100));
}

/** A written figure printed the Vietnamese way with exactly its places (99,10; 2.372). */
export function formatWritten(w: Written): string {
  return formatNumber(w.n, { minDecimals: w.places, maxDecimals: Math.max(w.places, 0) });
}

/** A signed difference for messages: +1, -0,05. */
export function formatDiff(d: Decimal, places: number): string {
  return (d.isPositive() && !d.isZero() ? '+' : '') + formatNumber(d, { minDecimals: places, maxDecimals: places });
}
