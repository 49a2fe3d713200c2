import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContentSection, ContextPageSize, DynamicContent } from 'pdfmake/interfaces.js';
import { toPdfDefinition, writePdf } from '../../../src/writers/pdf/index.js';
import { sampleTree } from './sample.js';
import { typeset } from '../../../src/doctree/typeset.js';
import { itWithTool } from '../../helpers/tools.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Every object in a pdfmake content tree (depth first), to look for inlines and tables. */
function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

const A4: ContextPageSize = { width: 595.28, height: 841.89, orientation: 'portrait' };

/** The text a header function prints for a page (its centre column). */
function headerText(header: DynamicContent, page: number): string {
  const content = header(page, 99, A4) as { columns: { text: string }[] } | null;
  return content?.columns[1]?.text ?? '';
}

describe('PDF definition', () => {
  const { value: definition, diagnostics } = toPdfDefinition(sampleTree());
  const sections = definition.content as ContentSection[];

  it('has no diagnostics for the sample and fixed document info', () => {
    expect(diagnostics).toEqual([]);
    expect(definition.info?.creationDate?.toISOString()).toBe('2024-12-05T00:00:00.000Z');
    expect(definition.info?.modDate?.toISOString()).toBe('2024-12-05T00:00:00.000Z');
    expect(definition.info?.title).toBe('Báo cáo Kết quả thực hiện Chủ đề năm 2024');
    expect(definition.defaultStyle?.font).toBe('Tinos');
  });

  it('uses A4 with Decree 30 margins, a portrait body and a landscape appendix section', () => {
    expect(definition.pageSize).toBe('A4');
    const mm = 72 / 25.4;
    expect(definition.pageMargins).toEqual([30 * mm, 20 * mm, 15 * mm, 20 * mm]);
    expect(sections.map((s) => s.pageOrientation)).toEqual(['portrait', 'landscape']);
  });

  it('emits justified text as noWrap words, so 4365/QĐ-UBND cannot break', () => {
    const tokens: Record<string, unknown>[] = [];
    walk(sections[0]!.section, (o) => {
      if (typeof o.text === 'string' && o.noWrap === true) tokens.push(o);
    });
    expect(tokens).toContainEqual({ text: '4365/QĐ-UBND ', noWrap: true });
    // A number and its unit are one group (decided in the tree, doctree/typeset.ts).
    expect(tokens).toContainEqual({ text: '676.373 triệu đồng, ', bold: true, noWrap: true });
    // The quote joins the emphasised word it opens instead of leaving a justify gap after it.
    expect(tokens).toContainEqual({ text: '“Đẩy ', italics: true, noWrap: true });
    // Spaces inside a group only bind a spaced dash to the word before it, a number to its unit, a name from the data, or fill a blank left for the văn thư.
    const unbound = (t: string) => t.replace(/ [-–—] ?$/, '').replace(/ {6}/g, '').replace(/\d (triệu |tỷ )?(đồng|ha|m²|%)/g, '').replace(/An Lão/gi, '');
    expect(tokens.every((t) => !/ ./.test(unbound(t.text as string)))).toBe(true);
  });

  it('hides the number on page 1 and on the first page of a section that restarts numbering', () => {
    const [body, appendix] = sections.map((s) => s.header as DynamicContent);
    // pdfmake calls the header functions page by page: body on pages 1–3, the appendix on 4–5.
    const printed = [body!, body!, body!, appendix!, appendix!].map((h, i) => headerText(h, i + 1));
    expect(printed).toEqual(['', '2', '3', '', '2']);
    // A second layout pass starts the count afresh.
    expect(headerText(body!, 1)).toBe('');
    expect(headerText(body!, 2)).toBe('2');
  });

  it('repeats two header rows, merges cells with placeholders and bolds group and total rows', () => {
    const tables: Record<string, unknown>[] = [];
    walk(sections[1]!.section, (o) => {
      if (o.table && (o.table as { headerRows?: number }).headerRows !== undefined) tables.push(o.table as Record<string, unknown>);
    });
    const table = tables[0] as { headerRows: number; dontBreakRows: boolean; widths: number[]; body: Record<string, unknown>[][] };
    expect(table.headerRows).toBe(2);
    expect(table.dontBreakRows).toBe(true);
    expect(table.body.every((row) => row.length === 8)).toBe(true);
    expect(table.body[0]![4]).toMatchObject({ colSpan: 3 });
    expect(table.body[0]![0]).toMatchObject({ rowSpan: 2 });
    expect(table.body[1]![0]).toEqual({});
    expect(table.body[0]![5]).toEqual({});
    const total = table.body.at(-1)!;
    expect(total[1]).toMatchObject({ colSpan: 2, alignment: 'center', text: [{ text: 'Tổng cộng', bold: true }] });
  });

  it('adds a watermark on drafts only', () => {
    expect(definition.watermark).toMatchObject({ text: 'DỰ THẢO', font: 'Tinos' });
    const root = sampleTree();
    root.meta.draft = false;
    expect(toPdfDefinition(root).value.watermark).toBeUndefined();
  });
});

