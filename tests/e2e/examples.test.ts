// Issue 12, end to end: every folder under examples/ is a report of kind `bao-cao` — its whole
// structure in data, its templates only the Decree 30 frame — and builds with the real CLI into
// its own output folder. The two examples are checked against Decree 30/2020/NĐ-CP, Phụ lục I,
// on the DOCX XML and the PDF: the xã's quarterly report with its parent-agency line, "Kính gửi"
// and a TM. + KT. signature; the province's report with no "Kính gửi", a two-line trích yếu, a
// KT. signature and two appendices (landscape, then portrait) with declared tables.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli, docxXml, decodeXml, pdfPages, norm } from '../helpers/outputs.js';
import { effective, readStyles } from '../helpers/docx-styles.js';

const EXAMPLES = readdirSync(path.join(ROOT, 'examples')).sort();
const XA = 'xa-tien-thang-q3-2025';
const TINH = 'tinh-cai-cach-hanh-chinh-2025';
// The CCHC example keeps two deliberate faults, warned about on every build (tests/e2e/tables.test.ts).
const CCHC = 'bao-cao-cchc';
let out: string;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'baocao-examples-'));
  for (const name of EXAMPLES) {
    const r = runCli(['build', `examples/${name}`, '--out', out]);
    expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    if (name === CCHC) expect(r.stderr.match(/ (warning|error) V\d+/g), name).toEqual([' warning V312', ' warning V310']);
    else expect(r.stderr, name).toBe('');
  }
});

// Formatting as Word resolves it (styles, then direct formatting), in the DOCX being read.
let sheet: ReturnType<typeof readStyles>;
function read(file: string): string {
  sheet = readStyles(docxXml(file, 'word/styles.xml'));
  return docxXml(file);
}
const bold = (p: string) => effective(p, sheet).bold;
const italic = (p: string) => effective(p, sheet).italic;
const size = (p: string) => effective(p, sheet).size;
const attr = (p: string, tag: string, name: string) => (tag === 'jc' && name === 'val' ? effective(p, sheet).jc : new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(p)?.[1]);

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}
function textOf(p: string): string {
  return [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('').normalize('NFC').replace(/\u00a0/g, ' ');
}
function para(paragraphs: string[], text: string): string {
  const found = paragraphs.find((p) => textOf(p).startsWith(text));
  if (!found) throw new Error(`no paragraph starting with ${text}`);
  return found;
}

describe('the examples', () => {
  it('are at least two, of kind bao-cao, each built into its own output folder', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining([XA, TINH]));
    expect(readdirSync(out).sort()).toEqual(EXAMPLES);
    expect(readdirSync(path.join(out, XA)).sort()).toEqual(['bao-cao-2025-so-45.docx', 'bao-cao-2025-so-45.pdf', 'manifest.json']);
    expect(readdirSync(path.join(out, TINH)).sort()).toEqual(['bao-cao-2025.docx', 'bao-cao-2025.pdf', 'manifest.json']);
  });

  it('`report kinds` lists chu-de-nam and bao-cao', () => {
    const kinds = JSON.parse(runCli(['kinds', '--format', 'json']).stdout) as { name: string; files: { name: string; required: boolean }[] }[];
    expect(kinds.map((k) => k.name)).toEqual(['bao-cao', 'chu-de-nam']);
    expect(kinds[0].files).toEqual([
      expect.objectContaining({ name: 'noi-dung.yaml', required: true }),
      expect.objectContaining({ name: 'phu-luc.yaml', required: false }),
    ]);
  });
});

