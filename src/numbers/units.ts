/**
 * Quantities that carry their unit — money in đồng/nghìn/triệu/tỷ, area in m²/ha — so a figure
 * never loses the scale it was written in. Reports mix "676.373 triệu đồng" with "6,7 tỷ đồng" and
 * "0,24 ha" with "8.948 m²"; this module parses such text, converts between units explicitly and
 * exactly (powers of ten only, so no rounding ever happens), and sums lists in a chosen unit.
 */
import type { Decimal } from 'decimal.js';
import { toExact } from './exact.js';
import { parseVietnameseNumber } from './parse.js';

export type MoneyUnit = 'đồng' | 'nghìn' | 'triệu' | 'tỷ';
export type AreaUnit = 'm2' | 'ha';
export interface Money {
  kind: 'money';
  amount: Decimal;
  unit: MoneyUnit;
}
export interface Area {
  kind: 'area';
  amount: Decimal;
  unit: AreaUnit;
}
export type Quantity = Money | Area;

export type ParseQuantityFailure =
  | 'empty'
  | 'missing-unit'
  | 'unknown-unit'
  | 'wrong-kind'
  | 'mixed-separators'
  | 'not-a-number';
export type ParseQuantityResult<Q extends Quantity = Quantity> =
  | { ok: true; value: Q }
  | { ok: false; reason: ParseQuantityFailure; unit?: string };

/** How each unit is written out in a report. */
export const MONEY_UNIT_LABEL: Readonly<Record<MoneyUnit, string>> = {
  đồng: 'đồng',
  nghìn: 'nghìn đồng',
  triệu: 'triệu đồng',
  tỷ: 'tỷ đồng',
};
export const AREA_UNIT_LABEL: Readonly<Record<AreaUnit, string>> = {
  m2: 'm²',
  ha: 'ha',
};

/** Size of each unit in the smallest one, as an exponent of ten: conversions are decimal shifts. */
const MONEY_EXPONENT: Readonly<Record<MoneyUnit, number>> = { đồng: 0, nghìn: 3, triệu: 6, tỷ: 9 };
const AREA_EXPONENT: Readonly<Record<AreaUnit, number>> = { m2: 0, ha: 4 };

/** Accepted spellings, already lower-cased NFC with single spaces. */
const MONEY_SPELLINGS: ReadonlyMap<string, MoneyUnit> = new Map<string, MoneyUnit>([
  ['đồng', 'đồng'],
  ['đ', 'đồng'],
  ['nghìn đồng', 'nghìn'],
  ['ngàn đồng', 'nghìn'],
  ['triệu', 'triệu'],
  ['triệu đồng', 'triệu'],
  ['tr.đ', 'triệu'],
  ['trđ', 'triệu'],
  ['tỷ', 'tỷ'],
  ['tỷ đồng', 'tỷ'],
  ['tỉ', 'tỷ'],
  ['tỉ đồng', 'tỷ'],
]);
const AREA_SPELLINGS: ReadonlyMap<string, AreaUnit> = new Map<string, AreaUnit>([
  ['m2', 'm2'],
  ['m²', 'm2'],
  ['ha', 'ha'],
]);

/** Leading number-like characters; the rest of the text is the unit. */
const NUMBER_THEN_UNIT = /^([-+]?[\d.,]+)\s*(.*)$/su;

/** Lower-case NFC with whitespace runs collapsed, so `Tỷ  Đồng` matches `tỷ đồng`. */
function normaliseUnit(unit: string): string {
  return unit.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function parseQuantity(text: string, kind: 'money'): ParseQuantityResult<Money>;
export function parseQuantity(text: string, kind: 'area'): ParseQuantityResult<Area>;
export function parseQuantity(text: string, kind: 'money' | 'area'): ParseQuantityResult;
export function parseQuantity(text: string, kind: 'money' | 'area'): ParseQuantityResult {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const m = NUMBER_THEN_UNIT.exec(trimmed);
  if (!m) return { ok: false, reason: 'not-a-number' };
  const [, numberText, rawUnit] = m;
  if (rawUnit === '') return { ok: false, reason: 'missing-unit' };

  const unitKey = normaliseUnit(rawUnit);
  const money = MONEY_SPELLINGS.get(unitKey);
  const area = AREA_SPELLINGS.get(unitKey);
  const wanted = kind === 'money' ? money : area;
  if (wanted === undefined) {
    // Naming the other kind tells the writer the unit is real but misplaced.
    const reason = (kind === 'money' ? area : money) === undefined ? 'unknown-unit' : 'wrong-kind';
    return { ok: false, reason, unit: rawUnit.trim() };
  }

  const parsed = parseVietnameseNumber(numberText);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return kind === 'money'
    ? { ok: true, value: { kind: 'money', amount: parsed.value, unit: wanted as MoneyUnit } }
    : { ok: true, value: { kind: 'area', amount: parsed.value, unit: wanted as AreaUnit } };
}

/** Multiplies by 10^(from − to): exact, because a decimal shift never rounds. */
function shift(amount: Decimal, fromExponent: number, toExponent: number): Decimal {
  return toExact(amount).times(toExact(10).pow(fromExponent - toExponent));
}

export function convertMoney(m: Money, to: MoneyUnit): Money {
  return { kind: 'money', amount: shift(m.amount, MONEY_EXPONENT[m.unit], MONEY_EXPONENT[to]), unit: to };
}

export function convertArea(a: Area, to: AreaUnit): Area {
  return { kind: 'area', amount: shift(a.amount, AREA_EXPONENT[a.unit], AREA_EXPONENT[to]), unit: to };
}

function isMoneyUnit(unit: string): unit is MoneyUnit {
  return Object.prototype.hasOwnProperty.call(MONEY_EXPONENT, unit);
}

/**
 * Converts every item to `unit` and adds exactly; an empty list sums to zero. Mixing money and
 * area is a programming bug (the schema keeps them apart), so it throws rather than returning.
 */
export function sumQuantities(list: readonly Money[], unit: MoneyUnit): Money;
export function sumQuantities(list: readonly Area[], unit: AreaUnit): Area;
export function sumQuantities(list: readonly Quantity[], unit: MoneyUnit | AreaUnit): Quantity;
export function sumQuantities(list: readonly Quantity[], unit: MoneyUnit | AreaUnit): Quantity {
  const kind = isMoneyUnit(unit) ? 'money' : 'area';
  let total = toExact(0);
  for (const q of list) {
    if (q.kind !== kind) {
      throw new TypeError(`sumQuantities: cannot add ${q.kind} (${q.unit}) into ${kind} (${unit})`);
    }
    const converted = q.kind === 'money' ? convertMoney(q, unit as MoneyUnit) : convertArea(q, unit as AreaUnit);
    total = total.plus(converted.amount);
  }
  return kind === 'money'
    ? { kind: 'money', amount: total, unit: unit as MoneyUnit }
    : { kind: 'area', amount: total, unit: unit as AreaUnit };
}
