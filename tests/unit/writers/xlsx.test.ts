// The XLSX writer: every table of the 2024 report on its own sheet, read back with an
// independent reader (read-excel-file): printed numbers are numbers, header cells keep their
// merges, and each total is a SUM formula whose value over the cells is the printed total —
// or, where the printed total is a stated figure that differs from its parts, that constant.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsx from 'read-excel-file/node';
import { compile } from '../../../src/pipeline/compile.js';
import { writeXlsx, sheetNames } from '../../../src/writers/xlsx/index.js';
import type { Root } from '../../../src/doctree/types.js';

const ROOT = path.resolve(__dirname, '../../..');
let bytes: Uint8Array;
let tree: Root;

beforeAll(async () => {
  const c = await compile({ dataDir: path.join(ROOT, 'data/2024'), cwd: ROOT });
  tree = c.tree!;
  bytes = (await writeXlsx(tree)).value;
});

/** Evaluate `SUM(D3:D5)` / `SUM(D3,D6,D7)` over a sheet's values. */
function evaluateSum(formula: string, rows: unknown[][]): number {
  const refs = /^SUM\((.*)\)$/.exec(formula)![1]!.split(',').flatMap((part) => {
    const [a, b] = part.split(':');
    const [, col, from] = /^([A-Z]+)(\d+)$/.exec(a!)!;
    const to = b ? Number(/\d+$/.exec(b)![0]) : Number(from);
    return Array.from({ length: to - Number(from) + 1 }, (_, i) => ({ col: col!.charCodeAt(0) - 65, row: Number(from) + i - 1 }));
  });
  return refs.reduce((sum, r) => sum + (rows[r.row]![r.col] as number), 0);
}

describe('writeXlsx', () => {
  it('writes the appendix table with numbers as numbers, merges and a SUM total equal to the printed one', async () => {
    const sheets = await readXlsx(Buffer.from(bytes));
    expect(sheets).toHaveLength(1);
    const rows = sheets[0]!.data as unknown[][];
    expect(rows[0]![0]).toBe('STT');
    expect(rows[3]![1]).toBe('Cải tạo, chỉnh trang dải trung tâm, nâng cấp vỉa hè thị trấn An Lão');
    expect(rows[3]![3]).toBe(11700);
    expect(rows[4]![2]).toBe(121042);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<mergeCell ref="A1:A2"/>');
    expect(xml).toContain('<mergeCell ref="C1:D1"/>');
    const total = rows.findIndex((r) => r[1] === 'Tổng cộng');
    const formula = new RegExp(`<c r="D${total + 1}" s="\\d+"><f>([^<]+)</f><v>(\\d+)</v>`).exec(xml)!;
    expect(formula[1]).toBe('SUM(D3,D6:D7)');
    expect(evaluateSum(formula[1]!, rows)).toBe(554467);
    expect(rows[total]![3]).toBe(554467);
  });

  it('a stated total that differs from its parts stays a constant, with a cell comment saying so', async () => {
    const stated = structuredClone(tree);
    const appendix = JSON.stringify(stated).replace('"554.467"', '"554.468"');
    const out = await writeXlsx(JSON.parse(appendix) as Root);
    const parts = unzipSync(out.value);
    const xml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(xml).toMatch(/<c r="D10" s="\d+"><v>554468<\/v>/);
    expect(xml).toContain('<legacyDrawing r:id="rId2"/>');
    const comments = strFromU8(parts['xl/comments1.xml']!);
    expect(comments).toMatch(/<comment ref="D10" authorId="0">.*Số in là số đã nêu 554\.468, khác tổng các dòng bên trên là 554\.467 \(chênh lệch \+1\)/);
    expect(parts['xl/drawings/vmlDrawing1.vml']).toBeDefined();
    expect(strFromU8(parts['xl/worksheets/_rels/sheet1.xml.rels']!)).toContain('Target="../comments1.xml"');
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('PartName="/xl/comments1.xml"');
    // The unchanged report has no comment at all.
    expect(unzipSync(bytes)['xl/comments1.xml']).toBeUndefined();
  });

  it('is byte-identical on every run', async () => {
    expect(Buffer.from((await writeXlsx(tree)).value).equals(Buffer.from(bytes))).toBe(true);
  });

  it('names sheets within Excel\'s rules: 31 characters, no []:*?/\\, unique', () => {
    const names = sheetNames(['Phụ lục I KẾ HOẠCH VỐN ĐẦU TƯ CÔNG NĂM 2024 [tr/đ]', 'Phụ lục I KẾ HOẠCH VỐN ĐẦU TƯ CÔNG NĂM 2024 [tr/đ]', '']);
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe('Bảng 3');
  });
});

