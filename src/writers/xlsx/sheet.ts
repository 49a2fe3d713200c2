/**
 * One worksheet of the XLSX writer: a table (or the parts of a table under one caption) laid
 * out as the report prints it — the caption and its italic line merged over the width, each
 * part's title, header rows with their merges, bordered cells — with typed values: a number is a
 * number whose format shows the decimals it printed (`#,##0`, `#,##0.0`, …), "-" and empty
 * cells stay as they are. A statistical table says which columns hold numbers (`numeric`) and
 * which rows total which (`sumOf`): such a row is a `SUM` over exactly those rows (a "trong đó"
 * row it does not name is left out), with the printed value cached, when that sum is the printed
 * figure; otherwise the printed (stated) figure stays a constant and a cell comment says so. A
 * plain declared table's total row is a `SUM` over the rows above it, found the same way.
 */
import type { Decimal } from 'decimal.js';
import type { Table, TableRow } from '../../doctree/types.js';
import { toPlainText as treeText } from '../../doctree/text.js';
import { cellKind, tableGrid, type PlacedCell } from '../../doctree/grid.js';
import { parseVietnameseNumber } from '../../numbers/parse.js';
import { Exact } from '../../numbers/exact.js';
import { formatDiff, formatWritten } from '../../numbers/index.js';
import { columnName } from '../../load/sheets/xlsx.js';
import type { CellComment } from './comments.js';
import { LEGACY_DRAWING } from './comments.js';
import type { Styles } from './styles.js';

/** A cell's text: a spreadsheet breaks no lines, so the tree's no-break spaces (doctree/typeset.ts) print as spaces. */
const toPlainText = (inlines: Parameters<typeof treeText>[0]): string => treeText(inlines).replace(/\u00a0/g, ' ');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SheetOut { xml: string; comments: CellComment[]; printTitles?: string }

interface Num { value: Decimal; decimals: number; text: string }

/** A printed cell as a number: exactly the digits printed, and how many decimals. */
export function asNumber(text: string): Num | undefined {
  const t = text.trim();
  if (!/^-?\d/.test(t)) return undefined;
  const parsed = parseVietnameseNumber(t);
  if (!parsed.ok) return undefined;
  const comma = t.indexOf(',');
  return { value: parsed.value, decimals: comma < 0 ? 0 : t.length - comma - 1, text: t };
}

/**
 * Each row's cells at their grid columns, in column order: the placement every writer uses
 * (doctree/grid.ts — spans clipped to the table, cells past its last column left out, as W003
 * says when the data is checked).
 */
function placeCells(table: Table): PlacedCell[][] {
  return tableGrid(table).slots.map((row) => row.flatMap((slot) => (slot.kind === 'start' ? [slot.placed] : [])));
}

