/**
 * Writes numbers, money, areas, percentages, counts and dates the way Vietnamese administrative
 * reports print them (nd30.md §5): `.` between thousands groups, `,` as decimal mark, units
 * spelled out, house-style leading zeros on small counts, and Decree 30 dates (`05/3/2024`,
 * `ngày 05 tháng 3 năm 2024`). All rounding is decimal ROUND_HALF_UP on exact values; no figure
 * ever passes through a JS float on its way to the page. Date parsing lives here too because it
 * is the inverse of the short date format.
 */
import type { Decimal } from 'decimal.js';
import { ROUND_HALF_UP, toExact } from './exact.js';
import {
  AREA_UNIT_LABEL,
  MONEY_UNIT_LABEL,
  convertArea,
  convertMoney,
  type Area,
  type AreaUnit,
  type Money,
  type MoneyUnit,
} from './units.js';

export type Numeric = Decimal | number | string;

export interface FormatNumberOptions {
  /** Round half-up to at most this many decimals. Default 3: enough for 121,042 tỷ or 0,084 ha. */
  maxDecimals?: number;
  /** Pad with trailing zeros to at least this many decimals. Default 0 (trailing zeros dropped). */
  minDecimals?: number;
}

function checkDecimals(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** `1234567` → `1.234.567`: dots every three digits from the right. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

export function formatNumber(d: Numeric, opts: FormatNumberOptions = {}): string {
  const maxDecimals = checkDecimals('maxDecimals', opts.maxDecimals ?? 3);
  const minDecimals = checkDecimals('minDecimals', opts.minDecimals ?? 0);
  const rounded = toExact(d).toDecimalPlaces(maxDecimals, ROUND_HALF_UP);
  // decimal.js keeps no trailing zeros, so decimalPlaces() is the significant count.
  const places = Math.max(rounded.decimalPlaces(), minDecimals);
  const [integer, fraction] = rounded.abs().toFixed(places).split('.');
  // A value that rounds to zero prints `0`, never `-0`.
  const sign = rounded.isNegative() && !rounded.isZero() ? '-' : '';
  return `${sign}${groupThousands(integer)}${fraction ? `,${fraction}` : ''}`;
}

export interface FormatMoneyOptions {
  /** Convert to this unit before printing. */
  unit?: MoneyUnit;
  maxDecimals?: number;
}

/** `676.373 triệu đồng`, `6,7 tỷ đồng`, `14.800.000.000 đồng`. */
export function formatMoney(m: Money, opts: FormatMoneyOptions = {}): string {
  const shown = opts.unit ? convertMoney(m, opts.unit) : m;
  return `${formatNumber(shown.amount, { maxDecimals: opts.maxDecimals })} ${MONEY_UNIT_LABEL[shown.unit]}`;
}

export interface FormatAreaOptions {
  unit?: AreaUnit;
  maxDecimals?: number;
}

/**
 * A sum as a formula in one unit: every term converted to `unit` first, the unit written once
 * at the end (`11.700 + 47.670 triệu đồng`), so terms the data wrote in tỷ and in triệu are not
 * added up on the page as if they were the same.
 */
export function formatSum(terms: readonly Money[], unit: MoneyUnit): string;
export function formatSum(terms: readonly Area[], unit: AreaUnit): string;
export function formatSum(terms: readonly (Money | Area)[], unit: MoneyUnit | AreaUnit): string {
  const shown = terms.map((t) => formatNumber(t.kind === 'money' ? convertMoney(t, unit as MoneyUnit).amount : convertArea(t, unit as AreaUnit).amount));
  const label = terms[0]?.kind === 'area' || unit === 'ha' || unit === 'm2' ? AREA_UNIT_LABEL[unit as AreaUnit] : MONEY_UNIT_LABEL[unit as MoneyUnit];
  return `${shown.join(' + ')} ${label}`;
}

/** `0,24 ha`, `8.948 m²`. */
export function formatArea(a: Area, opts: FormatAreaOptions = {}): string {
  const shown = opts.unit ? convertArea(a, opts.unit) : a;
  return `${formatNumber(shown.amount, { maxDecimals: opts.maxDecimals })} ${AREA_UNIT_LABEL[shown.unit]}`;
}

/** `94,75%`: no space before the sign, two decimals at most by default. */
export function formatPercent(d: Numeric, opts: { maxDecimals?: number } = {}): string {
  return `${formatNumber(d, { maxDecimals: opts.maxDecimals ?? 2 })}%`;
}

/**
 * part / whole × 100. Multiplying before dividing keeps every terminating ratio exact; a zero
 * whole has no meaningful percentage, and deciding what to print then is the caller's job.
 */
export function ratioPercent(part: Decimal, whole: Decimal): Decimal {
  const w = toExact(whole);
  if (w.isZero()) throw new RangeError('ratioPercent: whole is zero');
  return toExact(part).times(100).dividedBy(w);
}

function toWholeNumber(n: number | Decimal, what: string): Decimal {
  const d = toExact(n);
  if (!d.isInteger() || d.isNegative()) throw new RangeError(`${what} must be a non-negative integer, got ${d.toFixed()}`);
  return d;
}

/**
 * House style writes counts 1–9 with a leading zero (`08 dự án`, `01 tổ chức`) so they line up
 * with two-digit ones; zero stays `0`. A count must be a non-negative integer: anything else is a bug.
 */
export function formatCount(n: number | Decimal, noun?: string): string {
  const d = toWholeNumber(n, 'formatCount');
  const digits = d.gte(1) && d.lte(9) ? `0${d.toFixed()}` : formatNumber(d, { maxDecimals: 0 });
  return noun ? `${digits} ${noun}` : digits;
}

/** `15/17`: the reference report writes fractions without leading zeros. */
export function formatFraction(part: number | Decimal, whole: number | Decimal): string {
  return `${formatNumber(part)}/${formatNumber(whole)}`;
}

// ---------------------------------------------------------------- dates

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}
export interface FullDate {
  year: number;
  month: number;
  day: number;
}

