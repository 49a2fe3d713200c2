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