/** `D5:D7,D9`: the sheet rows (1-based) as runs of a column. */
function refsOf(letter: string, rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? `${letter}${sorted[i]}` : `${letter}${sorted[i]}:${letter}${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

/** Lays the tables of one sheet out, row after row, and writes their cells. */
class SheetBuilder {
  readonly rows: string[] = [];
  readonly merges: string[] = [];
  readonly comments: CellComment[] = [];
  next = 0;

  constructor(private readonly styles: Styles, readonly width: number, private readonly widths: number[]) {}

  /**
   * A row's height when a wrapped text needs more than one line: readers do not all fit rows to
   * wrapped text on opening (LibreOffice does not), so the writer estimates it from the text's
   * length and the column's width, 15.75 pt a line of 12 pt text.
   */
  private height(row: PlacedCell[], table: Table, bold: boolean): string {
    let lines = 1;
    for (const p of row) {
      if (p.rowSpan > 1) continue;
      const chars = this.widths.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0) || 1;
      const text = toPlainText(p.cell.children);
      // A column of width w holds about 1.25 w letters of Vietnamese text (w counts digit widths), fewer in bold.
      lines = Math.max(lines, Math.ceil([...text].length / Math.max(1, chars * (bold ? 1 : 1.25) - 2)));
    }
    return lines > 1 && table.children.length ? ` ht="${(15.75 * lines).toFixed(2)}" customHeight="1"` : '';
  }

  /** A line of text merged over the sheet's width (caption, italic line, part title). */
  line(text: string, font: 'bold' | 'italic', align: 'center' | 'left'): void {
    const r = this.next++;
    const s = this.styles.get({ font, align });
    this.rows.push(`<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr" s="${s}"><is><t xml:space="preserve">${esc(text)}</t></is></c></row>`);
    if (this.width > 1) this.merges.push(`A${r + 1}:${columnName(this.width - 1)}${r + 1}`);
  }

  table(table: Table): { headerFrom: number; headerTo: number } {
    const offset = this.next;
    const grid = placeCells(table);
    const typed = table.columns.some((c) => c.numeric);
    const numbers = grid.map((row, r) => new Map(row.flatMap((p): [number, Num][] => {
      if (table.children[r]!.kind === 'header' || (typed && !table.columns[p.col]?.numeric)) return [];
      const n = asNumber(toPlainText(p.cell.children).normalize('NFC'));
      return n ? [[p.col, n]] : [];
    })));
    grid.forEach((row, r) => {
      const node = table.children[r]!;
      const rowBold = node.kind !== 'body' || Boolean(node.sumOf?.length);
      const cells = row.map((placed) => {
        const ref = `${columnName(placed.col)}${offset + r + 1}`;
        const { rowSpan, colSpan } = placed;
        if (rowSpan > 1 || colSpan > 1) this.merges.push(`${ref}:${columnName(placed.col + colSpan - 1)}${offset + r + rowSpan}`);
        const align = placed.cell.align ?? (node.kind === 'header' ? 'center' : table.columns[placed.col]?.align ?? 'left');
        // A merge over rows of different kinds (a note beside a group row and its rows) is plain.
        const bold = rowBold && cellKind(table, placed) === node.kind;
        const number = numbers[r]!.get(placed.col);
        if (!number) {
          const text = toPlainText(placed.cell.children).normalize('NFC');
          const s = this.styles.get({ font: bold ? 'bold' : 'normal', align, border: true, wrap: true });
          return text ? `<c r="${ref}" t="inlineStr" s="${s}"><is><t xml:space="preserve">${esc(text)}</t></is></c>` : `<c r="${ref}" s="${s}"/>`;
        }
        const s = this.styles.get({ font: bold ? 'bold' : 'normal', align, border: true, decimals: number.decimals });
        const formula = this.total(table, numbers, grid, r, placed.col, number, offset);
        return `<c r="${ref}" s="${s}">${formula ? `<f>${formula}</f>` : ''}<v>${number.value.toFixed()}</v></c>`;
      });
      // Cells a merge covers still get the border, so the merged box is drawn whole.
      this.rows.push(`<row r="${offset + r + 1}"${this.height(row, table, rowBold)}>${this.covered(row, cells, table, offset + r)}</row>`);
    });
    this.next = offset + grid.length;
    const headers = table.children.findIndex((row) => row.kind !== 'header');
    return { headerFrom: offset + 1, headerTo: offset + (headers < 0 ? table.children.length : headers) };
  }

  /** The row's cells in column order, with a bordered empty cell in each slot a merge covers. */
  private covered(row: PlacedCell[], cells: string[], table: Table, r: number): string {
    const byCol = new Map(row.map((p, i) => [p.col, cells[i]!]));
    const s = this.styles.get({ font: 'normal', align: 'left', border: true });
    const out: string[] = [];
    for (let c = 0; c < Math.max(table.columns.length, ...row.map((p) => p.col + 1)); c++) {
      out.push(byCol.get(c) ?? `<c r="${columnName(c)}${r + 1}" s="${s}"/>`);
    }
    return out.join('');
  }

  /**
   * The formula of a total cell, or undefined (a constant). A row declared to total others sums
   * exactly them; a plain table's total row sums the body (else group) rows above it. When the
   * printed figure is not that sum, it stays a constant with a comment saying why.
   */
  private total(table: Table, numbers: Map<number, Num>[], grid: PlacedCell[][], r: number, col: number, printed: Num, offset: number): string | undefined {
    const node = table.children[r]!;
    const letter = columnName(col);
    let candidates: number[][];
    let named: string;
    if (node.sumOf?.length) {
      candidates = [node.sumOf.filter((i) => numbers[i]?.has(col))];
      named = `các dòng ${node.sumOf.map((i) => toPlainText(grid[i]?.[0]?.cell.children ?? [])).join(', ')}`;
    } else if (node.kind === 'total') {
      candidates = rowsAbove(table.children, numbers, r, col);
      named = 'các dòng bên trên';
    } else {
      return undefined;
    }
    const sumOf = (rows: number[]) => rows.reduce((acc, i) => acc.plus(numbers[i]!.get(col)!.value), new Exact(0));
    const hit = candidates.find((rows) => rows.length && sumOf(rows).equals(printed.value));
    if (hit) return `SUM(${refsOf(letter, hit.map((i) => offset + i + 1))})`;
    const rows = candidates.filter((c) => c.length).pop();
    if (!rows) return undefined;
    const sum = sumOf(rows);
    this.comments.push({
      row: offset + r, col,
      text: `Số in là số đã nêu ${printed.text}, khác tổng ${named} là ${formatWritten({ n: sum, places: printed.decimals })} `
        + `(chênh lệch ${formatDiff(printed.value.minus(sum), printed.decimals)}); ô giữ số đã nêu, không phải công thức.`,
    });
    return undefined;
  }
}

