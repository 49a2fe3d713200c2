/**
 * The DOCX handler for declared tables (appendix "biểu"): a fixed-layout grid whose column
 * widths are the declared relative widths scaled to the text width of the page it sits on;
 * header rows marked `tblHeader` so Word repeats them on every page; merged cells as `gridSpan`
 * and explicit `vMerge` restart/continue cells (placed by the shared table grid, so DOCX and PDF
 * merge the same slots); cell text in the table styles (header, group and total rows bold by
 * their style); rows that never split across pages.
 */
import {
  BorderStyle,
  Paragraph,
  Table as DocxTable,
  TableCell as DocxCell,
  TableLayoutType,
  TableRow as DocxRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type FileChild,
} from 'docx';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Align, RowKind, Table } from '../../doctree/types.js';
import { FONT, TABLE, mmToTwip, ptToEighths, ptToHalfPt, ptToTwip } from '../theme.js';
import { cellKind, scaleWidths, tableGrid, type PlacedCell, type TableGrid } from '../structure.js';
import { ALIGN, inlineRuns, spacerParagraph } from './paragraphs.js';
import { STYLE } from './styles.js';

/** The paragraph style of each kind of row: the weight and the header's centring are the style's. */
const ROW_STYLE: Readonly<Record<RowKind, string>> = {
  header: STYLE.tableHeading,
  group: STYLE.tableTotal,
  total: STYLE.tableTotal,
  body: STYLE.tableText,
};
const ROW_ALIGN: Readonly<Record<RowKind, Align>> = { header: 'center', group: 'left', total: 'left', body: 'left' };

/** A size for runs only where the table's differs from the table style's. */
const sizeOf = (node: Table): number | undefined => (node.fontSize !== undefined && node.fontSize !== TABLE.sizePt ? node.fontSize : undefined);

const line = { style: BorderStyle.SINGLE, size: ptToEighths(TABLE.borderPt), color: FONT.color };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** Integer twip widths that add up exactly to `total` (rounding drift goes to the last column). */
function columnTwips(table: Table, total: number): number[] {
  const widths = scaleWidths(table, total).map(Math.round);
  const drift = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += drift;
  return widths;
}

export function tableBlock(node: Table, textWidth: number, diagnostics: Diagnostic[]): FileChild[] {
  const grid = tableGrid(node);
  const widths = columnTwips(node, textWidth);
  const rows = node.children.map(
    (_row, r) =>
      new DocxRow({
        tableHeader: r < grid.headerRowCount || undefined,
        cantSplit: true,
        children: rowCells(node, grid, r, widths),
      }),
  );
  return [
    new DocxTable({
      rows,
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      margins: {
        left: mmToTwip(TABLE.cellPaddingXMm),
        right: mmToTwip(TABLE.cellPaddingXMm),
        top: ptToTwip(TABLE.cellPaddingYPt),
        bottom: ptToTwip(TABLE.cellPaddingYPt),
      },
    }),
    spacerParagraph(TABLE.spaceAfterPt),
  ];
}

/** The cells of row `r`: a cell where one starts, a vMerge continuation under a rowSpan, an empty pad. */
function rowCells(node: Table, grid: TableGrid, r: number, widths: number[]): DocxCell[] {
  const cells: DocxCell[] = [];
  const size = sizeOf(node);
  const keep = mergeContinues(grid, r);
  grid.slots[r]!.forEach((slot, c) => {
    if (slot.kind === 'start') cells.push(startCell(node, slot.placed, widths, keep));
    else if (slot.kind === 'covered' && slot.by.col === c && slot.by.row < r) cells.push(continuationCell(slot.by, widths, size, keep));
    else if (slot.kind === 'empty') cells.push(emptyCell(widths[c]!, size, keep));
  });
  return cells;
}

/** Merges longer than this are let break: they would not fit on one page anyway. */
const KEPT_MERGE_ROWS = 20;

/**
 * Row `r` is inside a vertical merge that goes on into row r + 1: Word keeps the rows of a merge
 * on one page when each row's paragraphs keep with the next (rows themselves never split).
 */
function mergeContinues(grid: TableGrid, r: number): boolean {
  const next = grid.slots[r + 1];
  if (!next || r < grid.headerRowCount) return false;
  return next.some((slot) => slot.kind === 'covered' && slot.by.row <= r && slot.by.rowSpan <= KEPT_MERGE_ROWS);
}

const spanWidth = (placed: PlacedCell, widths: number[]): number =>
  widths.slice(placed.col, placed.col + placed.colSpan).reduce((a, b) => a + b, 0);

function startCell(node: Table, placed: PlacedCell, widths: number[], keep = false): DocxCell {
  const kind = cellKind(node, placed);
  const align: Align = placed.cell.align ?? (kind === 'header' ? 'center' : node.columns[placed.col]?.align ?? 'left');
  const size = sizeOf(node);
  const paragraph = new Paragraph({
    style: ROW_STYLE[kind],
    // A column's alignment is the one thing the row's style cannot know.
    ...(align !== ROW_ALIGN[kind] ? { alignment: ALIGN[align] } : {}),
    children: inlineRuns(placed.cell.children, {}, size),
    ...(size !== undefined ? { run: { size: ptToHalfPt(size) } } : {}),
    ...(keep ? { keepNext: true } : {}),
  });
  return new DocxCell({
    width: { size: spanWidth(placed, widths), type: WidthType.DXA },
    columnSpan: placed.colSpan > 1 ? placed.colSpan : undefined,
    verticalMerge: placed.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [paragraph],
  });
}

/** An empty paragraph in the table's style and size, so padding cells do not make a row taller. */
const blank = (sizePt: number | undefined, keep = false): Paragraph =>
  new Paragraph({ style: STYLE.tableText, ...(sizePt !== undefined ? { run: { size: ptToHalfPt(sizePt) } } : {}), ...(keep ? { keepNext: true } : {}) });

function continuationCell(placed: PlacedCell, widths: number[], sizePt: number | undefined, keep = false): DocxCell {
  return new DocxCell({
    width: { size: spanWidth(placed, widths), type: WidthType.DXA },
    columnSpan: placed.colSpan > 1 ? placed.colSpan : undefined,
    verticalMerge: VerticalMergeType.CONTINUE,
    children: [blank(sizePt, keep)],
  });
}

function emptyCell(width: number, sizePt: number | undefined, keep = false): DocxCell {
  return new DocxCell({ width: { size: width, type: WidthType.DXA }, children: [blank(sizePt, keep)] });
}
