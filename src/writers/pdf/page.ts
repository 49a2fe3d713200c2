/**
 * PDF page setup: each page run becomes a pdfmake `section` with its own orientation and a
 * header function that prints the page number centred in the top margin. Numbering follows the
 * DOCX writer: a run that restarts numbering (an appendix) counts from 1 again, other runs
 * continue, and number 1 is never printed. pdfmake only tells a header function the absolute
 * page, so the first page of each numbering segment is remembered as pdfmake lays the pages
 * out in order; a call for an earlier page than the last one means a new layout pass and
 * starts the record afresh. The draft mark sits at the top right of every page.
 */
import type { Content, ContentSection, DynamicContent, Margins } from 'pdfmake/interfaces.js';
import { DRAFT, PAGE, PAGE_NUMBER, mmToPt } from '../theme.js';
import type { PageRun } from '../structure.js';
import { styled } from './paragraphs.js';

export const PAGE_MARGINS: Margins = [
  mmToPt(PAGE.marginMm.left),
  mmToPt(PAGE.marginMm.top),
  mmToPt(PAGE.marginMm.right),
  mmToPt(PAGE.marginMm.bottom),
];

/** Which numbering segment each run belongs to: a new one at the first run and at every restart. */
function segmentsOf(runs: readonly PageRun[]): number[] {
  let segment = -1;
  return runs.map((run, i) => (i === 0 || run.restartNumbering ? ++segment : segment));
}

/** One header function per run, sharing the record of where each numbering segment starts. */
export function pageHeaders(runs: readonly PageRun[], draft: boolean): DynamicContent[] {
  const segment = segmentsOf(runs);
  const firstPage = new Map<number, number>();
  let lastPage = 0;
  return runs.map((_, i) => (currentPage: number) => {
    if (currentPage <= lastPage) firstPage.clear();
    lastPage = currentPage;
    const seg = segment[i]!;
    if (!firstPage.has(seg)) firstPage.set(seg, currentPage);
    const number = currentPage - firstPage.get(seg)! + 1;
    const shown = !(PAGE_NUMBER.hideOnFirstPage && number === 1);
    return headerLine(shown ? String(number) : '', draft);
  });
}

/** The page number centred over the text block, the draft mark flush right, both at the header distance. */
function headerLine(number: string, draft: boolean): Content | null {
  if (number === '' && !draft) return null;
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', ...styled(number, PAGE_NUMBER), alignment: 'center' },
      { width: '*', ...(draft ? styled(DRAFT.text, DRAFT.mark) : { text: '' }), alignment: 'right' },
    ],
    margin: [mmToPt(PAGE.marginMm.left), mmToPt(PAGE.headerDistanceMm), mmToPt(PAGE.marginMm.right), 0],
  };
}

/** A page run as a pdfmake section: its orientation, its header, its content. */
export function runSection(run: PageRun, header: DynamicContent, content: Content[]): ContentSection {
  return { section: content, pageOrientation: run.orientation, pageSize: 'A4', pageMargins: PAGE_MARGINS, header };
}