// Issue 13 item 6 / issue 19 item 4 on the CCHC example: six statistical tables (one of two
// parts) each on its own sheet, typed, each declared total a SUM over exactly its summed rows.
describe('writeXlsx on statistical tables (examples/bao-cao-cchc)', () => {
  let cchc: Uint8Array;
  let parts: Record<string, Uint8Array>;
  type Sheet = { sheet: string; data: unknown[][] };
  let sheets: Sheet[];

  beforeAll(async () => {
    const c = await compile({ dataDir: path.join(ROOT, 'examples/bao-cao-cchc'), cwd: ROOT });
    cchc = (await writeXlsx(c.tree!)).value;
    parts = unzipSync(cchc);
    sheets = (await readXlsx(Buffer.from(cchc))) as Sheet[];
  });

  const xmlOf = (i: number) => strFromU8(parts[`xl/worksheets/sheet${i + 1}.xml`]!);
  const formulas = (xml: string) => [...xml.matchAll(/<c r="([A-Z]+)(\d+)" s="\d+"><f>([^<]+)<\/f><v>([^<]+)<\/v><\/c>/g)]
    .map((m) => ({ col: m[1]!, row: Number(m[2]), formula: m[3]!, cached: Number(m[4]) }));
  /** The sheet row (1-based) whose STT cell reads `stt`, after the row `from`. */
  const rowOf = (s: Sheet, stt: string, from = 0) => s.data.findIndex((r, i) => i >= from && r[0] === stt) + 1;

  it('writes one sheet per table, named by its caption within Excel\'s rules', () => {
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Biểu mẫu 1. Kết quả cải cách', 'Biểu mẫu 2. Tổ chức bộ máy,', 'Biểu mẫu 3. Kết quả tiếp nhận',
      'Biểu mẫu 4. Dịch vụ công trực', 'Biểu mẫu 5. Đội ngũ cán bộ,', 'Biểu mẫu 6. Cải cách thể chế,',
    ]);
    expect(sheets[0]!.data[0]![0]).toBe('Biểu mẫu 1. Kết quả cải cách thủ tục hành chính');
    expect(sheets[0]!.data[1]![0]).toBe('(Số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)');
  });

  it('every total formula, evaluated over the cells, is the printed total', () => {
    let count = 0;
    sheets.forEach((s, i) => {
      for (const f of formulas(xmlOf(i))) {
        const value = s.data[f.row - 1]![f.col.charCodeAt(0) - 65];
        expect(evaluateSum(f.formula, s.data), `${s.sheet}!${f.col}${f.row} ${f.formula}`).toBeCloseTo(value as number, 6);
        expect(f.cached).toBe(value);
        count++;
      }
    });
    expect(count).toBeGreaterThan(40);
  });

  it('sums exactly the rows of sumOf: the "trong đó" row 4.3 is left out', () => {
    const s = sheets[0]!;
    const total = formulas(xmlOf(0)).find((f) => f.row === rowOf(s, '4'))!;
    expect(total.formula).toBe(`SUM(D${rowOf(s, '4.1')}:D${rowOf(s, '4.2')})`);
    expect(rowOf(s, '4.3')).toBe(rowOf(s, '4.2') + 1);
    expect(s.data[rowOf(s, '4') - 1]![3]).toBe(412530);
  });

  it('keeps the stated 409.876 that differs from its parts as a constant, with a cell comment', () => {
    const s = sheets[0]!;
    const row = rowOf(s, '5');
    expect(formulas(xmlOf(0)).some((f) => f.row === row)).toBe(false);
    expect(xmlOf(0)).toMatch(new RegExp(`<c r="D${row}" s="\\d+"><v>409876</v></c>`));
    const comments = strFromU8(parts['xl/comments1.xml']!);
    expect(comments).toContain(`<comment ref="D${row}" authorId="0">`);
    expect(comments).toContain('Số in là số đã nêu 409.876, khác tổng các dòng 5.1, 5.2 là 409.875 (chênh lệch +1)');
    expect(strFromU8(parts['xl/drawings/vmlDrawing1.vml']!)).toContain(`<x:Row>${row - 1}</x:Row><x:Column>3</x:Column>`);
    // The other sheets' totals all agree: no comments there.
    expect(Object.keys(parts).filter((k) => k.startsWith('xl/comments'))).toEqual(['xl/comments1.xml']);
  });

  it('types values: numbers as numbers in #,##0 / #,##0.0 / #,##0.00 by their printed places, "-" as text, STT as text', () => {
    const s = sheets[0]!;
    const styles = strFromU8(parts['xl/styles.xml']!);
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)"[^>]*?(?:\/>|>)/g)].slice(1).map((m) => Number(m[1]));
    const fmtOf = (row: number) => xfs[Number(new RegExp(`<c r="D${row}" s="(\\d+)"`).exec(xmlOf(0))![1])];
    expect(s.data[rowOf(s, '7') - 1]![3]).toBe(98.89);
    expect(fmtOf(rowOf(s, '7'))).toBe(166); // #,##0.00
    expect(s.data[rowOf(s, '8.2') - 1]![3]).toBe(186245.5);
    expect(fmtOf(rowOf(s, '8.2'))).toBe(165); // #,##0.0
    expect(fmtOf(rowOf(s, '8.1'))).toBe(3); // #,##0
    expect(styles).toContain('<numFmt numFmtId="166" formatCode="#,##0.00"/>');
    expect(s.data[rowOf(s, '10.3') - 1]![3]).toBe('-');
    expect(s.data[rowOf(s, '1') - 1]![0]).toBe('1');
    // Bold totals: a sumOf row's cells use the bold font, a plain row's the regular one.
    const fonts = [...styles.matchAll(/<xf numFmtId="\d+" fontId="(\d+)"/g)].slice(1).map((m) => Number(m[1]));
    const fontOf = (row: number) => fonts[Number(new RegExp(`<c r="D${row}" s="(\\d+)"`).exec(xmlOf(0))![1])];
    expect(fontOf(rowOf(s, '4'))).toBe(1);
    expect(fontOf(rowOf(s, '4.1'))).toBe(0);
  });

  it('writes the two parts of Biểu mẫu 4 on one sheet, each under its title with its own header rows', () => {
    const s = sheets[3]!;
    const titles = s.data.map((r) => r[0]);
    const one = titles.indexOf('Phần I. Dịch vụ công trực tuyến');
    const two = titles.indexOf('Phần II. Hạ tầng và ứng dụng công nghệ thông tin');
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(s.data[one + 1]!.slice(0, 4)).toEqual(['STT', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Số liệu']);
    expect(s.data[two + 1]![3]).toBe('Kết quả thống kê');
    expect(s.data[two + 2]!.slice(3, 5)).toEqual(['Năm 2024', 'Năm 2025']);
    expect(xmlOf(3)).toContain(`<mergeCell ref="D${two + 2}:E${two + 2}"/>`);
    // Part II's row 1 (computers) sums its two sub-rows in both year columns.
    const first = rowOf(s, '1', two);
    expect(formulas(xmlOf(3)).filter((f) => f.row === first).map((f) => f.formula)).toEqual([`SUM(D${first + 1}:D${first + 2})`, `SUM(E${first + 1}:E${first + 2})`]);
  });

  it('is byte-identical on every run', async () => {
    const c = await compile({ dataDir: path.join(ROOT, 'examples/bao-cao-cchc'), cwd: ROOT });
    expect(Buffer.from((await writeXlsx(c.tree!)).value).equals(Buffer.from(cchc))).toBe(true);
  });
});

