// The one extension of pdfmake's layout (src/writers/pdf/layout-hook.ts): it must fail loudly
// when an upgrade changes the method it wraps, and its decisions — how many lines a paragraph
// fills, where it breaks — are checked here on small inputs. A table whose merged note crosses
// a page break is laid out for real and read back page by page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Root, TableCell, TableRow } from '../../../../src/doctree/types.js';
import { HOOKED_SOURCE_HASH, breakAt, countLines, hookedSourceHash, installLayoutHook } from '../../../../src/writers/pdf/layout-hook.js';
import { writePdf } from '../../../../src/writers/pdf/index.js';
import { itWithTool } from '../../../helpers/tools.js';

const require = createRequire(import.meta.url);

describe('the pdfmake layout hook', () => {
  it('wraps the exact pdfmake method it was written against (pinned version, same source)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pdfmake, 'pdfmake must stay pinned exactly: the layout hook depends on its internals').toBe('0.3.11');
    expect((require('pdfmake/package.json') as { version: string }).version).toBe('0.3.11');
    expect(hookedSourceHash(), 'LayoutBuilder.prototype.processLeaf, TableProcessor.prototype.beginRow or PageElementWriter.prototype.commitUnbreakableBlock/addFragment changed: re-read them and update src/writers/pdf/layout-hook.ts').toBe(HOOKED_SOURCE_HASH);
  });

  it('is installed once and replaces processLeaf', () => {
    const LayoutBuilder = require('pdfmake/js/LayoutBuilder.js').default as { prototype: { processLeaf: unknown } };
    installLayoutHook();
    const hooked = LayoutBuilder.prototype.processLeaf;
    installLayoutHook();
    expect(LayoutBuilder.prototype.processLeaf).toBe(hooked);
    expect(String(hooked)).not.toContain('buildNextLine');
  });

  it('counts lines as pdfmake fills them', () => {
    const w = (width: number, extra: object = {}) => ({ width, ...extra });
    expect(countLines([], 100)).toBe(0);
    expect(countLines([w(40), w(40), w(40)], 100)).toBe(2);
    expect(countLines([w(40), w(40), w(20)], 100)).toBe(1);
    expect(countLines([w(40, { lineEnd: true }), w(10)], 100)).toBe(2);
    // A first-line indent (negative leading cut) leaves less room on the first line.
    expect(countLines([w(30, { leadingCut: -30 }), w(40), w(40)], 100)).toBe(2);
    // noNewLine glues a word to the next one (a footnote marker to its word).
    expect(countLines([w(50), w(40, { noNewLine: true }), w(15)], 100)).toBe(2);
  });

  it('breaks a paragraph leaving at least two lines on each page', () => {
    expect(breakAt(5, 9)).toBe(-1); // fits
    expect(breakAt(5, 3)).toBe(3); // 3 here, 2 there
    expect(breakAt(5, 4)).toBe(3); // not 4 + 1: one line goes over with the last
    expect(breakAt(3, 2)).toBe(0); // 2 + 1 would widow, 1 + 2 would orphan: move whole
    expect(breakAt(2, 1)).toBe(0); // an orphan
    expect(breakAt(8, 1)).toBe(0);
  });
});

/** A portrait page of paragraphs, then a table whose last merged cell spans 12 rows. */
function crossingTable(): Root {
  const cell = (value: string, extra: object = {}) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }], ...extra });
  const rows: TableRow[] = [{ type: 'tableRow', kind: 'header', children: [cell('STT'), cell('Nội dung'), cell('Ghi chú')] }];
  for (let i = 1; i <= 30; i++) {
    const note = i === 19 ? [cell('Ghi chú gộp qua trang', { rowSpan: 12 })] : i > 19 ? [] : [cell('')];
    rows.push({ type: 'tableRow', kind: 'body', children: [cell(String(i)), cell(`Dòng số ${i} của bảng`), ...note] });
  }
  const para = { type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'Đoạn văn mở đầu của báo cáo thử, đủ dài để chiếm trọn một dòng văn bản của trang giấy khổ A4 đứng.' }] };
  return {
    type: 'root',
    meta: { title: 'Thử', author: 'Thử', date: '2024-12-05' },
    children: [...Array.from({ length: 6 }, () => para), { type: 'table', columns: [{ width: 8, align: 'center' }, { width: 60, align: 'left' }, { width: 30, align: 'left' }], children: rows }],
  };
}

