/**
 * Format-independent decisions every writer makes the same way, so DOCX, PDF and HTML agree:
 * how the root's blocks fall into page runs (portrait body, landscape appendix sections, page
 * numbering that restarts), where each cell of a declared table sits once colSpan and rowSpan
 * are applied, which document date stamps the files, and how a writer reports a node it
 * cannot render. Nothing here knows a file format.
 */
import type { Block, DocumentMeta, Heading, Paragraph, Position, Root, Table } from '../doctree/types.js';
import { segments } from './text.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { Orientation } from './theme.js';

// ---------- diagnostics ----------
const NO_POSITION = { file: '', line: 0, column: 0 };

/** A writer finding about `node`, at its source position when the tree recorded one. */
export function writerDiagnostic(
  code: DiagnosticCode,
  node: { position?: Position } | undefined,
  args: Record<string, unknown> = {},
): Diagnostic {
  return makeDiagnostic(code, node?.position ?? NO_POSITION, args);
}

// ---------- document date ----------
import { FALLBACK_DATE } from '../doctree/check.js';

/**
 * The one date every timestamp in the output uses (deterministic builds). Its W004 is reported
 * by the tree check (doctree/check.ts); writers ignore the diagnostics returned here.
 */
export function documentDate(meta: DocumentMeta): { date: Date; diagnostics: Diagnostic[] } {
  const parsed = new Date(meta.date);
  if (!Number.isNaN(parsed.getTime())) return { date: parsed, diagnostics: [] };
  const diagnostic = writerDiagnostic('W004', undefined, { date: meta.date, fallback: FALLBACK_DATE });
  return { date: new Date(FALLBACK_DATE), diagnostics: [diagnostic] };
}

/** ISO 8601 without milliseconds, as docProps/core.xml writes dates. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The document's subject for file properties: its trích yếu, the title block's summary lines
 * joined into one line (they are broken only for layout). Empty when the tree has no title.
 */
export function documentSubject(root: Root): string {
  const title = root.children.find((b) => b.type === 'title');
  return title?.type === 'title' ? title.summary.map((l) => l.normalize('NFC').trim()).join(' ') : '';
}

// ---------- headings ----------
/**
 * Whether a heading runs in: its label is followed by text in the same paragraph
 * (`a) Mục tiêu chung: Tiếp tục …`, `b) Xây dựng nông thôn mới: 493.227 triệu đồng, …`) rather
 * than printed as a title on its own line (`a) Phát triển Chính quyền số`). A heading that holds
 * a sentence — a colon followed by more text, or closing punctuation — runs in; a bare title
 * does not. Run-in headings are body text: no outline level, no navigation entry.
 */
export function headingRunsIn(node: Heading): boolean {
  const text = segments(node.children)
    .map((s) => (s.kind === 'text' ? s.text : ' '))
    .join('')
    .trim();
  return /[.:;!?…]$/u.test(text) || /:\s+\S/u.test(text);
}

/**
 * Whether a paragraph is a run-in sub-head: a short label in bold or italics ending with a colon
 * (`*Xã Quốc Tuấn:*`) that introduces what follows, so it stays on the page with it, as a heading
 * does. A run-in heading that carries its sentence (`a) … : 59.370 triệu đồng, bao gồm …`) is
 * body text and is not chained to the next paragraph.
 */
export function isRunInSubhead(p: Paragraph): boolean {
  const segs = segments(p.children);
  const text = segs.map((s) => (s.kind === 'text' ? s.text : '')).join('').trim();
  const styled = segs.every((s) => s.kind === 'text' && (s.bold || s.italic || s.text.trim() === ''));
  return styled && isLabel(text);
}

/** Text that only introduces what follows: a colon at its end, no longer than about a line. */
export function isLabel(text: string): boolean {
  const t = text.trim();
  return t.endsWith(':') && [...t].length <= SUBHEAD_MAX_CHARS;
}

/**
 * Whether a heading stays on the page with what follows it — decided here for every writer (DOCX
 * keep-with-next, PDF headline): a heading on its line of its own, or a run-in label that only
 * introduces what follows (`a) Xây dựng nông thôn mới:`); not a run-in heading that carries its
 * sentence, which is body text (chained long paragraphs leave gaps at a page's foot).
 */
