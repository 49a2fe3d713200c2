/**
 * The tree check: what can be said about a document tree before any writer runs — a table row
 * that does not fill its declared columns (W003), a page section nested inside another block
 * (W002), a document date no file can carry (W004). The pipeline runs it after rendering, so
 * `report validate`, `report build` and the preview report the same findings once, at the
 * template line that produced the node; writers then only lay the tree out.
 */
import type { Block, Root } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { tableGrid } from './grid.js';

/** Fallback for an unreadable date: the earliest time a zip entry can carry. */
export const FALLBACK_DATE = '1980-01-01T00:00:00Z';

const NO_POSITION = { file: '', line: 0, column: 0 };

export function checkTree(root: Root): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (Number.isNaN(new Date(root.meta.date).getTime())) {
    // The date is printed by the header block: point at the template line that writes it.
    const header = root.children.find((b) => b.type === 'header');
    out.push(makeDiagnostic('W004', header?.position ?? NO_POSITION, { date: root.meta.date, fallback: FALLBACK_DATE }));
  }
  const visit = (blocks: readonly Block[], topLevel: boolean): void => {
    for (const block of blocks) {
      if (block.type === 'table') out.push(...tableGrid(block).diagnostics);
      if (block.type === 'section' && !topLevel) {
        out.push(makeDiagnostic('W002', block.position ?? NO_POSITION, { orientation: block.orientation }));
      }
      if (block.type === 'list' || block.type === 'listItem' || block.type === 'section') visit(block.children, false);
    }
  };
  visit(root.children, true);
  return out;
}
