/**
 * The grid of a declared table: where each cell sits once colSpan and rowSpan are applied (HTML
 * semantics), and which rows do not fill the declared columns (W003, at the row's template line).
 * Writers lay cells out from this placement; the tree check (check.ts) reports its findings, so
 * `validate` and `build` say the same thing about the same table.
 */
import type { RowKind, Table, TableCell } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';

const NO_POSITION = { file: '', line: 0, column: 0 };

/** A cell placed on the table grid. */
export interface PlacedCell {
  cell: TableCell;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** What occupies one grid slot: a cell's top-left corner, a slot it covers, or nothing. */
export type Slot =
  | { kind: 'start'; placed: PlacedCell }
  | { kind: 'covered'; by: PlacedCell }
  | { kind: 'empty' };

export interface TableGrid {
  columnCount: number;
  /** slots[row][col] */
  slots: Slot[][];
  /** Leading rows of kind `header`: they repeat on every page. */
  headerRowCount: number;
  diagnostics: Diagnostic[];
}

/**
 * Place every cell: a row's cells fill the slots left free by rowSpans from the rows above
 * (HTML semantics — a later row omits the cells a rowSpan covers). Spans are clipped to the
 * table; cells past the last column are dropped and short rows padded, with a warning.
 */
export function tableGrid(table: Table): TableGrid {
  const columnCount = Math.max(1, table.columns.length);
  const rowCount = table.children.length;
  const slots: Slot[][] = table.children.map(() => Array.from({ length: columnCount }, (): Slot => ({ kind: 'empty' })));
  const diagnostics: Diagnostic[] = [];
  table.children.forEach((row, r) => {
    let col = 0;
    let overflow = 0;
    for (const cell of row.children) {
      while (col < columnCount && slots[r]![col]!.kind !== 'empty') col++;
      const colSpan = Math.max(1, Math.floor(cell.colSpan ?? 1));
      if (col >= columnCount) {
        overflow += colSpan;
        continue;
      }
      const placed: PlacedCell = {
        cell,
        row: r,
        col,
        colSpan: Math.min(colSpan, freeRun(slots[r]!, col)),
        rowSpan: Math.min(Math.max(1, Math.floor(cell.rowSpan ?? 1)), rowCount - r),
      };
      overflow += colSpan - placed.colSpan;
      occupy(slots, placed);
      col += placed.colSpan;
    }
    const filled = slots[r]!.filter((s) => s.kind !== 'empty').length;
    if (overflow > 0 || filled < columnCount) {
      diagnostics.push(makeDiagnostic('W003', row.position ?? table.position ?? NO_POSITION, { row: r + 1, actual: filled + overflow, expected: columnCount }));
    }
  });
  return { columnCount, slots, headerRowCount: leadingHeaderRows(table), diagnostics };
}

/** How many empty slots follow `col` in a row (a span stops at a slot a rowSpan holds). */
function freeRun(row: readonly Slot[], col: number): number {
  let n = 0;
  while (col + n < row.length && row[col + n]!.kind === 'empty') n++;
  return n;
}

function occupy(slots: Slot[][], placed: PlacedCell): void {
  for (let r = placed.row; r < placed.row + placed.rowSpan; r++) {
    for (let c = placed.col; c < placed.col + placed.colSpan; c++) {
      const first = r === placed.row && c === placed.col;
      slots[r]![c] = first ? { kind: 'start', placed } : { kind: 'covered', by: placed };
    }
  }
}

function leadingHeaderRows(table: Table): number {
  const i = table.children.findIndex((row) => row.kind !== 'header');
  return i === -1 ? table.children.length : i;
}


/**
 * The row kind a cell's text is set in: its row's, except that a cell merged over rows of
 * different kinds — a note beside a bold group row and the plain rows under it — is set as a
 * body cell, not in the weight of whichever row it happens to start on.
 */
export function cellKind(table: Table, placed: PlacedCell): RowKind {
  const kind = table.children[placed.row]!.kind;
  if (placed.rowSpan <= 1) return kind;
  const rows = table.children.slice(placed.row, placed.row + placed.rowSpan);
  return rows.every((r) => r.kind === kind) ? kind : 'body';
}
