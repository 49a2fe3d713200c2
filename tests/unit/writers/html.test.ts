import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Root } from '../../../src/doctree/types.js';
import { FONT_ASSETS, htmlFragment, toHtml, ttfToWoff, writeHtml } from '../../../src/writers/html/index.js';
import { reportCss } from '../../../src/writers/html/style.js';
import { linePitchPt } from '../../../src/writers/theme.js';
import { tableGrid } from '../../../src/writers/structure.js';
import { extensions, loadWriter } from '../../../src/writers/index.js';
import { sampleTree } from './sample.js';

const count = (text: string, re: RegExp): number => (text.match(new RegExp(re, 'g')) ?? []).length;
const fragment = (root: Root): string => htmlFragment(root).value;
const tree = (children: Block[], draft = false): Root => ({
  type: 'root',
  meta: { title: 'T', author: 'A', date: '2024-12-05', draft },
  children,
});

describe('HTML writer: document', () => {
  const { value: html, diagnostics } = toHtml(sampleTree(), { fonts: { baseUrl: '/assets/' } });

  it('renders the sample without diagnostics, as a Vietnamese HTML page with the tree’s metadata', () => {
    expect(diagnostics).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi-VN">')).toBe(true);
    expect(html).toContain('<title>Báo cáo Kết quả thực hiện Chủ đề năm 2024</title>');
    expect(html).toContain('<meta name="author" content="Ủy ban nhân dân huyện An Lão">');
    expect(html).toContain('<meta name="date" content="2024-12-05">');
  });

  it('is deterministic', () => {
    expect(toHtml(sampleTree(), { fonts: { baseUrl: '/assets/' } }).value).toBe(html);
  });

  it('has one A4 portrait sheet for the body and a landscape sheet for the appendix', () => {
    expect(count(html, /<section class="sheet portrait draft"/)).toBe(1);
    expect(count(html, /<section class="sheet landscape restart draft"/)).toBe(1);
  });

  it('points the four Tinos styles at the given asset base', () => {
    for (const a of FONT_ASSETS) expect(html).toContain(`url("/assets/${a.name}") format("truetype")`);
    expect(count(html, /@font-face/)).toBe(4);
  });

  it('marks a draft on every sheet, with the watermark repeated once per page height', () => {
    expect(count(html, /<div class="draft-mark">DỰ THẢO<\/div>/)).toBe(2);
    expect(reportCss()).toMatch(/\.sheet\.draft \{ background-image: url\("data:image\/svg\+xml,[^"]*D%E1%BB%B0%20TH%E1%BA%A2O[^"]*"\); background-repeat: repeat-y; background-size: 210mm 297mm;/);
    expect(fragment({ ...sampleTree(), meta: { ...sampleTree().meta, draft: false } })).not.toContain('DỰ THẢO');
  });
});

describe('HTML writer: the Decree 30 layout from the theme', () => {
  const css = reportCss();

  it('sets A4 sheets with the margins as padding on screen and as @page margins in print', () => {
    expect(css).toContain('.sheet { position: relative; width: 210mm; min-height: 297mm; padding: 20mm 15mm 20mm 30mm;');
    expect(css).toContain('.sheet.landscape { width: 297mm; min-height: 210mm; }');
    expect(css).toContain('@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;');
    expect(css).toContain('@page landscape { size: A4 landscape;');
  });

  it('sets body text 14 pt justified with a 12.7 mm first-line indent, 6 pt after, 1.15 lines of Tinos', () => {
    expect(css).toContain('font-size: 14pt;');
    expect(css).toContain('.p { text-align: justify; text-indent: 12.7mm; margin: 0pt 0 6pt; }');
    // The theme's explicit pitch, 18.5 pt for 14 pt text, as the DOCX (exact) and the PDF set it.
    expect(css).toContain(`line-height: ${(18.5 / 14).toFixed(4)};`);
    expect(linePitchPt(14, 1.15)).toBe(18.5);
  });

  it('splits the header 40/60 and the signature block 45/55', () => {
    expect(css).toContain('.doc-header { display: grid; grid-template-columns: 40% 60%; }');
    // padding, not margin: the 12 pt add to the paragraph's 6 pt after, as in the PDF
    expect(css).toContain('.signature { display: grid; grid-template-columns: 45% 55%; padding-top: 12pt;');
    expect(css).toContain('.signature .distribution-label { font-size: 12pt; font-weight: 700; font-style: italic; }');
    expect(css).toContain('.signature .name { font-size: 14pt; font-weight: 700; font-style: normal; text-align: center; margin-top: 31mm; }');
  });
});

describe('HTML writer: blocks', () => {
  const html = fragment(sampleTree());

  it('prints the header: agency, quốc hiệu, tiêu ngữ, rules, Số and the italic place-date line', () => {
    expect(html).toContain('<p class="line agency">ỦY BAN NHÂN DÂN</p><p class="line agency">HUYỆN AN LÃO</p><div class="rule" style="width: ');
    expect(html).toContain('<p class="line national">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="line motto">Độc lập - Tự do - Hạnh phúc</p>');
    expect(html).toContain('<p class="line number">Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND</p>');
    expect(html).toContain('<p class="line place-date">An Lão, ngày');
  });

  it('prints the title, trích yếu and a single Kính gửi on one line ending with a full stop', () => {
    expect(html).toContain('<p class="line kind">BÁO CÁO</p><p class="line summary">Kết quả thực hiện Chủ đề năm 2024</p>');
    expect(html).toContain('<p class="line recipients one">Kính gửi: Hội đồng nhân dân huyện An Lão.</p>');
  });

  it('lists several Kính gửi recipients as - …; lines beside the label', () => {
    const many = fragment(tree([{ type: 'recipients', items: ['Thường trực HĐND huyện', 'UBND thành phố'] }]));
    expect(many).toContain('<div class="recipients many"><p class="label">Kính gửi:</p><div class="items"><p>- Thường trực HĐND huyện;</p><p>- UBND thành phố.</p></div></div>');
  });

  it('numbers headings with their label, upper-casing depth 1 only', () => {
    expect(html).toContain('<p class="p heading h1">I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO</p>');
    expect(html).toMatch(/<p class="p heading h3">a\) /);
  });

  it('renders figures as spans carrying their model id, inside strong/emphasis as written', () => {
    // A number and its unit are joined by no-break spaces (writers/text.ts).
    expect(html).toContain('<strong><span class="figure" data-figure="invest.total">676.373\u00a0triệu\u00a0đồng</span></strong>');
    expect(html).toContain('<span class="figure" data-figure="invest.decentralised">181.766\u00a0triệu\u00a0đồng</span>');
  });

  it('opens list items with - and nested items with +', () => {
    expect(html).toMatch(/<p class="p">- /);
    expect(html).toMatch(/<p class="p">\+ /);
  });

  it('keeps document numbers on one line, as the PDF does', () => {
    expect(html).toContain('<span class="nw">4365/QĐ-UBND</span>');
  });

  it('puts Nơi nhận beside the signature, the last distribution item as the data wrote it', () => {
    expect(html).toContain('<p class="distribution-label">Nơi nhận:</p>');
    expect(html).toContain('<p class="distribution-item">- Lưu: VT</p>');
    expect(html).toContain('<p class="authority">TM. ỦY BAN NHÂN DÂN</p>');
  });

  it('keeps the paragraph before the signature with it', () => {
    expect(html).toMatch(/<p class="p keep">[^\n]*<\/p>\n<div class="signature">/);
  });

  it('prints the appendix heading and a table with merged cells placed on the shared grid', () => {
    expect(html).toContain('<p class="line label">Phụ lục I</p><p class="line title-line">DANH MỤC DỰ ÁN ĐẦU TƯ CÔNG THỰC HIỆN CHỦ ĐỀ NĂM 2024</p>');
    const sample = sampleTree();
    const section = sample.children.find((b) => b.type === 'section')!;
    const table = (section as { children: Block[] }).children.find((b) => b.type === 'table')!;
    const grid = tableGrid(table as Parameters<typeof tableGrid>[0]);
    const starts = grid.slots.flat().filter((s) => s.kind === 'start');
    const tableHtml = html.slice(html.indexOf('<table class="grid"'), html.indexOf('</table>') + 8);
    expect(count(tableHtml, /<t[hd][ >]/)).toBe(starts.length);
    expect(count(tableHtml, /rowspan="2"/)).toBe(starts.filter((s) => s.kind === 'start' && s.placed.rowSpan === 2).length);
    expect(tableHtml).toContain('colspan="3"');
    expect(tableHtml).toContain(`<thead><tr class="row-header">`);
    expect(count(tableHtml, /<tr class="row-header">/)).toBe(grid.headerRowCount);
    expect(tableHtml).toMatch(/<tr class="row-total">/);
    expect(count(tableHtml, /<col style="width: /)).toBe((table as { columns: unknown[] }).columns.length);
  });

  it('starts a new sheet at a top-level page break', () => {
    const two = fragment(tree([
      { type: 'paragraph', children: [{ type: 'text', value: 'một' }] },
      { type: 'pageBreak' },
      { type: 'paragraph', children: [{ type: 'text', value: 'hai' }] },
    ]));
    expect(count(two, /<section class="sheet portrait"/)).toBe(2);
  });
});

describe('HTML writer: safety and the unexpected', () => {
  it('escapes text and attributes from the tree', () => {
    const html = fragment(tree([
      { type: 'paragraph', children: [{ type: 'text', value: '<script>alert(1)</script> & "x"' }, { type: 'figure', id: '"><img src=x>', value: '<b>' }] },
    ]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(' &amp; "x"');
    expect(html).toContain('data-figure="&quot;&gt;&lt;img src=x&gt;">&lt;b&gt;</span>');
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const html = fragment(tree([{ type: 'paragraph', children: [{ type: 'text', value: 'Hà Nội'.normalize('NFD') }] }]));
    expect(html).toContain('Hà Nội'.normalize('NFC'));
  });

  it('reports a node it does not know (W001) instead of dropping it silently; a nested section is inlined', () => {
    const bad = tree([
      { type: 'mystery' } as unknown as Block,
      { type: 'list', marker: '-', children: [{ type: 'listItem', children: [{ type: 'section', orientation: 'landscape', children: [] }] }] },
    ]);
    const codes = htmlFragment(bad).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['W001']);
  });
});

describe('HTML writer: the self-contained file', () => {
  it('is registered in the writer table with the .html extension', async () => {
    expect(extensions.html).toBe('.html');
    const write = await loadWriter('html');
    expect(write).toBe(writeHtml);
  });

  it('embeds the four fonts as WOFF and stays a reasonable size', async () => {
    const { value, diagnostics } = await writeHtml(sampleTree());
    expect(diagnostics).toEqual([]);
    const text = new TextDecoder().decode(value);
    expect(count(text, /url\(data:font\/woff;base64,/)).toBe(4);
    expect(value.byteLength).toBeLessThan(2_000_000);
  });

  it('repackages a TTF as a valid WOFF 1.0 with the same tables', () => {
    const ttf = readFileSync(FONT_ASSETS[0]!.path);
    const woff = ttfToWoff(ttf);
    const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    expect(view.getUint32(0)).toBe(0x774f4646);
    expect(view.getUint32(8)).toBe(woff.byteLength);
    const numTables = view.getUint16(12);
    expect(numTables).toBe(new DataView(ttf.buffer, ttf.byteOffset).getUint16(4));
    let previous = 0;
    for (let i = 0; i < numTables; i++) {
      const tag = view.getUint32(44 + i * 20);
      expect(tag).toBeGreaterThan(previous);
      previous = tag;
      const offset = view.getUint32(44 + i * 20 + 4);
      expect(offset % 4).toBe(0);
    }
    expect(woff.byteLength).toBeLessThan(ttf.byteLength * 0.7);
  });
});
