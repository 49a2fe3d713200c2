// Render: escaping of data values, produced section numbering, fenced official blocks, declared
// tables, and template errors reported at the template's file:line.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMarkup, loadTemplateSet, renderTemplate } from '../../../src/render/index.js';
import { escapeMarkup, figureMarker } from '../../../src/render/escape.js';
import { parseInline } from '../../../src/render/markup.js';
import { documentText } from '../../../src/doctree/text.js';
import type { Block, Table } from '../../../src/doctree/types.js';

function templates(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'tpl-'));
  mkdirSync(path.join(root, 'k'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(root, 'k', `${name}.hbs`), body);
  const set = loadTemplateSet(root, 'k', root);
  if (!set.value) throw new Error(JSON.stringify(set.diagnostics));
  return set.value;
}
const text = (blocks: Block[]) => documentText({ type: 'root', meta: { title: '', author: '', date: '' }, children: blocks });

describe('escaping', () => {
  it.each([
    'Dự án *A* _B_ #1 <x>',
    '1. không phải danh sách',
    '- không phải gạch đầu dòng',
    '\\ gạch chéo ngược | ống ^2 >2',
    '`code` [link](x) ~~x~~',
  ])('prints %s exactly as written', (value) => {
    const inlines = parseInline(escapeMarkup(value));
    expect(inlines).toEqual([{ type: 'text', value }]);
  });

  it('escapes values printed with {{x}} in templates', () => {
    const set = templates({ main: '{{name}}\n' });
    const r = renderTemplate(set, { name: '# *Không* phải tiêu đề' });
    expect(text(parseMarkup(r.value).value)).toBe('# *Không* phải tiêu đề');
  });

  it('turns figure markers into figure nodes that keep their id', () => {
    const blocks = parseMarkup(`Tổng ${figureMarker('investment.total', '676.373 triệu đồng')}.`).value;
    expect(blocks[0]).toEqual({ type: 'paragraph', children: [
      { type: 'text', value: 'Tổng ' },
      { type: 'figure', id: 'investment.total', value: '676.373 triệu đồng' },
      { type: 'text', value: '.' },
    ] });
  });
});

describe('section numbering', () => {
  it('numbers Mục I., Khoản 1., Điểm a) and restarts lower levels', () => {
    const blocks = parseMarkup('# A\n\n## B\n\n### C\n\n### D\n\n## E\n\n### F\n\n# G\n\n## H\n').value;
    expect(blocks.map((b) => (b.type === 'heading' ? b.label : ''))).toEqual(['I.', '1.', 'a)', 'b)', '2.', 'a)', 'II.', '1.']);
  });

  it('renumbers when a section is inserted', () => {
    const labels = (m: string) => parseMarkup(m).value.map((b) => (b.type === 'heading' ? b.label : ''));
    expect(labels('# A\n\n# C\n')).toEqual(['I.', 'II.']);
    expect(labels('# A\n\n# B\n\n# C\n')).toEqual(['I.', 'II.', 'III.']);
  });

  it('follows the Vietnamese alphabet for điểm: a b c d đ e', () => {
    const blocks = parseMarkup(Array.from({ length: 7 }, (_, i) => `### x${i}`).join('\n\n')).value;
    expect(blocks.map((b) => (b.type === 'heading' ? b.label : ''))).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']);
  });
});

