import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Root } from '../../../src/doctree/types.js';
import { toDocxDocument, writeDocx } from '../../../src/writers/docx/index.js';
import { sampleTree } from './sample.js';
import { effective, readStyles } from '../../helpers/docx-styles.js';

/** The parts of a .docx as text, by name. */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

const count = (text: string, needle: string | RegExp): number =>
  typeof needle === 'string' ? text.split(needle).length - 1 : (text.match(new RegExp(needle, 'g')) ?? []).length;

/** The w:sectPr elements of document.xml, in order. */
const sectPrs = (xml: string): string[] => xml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];

describe('DOCX writer', () => {
  let bytes: Uint8Array;
  let files: Record<string, string>;
  let doc: string;

  beforeAll(async () => {
    const result = await writeDocx(sampleTree());
    expect(result.diagnostics).toEqual([]);
    bytes = result.value;
    files = parts(bytes);
    doc = files['word/document.xml']!;
  });

  it('builds a docx Document in a pure step', () => {
    const { value, diagnostics } = toDocxDocument(sampleTree());
    expect(value.constructor.name).toBe('File');
    expect(diagnostics).toEqual([]);
  });

  it('sets an A4 portrait body and a landscape appendix section with Decree 30 margins', () => {
    const [body, appendix] = sectPrs(doc);
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(appendix).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    for (const s of [body!, appendix!]) {
      expect(s).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(s).toContain('<w:titlePg/>');
    }
    expect(appendix).toMatch(/<w:pgNumType w:start="1"/);
  });

  it('defaults to Times New Roman 14 pt in Vietnamese', () => {
    const styles = files['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>[\s\S]*<w:lang w:val="vi-VN"/);
  });

  it('justifies body paragraphs with a 12.7 mm first-line indent, 6 pt after, 1.15 lines, all from Normal', () => {
    const paragraph = doc.match(/<w:p>(?:(?!<w:p>)[\s\S])*?Thực hiện Nghị quyết số 48\/NQ-HĐND[\s\S]*?<\/w:p>/)?.[0] ?? '';
    // No direct paragraph formatting: the Normal style says it all.
    expect(paragraph).not.toContain('<w:pPr>');
    const e = effective(paragraph, readStyles(files['word/styles.xml']!));
    // 1.15 lines as an explicit pitch (theme LINE): 1.15 × Times's single line of 14 pt = 18.5 pt, exact.
    expect([e.style, e.jc, e.firstLine, e.line, e.size]).toEqual(['Normal', 'both', '720', '370', 14]);
    expect(files['word/styles.xml']).toMatch(/<w:style [^>]*w:styleId="Normal"[\s\S]*?<w:spacing [^>]*w:line="370" w:lineRule="exact"/);
    expect(Number(e.after)).toBeGreaterThanOrEqual(120);
  });

  it('numbers pages from page 2 with a centred PAGE field and an empty first-page header', () => {
    const body = sectPrs(doc)[0]!;
    const ref = (type: string): string => body.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`))?.[1] ?? '';
    const target = (id: string): string =>
      files['word/_rels/document.xml.rels']!.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ??
      files['word/_rels/document.xml.rels']!.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1] ??
      '';
    const main = files[`word/${target(ref('default'))}`]!;
    const first = files[`word/${target(ref('first'))}`]!;
    expect(main).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    const number = main.match(/<w:p>(?:(?!<w:p>)[\s\S])*?PAGE[\s\S]*?<\/w:p>/)![0];
    const e = effective(number, readStyles(files['word/styles.xml']!));
    expect([e.style, e.jc, e.firstLine, e.size]).toEqual(['Header', 'center', '0', 14]);
    expect(first).not.toContain('PAGE');
  });

  it('lays out the page-1 header as a borderless two-column fixed table, 40/60', () => {
    const header = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(header).toContain('<w:tblLayout w:type="fixed"/>');
    expect(header).toMatch(/<w:gridCol w:w="3742"\/><w:gridCol w:w="5612"\/>/);
    expect(header).toMatch(/<w:top w:val="none"/);
    for (const text of ['ỦY BAN NHÂN DÂN', 'HUYỆN AN LÃO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
      expect(header).toContain(`>${text}</w:t>`);
    }
    expect(header).toContain('>Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND</w:t>');
    expect(header).toContain('An Lão, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng');
    // The rules: empty paragraphs in the rule style, whose bottom border is the rule.
    expect(count(header, '<w:pStyle w:val="DuongKe"/>')).toBe(2);
    expect(readStyles(files['word/styles.xml']!).styles.get('DuongKe')!.pPr).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('marks table header rows to repeat and merges cells with gridSpan and vMerge', () => {
    const table = doc.match(/<w:tbl>(?:(?!<w:tbl>)[\s\S])*?Tên dự án[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(count(table, '<w:tblHeader/>')).toBe(2);
    expect(table).toContain('<w:gridSpan w:val="3"/>');
    expect(table).toContain('<w:gridSpan w:val="2"/>');
    expect(count(table, '<w:vMerge w:val="restart"/>')).toBe(5);
    expect(count(table, '<w:vMerge w:val="continue"/>')).toBe(5);
    expect(count(table, '<w:cantSplit/>')).toBe(9);
    // Widths: the declared relative widths scaled to the landscape text width (252 mm = 14287 twips).
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(14287);
    const total = table.match(/<w:p>(?:(?!<w:p>)[\s\S])*?>Tổng cộng<[\s\S]*?<\/w:p>/)![0];
    expect(effective(total, readStyles(files['word/styles.xml']!))).toMatchObject({ style: 'BangBieuTong', bold: true });
  });

  it('writes the signature block beside Nơi nhận, punctuated', () => {
    for (const text of ['Nơi nhận:', '- Thường trực Huyện ủy;', '- Lưu: VT', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Hà Thế Vinh']) {
      expect(doc).toContain(`>${text}</w:t>`);
    }
  });

  it('prints the last line of Nơi nhận as the data wrote it, with no added full stop', async () => {
    const root = sampleTree();
    const signature = root.children.find((b) => b.type === 'signature')!;
    if (signature.type === 'signature') signature.distribution = ['Như trên', 'Lưu: VT, NC.Châu'];
    const xml = parts((await writeDocx(root)).value)['word/document.xml']!;
    expect(xml).toContain('>- Như trên;</w:t>');
    expect(xml).toContain('>- Lưu: VT, NC.Châu</w:t>');
  });

  it('names the trích yếu as the document subject', () => {
    expect(files['docProps/core.xml']).toContain('<dc:subject>Kết quả thực hiện Chủ đề năm 2024</dc:subject>');
  });

  it('keeps the Vietnamese text intact', () => {
    expect(doc).toContain('Quyết định số 4365/QĐ-UBND ngày 20/11/2024');
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?>I\. <\/w:t><\/w:r><w:r><w:t xml:space="preserve">CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO</);
    expect(doc).toContain('>- </w:t>');
    expect(doc).toContain('>+ </w:t>');
    // A number never parts from its unit: no-break spaces join them.
    expect(doc).toContain('>676.373\u00a0triệu\u00a0đồng</w:t>');
    expect(doc).toContain('Kính gửi: Hội đồng nhân dân huyện An Lão.');
  });

  it('puts the draft mark on every page as text and as a watermark', () => {
    const headers = Object.entries(files).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.length).toBe(4);
    for (const [, xml] of headers) {
      expect(xml).toContain('>DỰ THẢO</w:t>');
      expect(xml).toContain('string="DỰ THẢO"');
    }
  });

  it('omits the draft mark from a final document', async () => {
    const root = sampleTree();
    root.meta.draft = false;
    const { value } = await writeDocx(root);
    const all = Object.values(parts(value)).join('');
    expect(all).not.toContain('DỰ THẢO');
  });

  it('is deterministic: two builds are byte-identical and carry the document date', async () => {
    const again = await writeDocx(sampleTree());
    expect(Buffer.from(again.value).equals(Buffer.from(bytes))).toBe(true);
    expect(files['docProps/core.xml']).toContain('>2024-12-05T00:00:00Z</dcterms:created>');
    expect(files['docProps/core.xml']).toContain('>2024-12-05T00:00:00Z</dcterms:modified>');
  });

  it('reports nodes it cannot render instead of dropping them silently', () => {
    const root: Root = {
      type: 'root',
      meta: { title: 't', author: 'a', date: '2024-12-05' },
      children: [
        { type: 'chart' } as unknown as Root['children'][number],
        { type: 'list', marker: '-', children: [{ type: 'listItem', children: [{ type: 'section', orientation: 'landscape', children: [] }] }] },
      ],
    };
    // The nested section is inlined; the tree check (not each writer) reports it as W002.
    const codes = toDocxDocument(root).diagnostics.map((d) => `${d.code} ${d.severity}`);
    expect(codes).toEqual(['W001 warning']);
  });
});
