// Typesetting of the 2024 report as a clerk would check it on the printed pages (issue 16):
// room for the signature and seal, the signature block on one page with Nơi nhận and the last
// paragraph, numbers never parted from their units at a line end, and the DOCX's paragraph
// properties that decide its page breaks. The PDF is read back with positions (pdftotext).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, docxXml } from '../helpers/outputs.js';
import { partedUnits, pdfLines, PT_PER_MM, type PdfLine } from '../helpers/pdf-lines.js';
import { describeWithTool } from '../helpers/tools.js';
import { linePitchPt } from '../../src/writers/theme.js';

let pdf = '';
let docx = '';

beforeAll(() => {
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-typeset-'));
  const r = runCli(['build', '2024', '--out', out, '--format', 'docx,pdf']);
  expect(r.status, r.stderr).toBe(0);
  pdf = path.join(out, '2024', 'bao-cao-chu-de-nam-2024.pdf');
  docx = path.join(out, '2024', 'bao-cao-chu-de-nam-2024.docx');
}, 120_000);

const find = (lines: PdfLine[], pattern: RegExp): PdfLine => {
  const hit = lines.find((l) => pattern.test(l.text));
  if (!hit) throw new Error(`no PDF line matches ${pattern}`);
  return hit;
};

describeWithTool('pdftotext')('the signature block in the PDF', () => {
  it('leaves at least 30 mm between the signer\'s title and name, on one page with Nơi nhận and the last paragraph', () => {
    const lines = pdfLines(pdf);
    const label = find(lines, /^Nơi nhận:/);
    const title = find(lines, /^CHỦ TỊCH$/);
    const name = find(lines, /^Hà Thế Vinh$/);
    const gapMm = (name.yMin - title.yMax) / PT_PER_MM;
    expect(gapMm).toBeGreaterThanOrEqual(30);
    expect(gapMm).toBeLessThan(40);
    expect(new Set([label.page, title.page, name.page])).toEqual(new Set([label.page]));
    // The last body line before "Nơi nhận:" is on the same page.
    const before = lines[lines.indexOf(label) - 1]!;
    expect(before.page).toBe(label.page);
  });
});

describeWithTool('pdftotext')('numbers and units in the PDF', () => {
  it('no line ends with a number whose unit starts the next line', () => {
    const lines = pdfLines(pdf);
    expect(lines.filter((l) => /\d (triệu đồng|ha)\b/u.test(l.text)).length).toBeGreaterThan(5);
    expect(partedUnits(lines)).toEqual([]);
  });
});

describeWithTool('pdftotext')('the line pitch of the PDF', () => {
  it('is the theme\'s explicit pitch, 18.5 pt for body text, as the DOCX sets it exactly', () => {
    const lines = pdfLines(pdf).filter((l) => l.yMin > 20 * PT_PER_MM);
    const steps = lines.slice(1).map((l, i) => (l.page === lines[i]!.page ? Math.round((l.yMin - lines[i]!.yMin) * 100) / 100 : 0));
    const counts = new Map<number, number>();
    for (const s of steps) counts.set(s, (counts.get(s) ?? 0) + 1);
    // The commonest step between lines is the pitch within a paragraph; next, pitch + 6 pt after.
    const [commonest, next] = [...counts].sort((a, b) => b[1] - a[1]).map(([step]) => step);
    expect(commonest).toBe(linePitchPt(14, 1.15));
    expect(next).toBe(linePitchPt(14, 1.15) + 6);
  });
});

describeWithTool('pdftotext')('the appendix of the PDF', () => {
  it('ends with ./. after its table, and no page before it is blank', () => {
    const lines = pdfLines(pdf);
    const last = lines[lines.length - 1]!;
    expect(last.text).toBe('./.');
    // Below the table's total row, on its page.
    const total = find(lines, /^Tổng cộng/);
    expect(last.page).toBe(total.page);
    expect(last.yMin).toBeGreaterThan(total.yMax);
    const pages = Math.max(...lines.map((l) => l.page));
    const withText = new Set(lines.filter((l) => l.yMin > 20 * PT_PER_MM).map((l) => l.page));
    expect([...Array(pages).keys()].map((i) => i + 1).filter((p) => !withText.has(p))).toEqual([]);
    // The appendix heading opens the page after the signature.
    expect(find(lines, /^Phụ lục$/).page).toBe(find(lines, /^Hà Thế Vinh$/).page + 1);
  });
});

describe('the signature block in the DOCX', () => {
  it('gives the signer\'s name at least 30 mm of space before, in a row that cannot split, after a kept paragraph', () => {
    const styles = docxXml(docx, 'word/styles.xml');
    const signer = /<w:style [^>]*w:styleId="NguoiKy"[\s\S]*?<\/w:style>/.exec(styles)![0];
    const beforeTwip = Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(signer)![1]);
    expect(beforeTwip / 20 / PT_PER_MM).toBeGreaterThanOrEqual(30);
    const xml = docxXml(docx);
    const row = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*Nơi nhận:[\s\S]*?<\/w:tr>/.exec(xml)![0];
    expect(row).toContain('<w:cantSplit/>');
    const before = xml.slice(0, xml.indexOf(row)).split('<w:p>').pop()!;
    expect(before).toContain('<w:keepNext/>');
  });
});

describe('page-break properties of the DOCX', () => {
  const paragraphs = (): string[] => [...docxXml(docx).matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const text = (p: string): string => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').normalize('NFC').replace(/\u00a0/g, ' ');

  it('sets widow and orphan control in Normal, which every style is based on', () => {
    const styles = docxXml(docx, 'word/styles.xml');
    expect(/<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain('<w:widowControl/>');
  });

  it('keeps with the next paragraph only headings, run-in sub-heads and the paragraph before the signature', () => {
    const kept = paragraphs().filter((p) => p.includes('<w:keepNext/>')).map(text);
    expect(kept).toEqual(['Xã Quốc Tuấn:', 'Xã An Thái:', 'Xã Mỹ Đức:', 'Xã An Thọ:', 'Ủy ban nhân dân huyện báo cáo Hội đồng nhân dân huyện./.']);
    // A long run-in "a)" paragraph is not chained to the next one.
    const runIn = paragraphs().find((p) => text(p).startsWith('a) Chỉnh trang đô thị:'))!;
    expect(runIn).not.toContain('<w:keepNext/>');
    const headingStyle = /<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/.exec(docxXml(docx, 'word/styles.xml'))![0];
    expect(headingStyle).toContain('<w:keepNext/>');
  });
});