/** The body rows, and the group rows, above a total row with a number in this column, since the previous total. */
function rowsAbove(rows: readonly TableRow[], numbers: Map<number, Num>[], at: number, col: number): number[][] {
  let start = at - 1;
  while (start >= 0 && rows[start]!.kind !== 'total' && rows[start]!.kind !== 'header') start--;
  return (['body', 'group'] as const).map((kind) => {
    const found: number[] = [];
    for (let r = start + 1; r < at; r++) if (rows[r]!.kind === kind && numbers[r]!.has(col)) found.push(r);
    return found;
  });
}

/**
 * The sheet of one table or of the parts under one caption. `sheetName` is the name the
 * workbook gives it, for the print titles (the header rows repeated on every printed page).
 */
export function sheetXml(tables: readonly Table[], styles: Styles, sheetName: string): SheetOut {
  const width = Math.max(...tables.map((t) => t.columns.length));
  // Relative widths scaled to about a landscape page of characters, the widest part's per column.
  const widths = Array.from({ length: width }, (_, c) => Math.max(...tables.map((t) => {
    const total = t.columns.reduce((sum, col) => sum + col.width, 0) || 1;
    return t.columns[c] ? Math.max(6, Math.round((t.columns[c]!.width / total) * 150)) : 6;
  })));
  const b = new SheetBuilder(styles, width, widths);
  const first = tables[0]!;
  if (first.caption) b.line(first.caption, 'bold', 'center');
  if (first.subtitle) b.line(first.subtitle, 'italic', 'center');
  if (first.caption || first.subtitle) b.next++;
  let header = { headerFrom: 0, headerTo: 0 };
  tables.forEach((t, i) => {
    if (i > 0) b.next++;
    if (t.part) b.line(t.part, 'bold', 'left');
    const h = b.table(t);
    if (i === 0) header = h;
  });
  const single = tables.length === 1 && header.headerTo >= header.headerFrom;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const pane = single ? `<pane ySplit="${header.headerTo}" topLeftCell="A${header.headerTo + 1}" activePane="bottomLeft" state="frozen"/>` : '';
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
    + `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`
    + `<cols>${cols}</cols><sheetData>${b.rows.join('')}</sheetData>`
    + (b.merges.length ? `<mergeCells count="${b.merges.length}">${b.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '')
    + '<pageMargins left="0.6" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    + '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    + (b.comments.length ? LEGACY_DRAWING : '')
    + '</worksheet>';
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  return { xml, comments: b.comments, ...(single ? { printTitles: `${quoted}!$${header.headerFrom}:$${header.headerTo}` } : {}) };
}