describe('PDF bytes', () => {
  let bytes: Uint8Array;
  let raw: string;

  beforeAll(async () => {
    const result = await writePdf(sampleTree());
    expect(result.diagnostics).toEqual([]);
    bytes = result.value;
    raw = latin1(bytes);
  });

  it('is a PDF with A4 portrait pages and a landscape page', () => {
    expect(raw.startsWith('%PDF-')).toBe(true);
    const boxes = [...raw.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]);
    expect(boxes).toContain('0 0 595.28 841.89');
    expect(boxes).toContain('0 0 841.89 595.28');
  });

  it('embeds the four Tinos faces as subsets', () => {
    expect((raw.match(/\/FontFile2/g) ?? []).length).toBe(4);
    for (const face of ['Regular', 'Bold', 'Italic', 'BoldItalic']) {
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+Tinos-${face}\\b`));
    }
  });

  it('is deterministic: two builds are byte-identical', async () => {
    const again = await writePdf(sampleTree());
    expect(Buffer.from(again.value).equals(Buffer.from(bytes))).toBe(true);
  });

  itWithTool('pdftotext')('extracts Vietnamese sentences intact and 4365/QĐ-UBND unbroken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-pdf-'));
    const file = join(dir, 'sample.pdf');
    writeFileSync(file, bytes);
    const text = (first: number, last: number): string =>
      execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const all = text(1, 99).normalize('NFC');
    const flat = all.replace(/\s+/g, ' ');
    expect(all).toContain('4365/QĐ-UBND');
    expect(flat).toContain('Đã được UBND thành phố công nhận xã đạt chuẩn nông thôn mới nâng cao tại Quyết định số 376/QĐ-UBND ngày 05/02/2024');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(flat).toContain('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
    expect(flat).toContain('DỰ THẢO');
    expect(flat).toContain('Hà Thế Vinh');
    // Page 1 carries no number; page 2 starts with "2".
    expect(text(2, 2).trimStart().startsWith('2')).toBe(true);
    expect(text(1, 1).trimStart().startsWith('1')).toBe(false);
    expect(text(4, 4)).toContain('Phụ lục I');
  });
});

/** The code points every ToUnicode CMap of the PDF maps glyphs to (streams inflated with zlib). */
function toUnicodeTargets(pdf: Uint8Array): string[] {
  const raw = latin1(pdf);
  const targets: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    let text: string;
    try {
      text = inflateSync(Buffer.from(pdf.subarray(start, end))).toString('latin1');
    } catch {
      continue;
    }
    if (!text.includes('begincmap')) continue;
    // bfrange destinations are listed in [...]; bfchar pairs are <glyph> <unicode>.
    for (const list of text.matchAll(/\[([^\]]*)\]/g)) targets.push(...[...list[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1]!.toLowerCase()));
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      targets.push(...[...block[1]!.matchAll(/<[0-9a-fA-F]+>\s*<([0-9a-fA-F]+)>/g)].map((h) => h[1]!.toLowerCase()));
    }
  }
  return targets;
}

describe('PDF text layer', () => {
  it('maps no glyph to U+00A0: blanks and bound dashes copy as ordinary spaces', async () => {
    const sample = sampleTree();
    const header = sample.children.find((b) => b.type === 'header')!;
    if (header.type === 'header') {
      header.numberLine = `Số:${'\u00a0'.repeat(6)}/BC-UBND`;
      header.placeDateLine = `An Lão, ngày${'\u00a0'.repeat(6)}tháng${'\u00a0'.repeat(6)}năm 2024`;
    }
    sample.children.splice(4, 0, { type: 'paragraph', children: [{ type: 'text', value: 'Thường trực Huyện ủy - HĐND huyện và Quyết định số 4365/QĐ-UBND ngày 20/11/2024.' }] });
    const root = typeset(sample);
    const { value, diagnostics } = await writePdf(root);
    expect(diagnostics).toEqual([]);
    const targets = toUnicodeTargets(value);
    expect(targets.length).toBeGreaterThan(50);
    expect(targets).toContain('0020');
    expect(targets.filter((t) => t === '00a0' || t === '202f' || t === '2007')).toEqual([]);
    // The definition keeps the blank together as one unbreakable group of ordinary spaces.
    const { value: definition } = toPdfDefinition(root);
    const groups: Record<string, unknown>[] = [];
    walk(definition.content, (o) => { if (o.noWrap === true && typeof o.text === 'string') groups.push(o); });
    expect(groups).toContainEqual({ text: `Số:${' '.repeat(6)}/BC-UBND`, noWrap: true });
    // The dash in the sentence is bound to the word before it (doctree/typeset.ts).
    expect(groups).toContainEqual({ text: 'ủy - ', noWrap: true });
    expect(JSON.stringify(definition.content)).not.toMatch(/\u00a0|\\u00a0/);
  });

  it('prints the last line of Nơi nhận as written', async () => {
    const root = sampleTree();
    const signature = root.children.find((b) => b.type === 'signature')!;
    if (signature.type === 'signature') signature.distribution = ['Như trên', 'Lưu: VT, NC.Châu'];
    const { value: definition } = toPdfDefinition(root);
    const texts: string[] = [];
    walk(definition.content, (o) => { if (typeof o.text === 'string') texts.push(o.text); });
    expect(texts).toContain('- Lưu: VT, NC.Châu');
    expect(texts).not.toContain('- Lưu: VT, NC.Châu.');
  });

  it('names the trích yếu as the document subject', () => {
    const { value: definition } = toPdfDefinition(sampleTree());
    expect(definition.info?.subject).toMatch(/^Kết quả thực hiện Chủ đề năm 2024/);
  });
});

describe('PDF writer diagnostics', () => {
  it('reports unknown and misplaced nodes', () => {
    const root = sampleTree();
    root.children.splice(3, 0, { type: 'chart' } as unknown as (typeof root.children)[number]);
    const codes = toPdfDefinition(root).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['W001']);
  });
});
