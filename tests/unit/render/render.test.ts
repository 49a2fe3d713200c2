// Render: escaping of data values, produced section numbering, fenced official blocks, declared
// tables, and template errors reported at the template's file:line.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMarkup, loadTemplateSet, renderTemplate } from '../../../src/render/index.js';
import { precompileTemplates } from '../../../src/render/templates.js';
import { escapeMarkup, figureMarker } from '../../../src/render/escape.js';
import { parseInline, stripLineMarkers } from '../../../src/render/markup.js';
import Handlebars from 'handlebars';
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
    expect(blocks[0]).toMatchObject({ type: 'paragraph', children: [
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
    expect(r.diagnostics[0]).toMatchObject({ code: 'T005', file: 'k/main.hbs', line: 3, column: block.indexOf(field) + 1 });
    expect(r.diagnostics[0].message).toContain(field);
  });

  it('places a misspelt field at the lookup that failed, not at its first mention', () => {
    const set = templates({ main: 'a\n\n{{> p}}\n', p: '{{#if tat}}{{#each model.projets}}x{{/each}}{{/if}}\n\nDòng 3: {{#each model.projets}}y{{/each}}\n' });
    const d = renderTemplate(set, { tat: false, model: { projects: [] } }).diagnostics;
    expect(d.map((x) => `${x.code} ${x.file}:${x.line}:${x.column}`)).toEqual(['T005 k/p.hbs:3:17']);
    expect(d[0].message).toContain('model.projets');
  });

  it('still lets {{#if}} test an optional part of the model that is absent', () => {
    const set = templates({ main: '{{#if communes}}có{{else}}không{{/if}}\n' });
    expect(stripLineMarkers(renderTemplate(set, { communes: undefined }).value).lines.join('\n').trim()).toBe('không');
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

describe('every node knows the template line that wrote it', () => {
  const render = (files: Record<string, string>, model: object = {}) => {
    const set = templates(files);
    const r = renderTemplate(set, model);
    expect(r.diagnostics).toEqual([]);
    return parseMarkup(r.value);
  };
  const at = (d: { file: string; line: number; column: number }) => `${d.file}:${d.line}:${d.column}`;

  it('places headings, paragraphs, list items and table rows at their template lines, across partials and loops', () => {
    const { value, diagnostics } = render({
      main: '# Mục {{year}}\n\nĐoạn một.\n\n{{> p}}\n',
      p: '{{#each items}}\n- {{this}}\n{{/each}}\n\n```table\ncolumns: 10l 10r\nrow: a | b\nrow: c | d\n```\n',
    }, { year: 2024, items: ['x', 'y'] });
    expect(diagnostics).toEqual([]);
    expect(value.map((b) => `${b.type} ${at(b.position!)}`)).toEqual([
      'heading k/main.hbs:1:1', 'paragraph k/main.hbs:3:1', 'list k/p.hbs:2:1', 'table k/p.hbs:5:1',
    ]);
    const list = value[2] as Extract<Block, { type: 'list' }>;
    expect(list.children.map((i) => at(i.position!))).toEqual(['k/p.hbs:2:1', 'k/p.hbs:2:1']);
    const table = value[3] as Table;
    expect(table.children.map((r) => at(r.position!))).toEqual(['k/p.hbs:7:1', 'k/p.hbs:8:1']);
    expect(table.children[1].children[0].position).toEqual({ file: 'k/p.hbs', line: 8, column: 1 });
  });

  it('reports an unknown block (T010) at its template line, not in the markup', () => {
    const set = templates({ main: 'a\n\n{{> p}}\n', p: 'x\n\n::: ngang\n\n```bang\nrow: 1\n```\n' });
    const d = parseMarkup(renderTemplate(set, {}).value).diagnostics;
    expect(d.map((x) => `${x.code} ${at(x)}`)).toEqual(['T010 k/p.hbs:3:1', 'T010 k/p.hbs:5:1']);
  });

  it('reports a block missing a field (T012) at its fence and a bad table line (T011, T014) at that line', () => {
    const set = templates({ main: 'a\n\n```signature\nname: A\n```\n\n```table\ncolumns: 10l abc\nsize: to\nrow: 1 | 2\ncot: x\n```\n\n```table\nrow: 1\n```\n' });
    const d = parseMarkup(renderTemplate(set, {}).value).diagnostics;
    expect(d.map((x) => `${x.code} ${at(x)}`)).toEqual([
      'T012 k/main.hbs:3:1', 'T014 k/main.hbs:11:1', 'T011 k/main.hbs:8:1', 'T011 k/main.hbs:9:1', 'T012 k/main.hbs:14:1',
    ]);
    expect(d[0].message).toContain('authority');
    expect(d[2].message).toContain('abc');
  });

  it.each([
    ['1. một\n2. hai', 'T013', 'danh sách đánh số'],
    ['> trích dẫn', 'T013', 'trích dẫn'],
    ['---', 'T013', 'đường kẻ ngang'],
    ['#### Cấp bốn', 'T013', 'cấp 4'],
  ])('refuses %j at its template line instead of dropping or changing it', (markup, code, words) => {
    const set = templates({ main: `# Mục\n\nĐoạn.\n\n${markup}\n\nCuối.\n` });
    const r = parseMarkup(renderTemplate(set, {}).value);
    expect(r.diagnostics.map((x) => `${x.code} ${x.severity} ${at(x)}`)).toEqual([`${code} error k/main.hbs:5:1`]);
    expect(r.diagnostics[0].message).toContain(words);
    expect(r.value.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('keeps data that looks like markup as text (escaped), so only the template can trigger T013', () => {
    const r = render({ main: '{{a}}\n\n{{b}}\n' }, { a: '1. không phải danh sách', b: '> không phải trích dẫn' });
    expect(r.diagnostics).toEqual([]);
    expect(text(r.value)).toContain('1. không phải danh sách');
  });
});

describe('rendering leaves Handlebars as it found it', () => {
  it('a plain Handlebars.create() after a render still escapes & as &amp;', () => {
    const set = templates({ main: '{{a}}\n' });
    expect(renderTemplate(set, { a: 'A & B' }).diagnostics).toEqual([]);
    const other = Handlebars.create();
    expect(other.compile('{{x}}')({ x: 'A & B <c>' })).toBe('A &amp; B &lt;c&gt;');
    expect(Handlebars.compile('{{x}}')({ x: '&' })).toBe('&amp;');
  });

  it('two renders in a row report each its own blank (no state kept between renders)', () => {
    const set = templates({ main: 'x\n{{a}}\n', p: '' });
    const first = renderTemplate(set, { a: undefined }).diagnostics[0];
    const second = renderTemplate(templates({ main: '{{b}} {{a}}\n' }), { a: 'có', b: null }).diagnostics[0];
    expect([first.code, first.line, first.column, second.code, second.line, second.column]).toEqual(['T006', 2, 1, 'T006', 1, 1]);
    expect(second.message).toContain('"b"');
  });
});

describe('precompiled templates', () => {
  /** A kind folder (with quotes and a backslash in its name, which the compiled code must carry) and its set. */
  function kind(files: Record<string, string>) {
    const root = mkdtempSync(path.join(tmpdir(), 'tpl-'));
    const name = 'kí "tự" \\ lạ';
    mkdirSync(path.join(root, name));
    for (const [file, body] of Object.entries(files)) writeFileSync(path.join(root, name, `${file}.hbs`), body);
    const set = loadTemplateSet(root, name, root);
    if (!set.value) throw new Error(JSON.stringify(set.diagnostics));
    return { dir: path.join(root, name), set: set.value };
  }
  const files = {
    main: '# I. Mở đầu\n\n{{> phan}}\n\n{{#each items}}\n- {{name}}: {{value}}\n{{/each}}\n',
    phan: 'Đoạn của {{agency}}, năm {{year}}.\n',
  };
  const model = { agency: 'UBND xã "A"', year: 2024, items: [{ name: 'Dự án *1*', value: '1234.5' }] };

  it('render exactly as templates compiled when read: markup, line markers and errors', () => {
    const { dir, set } = kind(files);
    const store = new Map(Object.entries(precompileTemplates(dir)));
    expect(store.size).toBe(2);
    const fresh = renderTemplate(set, model, new Map());
    expect(fresh.diagnostics).toEqual([]);
    expect(renderTemplate(set, model, store)).toEqual(fresh);
    // A field the model lacks, inside the partial: the same diagnostic at the same file:line.
    const { year: _year, ...withoutYear } = model;
    const missing = renderTemplate(set, withoutYear, store);
    expect(missing.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['T005', `${path.basename(dir)}/phan.hbs`, 1]]);
    expect(missing).toEqual(renderTemplate(set, withoutYear, new Map()));
  });

  // The static check reads a precompiled template's facts instead of parsing it: the same
  // diagnostics, at the same places, and no parse.
  it('are checked from their facts, as templates parsed when read', () => {
    const { dir, set } = kind({ main: '{{> phan}}\n{{#each items}}{{bogus name (money value)}}{{/each}}\n{{> khong-co}}\n', phan: '{{upper (lai agency)}}\n' });
    const store = new Map(Object.entries(precompileTemplates(dir)));
    expect(store.size).toBe(2);
    const parse = vi.spyOn(Handlebars, 'parse');
    try {
      const checked = renderTemplate(set, model, store);
      expect(parse).not.toHaveBeenCalled();
      expect(checked.diagnostics.map((d) => [d.code, path.basename(d.file!), d.line, d.column])).toEqual([
        ['T003', 'main.hbs', 2, 16], ['T004', 'main.hbs', 3, 1], ['T003', 'phan.hbs', 1, 9],
      ]);
      expect(checked).toEqual(renderTemplate(set, model, new Map()));
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('are looked up by their text: a changed template is compiled as it is read', () => {
    const a = kind({ main: 'Bản A {{agency}}\n' });
    const b = kind({ main: 'Bản B {{agency}}\n' });
    const [specA] = Object.keys(precompileTemplates(a.dir));
    const [specB] = Object.values(precompileTemplates(b.dir));
    // A's text now maps to B's compiled code: the store is what renders it.
    expect(renderTemplate(a.set, model, new Map([[specA!, specB!]])).value).toContain('Bản B');
    expect(renderTemplate(a.set, model, new Map([['other', specB!]])).value).toContain('Bản A');
  });
});
