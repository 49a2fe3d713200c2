// Widows and orphans in the PDF (issue 16 item 2), for the 2024 report and every example: read
// the PDF's lines with their positions, page by page, and find no paragraph that leaves a single
// line at the foot of a page (an orphan) or at the head of the next (a widow), and no heading
// that ends a page. Body lines are told apart by size (14 pt text; notes, tables and the
// signature are smaller) and by where they start: a paragraph's first line at the first-line
// indent, its other lines at the left margin.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/outputs.js';
import { pdfLines, PT_PER_MM, type PdfLine } from '../helpers/pdf-lines.js';
import { describeWithTool } from '../helpers/tools.js';
import { BODY, PAGE } from '../../src/writers/theme.js';

const LEFT = PAGE.marginMm.left * PT_PER_MM;
const INDENT = LEFT + BODY.firstLineIndentMm * PT_PER_MM;
const TOP = PAGE.marginMm.top * PT_PER_MM;
const near = (a: number, b: number) => Math.abs(a - b) < 1.5;
const isBody = (l: PdfLine) => l.yMax - l.yMin > 15 && l.yMax - l.yMin < 18 && (near(l.xMin, LEFT) || near(l.xMin, INDENT));
const isStart = (l: PdfLine) => near(l.xMin, INDENT);
const HEADING = /^(?:[IVXLC]+\.|\d+\.|[a-zđ]\)) \S/u;

interface Finding { page: number; kind: string; text: string }

/** Every widow, orphan and page-ending heading of a PDF's lines. */
export function typesettingFaults(lines: readonly PdfLine[]): Finding[] {
  const pages = new Map<number, PdfLine[]>();
  for (const l of lines) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  const sorted = [...pages.keys()].sort((a, b) => a - b).map((p) => pages.get(p)!.slice().sort((a, b) => a.yMin - b.yMin));
  const out: Finding[] = [];
  sorted.forEach((page, i) => {
    const next = sorted[i + 1];
    const body = page.filter(isBody);
    const last = body[body.length - 1];
    if (!last || !next) return;
    // The last body line ends the page's flow: nothing but notes (smaller, below) follows it.
    const after = page.filter((l) => l.yMin > last.yMax && l.yMax - l.yMin > 15);
    if (after.length > 0) return;
    const first = next.find((l) => l.yMin > TOP - 2);
    const nextBody = next.filter(isBody);
    const continues = first !== undefined && isBody(first) && !isStart(first);
    if (isStart(last) && HEADING.test(last.text)) out.push({ page: last.page, kind: 'heading ends the page', text: last.text });
    if (!continues) return;
    if (isStart(last)) out.push({ page: last.page, kind: 'orphan', text: last.text });
    const second = nextBody[1];
    const single = !second || isStart(second) || second.yMin - first.yMax > (first.yMax - first.yMin) * 0.6;
    if (single) out.push({ page: first.page, kind: 'widow', text: first.text });
  });
  return out;
}

const REPORTS = [
  { name: '2024', args: ['build', '2024'], pdf: path.join('2024', 'bao-cao-chu-de-nam-2024.pdf') },
  ...readdirSync(path.join(ROOT, 'examples')).sort().map((name) => ({ name, args: ['build', `examples/${name}`], pdf: name })),
];

describeWithTool('pdftotext')('no widows, orphans or page-ending headings in the PDF', () => {
  let out = '';
  beforeAll(() => { out = mkdtempSync(path.join(tmpdir(), 'baocao-widows-')); });

  it('finds them in a made-up page sequence (the check can fail)', () => {
    const line = (page: number, x: number, y: number, text: string): PdfLine => ({ page, text, xMin: x, xMax: 500, yMin: y, yMax: y + 16 });
    const faults = typesettingFaults([
      line(1, INDENT, 700, 'Đoạn một dòng đầu'), line(1, INDENT, 760, 'Đoạn hai bắt đầu'),
      line(2, LEFT, 60, 'dòng cuối của đoạn hai.'), line(2, INDENT, 80, 'Đoạn ba'),
    ]);
    expect(faults.map((f) => f.kind)).toEqual(['orphan', 'widow']);
  });

  for (const report of REPORTS) {
    it(`${report.name}: every paragraph keeps two lines at a page's foot and head`, () => {
      const r = runCli([...report.args, '--out', out, '--format', 'pdf']);
      expect(r.status, r.stderr).toBe(0);
      const dir = path.join(out, report.pdf);
      const file = report.pdf.endsWith('.pdf') ? dir : path.join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
      const lines = pdfLines(file);
      expect(lines.filter(isBody).length).toBeGreaterThan(20);
      expect(typesettingFaults(lines)).toEqual([]);
    }, 120_000);
  }
});