describe(`UBND xã, quarterly (${XA})`, () => {
  let ps: string[];
  beforeAll(() => {
    ps = paragraphsOf(read(path.join(out, XA, 'bao-cao-2025-so-45.docx')));
  });

  it('prints the parent agency upright 12–13 pt, the agency bold 13 pt, centred (nd30 ô 2)', () => {
    const parent = para(ps, 'UBND THÀNH PHỐ HẢI PHÒNG');
    expect([bold(parent), attr(parent, 'jc', 'val')]).toEqual([false, 'center']);
    expect(size(parent)).toBeGreaterThanOrEqual(12);
    expect(size(parent)).toBeLessThanOrEqual(13);
    for (const line of ['ỦY BAN NHÂN DÂN', 'XÃ TIÊN THẮNG']) {
      const p = para(ps, line);
      expect([size(p), bold(p)], line).toEqual([13, true]);
    }
    expect(para(ps, 'Số: 45/BC-UBND')).toBeTruthy();
    expect(italic(para(ps, 'Tiên Thắng, ngày 25 tháng 9 năm 2025'))).toBe(true);
  });

  it('has the title, "Kính gửi" and numbered sections I., 1., a) from the data', () => {
    expect([size(para(ps, 'BÁO CÁO')), bold(para(ps, 'BÁO CÁO'))]).toEqual([14, true]);
    expect(para(ps, 'Kính gửi: Ủy ban nhân dân thành phố Hải Phòng')).toBeTruthy();
    const headings = ['I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III NĂM 2025', '1. Về kinh tế', 'a) Sản xuất nông nghiệp', 'b) Thu, chi ngân sách', '2. Về văn hóa - xã hội', 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025'];
    const order = headings.map((h) => ps.indexOf(para(ps, h)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(bold(para(ps, 'I. KẾT QUẢ'))).toBe(true);
    expect(para(ps, 'Toàn xã gieo cấy 412,5 ha lúa vụ mùa, đạt 98,6% kế hoạch')).toBeTruthy();
    // Counts below 10 keep the leading zero by default (Decree 30 practice).
    expect(para(ps, '- Tổ chức khai giảng năm học mới tại 03 trường học')).toBeTruthy();
  });

  it('signs TM. + KT.: authority, deputy line, title and name bold 14 pt beside "Nơi nhận"', () => {
    for (const text of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Phạm Văn Hòa']) {
      const p = para(ps, text);
      expect([size(p), bold(p), attr(p, 'jc', 'val')], text).toEqual([14, true, 'center']);
    }
    expect(para(ps, '- Lưu: VT, VP.')).toBeTruthy();
  });

  it('attaches a portrait appendix with its "(Kèm theo …)" line and a table with a header row', () => {
    expect(bold(para(ps, 'Phụ lục'))).toBe(true);
    expect(para(ps, 'KẾT QUẢ THU, CHI NGÂN SÁCH XÃ 9 THÁNG NĂM 2025')).toBeTruthy();
    const note = para(ps, '(Kèm theo Báo cáo số 45/BC-UBND ngày 25 tháng 9 năm 2025 của Ủy ban nhân dân xã Tiên Thắng)');
    expect(italic(note)).toBe(true);
    const pdf = path.join(out, XA, 'bao-cao-2025-so-45.pdf');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
    const last = norm(pdfPages(pdf).at(-1)!);
    expect(last).toContain('ĐVT: triệu đồng');
    for (const text of ['Thu ngân sách', '10.500', '8.215', 'Chi ngân sách', '9.800', '6.940']) expect(last, text).toContain(text);
  });
});

describe(`UBND tỉnh, no "Kính gửi", two-line title (${TINH})`, () => {
  let ps: string[];
  let xml: string;
  beforeAll(() => {
    xml = read(path.join(out, TINH, 'bao-cao-2025.docx'));
    ps = paragraphsOf(xml);
  });

  it('has no "Kính gửi" and prints the trích yếu as its two lines, bold 14 pt', () => {
    expect(ps.some((p) => textOf(p).startsWith('Kính gửi'))).toBe(false);
    for (const line of ['Kết quả công tác cải cách hành chính 6 tháng đầu năm', 'và nhiệm vụ trọng tâm 6 tháng cuối năm 2025']) {
      const p = para(ps, line);
      expect([size(p), bold(p), attr(p, 'jc', 'val')], line).toEqual([14, true, 'center']);
    }
    expect(para(ps, 'Số:')).toBeTruthy();
  });

  it('has two parts, Phần I and Phần II (label and title centred, bold), the Mục under each from I.', () => {
    const order = ['Phần I', 'KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', 'I. CÔNG TÁC CHỈ ĐẠO', 'II. KẾT QUẢ THỰC HIỆN', '1. Cải cách thể chế', '2. Cải cách thủ tục hành chính',
      'a) Công bố, công khai', 'b) Kết quả giải quyết hồ sơ', '- Cấp tỉnh', '- Cấp huyện, cấp xã', '3. Cải cách tổ chức bộ máy', 'III. TỒN TẠI, HẠN CHẾ',
      'Phần II', 'NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025', 'I. NHIỆM VỤ TRỌNG TÂM', 'II. KIẾN NGHỊ, ĐỀ XUẤT'];
    const at = order.map((h) => ps.findIndex((p, i) => textOf(p).replace(/\u00a0/g, ' ').startsWith(h) && (h !== 'Phần I' || textOf(p).replace(/\u00a0/g, ' ') === 'Phần I')));
    expect(order.filter((_, k) => at[k]! < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const h of ['Phần I', 'Phần II', 'KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2025']) {
      const p = ps.find((q) => textOf(q).replace(/\u00a0/g, ' ') === h)!;
      expect([bold(p), attr(p, 'jc', 'val')], h).toEqual([true, 'center']);
    }
    expect(ps.some((p) => textOf(p).startsWith('IV.'))).toBe(false);
  });

  it('writes counts below 10 without the leading zero, as the report asks (leadingZero: false)', () => {
    expect(para(ps, 'Ủy ban nhân dân tỉnh ban hành 14 văn bản chỉ đạo, điều hành; tổ chức 6 cuộc kiểm tra')).toBeTruthy();
    // A figure written with its zero keeps the form its source used.
    expect(para(ps, '- Kiện toàn 05 phòng chuyên môn cấp huyện')).toBeTruthy();
  });

  it('signs KT. CHỦ TỊCH / PHÓ CHỦ TỊCH without a TM. line', () => {
    expect(ps.some((p) => textOf(p).startsWith('TM.'))).toBe(false);
    for (const text of ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Thị Lan']) expect(bold(para(ps, text)), text).toBe(true);
  });

  it('puts Phụ lục I on landscape pages and Phụ lục II on portrait, each with a Tổng cộng row', () => {
    const sections = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections.some((s) => /w:orient="landscape"/.test(s))).toBe(true);
    expect(bold(para(ps, 'Phụ lục I'))).toBe(true);
    expect(bold(para(ps, 'Phụ lục II'))).toBe(true);
    const pdf = path.join(out, TINH, 'bao-cao-2025.pdf');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
    expect(sizes.at(-2)).toBe('842x595');
    expect(sizes.at(-1)).toBe('595x842');
    const pages = pdfPages(pdf).map(norm);
    for (const text of ['Tổng cộng', '48.265', '47.639', '626', '98,7%']) expect(pages.at(-2), text).toContain(text);
    for (const text of ['Tổng cộng', 'Tài chính, ngân sách', '21']) expect(pages.at(-1), text).toContain(text);
  });
});
