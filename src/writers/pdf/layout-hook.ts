/**
 * The one extension of pdfmake's layout: `LayoutBuilder.prototype.processLeaf`, where the lines
 * of a text node are placed one by one (and `TableProcessor.prototype.beginRow`, see below). pdfmake 0.3 has no footnotes and its only keep-together
 * tool (`pageBreakBefore`) re-runs the whole layout on every `true`. This hook decides in the
 * same single pass, just before each line is placed:
 *
 * - footnotes: a line whose inlines carry a `footnote` (the marker, see inlines.ts) reserves the
 *   note's measured height at the foot of its page, or moves on to the next page when line and
 *   notes do not fit together; the notes of a page are drawn under a short rule at its foot, and
 *   every later line of any node on that page stops above them. Inside an unbreakable block (a
 *   table's header rows with its first body row, the signature) the page is known only when the
 *   block is placed (`PageElementWriter.prototype.commitUnbreakableBlock`): its marks are kept
 *   until then, and the block moves on unless it fits above the page's notes with its own;
 * - widows and orphans: a body paragraph (`keepLines`) never leaves one line alone at the foot or
 *   the head of a page — its break point is chosen when its first line is placed, from the line
 *   count of the rest of its words (`countLines`, the same greedy fill pdfmake uses);
 * - keep with next: a heading or run-in sub-head (`keepWithNextPt`) moves to the next page
 *   unless it fits with that much of what follows;
 * - whole rows: a breakable table row (`rowHeightPt`, the row's estimated height) that does not
 *   fit moves to the next page before pdfmake begins it (`beginRow`), so no empty bordered strip
 *   of it is left at the foot of the page it leaves.
 *
 * pdfmake is pinned (package.json) and `HOOKED_SOURCE_HASH` records the hooked methods' source:
 * tests/unit/writers/pdf/layout-hook.test.ts fails loudly when an upgrade changes it.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** What a marker inline carries: the note as pdfmake content, and a reporter for a tall note. */
export interface FootnoteMark {
  label: string;
  content: Record<string, unknown>;
  /** Called once per note with its height (pt) when it exceeds half the text height of a page. */
  onTall?: (label: string, heightPt: number) => void;
}

/** Layout requests a text node may carry (set by paragraphs.ts and table.ts). */
export interface LeafOptions {
  /** A table cell of a breakable row: the row's estimated height, kept whole on one page. */
  rowHeightPt?: number;
  /** A body cell merged over rows: the rows share one `mergeGroup`; the first prints the text. */
  mergeGroup?: object;
  mergeFirst?: boolean;
  /** The cell padding and rule width, to close a merge that a page break cuts. */
  mergeRule?: { padX: number; padY: number; widthPt: number };
  /** Widow/orphan control: at least two lines at the foot and at the head of a page. */
  keepLines?: boolean;
  /** A heading: stays on the page only with this many points of what follows. */
  keepWithNextPt?: number;
}

/**
 * The sha-256 of `processLeaf`'s, `beginRow`'s, `commitUnbreakableBlock`'s and `addFragment`'s
 * source in pdfmake 0.3.11 (js/LayoutBuilder.js, js/TableProcessor.js, js/PageElementWriter.js).
 */
export const HOOKED_SOURCE_HASH = '306597ef9b6a36ad6a35a6c951152313a65b87f56b55d1ad94cb57a2b0b93add';
export const NOTE_GAP_PT = 6;
/** A merge's first row printed inside an unbreakable block, its page not yet known. */
const PENDING = Symbol('pending page');
export const RULE = { lengthPt: 144, widthPt: 0.5, gapPt: 4 };

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's internals have no types */
type Any = any;

interface PageNotes { marks: FootnoteMark[]; items: Any[]; height: number }

