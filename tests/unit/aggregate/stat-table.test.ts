// Statistical tables in the content model, through the real pipeline on small data folders:
// a row's sumOf (children or a list of STT; a "trong đó" row left out is not summed), prose
// figures linked to cells (sameAs, ratioOf at the printed precision) and print: stated|computed.
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../../src/pipeline/compile.js';
import { ROOT, contentFolders } from '../../helpers/content-folder.js';
import { formatFigure } from '../../../src/aggregate/index.js';
import { formatCell, type RichStatTable } from '../../../src/aggregate/stat-table.js';
import type { Table } from '../../../src/doctree/types.js';

const folders = contentFolders('baocao-stat-');
afterAll(folders.remove);

/** A bao-cao folder whose noi-dung.yaml is `body` under one section, the table `table` in an appendix. */
async function run(prose: string, table: string) {
  const dir = folders.make(prose, table);
  const c = await compile({ dataDir: dir, cwd: ROOT, skipRender: true });
  const codes = c.diagnostics.map((d) => `${d.code}@${d.line}`);
  // No model when an error stopped the run (the checks run before aggregation).
  const doc = (c.model as unknown as { document: { appendices: { content: { type: string; table: RichStatTable }[] }[] } } | null)?.document;
  const t = doc?.appendices[0]!.content[0]!.table as RichStatTable;
  const printed = (stt: string, key = 'so-lieu') => formatCell(t.rows.find((r) => r.stt === stt)!.values[key]);
  return { c, codes, t, printed, diag: (code: string) => c.diagnostics.find((d) => d.code === code) };
}

const TABLE = `
rows:
  - label: Tổng số hồ sơ
    value: "22.143"
    sumOf: children
    rows:
      - { label: Trực tuyến, value: "19.596" }
      - { label: Trực tiếp, value: "2.547" }
  - label: Đã giải quyết
    value: "200"
    sumOf: ["2.1", "2.2"]
    rows:
      - { label: Đúng hạn, value: "150" }
      - { label: Quá hạn, value: "50" }
      - { label: "Trong đó: toàn trình", value: "90" }
  - { label: Tỷ lệ, unit: "%", value: "99,10" }
  - { label: Không có số liệu, value: "-" }
`;
const NO_PROSE = '- text: Không có số liệu.';

describe('sumOf', () => {
  it('is silent when the rows add up, and a "trong đó" row outside the list is not summed', async () => {
    const r = await run(NO_PROSE, TABLE);
    expect(r.codes).toEqual([]);
    expect(r.t.rows.map((x) => x.stt)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '3', '4']);
    expect(r.t.rows.filter((x) => x.bold).map((x) => x.stt)).toEqual(['1', '2']);
    expect([r.printed('3'), r.printed('4'), r.printed('1')]).toEqual(['99,10', '-', '22.143']);
  });

  it('warns at the total with both values and the difference; prints the stated value by default', async () => {
    const r = await run(NO_PROSE, TABLE.replace('"2.547"', '"2.548"'));
    expect(r.codes).toEqual(['V310@12']);
    expect(r.diag('V310')!.message).toContain('22.143');
    expect(r.diag('V310')!.message).toContain('22.144');
    expect(r.diag('V310')!.message).toContain('+1');
    expect(r.printed('1')).toBe('22.143');
  });

  it('makes every whole or unit-bearing cell a figure named by the cell grammar, totals with their check', async () => {
    const r = await run(NO_PROSE, TABLE.replace('"2.547"', '"2.548"'));
    const f = (id: string) => r.c.model!.figures.find((x) => x.id === id);
    expect(f('bm1[1]')).toMatchObject({ origin: 'stated', check: { stated: '22.143', computed: '22.144', agrees: false } });
    expect(f('bm1[1]')!.sources[0]).toMatchObject({ line: 12 });
    expect(formatFigure(f('bm1[3]')!)).toBe('99,1%');
    expect(f('bm1[2.3]')!.origin).toBe('fact');
    expect(f('bm1[4]')).toBeUndefined();
  });

  it('prints the computed sum with print: computed', async () => {
    const r = await run(NO_PROSE, TABLE.replace('"2.547"', '"2.548"').replace('sumOf: children', 'sumOf: children\n    print: computed'));
    expect(r.codes).toEqual(['V310@12']);
    expect(r.printed('1')).toBe('22.144');
  });

  it('counts a "trong đó" row when the list names it, and reports rows the table lacks', async () => {
    const r = await run(NO_PROSE, TABLE.replace('["2.1", "2.2"]', '["2.1", "2.2", "2.3", "9"]'));
    expect(r.codes.sort()).toEqual(['V310@18', 'V311@19']);
  });
});

