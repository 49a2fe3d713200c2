/**
 * From a sheet to a record list, by the mapping a data file gives:
 *
 *     projects:
 *       from: du-an-2024.xlsx      # or .csv; a path inside the data folder
 *       sheet: Danh mục            # .xlsx only; default the first sheet
 *       header: 1                  # the header row; records start on the next one
 *       columns:
 *         name: B
 *         allocation: { column: D, unit: triệu đồng }
 *
 * Each record becomes what the clerk would have typed in YAML — text, with the unit after a
 * number: a number cell 676373 in a `triệu đồng` column gives "676.373 triệu đồng", exactly, and
 * so does the text "676.373". From there the schemas and rules treat it like any YAML value.
 * Nothing is rounded: a cell whose shortest decimal form has more decimals than the column shows
 * (or than `decimals:` allows) is an error, as are a merged cell where a value is expected, a
 * formula without its cached value, an error value (#DIV/0!) and a date typed as text in a date
 * column. Every value remembers its cell, for diagnostics at `file!sheet!cell`.
 */
import { Exact } from '../../numbers/exact.js';
import { formatNumber } from '../../numbers/format.js';
import { parseVietnameseNumber } from '../../numbers/parse.js';
import { makeDiagnostic } from '../../diagnostics/catalogue.js';
import type { CellRef, Diagnostic, SourcePosition } from '../../diagnostics/types.js';
import { mergedFollowers, splitRef } from './xlsx.js';
import { columnIndex, type Cell, type Sheet } from './sheet.js';

export interface ColumnMapping {
  column: string;
  unit?: string;
  type?: 'text' | 'number' | 'percent' | 'date';
  decimals?: number;
}

export interface SheetMapping {
  from: string;
  sheet?: string;
  header: number;
  columns: Record<string, ColumnMapping>;
}

export interface SheetRecords {
  records: Record<string, string>[];
  /** `/<index>` and `/<index>/<field>` → the cell it came from. */
  cells: Map<string, CellRef>;
  diagnostics: Diagnostic[];
}

/** Read a mapping from parsed YAML (failsafe: every scalar is a string); null with reasons when malformed. */
export function readMapping(value: Record<string, unknown>): { mapping: SheetMapping | null; problems: string[] } {
  const problems: string[] = [];
  const header = value.header === undefined ? 1 : Number(value.header);
  if (!Number.isInteger(header) || header < 0) problems.push(`header: "${String(value.header)}" không phải số dòng`);
  const columns: Record<string, ColumnMapping> = {};
  const raw = value.columns;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) problems.push('columns: cần ánh xạ tên trường → cột, ví dụ { name: B }');
  else {
    for (const [field, spec] of Object.entries(raw as Record<string, unknown>)) {
      const col = typeof spec === 'string' ? { column: spec } : (spec as Record<string, unknown>);
      const letters = String(col?.column ?? '').trim().toUpperCase();
      if (!/^[A-Z]{1,3}$/.test(letters)) { problems.push(`columns.${field}: "${String(col?.column ?? '')}" không phải tên cột (A, B, …, AA)`); continue; }
      const decimals = col.decimals === undefined ? undefined : Number(col.decimals);
      if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0)) problems.push(`columns.${field}.decimals: "${String(col.decimals)}" không phải số nguyên không âm`);
      const type = col.type === undefined ? undefined : String(col.type);
      if (type !== undefined && !['text', 'number', 'percent', 'date'].includes(type)) problems.push(`columns.${field}.type: "${type}" không phải text, number, percent hay date`);
      columns[field] = {
        column: letters,
        ...(col.unit !== undefined ? { unit: String(col.unit) } : {}),
        ...(type ? { type: type as ColumnMapping['type'] } : {}),
        ...(decimals !== undefined ? { decimals } : {}),
      };
    }
  }
  if (problems.length) return { mapping: null, problems };
  return { mapping: { from: String(value.from), ...(value.sheet !== undefined ? { sheet: String(value.sheet) } : {}), header, columns }, problems };
}

/** Decimals a number format shows: `#,##0` → 0, `0.00` → 2, `0.0%` → 1 (of the percent); General → none. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format || format === 'General' || format === '@') return undefined;
  const section = format.split(';')[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/[0#]/.test(section)) return undefined;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1]!.length : 0;
}

/** Fraction digits of a double's shortest round-trip decimal form. */
function shortestDecimals(value: number): number {
  return Math.max(new Exact(String(value)).decimalPlaces(), 0);
}

/** The doubles a spreadsheet stores are shown in their shortest round-trip form, never rounded. */
const FLOAT_NOISE_DECIMALS = 9;