const LayoutBuilder: Any = require('pdfmake/js/LayoutBuilder.js').default;
const TableProcessor: Any = require('pdfmake/js/TableProcessor.js').default;
const original: (this: Any, node: Any) => void = LayoutBuilder.prototype.processLeaf;
const originalBeginRow: (this: Any, rowIndex: number, writer: Any) => void = TableProcessor.prototype.beginRow;
const PageElementWriter: Any = require('pdfmake/js/PageElementWriter.js').default;
const originalCommit: (this: Any, forcedX?: number, forcedY?: number) => void = PageElementWriter.prototype.commitUnbreakableBlock;
const originalAddFragment: (this: Any, fragment: Any, ...rest: Any[]) => Any = PageElementWriter.prototype.addFragment;

export function hookedSourceHash(): string {
  const hash = createHash('sha256').update(String(original)).update('\0').update(String(originalBeginRow));
  return hash.update('\0').update(String(originalCommit)).update('\0').update(String(originalAddFragment)).digest('hex');
}

/** Install the hook once; pdfmake calls it for every text node and table row of every document. */
export function installLayoutHook(): void {
  if (LayoutBuilder.prototype.processLeaf !== original) return;
  TableProcessor.prototype.beginRow = function beginRow(this: Any, rowIndex: number, writer: Any): void {
    moveRowOn(this, rowIndex, writer);
    return originalBeginRow.call(this, rowIndex, writer);
  };
  PageElementWriter.prototype.commitUnbreakableBlock = commitUnbreakableBlock;
  PageElementWriter.prototype.addFragment = addFragment;
  LayoutBuilder.prototype.processLeaf = function processLeaf(this: Any, node: Any): void {
    // The row hook reads the notes of a page through the writer.
    this.writer.__builder = this;
    node.__marks ??= Boolean(node._inlines?.some((i: Any) => i.footnote));
    if (this.__inNote || this.writer.transactionLevel > 0) {
      // Inside an unbreakable block (a table's header rows kept with its first body row) the page
      // is known only when the block is committed: a merge printed there counts as printed on
      // the page its next row finds, instead of being printed again there; the marks of its
      // lines wait for that page too.
      if (node.mergeGroup && node.mergeFirst) node.mergeGroup.page ??= PENDING;
      if (this.__inNote || !node.__marks) return original.call(this, node);
      return withLines(this.writer, (line) => (this.writer.__blockMarks ??= []).push(...marksOf(line)), () => original.call(this, node));
    }
    // A leaf with nothing to decide, on a page without notes, is laid out as pdfmake would.
    if (!node.__marks && !node.keepLines && !node.keepWithNextPt && !node.rowHeightPt && !notesOf(this).has(this.writer.context().getCurrentPage())) {
      return original.call(this, node);
    }
    if (node.mergeGroup && !node.mergeFirst && !showsMerge(this, node)) node._inlines = [];
    withLines(this.writer, (line) => afterLine(this, node, line), () => original.call(this, node), (line) => beforeLine(this, node, line));
  };
}

/** Run `layOut` with `after` told of each line the writer places (and `before` of each it is given). */
function withLines(writer: Any, after: (line: Any) => void, layOut: () => void, before?: (line: Any) => void): void {
  const addLine = writer.addLine;
  writer.addLine = (line: Any, ...rest: Any[]) => {
    before?.(line);
    const placed = addLine.call(writer, line, ...rest);
    if (placed) after(line);
    return placed;
  };
  try {
    layOut();
  } finally {
    writer.addLine = addLine;
  }
}

// ---------- an unbreakable block placed ----------

/**
 * The outermost unbreakable block is placed on its page: the notes its lines marked go to the
 * foot of that page. (Blocks placed at a forced position — headers, footers — are not text.)
 */
function commitUnbreakableBlock(this: Any, forcedX?: number, forcedY?: number): void {
  const builder = this.__builder;
  if (this.transactionLevel !== 1 || !builder || forcedX !== undefined || forcedY !== undefined) return originalCommit.call(this, forcedX, forcedY);
  const marks: FootnoteMark[] = this.__blockMarks ?? [];
  this.__blockMarks = undefined;
  this.__placing = marks;
  try {
    originalCommit.call(this, forcedX, forcedY);
  } finally {
    this.__placing = undefined;
  }
  if (marks.length) placeNotes(builder, marks);
}

