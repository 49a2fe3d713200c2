// The 2024 report's DOCX as a Word user meets it: real styles. Heading 1–3 carry outline levels
// (Word's navigation pane) and every heading printed on its own line uses them, while run-in
// "a) …" paragraphs stay body text; Normal is the body format (justified, 1.27 cm first-line
// indent), so pressing Enter gives the official format; and no style the document defines or
// uses for text is coloured — no blue built-in heading left over.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { compile } from '../../src/pipeline/compile.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { headingRunsIn } from '../../src/writers/structure.js';
import type { Block, Heading, Root } from '../../src/doctree/types.js';
import { decodeXml, ROOT } from '../helpers/outputs.js';
import { effective, readStyles } from '../helpers/docx-styles.js';

let tree: Root;
let documentXml: string;
let stylesXml: string;
let paragraphs: string[];

const textOf = (p: string): string =>
  [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join('').normalize('NFC').replace(/\u00a0/g, ' ');

function headings(blocks: readonly Block[]): Heading[] {
  return blocks.flatMap((b) => (b.type === 'heading' ? [b] : b.type === 'section' ? headings(b.children) : []));
}

const plain = (h: Heading): string =>
  `${h.label} ${JSON.stringify(h.children).match(/"value":"[^"]*"/g)!.map((v) => JSON.parse(`{${v}}`).value as string).join('')}`.replace(/\u00a0/g, ' ');

beforeAll(async () => {
  const c = await compile({ dataDir: path.join(ROOT, 'data/2024'), cwd: ROOT, templatesDir: path.join(ROOT, 'templates') });
  tree = c.tree!;
  const files = unzipSync((await writeDocx(tree)).value);
  documentXml = strFromU8(files['word/document.xml']!);
  stylesXml = strFromU8(files['word/styles.xml']!);
  paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
});

describe('DOCX styles', () => {
  it('defines Heading 1–3 with outline levels 0–2, black, in the theme size', () => {
    const { styles } = readStyles(stylesXml);
    for (const depth of [1, 2, 3] as const) {
      const style = styles.get(`Heading${depth}`)!;
      expect(style.name).toBe(`heading ${depth}`);
      expect(style.pPr).toContain(`<w:outlineLvl w:val="${depth - 1}"/>`);
      expect(style.rPr).toContain('<w:sz w:val="28"/>');
    }
  });

  it('puts every heading printed on its own line in its Heading style, and no run-in heading', () => {
    const sheet = readStyles(stylesXml);
    const all = headings(tree.children);
    const ownLine = all.filter((h) => !headingRunsIn(h));
    expect(ownLine.length).toBeGreaterThanOrEqual(10);
    expect(all.length - ownLine.length).toBeGreaterThanOrEqual(5);
    for (const h of all) {
      const text = plain(h).toLocaleUpperCase('vi');
      const p = paragraphs.find((x) => textOf(x).toLocaleUpperCase('vi').startsWith(text.slice(0, 60)));
      expect(p, plain(h)).toBeTruthy();
      const e = effective(p!, sheet);
      if (headingRunsIn(h)) {
        expect([plain(h).slice(0, 30), e.style, e.outlineLevel]).toEqual([plain(h).slice(0, 30), 'Normal', undefined]);
      } else {
        expect([plain(h), e.style, e.outlineLevel]).toEqual([plain(h), `Heading${h.depth}`, String(h.depth - 1)]);
      }
    }
    // Word's navigation pane: the outline is exactly the own-line headings, in order.
    const outlined = paragraphs.filter((p) => /<w:pStyle w:val="Heading[1-3]"\/>/.test(p)).map(textOf);
    expect(outlined).toEqual(ownLine.map((h) => (h.depth === 1 ? plain(h).toLocaleUpperCase('vi') : plain(h))));
  });

  it('makes Normal the body format: justified with the theme first-line indent, spacing and size', () => {
    const normal = readStyles(stylesXml).styles.get('Normal')!;
    expect(stylesXml).toMatch(/<w:style w:type="paragraph" w:styleId="Normal" w:default="1">/);
    expect(normal.pPr).toContain('<w:jc w:val="both"/>');
    expect(normal.pPr).toMatch(/<w:ind w:firstLine="720"\/>/);
    const spacing = /<w:spacing [^>]*\/>/.exec(normal.pPr)![0];
    // 1.15 lines as the theme's exact pitch, 18.5 pt (the PDF and HTML set the same).
    for (const a of ['w:before="0"', 'w:after="120"', 'w:line="370"', 'w:lineRule="exact"']) expect(spacing).toContain(a);
    expect(normal.rPr).toContain('<w:sz w:val="28"/>');
  });

  it('colours no style the document defines or uses for text: black or auto only', () => {
    const { styles } = readStyles(stylesXml);
    const colours = [...stylesXml.matchAll(/<w:color w:val="([^"]*)"[^>]*\/>/g)].map((m) => m[1]!.toUpperCase());
    expect(colours.length).toBeGreaterThan(10);
    expect([...new Set(colours)].filter((c) => c !== '000000' && c !== 'AUTO')).toEqual([]);
    expect(stylesXml).not.toMatch(/w:themeColor=/);
    const used = new Set([...documentXml.matchAll(/<w:(?:pStyle|rStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1]!));
    for (const id of used) expect(styles.has(id), id).toBe(true);
    expect([...documentXml.matchAll(/<w:color w:val="([^"]*)"/g)].map((m) => m[1]!.toUpperCase()).filter((c) => c !== '000000' && c !== 'AUTO')).toEqual([]);
  });

  it('names a style for each part of the official format', () => {
    const names = [...readStyles(stylesXml).styles.values()].map((s) => s.name);
    for (const name of ['Cơ quan ban hành', 'Quốc hiệu', 'Tiêu ngữ', 'Số, ký hiệu', 'Title', 'Trích yếu', 'Kính gửi', 'Nơi nhận', 'Nơi nhận – danh sách',
      'Thẩm quyền, chức vụ người ký', 'Họ tên người ký', 'Chữ trong bảng', 'Phụ lục', 'Tên phụ lục', 'footnote text', 'header']) {
      expect(names, name).toContain(name);
    }
    const used = new Set([...documentXml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]!));
    for (const id of ['CoQuanBanHanh', 'QuocHieu', 'TieuNgu', 'SoKyHieu', 'Title', 'TrichYeu', 'KinhGui', 'NoiNhan', 'NoiNhanDanhSach', 'ThamQuyenKy', 'NguoiKy', 'BangBieu', 'PhuLuc', 'TenPhuLuc']) {
      expect(used, id).toContain(id);
    }
  });
});
