/**
 * Year tokens: `{year}`, `{year+1}`, `{year-1}` (any shift) stand for the report's year in
 * prose, titles, captions and column headings, so text written once — and carried to the next
 * year by `report new` — never prints a stale year. Shared by the prose resolver and the
 * statistical tables, whose captions and column titles take the tokens too.
 */

import { yearShift } from '../dataset/tokens.js';

/** The year a token names (`year`, `year+1`, `year - 1`), or undefined when it is not one. */
export function yearOf(token: string, year: number): string | undefined {
  const shift = yearShift(token.trim());
  return shift === undefined ? undefined : String(year + shift);
}

/** A plain line (title, unit, caption) with its year tokens resolved; other braces stay as written. */
export function withYears(text: string, year: number): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, token: string) => yearOf(token, year) ?? whole);
}