describe('the grid of a sheet', () => {
  // A row with more cells than the declared columns, and a span past the table's edge: the sheet
  // places cells as the DOCX and PDF writers do (doctree/grid.ts) — the extra cell left out, the
  // span clipped — so no cell lands in a column the table does not have (the data check says W003).
  it('is the table grid every writer uses: cells past the last column left out, spans clipped', async () => {
    const cell = (value: string, extra: object = {}) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }], ...extra });
    const root: Root = {
      type: 'root',
      meta: { title: 'Thử', author: 'Thử', date: '2024-12-05' },
      children: [{
        type: 'table', caption: 'Biểu thử',
        columns: [{ width: 10, align: 'center' }, { width: 60, align: 'left' }, { width: 30, align: 'right', numeric: true }],
        children: [
          { type: 'tableRow', kind: 'header', children: [cell('STT'), cell('Nội dung'), cell('Số')] },
          { type: 'tableRow', kind: 'body', children: [cell('1'), cell('Dòng thừa ô'), cell('5'), cell('ô thừa')] },
          { type: 'tableRow', kind: 'body', children: [cell('2'), cell('Gộp quá mép', { colSpan: 3 })] },
        ],
      }],
    };
    const xml = strFromU8(unzipSync((await writeXlsx(root)).value)['xl/worksheets/sheet1.xml']!);
    expect(xml).not.toContain('ô thừa');
    expect(xml).not.toMatch(/<c r="D\d+"/);
    expect(xml).toMatch(/<mergeCell ref="B\d+:C\d+"\/>/);
    expect(xml).not.toMatch(/<mergeCell ref="B\d+:D\d+"\/>/);
  });
});