export function headingKeptWithNext(node: Heading): boolean {
  return !headingRunsIn(node) || isLabel(headingText(node));
}

/** The printed text of a heading, label included (`a) Xây dựng nông thôn mới:`). */
export function headingText(node: Heading): string {
  return `${node.label} ${segments(node.children).map((s) => (s.kind === 'text' ? s.text : ' ')).join('')}`;
}

/** A sub-head longer than about one body line is a sentence, not a label. */
const SUBHEAD_MAX_CHARS = 80;

// ---------- page runs ----------
/** A run of blocks laid out on pages of one orientation, each run starting a new page. */
export interface PageRun {
  orientation: Orientation;
  /** Page numbers start again at 1 with this run. */
  restartNumbering: boolean;
  children: Block[];
}

/**
 * Split the root's blocks into page runs: the body is portrait, each top-level `section` is a
 * run of its own, and body blocks after a section start another portrait run that continues
 * the numbering. Page breaks next to a run boundary are dropped: a run already starts a page,
 * and an extra break would leave an empty page behind.
 */
export function pageRuns(root: Root): PageRun[] {
  const runs: PageRun[] = [];
  let body: Block[] = [];
  const flush = (): void => {
    if (body.length > 0) runs.push({ orientation: 'portrait', restartNumbering: false, children: body });
    body = [];
  };
  for (const block of root.children) {
    if (block.type === 'section') {
      flush();
      runs.push({ orientation: block.orientation, restartNumbering: block.restartNumbering ?? false, children: block.children });
    } else {
      body.push(block);
    }
  }
  flush();
  const trimmed = runs.map((r) => ({ ...r, children: endAppendices(trimPageBreaks(r.children)) }));
  return trimmed.length > 0 ? trimmed : [{ orientation: 'portrait', restartNumbering: false, children: [] }];
}

/** The end mark of a document and of each of its appendices (Decree 30, Phụ lục I). */
export const END_MARK = './.';

/**
 * Each appendix — from its heading to the next appendix heading or the end of its page run —
 * ends with `./.` as the body does: appended to a closing paragraph (after its full stop), or as
 * a right-aligned line of its own after a table. An appendix that already ends so is left alone.
 */
export function endAppendices(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let inAppendix = false;
  const close = (): void => {
    if (!inAppendix) return;
    // The mark goes before any page break that ends the appendix.
    let end = out.length;
    while (end > 0 && out[end - 1]!.type === 'pageBreak') end--;
    const last = out[end - 1];
    if (last?.type === 'paragraph') out[end - 1] = withEndMark(last);
    else out.splice(end, 0, { type: 'paragraph', align: 'right', indent: false, children: [{ type: 'text', value: END_MARK }] });
  };
  for (const block of blocks) {
    if (block.type === 'appendixHeading') {
      close();
      inAppendix = true;
    }
    out.push(block);
  }
  close();
  return out;
}

function withEndMark(p: Paragraph): Paragraph {
  const text = segments(p.children).map((s) => (s.kind === 'text' ? s.text : '')).join('').trimEnd();
  if (text.endsWith(END_MARK)) return p;
  return { ...p, children: [...p.children, { type: 'text', value: text.endsWith('.') ? '/.' : END_MARK }] };
}

function trimPageBreaks(blocks: Block[]): Block[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && blocks[start]?.type === 'pageBreak') start++;
  while (end > start && blocks[end - 1]?.type === 'pageBreak') end--;
  return blocks.slice(start, end);
}

// ---------- table grid ----------
// The grid is a property of the tree (doctree/grid.ts): its W003 findings are reported once, by
// the tree check every command runs, so writers use the placement and ignore its diagnostics.
export { cellKind, tableGrid, type PlacedCell, type Slot, type TableGrid } from '../doctree/grid.js';

/** Column widths in `total` units, proportional to the declared relative widths. */
export function scaleWidths(table: Table, total: number): number[] {
  const widths = table.columns.length > 0 ? table.columns.map((c) => Math.max(0, c.width)) : [1];
  const sum = widths.reduce((a, b) => a + b, 0);
  return sum > 0 ? widths.map((w) => (w / sum) * total) : widths.map(() => total / widths.length);
}