/** Six no-break spaces: room to fill in by hand that no writer will collapse or wrap. */
export const DATE_BLANK = '\u00a0'.repeat(6);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * The last day a partial date can stand for (`năm 2024` → 31/12/2024, `tháng 2/2024` →
 * 29/02/2024): how a date left blank for the văn thư is compared and stamped.
 */
export function latestDay(d: DateParts): FullDate {
  const month = d.month ?? 12;
  return { year: d.year, month, day: d.day ?? daysInMonth(d.year, month) };
}

/** yyyymmdd as a number, for ordering dates. */
export function dateOrder(d: FullDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Decree 30: days below 10 and months 1–2 take a leading zero (so 01/02 never read as 11/12). */
function padDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
function padMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** Impossible parts are a bug in whoever built the date, so they throw rather than print. */
function checkDateParts(d: DateParts): void {
  const { year, month, day } = d;
  const ok =
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    (month === undefined || (Number.isInteger(month) && month >= 1 && month <= 12)) &&
    (day === undefined ||
      (Number.isInteger(day) && day >= 1 && day <= (month === undefined ? 31 : daysInMonth(year, month))));
  if (!ok) throw new RangeError(`Impossible date: ${JSON.stringify(d)}`);
}

/**
 * short: `05/3/2024` (needs a full date; a partial one here is a bug, so it throws).
 * long: `ngày 05 tháng 3 năm 2024`; a missing day or month becomes DATE_BLANK in place of the
 * number and its surrounding spaces, leaving room to write it in by hand after signing.
 */
export function formatDate(d: DateParts, style: 'short' | 'long'): string {
  checkDateParts(d);
  const { year, month, day } = d;
  if (style === 'short') {
    if (month === undefined || day === undefined) {
      throw new RangeError(`Short date needs day and month: ${JSON.stringify(d)}`);
    }
    return `${padDay(day)}/${padMonth(month)}/${year}`;
  }
  const dayPart = day === undefined ? DATE_BLANK : ` ${padDay(day)} `;
  const monthPart = month === undefined ? DATE_BLANK : ` ${padMonth(month)} `;
  return `ngày${dayPart}tháng${monthPart}năm ${year}`;
}

export type ParseDateResult = { ok: true; value: FullDate } | { ok: false; reason: 'format' | 'impossible' };

const VIETNAMESE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts `dd/mm/yyyy`, `d/m/yyyy` and ISO `yyyy-mm-dd`; 31/02 or 29/02 of a common year are impossible. */
export function parseDate(text: string): ParseDateResult {
  const trimmed = text.trim();
  const vn = VIETNAMESE_DATE.exec(trimmed);
  const iso = vn ? null : ISO_DATE.exec(trimmed);
  if (!vn && !iso) return { ok: false, reason: 'format' };
  const [day, month, year] = vn
    ? [Number(vn[1]), Number(vn[2]), Number(vn[3])]
    : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  if (!isValidDate(year, month, day)) return { ok: false, reason: 'impossible' };
  return { ok: true, value: { year, month, day } };
}
