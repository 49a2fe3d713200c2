/**
 * A sheet as the record reader sees it, whatever file it came from (.xlsx or .csv): cells by
 * reference (`D12`) with their kind and value, and the merged ranges. Values stay as typed: a
 * number is the double the file stored, text is the exact text (NFC); turning them into data is
 * `records.ts`'s job.
 */

export type CellKind = 'number' | 'text' | 'boolean' | 'date' | 'error' | 'empty' | 'uncached';

export interface Cell {
  ref: string;
  kind: CellKind;
  /** `number` cells. */
  value?: number | boolean;
  /** `text` and `error` cells. */
  text?: string;
  /** `date` cells, yyyy-mm-dd. */
  iso?: string;
  /** The number format code (`#,##0.00`, `0%`, `General`); CSV cells have none. */
  format?: string;
  /** The formula behind the value, when there is one. */
  formula?: string;
}

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  /** Merged ranges, `A1:B3`. */
  merges: string[];
}

/** `A` → 0, `Z` → 25, `AA` → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