/**
 * The block's fragment, about to be placed: pdfmake fits it above the bottom margin; it must fit
 * above the notes already at the page's foot, with the notes it brings. Else it moves on first.
 */
function addFragment(this: Any, fragment: Any, ...rest: Any[]): Any {
  const marks: FootnoteMark[] | undefined = this.__placing;
  if (marks) {
    this.__placing = undefined;
    const builder = this.__builder;
    const ctx = this.context();
    if ((marks.length || notesOf(builder).has(ctx.getCurrentPage())) && !atPageTop(ctx) && !rowFits(builder, this, ctx.y, fragment.height + notesHeight(builder, marks))) this.moveToNextPage();
  }
  return originalAddFragment.call(this, fragment, ...rest);
}

// ---------- the page record ----------

/** The notes of each page object (a new layout pass makes new pages, so nothing stale is read). */
const notesOf = (builder: Any): WeakMap<object, PageNotes> => (builder.__footnotes ??= new WeakMap());

/** Where text must stop on the current page: above the notes already placed there. */
function limitY(builder: Any, writer: Any = builder.writer): number {
  const ctx = writer.context();
  const page = ctx.getCurrentPage();
  return page.pageSize.height - ctx.pageMargins.bottom - (builder ? notesOf(builder).get(page)?.height ?? 0 : 0);
}

// ---------- before a row ----------

/**
 * A breakable row that will not fit moves to the next page before pdfmake begins it, with the
 * same arithmetic as its cells' first lines would use (beforeLine), so pages break where they
 * did; moved there, pdfmake draws nothing of it on the page it leaves. Its cells then do not
 * move again on the page it moved to, even when the row is taller than a page.
 */
function moveRowOn(processor: Any, rowIndex: number, writer: Any): void {
  const cells: Any[] = processor.tableNode.table.body[rowIndex] ?? [];
  const estimate = Math.max(0, ...cells.map((c) => c?.rowHeightPt ?? 0));
  if (!estimate || writer.transactionLevel > 0) return;
  const ctx = writer.context();
  if (atPageTop(ctx)) return;
  const builder = writer.__builder;
  const firstLineY = ctx.y + processor.layout.paddingTop(rowIndex, processor.tableNode);
  if (rowFits(builder, writer, firstLineY, estimate)) return;
  if (builder) builder.__rowBreak = { page: ctx.getCurrentPage(), y: firstLineY };
  writer.moveToNextPage();
  writer.__rowMovedTo = ctx.getCurrentPage();
}

/** At the head of a page: what stands there stays (it would fit nowhere better). */
const atPageTop = (ctx: Any): boolean => ctx.y <= ctx.pageMargins.top + 0.01;

/**
 * Whether a row of estimated height `heightPt` whose first line stands at `y` fits above the
 * page's notes: one rule for the row moved whole before pdfmake begins it (moveRowOn), for its
 * cells' first lines (beforeLine) and for a merge deciding where it is cut (showsMerge).
 */
function rowFits(builder: Any, writer: Any, y: number, heightPt: number): boolean {
  return limitY(builder, writer) - y >= heightPt - 0.01;
}

const marksOf = (line: Any): FootnoteMark[] => (line.inlines ?? []).map((i: Any) => i.footnote).filter(Boolean);

// ---------- before a line ----------

