/**
 * The one place that decides how baocao does decimal arithmetic. decimal.js rounds the result of
 * every operation to `precision` significant digits (20 by default), which would silently cut
 * sums of large đồng amounts; so the numbers module works with a private clone set to a precision
 * far beyond any report figure, turning +, −, × and decimal shifts into exact operations. Every
 * public function first passes its inputs through `toExact`, so callers may hand in Decimals made
 * by the default constructor, plain numbers or digit strings.
 */
import { Decimal } from 'decimal.js';

/** 1000 significant digits: exact for any sum or product of report figures; division stops there. */
export const Exact: Decimal.Constructor = Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_HALF_UP,
});

export const ROUND_HALF_UP = Decimal.ROUND_HALF_UP;

/**
 * Re-creates a value under the exact constructor. A JS number goes through `String(n)` (its
 * shortest round-trip form) so that 0.1 stays 0.1 rather than its binary expansion; NaN and
 * ±Infinity are programming bugs here, hence RangeError. Strings use decimal.js notation
 * (`1250500.75`); Vietnamese-written text must go through `parseVietnameseNumber` instead.
 */
export function toExact(value: Decimal | number | string | bigint): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`Not a finite number: ${value}`);
  }
  const d = new Exact(typeof value === 'number' || typeof value === 'bigint' ? String(value) : value);
  if (!d.isFinite()) throw new RangeError(`Not a finite number: ${String(value)}`);
  return d;
}