describe('sameAs and ratioOf', () => {
  const prose = (a: string, b: string) => `
- text: Tiếp nhận {hoSo} hồ sơ, tỷ lệ đúng hạn {tyLe}.
  figures:
    hoSo: ${a}
    tyLe: ${b}`;

  it('are silent when the prose agrees with the cells at its printed precision', async () => {
    const r = await run(prose('{ value: "22143", sameAs: "bm1[1]" }', '{ value: "75%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), TABLE);
    expect(r.codes).toEqual([]);
    const f = r.c.model!.figures.find((x) => x.id.endsWith('.tyLe'))!;
    expect(f.check?.agrees).toBe(true);
    expect(f.sources.map((s) => s.line)).toEqual([7, 24, 21]);
  });

  it('warn at the prose figure, naming the cell and its line, with both values and the difference', async () => {
    const r = await run(prose('{ value: "22134", sameAs: "bm1[1]" }', '{ value: "75,1%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), TABLE);
    expect(r.codes).toEqual(['V312@6', 'V314@7']);
    expect(r.diag('V312')!.message).toMatch(/22\.134.*bm1\[1\] = 22\.143.*noi-dung\.yaml:15.*\+9/);
    expect(r.diag('V314')!.message).toMatch(/75,1%.*150\/200 = 75,0.*-0,1/);
  });

  it('round half up at the printed precision: 2/3 = 66,67 %, 66,66 % is off', async () => {
    const t = TABLE.replace('"150"', '"133,34"').replace('"50"', '"66,66"').replace('value: "200"', 'value: "200,00"');
    const ok = await run(prose('{ value: "22143", sameAs: "bm1[1]" }', '{ value: "66,67%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), t);
    expect(ok.codes).toEqual([]);
    const off = await run(prose('{ value: "22143", sameAs: "bm1[1]" }', '{ value: "66,66%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), t);
    expect(off.codes).toEqual(['V314@7']);
  });

  it('print: computed prints the cell (sameAs) or the ratio (ratioOf); stated is the default', async () => {
    const r = await run(prose('{ value: "22134", sameAs: "bm1[1]", print: computed }', '{ value: "75,1%", ratioOf: ["bm1[2.1]", "bm1[2]"], print: computed }'), TABLE);
    const fig = (name: string) => formatFigure(r.c.model!.figures.find((x) => x.id.endsWith(`.${name}`))!);
    expect([fig('hoSo'), fig('tyLe')]).toEqual(['22.143', '75%']);
    const s = await run(prose('{ value: "22134", sameAs: "bm1[1]" }', '{ value: "75,1%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), TABLE);
    expect(formatFigure(s.c.model!.figures.find((x) => x.id.endsWith('.hoSo'))!)).toBe('22.134');
  });

  it('parts: a prose figure stated with its parts, numbers or cells (V301, 22.143 against 19.596 + 2.548)', async () => {
    const ok = await run(prose('{ value: "22143", parts: ["19.596", "2.547"] }', '{ value: "75%", parts: ["bm1[2.1]", "-75"] }'), TABLE);
    expect(ok.codes).toEqual([]);
    const off = await run(prose('{ value: "22143", parts: ["19.596", "2.548"] }', '{ value: "75%", parts: ["bm1[2.1]", "bm1[2.2]"] }'), TABLE);
    expect(off.codes).toEqual(['V301@6', 'V301@7']);
    expect(off.diag('V301')!.message).toMatch(/22\.143.*22\.144.*\+1/);
    const fig = (r: typeof off, name: string) => formatFigure(r.c.model!.figures.find((x) => x.id.endsWith(`.${name}`))!);
    expect(fig(off, 'hoSo')).toBe('22.143');
    const computed = await run(prose('{ value: "22143", parts: ["19.596", "2.548"], print: computed }', '{ value: "75%", parts: ["bm1[2.1]", "bm1[2.2]"], print: computed }'), TABLE);
    expect([fig(computed, 'hoSo'), fig(computed, 'tyLe')]).toEqual(['22.144', '200%']);
  });

  it('compare money in the cell\'s unit: 1,5 tỷ đồng is a "Triệu đồng" cell of 1.500', async () => {
    const t = TABLE.replace('{ label: Tỷ lệ, unit: "%", value: "99,10" }', '{ label: Kinh phí, unit: Triệu đồng, value: "1.500" }');
    const ok = await run(prose('{ value: "1,5 tỷ đồng", sameAs: "bm1[3]" }', '{ value: "75%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), t);
    expect(ok.codes).toEqual([]);
    const off = await run(prose('{ value: "1,6 tỷ đồng", sameAs: "bm1[3]" }', '{ value: "75%", ratioOf: ["bm1[2.1]", "bm1[2]"] }'), t);
    expect(off.codes).toEqual(['V312@6']);
    expect(off.diag('V312')!.message).toContain('-0,1');
  });

  it('percent semantics: a share above 100 % is an error (V106, or V317 for a ratio), a rate may exceed it', async () => {
    // 200 / 150 = 133,33 %: as a share of a whole it cannot be; as a rate against a plan it can.
    const share = await run(prose('{ value: "22143", sameAs: "bm1[1]" }', '{ value: "75%", ratioOf: ["bm1[2]", "bm1[2.1]"] }'), TABLE);
    expect(share.codes).toEqual(['V317@7']);
    expect(share.diag('V317')!.message).toMatch(/200\/150 = 133%/);
    expect(share.diag('V317')!.hint).toContain('rate');
    expect(share.diag('V317')!.related?.map((x) => x.line)).toEqual([21, 24]);
    const rate = await run(prose('{ value: "22143", sameAs: "bm1[1]" }', '{ value: { rate: "133,33%" }, ratioOf: ["bm1[2]", "bm1[2.1]"] }'), TABLE);
    expect(rate.codes).toEqual([]);
    const f = rate.c.model!.figures.find((x) => x.id.endsWith('.tyLe'))!;
    expect(f).toMatchObject({ kind: 'percent', rate: true });
    expect(formatFigure(f)).toBe('133,33%');
    const wrongRate = await run(prose('{ value: "22143", sameAs: "bm1[1]" }', '{ value: { rate: "133,4%" }, ratioOf: ["bm1[2]", "bm1[2.1]"], print: computed }'), TABLE);
    expect(wrongRate.codes).toEqual(['V314@7']);
    expect(formatFigure(wrongRate.c.model!.figures.find((x) => x.id.endsWith('.tyLe'))!)).toBe('133,3%');
    // Written plainly, "101,28%" is a share: the schema refuses it; `{ rate: … }` is accepted.
    const plain = await run('- text: Giải ngân đạt {g} kế hoạch.\n  figures:\n    g: "101,28%"', TABLE);
    expect(plain.codes).toEqual(['V106@6']);
    const ok = await run('- text: Giải ngân đạt {g} kế hoạch.\n  figures:\n    g: { rate: "101,28%" }', TABLE);
    expect(ok.codes).toEqual([]);
    expect(formatFigure(ok.c.model!.figures.find((x) => x.id.endsWith('.g'))!)).toBe('101,28%');
    const bad = await run('- text: Giải ngân đạt {g} kế hoạch.\n  figures:\n    g: { rate: "101.28" }', TABLE);
    expect(bad.codes).toEqual(['V105@6']);
    expect(bad.diag('V105')!.message).toContain('ký hiệu %');
  });

  it('report a cell that does not exist or holds no figure (V313)', async () => {
    const r = await run(prose('{ value: "1", sameAs: "bm9[1]" }', '{ value: "1%", ratioOf: ["bm1[4]", "bm1[7]"] }'), TABLE);
    expect(r.codes).toEqual(['V313@6', 'V313@7', 'V313@7']);
  });
});

describe('printing a statistical table', () => {
  it('captions it, heads several value columns with two header rows and merges a note over rows', async () => {
    const { content } = await import('../../../src/render/helpers/text.js');
    const { parseMarkup } = await import('../../../src/render/markup.js');
    const two = `
caption: Biểu mẫu 2. Bộ máy
subtitle: (Đến ngày 14/12/2025)
columnsTitle: Kết quả thống kê
columns: [{ key: a, title: Năm 2024 }, { key: b, title: Năm 2025 }]
rows:
  - label: Tinh giản
    unit: Người
    values: { a: "241", b: "-" }
    note: Theo Nghị định
    noteSpan: "2"
    rows:
      - { label: Nghỉ hưu, unit: Triệu đồng, values: { a: "1.170,50", b: "" } }
`;
    const r = await run(NO_PROSE, two);
    expect(r.codes).toEqual([]);
    const markup = String(content([{ type: 'statTable', table: r.t }]));
    const blocks = parseMarkup(markup).value;
    expect(blocks[0]).toMatchObject({ type: 'paragraph', align: 'center', children: [{ type: 'strong' }] });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', align: 'center', children: [{ type: 'emphasis' }] });
    const table = blocks[2] as Table;
    expect(table.children.map((x) => x.kind)).toEqual(['header', 'header', 'group', 'body']);
    expect(table.children[0]!.children[3]).toMatchObject({ colSpan: 2 });
    const text = (k: number) => table.children[k]!.children.map((c) => c.children.map((i) => ('value' in i ? i.value : '')).join(''));
    expect(text(2)).toEqual(['1', 'Tinh giản', 'Người', '241', '-', 'Theo Nghị định']);
    expect(table.children[2]!.children[5]).toMatchObject({ rowSpan: 2 });
    // A "Triệu đồng" cell prints the bare number with its written places; the merged note leaves no cell.
    expect(text(3)).toEqual(['1.1', 'Nghỉ hưu', 'Triệu đồng', '1.170,50', '']);
  });
});

describe('a table of several parts under one caption', () => {
  const PARTS = `
caption: Biểu mẫu 4. Dịch vụ công
subtitle: (Đến ngày 14/12/2025)
parts:
  - title: Phần I. Dịch vụ công trực tuyến
    rows:
      - label: Thủ tục trực tuyến
        unit: Thủ tục
        value: "1.566"
        sumOf: ["1.1", "1.2"]
        rows:
          - { label: Toàn trình, unit: Thủ tục, value: "1.164" }
          - { label: Một phần, unit: Thủ tục, value: "402" }
          - { label: "Trong đó: tích hợp", unit: Thủ tục, value: "1.498" }
  - id: ht
    title: Phần II. Hạ tầng
    columns: [{ key: a, title: Năm 2024 }, { key: b, title: Năm 2025 }]
    rows:
      - label: Máy tính
        unit: Máy
        values: { a: "4.249", b: "4.366" }
        sumOf: children
        rows:
          - { label: Cấp tỉnh, unit: Máy, values: { a: "1.812", b: "1.846" } }
          - { label: Cấp xã, unit: Máy, values: { a: "2.437", b: "2.519" } }
`;

  it('checks each part\'s totals, names its cells by the part (bm1-1[…], ht[…]) and refuses the table\'s own id', async () => {
    const prose = `
- text: Có {a} thủ tục và {b} máy; sai {c}.
  figures:
    a: { value: "1566", sameAs: "bm1-1[1]" }
    b: { value: "4365", sameAs: "ht[1].b" }
    c: { value: "1", sameAs: "bm1[1]" }
`;
    const r = await run(prose, PARTS);
    // 4.366 stated against 4.365 (b column) is the only total off; the "trong đó" row is not summed.
    expect(r.codes.filter((c) => c.startsWith('V310'))).toHaveLength(1);
    expect(r.diag('V310')!.message).toContain('ht[1].b');
    expect(r.diag('V312')!.message).toContain('ht[1].b');
    expect(r.diag('V313')!.message).toContain('bm1-1, ht');
    // The V313 error stops the run before aggregation: the model is read from the data without it.
    const ok = await run(prose.replace('; sai {c}', '').replace(/^ {4}c: .*$/m, ''), PARTS);
    expect(ok.codes.filter((c) => c.startsWith('V313'))).toEqual([]);
    expect(ok.t.parts!.map((p) => [p.id, p.title, p.rows.map((x) => x.stt).join(' ')])).toEqual([
      ['bm1-1', 'Phần I. Dịch vụ công trực tuyến', '1 1.1 1.2 1.3'],
      ['ht', 'Phần II. Hạ tầng', '1 1.1 1.2'],
    ]);
  });

  it('prints the caption once, then each part under its title with its own header rows, totals naming their rows', async () => {
    const { content } = await import('../../../src/render/helpers/text.js');
    const { parseMarkup } = await import('../../../src/render/markup.js');
    const r = await run(NO_PROSE, PARTS);
    const blocks = parseMarkup(String(content([{ type: 'statTable', table: r.t }]))).value;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'table', 'paragraph', 'table']);
    expect(blocks[2]).toMatchObject({ align: 'left', keepWithNext: true, children: [{ type: 'strong' }] });
    const [one, two] = [blocks[3] as Table, blocks[5] as Table];
    expect(one).toMatchObject({ caption: 'Biểu mẫu 4. Dịch vụ công', subtitle: '(Đến ngày 14/12/2025)', part: 'Phần I. Dịch vụ công trực tuyến' });
    expect(one.continues).toBeUndefined();
    expect(two).toMatchObject({ part: 'Phần II. Hạ tầng', continues: true });
    expect(one.children.map((x) => x.kind)).toEqual(['header', 'group', 'body', 'body', 'body']);
    expect(two.children.map((x) => x.kind)).toEqual(['header', 'header', 'group', 'body', 'body']);
    // sumOf [1.1, 1.2] → rows 2 and 3 of the part; the "trong đó" row 4 is not among them.
    expect(one.children[1]!.sumOf).toEqual([2, 3]);
    expect(two.children[2]!.sumOf).toEqual([3, 4]);
    expect(one.columns.map((c) => c.numeric ?? false)).toEqual([false, false, false, true, false]);
    expect(two.columns.filter((c) => c.numeric)).toHaveLength(2);
  });

  it('refuses a "sum:" naming a row the part lacks, or standing before any row (T011)', async () => {
    const { parseMarkup } = await import('../../../src/render/markup.js');
    const markup = ['```table', 'columns: 7c 50l 14r#', 'sum: 1', 'header: STT | Chỉ tiêu | Số liệu', 'group: 1 | Tổng | 3', 'sum: 1\\.1 9', 'row: 1\\.1 | A | 3', '```', ''].join('\n');
    const r = parseMarkup(markup);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['T011', 3], ['T011', 6]]);
    expect(r.diagnostics[1]!.message).toContain('9');
    expect((r.value.find((b) => b.type === 'table') as Table).children[1]!.sumOf).toEqual([2]);
  });
});