function beforeLine(builder: Any, node: Any, line: Any): void {
  const ctx = builder.writer.context();
  const atTop = atPageTop(ctx);
  const height = line.getHeight();
  const index = node.positions.length;
  let room = limitY(builder) - ctx.y;
  if (index === 0 && !atTop) {
    if (node.rowHeightPt && !rowFits(builder, builder.writer, ctx.y, node.rowHeightPt) && builder.writer.__rowMovedTo !== ctx.getCurrentPage()) {
      // Where the row would have begun: a merge it continues is closed there (closeMerge).
      builder.__rowBreak = { page: ctx.getCurrentPage(), y: ctx.y };
      return moveOn(builder, node);
    }
    if (node.keepWithNextPt && room < height * (1 + countLines(node._inlines, ctx.availableWidth)) + node.keepWithNextPt) return moveOn(builder, node);
    if (node.keepLines) node.__breakAt = breakAt(1 + countLines(node._inlines, ctx.availableWidth), Math.floor((room + 0.01) / height));
    if (node.__breakAt === 0) return moveOn(builder, node);
  }
  if (index > 0 && index === node.__breakAt && !atTop) return moveOn(builder, node);
  const marks = node.__marks ? marksOf(line) : [];
  if (marks.length === 0) {
    if (room < height - 0.01 && !atTop) moveOn(builder, node);
    return;
  }
  const extra = notesHeight(builder, marks);
  room = limitY(builder) - ctx.y;
  if (room < height + extra && !atTop) moveOn(builder, node);
}

/** What `marks` add at the foot of the current page: their notes, and the rule if it has none yet. */
function notesHeight(builder: Any, marks: FootnoteMark[]): number {
  if (marks.length === 0) return 0;
  return marks.reduce((h, m) => h + noteHeight(builder, m), 0) + (notesOf(builder).has(builder.writer.context().getCurrentPage()) ? 0 : RULE.gapPt * 2);
}

/**
 * A later row of a merged cell prints the text again only as the first row of the merge on a
 * page: the page differs from the one the merge last printed on, or the row is about to move on.
 */
function showsMerge(builder: Any, node: Any): boolean {
  const ctx = builder.writer.context();
  if (node.mergeGroup.page === PENDING) node.mergeGroup.page = ctx.getCurrentPage();
  const movesOn = !atPageTop(ctx) && !rowFits(builder, builder.writer, ctx.y, node.rowHeightPt ?? 0);
  const page = movesOn ? ctx.getCurrentPage() : builder.__rowBreak?.page;
  const y = movesOn ? ctx.y : builder.__rowBreak?.y;
  const cut = movesOn || node.mergeGroup.page !== ctx.getCurrentPage();
  if (cut && node.mergeRule && page === node.mergeGroup.page) closeMerge(ctx, page, y, node.mergeRule);
  return cut;
}

/**
 * The rule under a merge where a page break cuts it: the merge's cells have no rule between
 * them, so the one above the break would stay open. Drawn where the moving row would have begun.
 */
function closeMerge(ctx: Any, page: Any, top: number, rule: { padX: number; padY: number; widthPt: number }): void {
  const y = top - rule.padY - rule.widthPt / 2;
  page.items.push({
    type: 'vector',
    item: { type: 'line', x1: ctx.x - rule.padX - rule.widthPt / 2, y1: y, x2: ctx.x + ctx.availableWidth + rule.padX + rule.widthPt / 2, y2: y, lineWidth: rule.widthPt, lineColor: 'black' },
  });
}

function moveOn(builder: Any, node: Any): void {
  builder.writer.moveToNextPage(node.pageOrientation);
}

/**
 * The line index before which a paragraph of `total` lines breaks when `room` lines fit: none
 * (-1) when it fits, 0 when it must move whole, else a split leaving ≥ 2 lines on each page.
 */
export function breakAt(total: number, room: number): number {
  if (total <= room) return -1;
  let split = room;
  if (total - split < 2) split = total - 2;
  return split < 2 ? 0 : split;
}

/** How many lines the inlines fill at `width`, as pdfmake's Line fills them (greedy). */
export function countLines(inlines: readonly Any[] | undefined, width: number): number {
  let lines = 0;
  let used = 0;
  let leadingCut = 0;
  let fresh = true;
  const list = inlines ?? [];
  for (let i = 0; i < list.length; i++) {
    const inline = list[i];
    if (!fresh) {
      let w = inline.width;
      let cut = inline.trailingCut || 0;
      for (let j = i + 1; inline.noNewLine && j < list.length; j++) {
        w += list[j].width;
        cut += list[j].trailingCut || 0;
        if (!list[j].noNewLine) break;
      }
      if (used + w - leadingCut - cut > width) fresh = true;
    }
    if (fresh) {
      lines++;
      used = 0;
      leadingCut = inline.leadingCut || 0;
      fresh = false;
    }
    used += inline.width;
    if (inline.lineEnd) fresh = true;
  }
  return lines;
}

