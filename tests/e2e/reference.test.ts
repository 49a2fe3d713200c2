// The 2024 report built from data and templates contains every paragraph of the hand-typed
// reference (tests/fixtures/reference/bao-cao-chu-de-nam-2024.txt, as typed by the district), whitespace-normalised, in both
// the DOCX and the PDF. The only differences are listed below, each with its reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli, docxXml, docxParagraphs, pdfPages, norm } from '../helpers/outputs.js';

const REFERENCE = path.join(ROOT, 'tests/fixtures/reference/bao-cao-chu-de-nam-2024.txt');

/**
 * [text in the reference, text in our output, why]. Applied to the reference before matching;
 * a listed difference that no longer occurs in the reference fails the test.
 */
const DIFFERENCES: [string | RegExp, string, string][] = [
  ['dự\n\nán Đầu tư', 'dự án Đầu tư', 'the typed copy splits this paragraph at a page break'],
  ['huyện\n\nthông qua', 'huyện thông qua', 'the typed copy splits this paragraph at a page break'],
  ['e. Bảo đảm an toàn', 'đ) Bảo đảm an toàn', 'Decree 30 letters follow the Vietnamese alphabet (nd30 §3): after d) comes đ)'],
  [/^([a-eđ])\. /gm, '$1) ', 'Decree 30 numbers điểm as a), b), c) (nd30 §3), not a., b.'],
  [/(\d)\.(\d\d)ha/g, '$1,$2ha', 'decimal comma, not a dot (Luật Kế toán): 82.03ha is 82,03 ha'],
  ['1,7ha.ha', '1,7 ha', 'typo in the reference'],
  [/(\d)(ha|m²)/g, '$1 $2', 'house style: a space between a number and its unit (0,24 ha, 8.948 m²)'],
  ['với diện tích tương ứng', 'với diện tích', 'one phrase for every completed clearance case (template)'],
  ['12/12/2023 Hội nghị lần thứ 17', '12/12/2023 của Hội nghị lần thứ 17', 'citations name their issuer with "của" (one citation form for every document)'],
  ['phát sóng 2 chuyên mục', 'phát sóng 02 chuyên mục', 'house style: counts below 10 take a leading zero'],
  ['14 tin bài, 7 tin', '14 tin bài, 07 tin', 'house style: counts below 10 take a leading zero'],
  ['của 6 xã', 'của 06 xã', 'house style: counts below 10 take a leading zero'],
  ['cho 6 xã', 'cho 06 xã', 'house style: counts below 10 take a leading zero'],
  ['493.227 triệu đồng). Trong đó', '493.227 triệu đồng. Trong đó', 'stray ")" in the reference'],
  ['II. CÔNG TÁC TUYÊN TRUYỀN:', 'II. CÔNG TÁC TUYÊN TRUYỀN', 'headings carry no trailing colon'],
  ['4. Chuyển đổi số:', '4. Chuyển đổi số', 'headings carry no trailing colon'],
  ['phát triển nguồn nhân lực:', 'phát triển nguồn nhân lực', 'headings carry no trailing colon'],
  ['2. Chính trang đô thị', '2. Chỉnh trang đô thị', 'typo in the reference (Chính → Chỉnh)'],
  ['04 xã Quốc Tuấn, An Thái, An Thọ, Mỹ Đức', '04 xã Quốc Tuấn, An Thái, Mỹ Đức, An Thọ', 'the communes are named in the order their results follow'],
  ['05 công trình văn hóa.', '05 công trình văn hóa:', 'every commune block ends its works list with ":" before its sub-items'],
  [/công nhận (tại )?xã đạt chuẩn nâng cao tại (Quyết định số [^ ]+ ngày [^ ;]+)(;| và) đạt chuẩn/g, 'công nhận xã đạt chuẩn nông thôn mới nâng cao tại $2 và đạt chuẩn', 'one recognition sentence for every commune, standards named in full'],
  ['Thường Thọ', 'Trường Thọ', 'the commune is spelt "Trường Thọ" in the register (the data marks the reference\'s spelling as stated; validation warns)'],
  ['NTM nâng cao: Đạt tỷ lệ', 'NTM nâng cao: đạt tỷ lệ', 'one summary line form for every standard'],
  ['09 xã đạt chuẩn nông thôn mới kiểu mẫu: Đạt tỷ lệ 60%', '09 xã đạt chuẩn NTM kiểu mẫu: đạt tỷ lệ 60%', 'one summary line form for every standard'],
  ['3G,4G đạt 100%', '3G,4G: đạt 100%', 'one KPI line form: "<chỉ số>: <mức> <giá trị>"'],
  ['(cáp quang FTTH) đạt 100%', '(cáp quang FTTH): đạt 100%', 'one KPI line form: "<chỉ số>: <mức> <giá trị>"'],
  ['nộp trực tuyến : đạt', 'nộp trực tuyến: đạt', 'no space before a colon'],
  ['3/14 quận, huyện.', '3/14 quận, huyện', 'KPI lines in a list carry no final full stop'],
  [/"([^"\n]*)"/g, '“$1”', 'Vietnamese quotation marks around a quoted title where the typed copy has straight quotes (doctree/typeset.ts)'],
];

let docxText: string;
let pdfText: string;
let referenceParagraphs: string[];

beforeAll(() => {
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-ref-'));
  const r = runCli(['build', '2024', '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  const docx = path.join(out, '2024', 'bao-cao-chu-de-nam-2024.docx');
  const pdf = path.join(out, '2024', 'bao-cao-chu-de-nam-2024.pdf');
  docxText = norm(docxParagraphs(docxXml(docx)).join('\n'));
  // Drop the page number each page after the first carries, so paragraphs can span pages. The
  // text is read in the order it was set (-raw), where pdfmake sets the number last: pdftotext's
  // reading mode takes a line that ends with a dash bound to the word before it ("Huyện ủy -" /
  // "HĐND") for a hyphenated word and drops the dash.
  pdfText = norm(pdfPages(pdf, ['-raw']).map((p, i) => (i === 0 ? p : p.replace(/\n\d+\s*$/, '\n'))).join('\n'));
  let ref = readFileSync(REFERENCE, 'utf8').normalize('NFC');
  for (const [from, to] of DIFFERENCES) {
    const found = typeof from === 'string' ? ref.includes(from) : new RegExp(from.source, from.flags.replace('g', '')).test(ref);
    if (!found) throw new Error(`listed difference not found in the reference: ${from}`);
    ref = typeof from === 'string' ? ref.split(from).join(to) : ref.replace(from, to);
  }
  referenceParagraphs = ref.split('\n').map((l) => norm(l.replace(/\*/g, ''))).filter(Boolean);
});

describe('the 2024 report reproduces the reference text', () => {
  it('has every reference paragraph in the DOCX', () => {
    const missing = referenceParagraphs.filter((p) => !docxText.includes(p));
    expect(missing).toEqual([]);
  });
  it('has every reference paragraph in the PDF text layer', () => {
    const missing = referenceParagraphs.filter((p) => !pdfText.includes(p));
    expect(missing).toEqual([]);
  });
});
