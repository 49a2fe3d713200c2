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
import { TABLE, mmToPt, pdfLineHeight } from '../theme.js';
import { walkFootnotes } from '../../doctree/text.js';
import { scaleWidths, tableGrid, type PlacedCell } from '../structure.js';
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
  const body: TableCell[][] = grid.slots.map((row) =>
    row.map((slot): TableCell => (slot.kind === 'start' ? cell(node, slot.placed) : slot.kind === 'covered' ? {} : { text: '' })),
  );
  return [
    {
      table: {
        widths: contentWidths(node, textWidth),
        headerRows: grid.headerRowCount,
        ...(grid.headerRowCount > 0 ? { keepWithHeaderRows: 1 } : {}),
        // A row holding a footnote marker may break: its lines then reach the layout hook on the
        // real page (an unbreakable row is laid out off-page first), so its note lands beside it.
        dontBreakRows: !hasFootnote(node),
        body,
      },
      layout: LAYOUT,
      fontSize: node.fontSize ?? TABLE.sizePt,
      lineHeight: pdfLineHeight(TABLE.lineSpacing, node.fontSize ?? TABLE.sizePt),
    },
    spacer(TABLE.spaceAfterPt),
  ];
}

function cell(node: Table, placed: PlacedCell): TableCell {
  const kind = node.children[placed.row]!.kind;
  const align: Align = placed.cell.align ?? (kind === 'header' ? 'center' : node.columns[placed.col]?.align ?? 'left');
  const base = { bold: BOLD_ROWS[kind] };
  return {
    // Justified cells need the word inlines (pdfmake's justify bug); narrow cells may break anywhere.
    text: align === 'justify' ? wordInlines(placed.cell.children, base) : plainInlines(placed.cell.children, base),
    alignment: ALIGN[align],
    verticalAlignment: 'middle',
    ...(placed.colSpan > 1 ? { colSpan: placed.colSpan } : {}),
    ...(placed.rowSpan > 1 ? { rowSpan: placed.rowSpan } : {}),
  };
}

function hasFootnote(node: Table): boolean {
  for (const _ of walkFootnotes([node])) return true;
  return false;
}
