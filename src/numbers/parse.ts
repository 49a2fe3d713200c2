/**
 * Reads numbers the way a Vietnamese clerk writes them — `.` between thousands groups, `,` as the
 * decimal mark (`1.234.567,89`) — straight into exact Decimals, never through JS floats. It also
 * recognises the "float trap": an unquoted `676.373` in YAML means six hundred seventy-six
 * thousand to the clerk but the float 676.373 to the YAML parser, so loaders can explain both
 * readings instead of silently keeping the wrong one.
 */
import type { Decimal } from 'decimal.js';
import { Exact } from './exact.js';

export type ParseNumberFailure = 'empty' | 'mixed-separators' | 'not-a-number';
export type ParseNumberResult =
  | { ok: true; value: Decimal }
  | { ok: false; reason: ParseNumberFailure };

/** Sign, then plain or thousand-grouped digits, then an optional `,` decimal part. */
const VIETNAMESE_NUMBER = /^(-?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/**
 * Text made only of digits and separators that still fails the grammar is a separator slip
 * (`82.03`, `1,234,567`), worth its own message; anything else is simply not a number.
 */
const DIGITS_AND_SEPARATORS = /^-?[\d.,]*\d[\d.,]*$/;

export function parseVietnameseNumber(text: string): ParseNumberResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const m = VIETNAMESE_NUMBER.exec(trimmed);
  if (!m) {
    const reason = DIGITS_AND_SEPARATORS.test(trimmed) ? 'mixed-separators' : 'not-a-number';
    return { ok: false, reason };
  }
  const [, sign, integer, fraction] = m;
  // Rebuild in decimal.js notation: drop group dots, decimal comma becomes a point.
  const canonical = `${sign}${integer.replace(/\./g, '')}${fraction ? `.${fraction}` : ''}`;
  const value = new Exact(canonical);
  // `-0` is just zero; keep the sign out of later formatting.
  return { ok: true, value: value.isZero() ? new Exact(0) : value };
}

/** What YAML's core schema reads as a float with a dot — the shape a Vietnamese `676.373` has. */
const FLOAT_TRAP = /^-?\d+\.\d+$/;

export function isFloatTrap(text: string): boolean {
  return FLOAT_TRAP.test(text.trim());
}

export interface FloatTrapReadings {
  /** What YAML makes of it, printed as JS prints the float (`676.3730` → `676.373`). */
  float: string;
  /** What the clerk meant, as plain digits (`676.373` → `676373`); null if not a valid Vietnamese number. */
  vietnamese: string | null;
}

/** Both readings of a float-trap text, for a diagnostic hint. */
export function describeFloatTrap(text: string): FloatTrapReadings {
  const trimmed = text.trim();
  // Deliberately through a JS number: the point is to show exactly what YAML produced.
  const float = String(Number(trimmed));
  const parsed = parseVietnameseNumber(trimmed);
  return { float, vietnamese: parsed.ok ? parsed.value.toFixed() : null };
}
