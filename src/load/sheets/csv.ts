/**
 * Reading a .csv file as a sheet: UTF-8 with or without a BOM, `,` or `;` as the separator
 * (Excel on Vietnamese Windows saves `;`, because `,` is the decimal mark there), quoted fields
 * with doubled quotes and line breaks. Every cell is text: a CSV has no types, so "676.373" is
 * read by the same rules as in YAML. A file in another encoding is refused with a hint rather
 * than decoded by guesswork: Windows-1258 and the older TCVN3/VNI encodings cannot be told apart
 * reliably, and a wrong guess silently changes every diacritic.
 */
import { parse } from 'csv-parse/sync';
import { firstInvalidUtf8 } from '../index.js';
import { columnName } from './xlsx.js';
import type { Cell, Sheet } from './sheet.js';

export type CsvResult =
  | { ok: true; sheet: Sheet; separator: ',' | ';' }
  | { ok: false; reason: 'encoding'; offset: number; utf16: boolean }
  | { ok: false; reason: 'syntax'; line: number; message: string }
  | { ok: false; reason: 'too-many-cells'; count: number; limit: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The separator of the first line: the one of `;` and `,` that occurs more outside quotes. */
export function detectSeparator(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function readCsvSheet(bytes: Uint8Array, name: string, maxCells = 1_000_000): CsvResult {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let text: string;
  try {
    if (utf16) throw new Error('utf-16');
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'encoding', offset: utf16 ? 0 : firstInvalidUtf8(bytes), utf16 };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const separator = detectSeparator(text);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: separator, relax_column_count: true, skip_empty_lines: false, bom: false });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { ok: false, reason: 'syntax', line: e.lines ?? 1, message: e.message };
  }
  const cells = new Map<string, Cell>();
  let count = 0;
  for (const [r, row] of rows.entries()) {
    for (const [c, value] of row.entries()) {
      if (++count > maxCells) return { ok: false, reason: 'too-many-cells', count, limit: maxCells };
      const ref = `${columnName(c)}${r + 1}`;
      const trimmed = value.normalize('NFC').trim();
      cells.set(ref, trimmed === '' ? { ref, kind: 'empty' } : { ref, kind: 'text', text: trimmed });
    }
  }
  return { ok: true, sheet: { name, cells, merges: [] }, separator };
}