export function recordsFromSheet(sheet: Sheet, mapping: SheetMapping, where: (ref: string) => SourcePosition & { cell: CellRef }): SheetRecords {
  const diagnostics: Diagnostic[] = [];
  const cells = new Map<string, CellRef>();
  const followers = mergedFollowers(sheet);
  const fields = Object.entries(mapping.columns);
  const lastRow = lastMappedRow(sheet, fields.map(([, c]) => c.column));
  const records: Record<string, string>[] = [];

  for (let row = mapping.header + 1; row <= lastRow; row++) {
    const refs = fields.map(([, c]) => `${c.column}${row}`);
    // A row with nothing in any mapped column is a gap, not a record.
    if (refs.every((ref) => isBlank(sheet.cells.get(ref)) && !followers.has(ref))) continue;
    const index = records.length;
    const record: Record<string, string> = {};
    cells.set(`/${index}`, where(refs[0]!).cell);
    for (const [field, column] of fields) {
      const ref = `${column.column}${row}`;
      cells.set(`/${index}/${field}`, where(ref).cell);
      const at = where(ref);
      if (followers.has(ref)) {
        diagnostics.push(makeDiagnostic('L045', at, { cell: ref, anchor: followers.get(ref)! }));
        continue;
      }
      const result = cellText(sheet.cells.get(ref), column);
      if (typeof result === 'string') record[field] = result;
      else if (result) diagnostics.push(makeDiagnostic(result.code, at, { cell: ref, ...result.args }));
    }
    records.push(record);
  }
  return { records, cells, diagnostics };
}

function isBlank(cell: Cell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.text === '');
}

function lastMappedRow(sheet: Sheet, columns: string[]): number {
  const wanted = new Set(columns.map(columnIndex));
  let last = 0;
  for (const [ref, cell] of sheet.cells) {
    const p = splitRef(ref);
    if (p && wanted.has(p.col) && !isBlank(cell)) last = Math.max(last, p.row);
  }
  return last;
}

type CellProblem = { code: 'L046' | 'L047' | 'L048' | 'L049' | 'L051'; args: Record<string, unknown> };

/** The YAML text a cell stands for, nothing for an empty cell, or why it cannot be read. */
export function cellText(cell: Cell | undefined, column: ColumnMapping): string | CellProblem | undefined {
  if (!cell || cell.kind === 'empty') return undefined;
  switch (cell.kind) {
    case 'uncached': return { code: 'L046', args: { formula: cell.formula ?? '' } };
    case 'error': return { code: 'L049', args: { value: cell.text ?? '' } };
    case 'boolean': return cell.value ? 'true' : 'false';
    case 'date': return column.type && column.type !== 'date' && column.type !== 'text' ? { code: 'L051', args: { value: cell.iso ?? '', unit: column.unit ?? column.type } } : dmy(cell.iso!);
    case 'text': return textCell(cell.text!, column);
    case 'number': return numberCell(cell.value as number, cell.format, column);
  }
}

function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function textCell(text: string, column: ColumnMapping): string | CellProblem | undefined {
  if (text === '') return undefined;
  if (column.type === 'date') return { code: 'L047', args: { value: text } };
  if (!column.unit && column.type !== 'number' && column.type !== 'percent') return text;
  const parsed = parseVietnameseNumber(text.replace(/%$/, ''));
  if (parsed.ok) {
    if (column.type === 'percent') return `${text.replace(/%$/, '')}%`;
    return column.unit ? `${text} ${column.unit}` : text;
  }
  // Text that already carries its own unit ("6,7 tỷ đồng") is left for the schema to judge.
  if (column.unit && /^-?[\d.,]+\s+\S/.test(text)) return text;
  return { code: 'L051', args: { value: text, unit: column.unit ?? column.type } };
}

function numberCell(value: number, format: string | undefined, column: ColumnMapping): string | CellProblem {
  if (column.type === 'date') return { code: 'L047', args: { value: String(value) } };
  // A cell formatted as a percent stores the fraction (0,9475 shows as 94,75%).
  const scaled = !!format && /%/.test(format.replace(/"[^"]*"/g, ''));
  const percent = column.type === 'percent' || (scaled && !column.unit);
  const places = shortestDecimals(value);
  const shown = formatDecimals(format);
  const allowed = column.decimals !== undefined ? column.decimals + (scaled ? 2 : 0) : shown === undefined ? FLOAT_NOISE_DECIMALS : shown + (scaled ? 2 : 0);
  if (places > allowed) return { code: 'L048', args: { value: String(value), places, allowed } };
  let exact = new Exact(String(value));
  if (scaled) exact = exact.times(100);
  const text = formatNumber(exact, { maxDecimals: places + 2 });
  if (percent) return `${text}%`;
  return column.unit ? `${text} ${column.unit}` : text;
}
