/**
 * The PDF handler for declared tables: a pdfmake table whose columns are the declared relative
 * widths scaled to the text width of the page run (minus pdfmake's own padding and rules, which
 * it adds outside the widths), leading header rows repeated on every page (`headerRows`), rows
 * never split, merged cells with the `{}` placeholders pdfmake expects in every slot a span
 * covers, bold group and total rows, and alignment per cell or per column.
 */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Align, RowKind, Table } from '../../doctree/types.js';
import { TABLE, linePitchPt, mmToPt, pdfLineHeight } from '../theme.js';
import { textWidthPt } from '../metrics.js';
import { toPlainText, walkFootnotes } from '../../doctree/text.js';
import { cellKind, scaleWidths, tableGrid, type PlacedCell } from '../structure.js';
import { plainInlines, wordInlines } from './inlines.js';
import { ALIGN, spacer } from './paragraphs.js';

const BOLD_ROWS: Readonly<Record<RowKind, boolean>> = {
  header: TABLE.headerBold,
  group: TABLE.groupBold,
  total: TABLE.totalBold,
  body: false,
};

const PAD_X = mmToPt(TABLE.cellPaddingXMm);

const LAYOUT: CustomTableLayout = {
  hLineWidth: () => TABLE.borderPt,
  vLineWidth: () => TABLE.borderPt,
  hLineColor: () => 'black',
  vLineColor: () => 'black',
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => TABLE.cellPaddingYPt,
  paddingBottom: () => TABLE.cellPaddingYPt,
};

/** Content widths: pdfmake adds each column's padding and left rule (and the final rule) outside them. */
function contentWidths(table: Table, textWidth: number): number[] {
  const outer = scaleWidths(table, textWidth - TABLE.borderPt);
  return outer.map((w) => Math.max(1, w - 2 * PAD_X - TABLE.borderPt));
}

export function tableBlock(node: Table, textWidth: number, diagnostics: Diagnostic[]): Content[] {
  const grid = tableGrid(node);
  const widths = contentWidths(node, textWidth);
  const size = node.fontSize ?? TABLE.sizePt;
  const heights = rowHeights(node, grid, widths, size);
  // Body merges are drawn as one cell per row (see `merged`), with breakable rows kept whole by
  // the layout hook; so are tables with a footnote marker, whose lines must reach the real page.
  const breakable = hasFootnote(node) || grid.slots.some((row, r) => node.children[r]!.kind !== 'header' && row.some((s) => s.kind === 'start' && s.placed.rowSpan > 1));
  const body: TableCell[][] = grid.slots.map((row, r) =>
    row.map((slot): TableCell => {
      const kind = node.children[r]!.kind;
      if (slot.kind === 'empty') return { text: '' };
      const placed = slot.kind === 'start' ? slot.placed : slot.by;
      if (kind !== 'header' && placed.rowSpan > 1) return merged(node, placed, r, slot.kind === 'start' || placed.col === (slot.kind === 'covered' ? colOf(row, slot) : -1), heights[r]!);
      if (slot.kind === 'covered') return {};
      const c = cell(node, placed, widths, size, heights, breakable);
      return breakable ? { ...(c as object), rowHeightPt: heights[r] } as unknown as TableCell : c;
    }),
  );
  return [
    {
      table: {
        widths,
        headerRows: grid.headerRowCount,
        ...(grid.headerRowCount > 0 ? { keepWithHeaderRows: 1 } : {}),
        dontBreakRows: !breakable,
        body,
      },
      layout: LAYOUT,
      fontSize: size,
      lineHeight: pdfLineHeight(TABLE.lineSpacing, size),
    },
    spacer(TABLE.spaceAfterPt),
  ];
}

/** The grid column of a covered slot (its index in the row). */
function colOf(row: readonly unknown[], slot: unknown): number {
  return row.indexOf(slot);
}

const pitch = (size: number): number => linePitchPt(size, TABLE.lineSpacing);

/** How many lines a cell's text takes at `width`: words filled greedily, as pdfmake fills them. */
function cellLines(text: string, width: number, size: number, bold: boolean): number {
  const space = textWidthPt(' ', size, bold);
  return text.split('\n').reduce((sum, para) => {
    let lines = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = textWidthPt(word, size, bold);
      if (used > 0 && used + space + w > width) { lines++; used = w; } else used += (used > 0 ? space : 0) + w;
    }
    return sum + lines;
  }, 0);
}