describe('a merged table cell that crosses a page break', () => {
  itWithTool('pdftotext')('prints its text on both pages, and every row keeps its cells', async () => {
    const { value } = await writePdf(crossingTable());
    const file = join(mkdtempSync(join(tmpdir(), 'baocao-merge-')), 'merge.pdf');
    writeFileSync(file, value);
    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBe(2);
    const merged = pages.filter((p) => p.includes('Ghi chú gộp qua trang'));
    expect(merged.length).toBe(2);
    // Rows 19–30 are split between the pages: the merge really crosses the break.
    const at = (n: number) => pages.findIndex((p) => new RegExp(`Dòng số ${n} của bảng`).test(p));
    expect(at(19)).toBe(0);
    expect(at(30)).toBe(1);
    for (let n = 1; n <= 30; n++) expect(at(n), `row ${n}`).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

describe('a breakable row that does not fit at the foot of a page', () => {
  it('moves on whole before pdfmake begins it: nothing of it is drawn on the page it leaves', async () => {
    // pdfmake hands endRow the page breaks that fell inside the row; a one-line row that moved
    // on inside its first cell had one, and its borders were drawn as an empty strip above it.
    const TableProcessor = require('pdfmake/js/TableProcessor.js').default as { prototype: { endRow(i: number, w: unknown, breaks: unknown[]): unknown } };
    const endRow = TableProcessor.prototype.endRow;
    const breaks: number[] = [];
    TableProcessor.prototype.endRow = function (this: unknown, i: number, w: unknown, pageBreaks: unknown[]) {
      breaks.push(pageBreaks.length);
      return endRow.call(this, i, w, pageBreaks);
    };
    try {
      await writePdf(crossingTable());
    } finally {
      TableProcessor.prototype.endRow = endRow;
    }
    expect(breaks).toHaveLength(31);
    expect(breaks.filter((n) => n > 0)).toEqual([]);
  }, 60_000);
});

describe('a footnote taller than half a page', () => {
  it('is printed with its line and reported (W020)', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Câu giải thích số ${i + 1} của chú thích rất dài này, viết cho đủ nhiều dòng.`).join(' ');
    const root: Root = {
      type: 'root',
      meta: { title: 'Thử', author: 'Thử', date: '2024-12-05' },
      children: [{
        type: 'paragraph',
        children: [{ type: 'text', value: 'Đoạn văn có chú thích dài' }, { type: 'footnote', label: '1', children: [{ type: 'paragraph', children: [{ type: 'text', value: long }] }] }, { type: 'text', value: '.' }],
      }],
    };
    const { value, diagnostics } = await writePdf(root);
    expect(diagnostics.map((d) => d.code)).toEqual(['W020']);
    expect(value.length).toBeGreaterThan(1000);
  }, 60_000);
});

/**
 * A table whose header cell and first body row cite notes: pdfmake lays the header rows and the
 * first body row out as one unbreakable block, off the page, so the hook places their notes
 * when the block is placed. `before` paragraphs come first, so the table can start low on a page.
 */
function notedTable(before: number): Root {
  const text = (value: string) => ({ type: 'text' as const, value });
  const note = (label: string, value: string) => ({ type: 'footnote' as const, label, children: [{ type: 'paragraph' as const, children: [text(value)] }] });
  const cell = (...children: TableCell['children']) => ({ type: 'tableCell' as const, children });
  const rows: TableRow[] = [
    { type: 'tableRow', kind: 'header', children: [cell(text('STT')), cell(text('Chỉ tiêu'), note('1', 'Chú thích ở tiêu đề của bảng.'))] },
    { type: 'tableRow', kind: 'body', children: [cell(text('1')), cell(text('Dòng đầu của bảng'), note('2', 'Chú thích ở dòng đầu của bảng.'))] },
    ...Array.from({ length: 4 }, (_, i): TableRow => ({ type: 'tableRow', kind: 'body', children: [cell(text(String(i + 2))), cell(text(`Dòng số ${i + 2}`))] })),
  ];
  const para = { type: 'paragraph' as const, children: [text('Đoạn văn mở đầu của báo cáo thử, đủ dài để chiếm trọn một dòng văn bản của trang giấy khổ A4 đứng.')] };
  const cited = { type: 'paragraph' as const, children: [text('Đoạn văn có chú thích'), note('3', 'Chú thích của đoạn văn, in ở chân trang trước bảng.'), text('.')] };
  return {
    type: 'root',
    meta: { title: 'Thử', author: 'Thử', date: '2024-12-05' },
    children: [cited, ...Array.from({ length: before }, () => para), { type: 'table', columns: [{ width: 10, align: 'center' }, { width: 90, align: 'left' }], children: rows }],
  };
}

describe('notes cited inside an unbreakable block (a table\'s header and first body row)', () => {
  /** Each page's lines, top to bottom. */
  async function pages(root: Root): Promise<string[][]> {
    const { value, diagnostics } = await writePdf(root);
    expect(diagnostics).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'baocao-block-notes-')), 'notes.pdf');
    writeFileSync(file, value);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim()).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
  }

  // Before, their notes were lost: the lines were placed with no page to put them on.
  itWithTool('pdftotext')('are printed at the foot of the page the table starts on, below the table', async () => {
    const [first, ...rest] = await pages(notedTable(2));
    expect(rest).toEqual([]);
    const at = (s: string) => first!.findIndex((l) => l.includes(s));
    for (const note of ['Chú thích ở tiêu đề của bảng.', 'Chú thích ở dòng đầu của bảng.', 'Chú thích của đoạn văn']) {
      expect(at(note), note).toBeGreaterThan(at('Dòng số 5'));
    }
    expect(at('Chú thích của đoạn văn')).toBeLessThan(at('Chú thích ở tiêu đề của bảng.'));
    expect(at('Chú thích ở tiêu đề của bảng.')).toBeLessThan(at('Chú thích ở dòng đầu của bảng.'));
  }, 60_000);

  // Low on a page, the block with its notes does not fit above the note already there: the table
  // starts on the next page, its notes with it; nothing is drawn over the first page's note.
  itWithTool('pdftotext')('move on with the table when it does not fit above the page\'s notes with them', async () => {
    for (let before = 30; before <= 40; before++) {
      const laidOut = await pages(notedTable(before));
      const pageOf = (s: string) => laidOut.findIndex((p) => p.some((l) => l.includes(s)));
      expect(pageOf('Chú thích ở tiêu đề của bảng.'), `${before} paragraphs`).toBe(pageOf('Chỉ tiêu'));
      expect(pageOf('Chú thích ở dòng đầu của bảng.'), `${before} paragraphs`).toBe(pageOf('Dòng đầu của bảng'));
      const first = laidOut[0]!;
      const rule = first.findIndex((l) => l.includes('Chú thích của đoạn văn'));
      expect(first.slice(rule).some((l) => /Dòng|Chỉ tiêu|STT/.test(l)), `${before} paragraphs: nothing of the table under the first page's note`).toBe(false);
    }
  }, 120_000);
});