describe('official blocks and tables', () => {
  it('parses the header, signature and a landscape section', () => {
    const m = '```header\nagency: ỦY BAN NHÂN DÂN\nagency: XÃ A\nnumber: Số: 05/BC-UBND\ndate: A, ngày 05 tháng 12 năm 2025\n```\n\n::: landscape\n```appendix\nlabel: Phụ lục\ntitle: DANH MỤC\nnote: (Kèm theo)\n```\n:::\n';
    const blocks = parseMarkup(m).value;
    expect(blocks[0]).toMatchObject({ type: 'header', agency: ['ỦY BAN NHÂN DÂN', 'XÃ A'], numberLine: 'Số: 05/BC-UBND' });
    expect(blocks[1]).toMatchObject({ type: 'section', orientation: 'landscape', children: [{ type: 'appendixHeading', label: 'Phụ lục' }] });
  });

  it('declares a table with widths, spans, row kinds and escaped cells', () => {
    const m = '```table\ncolumns: 6c 50l 20r\nunit: ĐVT: triệu đồng\nheader: STT ^2 | Tên ^2 | Giá trị\nheader: Năm 2024\ngroup: I | Nhóm | 10\nrow: 1 | ' + escapeMarkup('A | B') + ' | 10\ntotal: | Tổng cộng | 10\n```\n';
    const blocks = parseMarkup(m).value;
    expect(blocks[0]).toMatchObject({ type: 'paragraph', align: 'right' });
    const table = blocks[1] as Table;
    expect(table.columns).toEqual([{ width: 6, align: 'center' }, { width: 50, align: 'left' }, { width: 20, align: 'right' }]);
    expect(table.children.map((r) => r.kind)).toEqual(['header', 'header', 'group', 'body', 'total']);
    expect(table.children[0].children[0]).toMatchObject({ rowSpan: 2 });
    expect(table.children[3].children[1].children).toEqual([{ type: 'text', value: 'A | B' }]);
  });
});

describe('template errors carry the template file and line', () => {
  it('reports a field the model lacks (T005), inside a partial', () => {
    const set = templates({ main: 'Dòng 1\n\n{{> phan}}\n', phan: 'a\nb\n{{thieu.truong}}\n' });
    const r = renderTemplate(set, {});
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'T005', file: 'k/phan.hbs', line: 3 });
    expect(r.diagnostics[0].message).toContain('thieu');
  });

  it('reports an unknown helper (T003) before running', () => {
    const set = templates({ main: 'x\n{{tien model.a}}\n' });
    const r = renderTemplate(set, { model: { a: 1 } });
    expect(r.diagnostics[0]).toMatchObject({ code: 'T003', file: 'k/main.hbs', line: 2, column: 1 });
    expect(r.diagnostics[0].hint).toContain('money');
  });

  it('reports an unknown partial (T004)', () => {
    const set = templates({ main: '{{> khong-co}}\n' });
    expect(renderTemplate(set, {}).diagnostics[0]).toMatchObject({ code: 'T004', line: 1 });
  });

  it.each([
    ['{{#if landClearence}}x{{/if}}', 'landClearence'],
    ['{{#each model.projets}}x{{/each}}', 'model.projets'],
    ['{{#with model.nope}}x{{/with}}', 'model.nope'],
  ])('reports a misspelt field in a block, %s, at its line (T005)', (block, field) => {
    const set = templates({ main: `Dòng 1\n\n${block}\n` });
    const r = renderTemplate(set, { landClearance: {}, model: { projects: [] } });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'T005', file: 'k/main.hbs', line: 3, column: 1 });
    expect(r.diagnostics[0].message).toContain(field);
  });

  it('still lets {{#if}} test an optional part of the model that is absent', () => {
    const set = templates({ main: '{{#if communes}}có{{else}}không{{/if}}\n' });
    expect(renderTemplate(set, { communes: undefined }).value.trim()).toBe('không');
  });

  it('refuses to print a blank (T006)', () => {
    const set = templates({ main: '{{a}}\n' });
    expect(renderTemplate(set, { a: undefined }).diagnostics[0].code).toBe('T006');
  });

  it('names the blank field and its line (T006)', () => {
    const set = templates({ main: 'x\n\n{{> p}}\n', p: 'a\nTổng: {{model.total}}\n' });
    const d = renderTemplate(set, { model: { total: undefined } }).diagnostics[0];
    expect(d).toMatchObject({ code: 'T006', file: 'k/p.hbs', line: 2, column: 7 });
    expect(d.message).toContain('model.total');
  });
});