/** The width a cell's text has: its columns, and the padding and rules between them. */
const spanWidth = (widths: readonly number[], col: number, span: number): number =>
  widths.slice(col, col + span).reduce((a, b) => a + b, 0) + (span - 1) * (2 * PAD_X + TABLE.borderPt);

/** A cell's text height (without padding). */
function textHeight(node: Table, placed: PlacedCell, widths: readonly number[], size: number): number {
  const bold = BOLD_ROWS[cellKind(node, placed)];
  return cellLines(toPlainText(placed.cell.children), spanWidth(widths, placed.col, placed.colSpan), size, bold) * pitch(size);
}

/** Each row's height estimated from its one-row cells (padding included), for centring and keeping. */
function rowHeights(node: Table, grid: ReturnType<typeof tableGrid>, widths: readonly number[], size: number): number[] {
  return grid.slots.map((row) => {
    let text = pitch(size);
    for (const slot of row) if (slot.kind === 'start' && slot.placed.rowSpan === 1) text = Math.max(text, textHeight(node, slot.placed, widths, size));
    return text + 2 * TABLE.cellPaddingYPt;
  });
}

function cell(node: Table, placed: PlacedCell, widths: readonly number[], size: number, heights: readonly number[], breakable: boolean): TableCell {
  const kind = node.children[placed.row]!.kind;
  const align: Align = placed.cell.align ?? (kind === 'header' ? 'center' : node.columns[placed.col]?.align ?? 'left');
  const base = { bold: BOLD_ROWS[kind] };
  // A header cell over two rows is centred in them by a computed top margin: pdfmake's vertical
  // alignment puts a rowSpan's text at the foot of the span, or over the rule above it.
  // So is every cell of a breakable row: pdfmake's vertical alignment of a row that moves to the
  // next page draws its text with a graphics state opened on one page and closed on the next.
  const span = placed.rowSpan > 1 || breakable
    ? heights.slice(placed.row, placed.row + placed.rowSpan).reduce((a, b) => a + b, 0) + (placed.rowSpan - 1) * TABLE.borderPt
    : 0;
  const top = span ? Math.max(0, (span - 2 * TABLE.cellPaddingYPt - textHeight(node, placed, widths, size)) / 2) : 0;
  return {
    // Justified cells need the word inlines (pdfmake's justify bug); narrow cells may break anywhere.
    text: align === 'justify' ? wordInlines(placed.cell.children, base) : plainInlines(placed.cell.children, base),
    alignment: ALIGN[align],
    ...(span ? { margin: [0, top, 0, 0] } : { verticalAlignment: 'middle' }),
    ...(placed.colSpan > 1 ? { colSpan: placed.colSpan } : {}),
    ...(placed.rowSpan > 1 ? { rowSpan: placed.rowSpan } : {}),
  };
}

/** One text per merged body cell: the rows it covers share it (the layout hook's `group`). */
const groups = new WeakMap<PlacedCell, object>();

/**
 * A body cell merged over rows, drawn as one cell per row with no rule between them. The first
 * row prints the text; a later row prints it again only when it is the first row of the merge
 * on a new page (decided by the layout hook as the row is placed): pdfmake's own rowSpan loses
 * the text of a merge that crosses a page break, and blows up its last row.
 */
function merged(node: Table, placed: PlacedCell, row: number, first: boolean, heightPt: number): TableCell {
  if (!first) return {};
  const group = groups.get(placed) ?? {};
  groups.set(placed, group);
  const top = row === placed.row;
  const last = row === placed.row + placed.rowSpan - 1;
  const align: Align = placed.cell.align ?? node.columns[placed.col]?.align ?? 'left';
  return {
    text: plainInlines(placed.cell.children, { bold: BOLD_ROWS[cellKind(node, placed)] }),
    alignment: ALIGN[align],
    border: [true, top, true, last],
    ...(placed.colSpan > 1 ? { colSpan: placed.colSpan } : {}),
    rowHeightPt: heightPt,
    mergeGroup: group,
    mergeFirst: top,
    mergeRule: { padX: PAD_X, padY: TABLE.cellPaddingYPt, widthPt: TABLE.borderPt },
  } as unknown as TableCell;
}

function hasFootnote(node: Table): boolean {
  return walkFootnotes([node]).length > 0;
}
