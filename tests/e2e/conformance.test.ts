// Conformance with Decree 30/2020/NĐ-CP, Phụ lục I (docs/nd30.md): the built DOCX's XML and
// the built PDF are checked rule by rule — page and margins, the fonts and sizes of each header
// element, body paragraphs, page numbers (in the header, hidden on page 1), the signature and
// distribution blocks, the landscape appendix with its repeating header row; PDF pages, fonts, text.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, docxXml, decodeXml, pdfPages } from '../helpers/outputs.js';
import { effective, readStyles } from '../helpers/docx-styles.js';

const TWIP_PER_MM = 1440 / 25.4;
let out: string;
let docx: string;
let pdf: string;
let xml: string;
let paragraphs: string[];
let sheet: ReturnType<typeof readStyles>;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'baocao-conf-'));
  const r = runCli(['build', '2024', '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  docx = path.join(out, '2024', 'bao-cao-chu-de-nam-2024.docx');
  pdf = path.join(out, '2024', 'bao-cao-chu-de-nam-2024.pdf');
  xml = docxXml(docx);
  paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  sheet = readStyles(docxXml(docx, 'word/styles.xml'));
});

/** The w:p whose text (all its w:t joined) starts with `text`. */
function para(text: string): string {
  const found = paragraphs.find((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('').normalize('NFC').replace(/\u00a0/g, ' ').startsWith(text));
  if (!found) throw new Error(`no paragraph starting with ${text}`);
  return found;
}
const attr = (x: string, tag: string, name: string) => new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(x)?.[1];
// What a reader sees: a paragraph's formatting resolved through its style, as Word does.
const bold = (p: string) => effective(p, sheet).bold;
const italic = (p: string) => effective(p, sheet).italic;
const size = (p: string) => effective(p, sheet).size;
const jc = (p: string) => effective(p, sheet).jc;

describe('DOCX: page (nd30 §1)', () => {
  it('is A4 portrait with margins top/bottom 20–25, left 30–35, right 15–20 mm', () => {
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)![0];
    expect([attr(sect, 'pgSz', 'w'), attr(sect, 'pgSz', 'h')]).toEqual(['11906', '16838']);
    const mm = (n: string) => Number(attr(sect, 'pgMar', n)) / TWIP_PER_MM;
    expect(mm('top')).toBeGreaterThanOrEqual(19.9); expect(mm('top')).toBeLessThanOrEqual(25.1);
    expect(mm('bottom')).toBeGreaterThanOrEqual(19.9); expect(mm('bottom')).toBeLessThanOrEqual(25.1);
    expect(mm('left')).toBeGreaterThanOrEqual(29.9); expect(mm('left')).toBeLessThanOrEqual(35.1);
    expect(mm('right')).toBeGreaterThanOrEqual(14.9); expect(mm('right')).toBeLessThanOrEqual(20.1);
  });

  it('sets Times New Roman 14 pt and Vietnamese as the document defaults', () => {
    const styles = docxXml(docx, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(attr(defaults, 'rFonts', 'ascii')).toBe('Times New Roman');
    expect(attr(defaults, 'sz', 'val')).toBe('28');
    expect(attr(defaults, 'lang', 'val')).toBe('vi-VN');
  });
});

describe('DOCX: header block (nd30 §2)', () => {
  it('is a borderless two-column table', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(table).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect([...table.matchAll(/<w:gridCol /g)]).toHaveLength(2);
    expect(table).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it.each([
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, true, false],
    ['Độc lập - Tự do - Hạnh phúc', 13, true, false],
    ['ỦY BAN NHÂN DÂN', 13, true, false],
    ['HUYỆN AN LÃO', 13, true, false],
    ['Số:', 13, false, false],
    ['An Lão, ngày', 13, false, true],
    ['BÁO CÁO', 14, true, false],
    ['Kết quả thực hiện Chủ đề năm 2024', 14, true, false],
    ['Kính gửi:', 14, false, false],
  ])('"%s": %i pt, bold %s, italic %s', (text, pt, b, i) => {
    const p = para(text);
    expect(size(p)).toBe(pt);
    expect(bold(p)).toBe(b);
    expect(italic(p)).toBe(i);
    expect(jc(p)).toBe('center');
  });

  it('draws the rules under the agency, the tiêu ngữ and the trích yếu', () => {
    for (const text of ['HUYỆN AN LÃO', 'Độc lập - Tự do - Hạnh phúc', 'Kết quả thực hiện Chủ đề năm 2024']) {
      const i = paragraphs.indexOf(para(text));
      const ruleNear = paragraphs.slice(i, i + 3).some((p) => /<w:pBdr>[\s\S]*?<w:(bottom|top) w:val="single"/.test(p)
        || /<w:pBdr>[\s\S]*?<w:(bottom|top) w:val="single"/.test(sheet.styles.get(effective(p, sheet).style)?.pPr ?? ''));
      expect(ruleNear, text).toBe(true);
    }
  });
});

describe('DOCX: body (nd30 §1)', () => {
  it('justifies body paragraphs with a 1.27 cm first-line indent and ≥ 6 pt after', () => {
    const p = effective(para('Thực hiện Nghị quyết số 107-NQ/HU'), sheet);
    expect(p.jc).toBe('both');
    expect(p.firstLine).toBe('720');
    expect(Number(p.after)).toBeGreaterThanOrEqual(120);
    // An exact pitch (twips): between single and 1.5 lines of Times New Roman 14 pt (16.1 pt a line).
    const single = 14 * (2355 / 2048) * 20;
    const line = Number(p.line);
    expect(line).toBeGreaterThanOrEqual(single);
    expect(line).toBeLessThanOrEqual(1.5 * single);
    expect(xml.length > 0 && sheet.styles.get('Normal')!.pPr).toContain('w:lineRule="exact"');
  });

  it('numbers headings I., 1., a) and sets Mục headings bold upper case', () => {
    const p = para('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
    expect(bold(p)).toBe(true);
    expect(para('1. Công tác giải phóng mặt bằng')).toBeTruthy();
    expect(para('a) Chỉnh trang đô thị: 59.370 triệu đồng')).toBeTruthy();
    expect(para('đ) Bảo đảm an toàn')).toBeTruthy();
  });
});

describe('DOCX: page numbers (nd30 §1)', () => {
  it('has a centred PAGE field in the default header and none on the first page', () => {
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)![0];
    expect(sect).toContain('<w:titlePg/>');
    const rels = docxXml(docx, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    };
    const main = docxXml(docx, `word/${target('default')}`);
    const first = docxXml(docx, `word/${target('first')}`);
    expect(main).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(jc(/<w:p>(?:(?!<w:p>)[\s\S])*?PAGE[\s\S]*?<\/w:p>/.exec(main)![0])).toBe('center');
    expect(first).not.toMatch(/PAGE/);
  });
});

describe('DOCX: signature and distribution (nd30 §2, ô 7 and 9b)', () => {
  it('sets "Nơi nhận:" 12 pt bold italic and its items 11 pt, ending "- Lưu: VT."', () => {
    const label = para('Nơi nhận:');
    expect([size(label), bold(label), italic(label)]).toEqual([12, true, true]);
    const item = para('- Thường trực Huyện ủy;');
    expect([size(item), bold(item)]).toEqual([11, false]);
    expect(para('- Lưu: VT.')).toBeTruthy();
  });

  it('puts the authority, title and name beside the distribution list, bold 14 pt', () => {
    for (const text of ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Hà Thế Vinh']) {
      const p = para(text);
      expect([size(p), bold(p), jc(p)], text).toEqual([14, true, 'center']);
    }
    const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Nơi nhận:'))!;
    expect(table).toContain('Hà Thế Vinh');
    expect(Number(effective(para('Hà Thế Vinh'), sheet).before)).toBeGreaterThanOrEqual(1000);
  });
});

describe('DOCX: landscape appendix (nd30 §4)', () => {
  it('puts the appendix in a landscape section whose numbering restarts', () => {
    const sections = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const landscape = sections.find((s) => /w:orient="landscape"/.test(s))!;
    expect([attr(landscape, 'pgSz', 'w'), attr(landscape, 'pgSz', 'h')]).toEqual(['16838', '11906']);
    expect(landscape).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  it('has the Phụ lục heading, the (Kèm theo …) line and a table with repeated, merged header rows and a Tổng cộng row', () => {
    expect(bold(para('Phụ lục'))).toBe(true);
    expect(italic(para('(Kèm theo Báo cáo số'))).toBe(true);
    const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Tổng cộng'))!;
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).toContain('<w:tblHeader/>');
    expect(rows[2]).not.toContain('<w:tblHeader/>');
    expect(table).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(table).toMatch(/<w:vMerge w:val="restart"\/>/);
    const totalRow = rows.find((r) => r.includes('Tổng cộng'))!;
    expect(totalRow).toContain('554.467');
    const figureCell = /<w:tc>(?:(?!<\/w:tc>)[\s\S])*?554\.467[\s\S]*?<\/w:tc>/.exec(totalRow)![0];
    expect(attr(figureCell, 'jc', 'val')).toBe('right');
  });
});

describe('PDF', () => {
  it('has A4 pages: portrait body, landscape appendix', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.slice(0, -1).every(([w, h]) => w === 595 && h === 842)).toBe(true);
    expect(sizes[sizes.length - 1]).toEqual([842, 595]);
  });

  it('embeds and subsets the Tinos fonts (Times New Roman metrics) as Unicode CID fonts', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      expect(line).toMatch(/Tinos/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('extracts Vietnamese text intact and numbers pages from 2, centred at the top', () => {
    const pages = pdfPages(pdf);
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0]).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(pages[0].trimStart().startsWith('1')).toBe(false);
    expect(pages[1].trimStart().split('\n')[0].trim()).toBe('2');
    const all = pages.join('\n').normalize('NFC');
    expect(all).toContain('Quyết định số 4365/QĐ-UBND ngày 20/11/2024');
    expect(all).toContain('Nơi nhận:');
    expect(all).toContain('Hà Thế Vinh');
  });
});
