/**
 * The HTML handler for declared tables (appendix "biểu"): a fixed-layout bordered table whose
 * <col> widths are the declared relative widths as percentages of the text width; leading header
 * rows in <thead> (browsers repeat them on every printed page, as Word and the PDF do); merged
 * cells as colspan/rowspan, placed by the shared table grid so HTML merges the same slots as DOCX
 * and PDF; bold group and total rows; alignment per cell, else per column, centred in headers.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Align, RowKind, Table } from '../../doctree/types.js';
import { TABLE } from '../theme.js';
import { cellKind, scaleWidths, tableGrid, type PlacedCell } from '../structure.js';
import { inlinesHtml } from './inlines.js';

const ROW_CLASS: Readonly<Record<RowKind, string>> = { header: 'row-header', group: 'row-group', body: 'row-body', total: 'row-total' };

export function tableHtml(node: Table, diagnostics: Diagnostic[]): string {
  const grid = tableGrid(node);
  const cols = scaleWidths(node, 100).map((w) => `<col style="width: ${w.toFixed(3)}%">`).join('');
  const rows = grid.slots.map((slots, r) => {
    const kind = node.children[r]!.kind;
    const cells = slots.map((slot) => {
      if (slot.kind === 'start') return cellHtml(node, slot.placed, diagnostics);
      if (slot.kind === 'empty') return r < grid.headerRowCount ? '<th></th>' : '<td></td>';
      return ''; // covered by a colspan/rowspan
    });
    return `<tr class="${ROW_CLASS[kind]}">${cells.join('')}</tr>`;
  });
  const head = rows.slice(0, grid.headerRowCount).join('');
  const body = rows.slice(grid.headerRowCount).join('');
  const size = node.fontSize !== undefined && node.fontSize !== TABLE.sizePt ? ` style="font-size: ${node.fontSize}pt"` : '';
  return `<table class="grid"${size}><colgroup>${cols}</colgroup>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

function cellHtml(node: Table, placed: PlacedCell, diagnostics: Diagnostic[]): string {
  const kind = cellKind(node, placed);
  const align: Align = placed.cell.align ?? (kind === 'header' ? 'center' : node.columns[placed.col]?.align ?? 'left');
  const tag = kind === 'header' ? 'th' : 'td';
  const span = (placed.colSpan > 1 ? ` colspan="${placed.colSpan}"` : '') + (placed.rowSpan > 1 ? ` rowspan="${placed.rowSpan}"` : '');
  // A merge over rows of different kinds is set as body text, not in its first row's weight.
  const weight = kind !== node.children[placed.row]!.kind ? ' cell-body' : '';
  return `<${tag} class="al-${align}${weight}"${span}>${inlinesHtml(placed.cell.children, { words: align === 'justify' }, diagnostics)}</${tag}>`;
}
