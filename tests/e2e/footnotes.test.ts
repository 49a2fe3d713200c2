// Footnotes in every format (issue 14), on the CCHC example's nine notes — in prose, after a
// figure, holding a list, on a statistical table's row label: the DOCX holds each in
// word/footnotes.xml, referenced from the paragraph that cites it; the PDF prints each on the
// page of its marker, below all body text, smaller than the body; the HTML preview links each
// marker to its note and back.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeXml, docxXml, norm, runCli } from '../helpers/outputs.js';
import { pdfLines, type PdfLine } from '../helpers/pdf-lines.js';
import { describeWithTool } from '../helpers/tools.js';

/** label → [text around the marker in the body, start of the note]. */
const NOTES: Record<string, [RegExp, string]> = {
  1: [/cải cách hành chính năm 2025,/, 'Kế hoạch giao 42 nhiệm vụ'],
  2: [/thủ tục;/, 'Gồm 1.502 thủ tục cấp tỉnh và 372 thủ tục cấp xã.'],
  3: [/316 thủ tục,/, 'Trong đó:'],
  4: [/hồ sơ trực tuyến;/, 'Trong số hồ sơ trực tuyến có 201.966 hồ sơ trực tuyến toàn trình.'],
  5: [/98,89%\./, 'Tỷ lệ tính trên tổng số hồ sơ đã giải quyết'],
  6: [/186\.245,5 triệu đồng\./, 'Qua 176.320 giao dịch'],
  7: [/598 đơn vị;/, 'Năm 2024 có 612 đơn vị'],
  8: [/công chức được giao\./, 'Biên chế công chức năm 2025'],
  9: [/Số người tinh giản biên chế/, 'Tính cả các trường hợp nghỉ'],
};

let out = '';
const file = (ext: string) => path.join(out, 'bao-cao-cchc', `bao-cao-2025.${ext}`);

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'baocao-fn-'));
  const r = runCli(['build', 'examples/bao-cao-cchc', '--out', out, '--format', 'docx,pdf,html']);
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

describe('footnotes in the DOCX', () => {
  it('has every note in word/footnotes.xml, the list as dashed paragraphs', () => {
    const xml = docxXml(file('docx'), 'word/footnotes.xml');
    const notes = new Map([...xml.matchAll(/<w:footnote (?:[^>]*\s)?w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)]
      .filter((m) => Number(m[1]) > 0)
      .map((m) => [m[1]!, [...m[2]!.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => norm(decodeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))))]));
    expect([...notes.keys()]).toEqual(Object.keys(NOTES));
    for (const [label, [, text]] of Object.entries(NOTES)) expect(notes.get(label)![0], `note ${label}`).toContain(text);
    expect(notes.get('3')).toEqual(['Trong đó:', '- Ban hành mới 128 thủ tục;', '- Sửa đổi, bổ sung 142 thủ tục;', '- Bãi bỏ 46 thủ tục.']);
    expect(xml).toMatch(/<w:pStyle w:val="FootnoteText"\/>/);
  });

  it('references each note from the paragraph (or table cell) that cites it', () => {
    const xml = docxXml(file('docx'));
    for (const [label, [context]] of Object.entries(NOTES)) {
      const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).filter((p) => p.includes(`<w:footnoteReference w:id="${label}"/>`));
      expect(paragraphs.length, `marker ${label}`).toBe(1);
      const text = norm(decodeXml([...paragraphs[0]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
      expect(text, `marker ${label}`).toMatch(context);
    }
    // Note 9 sits in a table cell of the appendix.
    const cell = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]).find((c) => c.includes('<w:footnoteReference w:id="9"/>'));
    expect(cell).toBeDefined();
  });
});

describeWithTool('pdftotext')('footnotes in the PDF', () => {
  let lines: PdfLine[] = [];
  beforeAll(() => { lines = pdfLines(file('pdf')); });
  const height = (l: PdfLine) => l.yMax - l.yMin;

  it('prints each note on the page of its marker, below all body text, smaller than the body', () => {
    for (const [label, [context, text]] of Object.entries(NOTES)) {
      const note = lines.find((l) => norm(l.text).startsWith(norm(text)) || norm(l.text).includes(norm(text)));
      expect(note, `note ${label}`).toBeDefined();
      const page = lines.filter((l) => l.page === note!.page);
      // The marker follows the words that cite the note, on a line of the note's page.
      const marked = new RegExp(`${context.source} ?${label}(?: |$)`);
      const cited = page.find((l) => marked.test(norm(l.text)) && l.yMin < note!.yMin);
      expect(cited, `marker ${label} is on the note's page ${note!.page}`).toBeDefined();
      const body = page.filter((l) => height(l) > 15);
      expect(note!.yMin, `note ${label} below the body text`).toBeGreaterThan(Math.max(...body.map((l) => l.yMax)));
      expect(height(note!), `note ${label} smaller than the body`).toBeLessThan(Math.min(...body.map(height)));
    }
  });
});

describe('footnotes in the HTML preview', () => {
  it('links each marker to its note and back, the notes after their top-level section', () => {
    const html = readFileSync(file('html'), 'utf8');
    for (const label of Object.keys(NOTES)) {
      expect(html).toContain(`<sup class="fn-ref" id="fnref-${label}"><a href="#fn-${label}">${label}</a></sup>`);
      expect(html).toMatch(new RegExp(`<li id="fn-${label}">[\\s\\S]*?<a class="fn-back" href="#fnref-${label}"`));
      // A note follows its marker.
      expect(html.indexOf(`id="fn-${label}"`)).toBeGreaterThan(html.indexOf(`id="fnref-${label}"`));
    }
    // Notes 2–8 belong to section I: listed together before section II begins.
    const list = html.slice(html.indexOf('id="fn-2"'), html.indexOf('id="fn-8"'));
    expect(list).not.toContain('TỒN TẠI');
    expect(html.indexOf('id="fn-8"')).toBeLessThan(html.indexOf('II. '));
  });
});