// ---------- after a line: the notes at the page foot ----------

function afterLine(builder: Any, node: Any, line: Any): void {
  if (node.mergeGroup) node.mergeGroup.page = builder.writer.context().getCurrentPage();
  const marks = node.__marks ? marksOf(line) : [];
  if (marks.length) placeNotes(builder, marks);
}

/** `marks` join the notes at the foot of the current page, all drawn again. */
function placeNotes(builder: Any, marks: FootnoteMark[]): void {
  const page = builder.writer.context().getCurrentPage();
  const record = notesOf(builder).get(page) ?? { marks: [], items: [], height: 0 };
  record.marks.push(...marks);
  notesOf(builder).set(page, record);
  drawNotes(builder, record);
}

/** Lay `marks` out from the top of the current page in a detached block; the items and height. */
function layOut(builder: Any, marks: FootnoteMark[]): { items: Any[]; height: number } {
  const ctx = builder.writer.context();
  const page = ctx.getCurrentPage();
  const before = new Set(page.items);
  ctx.beginDetachedBlock();
  ctx.moveTo(ctx.pageMargins.left, ctx.pageMargins.top);
  ctx.availableWidth = page.pageSize.width - ctx.pageMargins.left - ctx.pageMargins.right;
  builder.__inNote = true;
  try {
    // Laying a node out consumes it (pdfmake shifts its inlines off): each layout gets a fresh copy.
    for (const m of marks) builder.processNode(builder.docMeasure.measureBlock(builder.docPreprocessor.preprocessBlock(structuredClone(m.content))));
  } finally {
    builder.__inNote = false;
  }
  const height = ctx.y - ctx.pageMargins.top;
  ctx.endDetachedBlock();
  return { items: page.items.filter((i: Any) => !before.has(i)), height };
}

/** A note's height, measured once by laying it out and taking it away again. */
function noteHeight(builder: Any, mark: FootnoteMark): number {
  const cached = (mark as Any).__height;
  if (cached !== undefined) return cached;
  const page = builder.writer.context().getCurrentPage();
  const { items, height } = layOut(builder, [mark]);
  page.items = page.items.filter((i: Any) => !items.includes(i));
  (mark as Any).__height = height;
  const ctx = builder.writer.context();
  const half = (page.pageSize.height - ctx.pageMargins.top - ctx.pageMargins.bottom) / 2;
  if (height > half) mark.onTall?.(mark.label, height);
  return height;
}

/** (Re)draw every note of the page: rule, then notes, the last one ending at the bottom margin. */
function drawNotes(builder: Any, record: PageNotes): void {
  const ctx = builder.writer.context();
  const page = ctx.getCurrentPage();
  page.items = page.items.filter((i: Any) => !record.items.includes(i));
  const { items, height } = layOut(builder, record.marks);
  const total = height + RULE.gapPt * 2;
  const top = page.pageSize.height - ctx.pageMargins.bottom - total;
  const shift = top + RULE.gapPt * 2 - ctx.pageMargins.top;
  for (const i of items) moveItem(i, shift);
  const rule = {
    type: 'vector',
    item: { type: 'line', x1: ctx.pageMargins.left, y1: top + RULE.gapPt, x2: ctx.pageMargins.left + RULE.lengthPt, y2: top + RULE.gapPt, lineWidth: RULE.widthPt, lineColor: 'black' },
  };
  page.items.push(rule);
  record.items = [...items, rule];
  record.height = total;
  ctx.availableHeight = Math.min(ctx.availableHeight, top - ctx.y);
}

function moveItem(entry: Any, dy: number): void {
  const item = entry.item;
  if (entry.type === 'vector') {
    for (const k of ['y', 'y1', 'y2']) if (typeof item[k] === 'number') item[k] += dy;
  } else if (item && typeof item.y === 'number') item.y += dy;
}
