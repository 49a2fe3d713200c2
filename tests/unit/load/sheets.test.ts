// Record lists from spreadsheets: the .xlsx and .csv readers and the cell → YAML-text rules.
// Values come out exactly as a clerk would have typed them in YAML; every cell that cannot be
// read without guessing is an error at its cell.
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readXlsxSheet, serialToIso, isDateFormat } from '../../../src/load/sheets/xlsx.js';
import { readCsvSheet, detectSeparator } from '../../../src/load/sheets/csv.js';
import { formatDecimals, readMapping, recordsFromSheet, type SheetMapping } from '../../../src/load/sheets/records.js';
import type { Sheet } from '../../../src/load/sheets/sheet.js';
import { makeXlsx } from '../../helpers/xlsx.js';

const where = (ref: string) => ({ file: 'data/x/investment.yaml', line: 5, column: 9, cell: { file: 'data/x/du-an.xlsx', sheet: 'Danh mục', ref } });

function mapping(columns: SheetMapping['columns'], header = 1): SheetMapping {
  return { from: 'du-an.xlsx', header, columns };
}

function sheetOf(rows: Parameters<typeof makeXlsx>[0][0]['rows'], merges?: string[]): Sheet {
  const r = readXlsxSheet(makeXlsx([{ name: 'Danh mục', rows, merges }]), 'Danh mục');
  if (!r.ok) throw new Error(r.reason);
  return r.sheet;
}

describe('readXlsxSheet', () => {
  it('reads shared strings, numbers, booleans, dates and formulas with their cached values', () => {
    const sheet = sheetOf([['Tên', 'Vốn'], ['Trụ sở', 47670], ['Vỉa hè', { formula: 'SUM(B2:B2)', cached: 11700 }], [true, { date: 45631 }]]);
    expect(sheet.cells.get('A2')).toMatchObject({ kind: 'text', text: 'Trụ sở' });
    expect(sheet.cells.get('B2')).toMatchObject({ kind: 'number', value: 47670 });
    expect(sheet.cells.get('B3')).toMatchObject({ kind: 'number', value: 11700, formula: 'SUM(B2:B2)' });
    expect(sheet.cells.get('A4')).toMatchObject({ kind: 'boolean', value: true });
    expect(sheet.cells.get('B4')).toMatchObject({ kind: 'date', iso: '2024-12-05' });
  });

  it('chooses a sheet by name and lists the names when it is missing', () => {
    const book = makeXlsx([{ name: 'Một', rows: [['a']] }, { name: 'Danh mục', rows: [['b']] }]);
    const chosen = readXlsxSheet(book, 'Danh mục');
    expect(chosen.ok && chosen.sheet.cells.get('A1')?.text).toBe('b');
    expect(readXlsxSheet(book, 'Danh muc')).toEqual({ ok: false, reason: 'no-sheet', sheet: 'Danh muc', sheets: ['Một', 'Danh mục'] });
  });

  it('refuses what is not a workbook, and a workbook over the limits before parsing it', () => {
    expect(readXlsxSheet(strToU8('Tên;Vốn\n'), undefined)).toEqual({ ok: false, reason: 'not-a-workbook' });
    const big = makeXlsx([{ name: 'S', rows: Array.from({ length: 50 }, (_, i) => [i, i]) }]);
    expect(readXlsxSheet(big, undefined, { maxUncompressedBytes: 100, maxCells: 1e6 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readXlsxSheet(big, undefined, { maxUncompressedBytes: 1e8, maxCells: 10 })).toMatchObject({ ok: false, reason: 'too-many-cells' });
  });

  it('knows date formats and Excel serial dates', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('0%')).toBe(false);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45292)).toBe('2024-01-01');
  });
});

describe('readCsvSheet', () => {
  it('reads UTF-8 with a BOM and ; as the separator (Excel on Vietnamese Windows)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('Mã;Tên;Vốn\r\nha-tang;"Hạ tầng; viễn thông";1.000\r\n')]);
    const r = readCsvSheet(bytes, 'du-an.csv');
    expect(r.ok && r.separator).toBe(';');
    if (!r.ok) return;
    expect(r.sheet.cells.get('B2')).toMatchObject({ kind: 'text', text: 'Hạ tầng; viễn thông' });
    expect(r.sheet.cells.get('C2')).toMatchObject({ kind: 'text', text: '1.000' });
  });

  it('detects , as the separator', () => {
    expect(detectSeparator('a,b,"c;d"\n')).toBe(',');
    expect(detectSeparator('a;b;"c,d"\n')).toBe(';');
  });

  it('refuses a legacy encoding or UTF-16 instead of guessing', () => {
    expect(readCsvSheet(new Uint8Array([0x54, 0xea, 0x6e, 0x0a]), 'x.csv')).toMatchObject({ ok: false, reason: 'encoding', offset: 1, utf16: false });
    expect(readCsvSheet(new Uint8Array([0xff, 0xfe, 0x54, 0x00]), 'x.csv')).toMatchObject({ ok: false, reason: 'encoding', utf16: true });
  });
});

describe('recordsFromSheet', () => {
  it('turns cells into the text a clerk types in YAML, units after numbers, exactly', () => {
    const sheet = sheetOf([
      ['Mã', 'Tên', 'Vốn (triệu đồng)', 'Tỷ lệ', 'Ngày'],
      ['a', 'Dự án A', 676373, { percent: 0.9475 }, { date: 45631 }],
      [null, null, null, null, null],
      ['b', 'Dự án B', '1.234,5', '99,1', null],
      ['c', 'Dự án C', { fixed2: 0.25 }, 100, null],
    ]);
    const m = mapping({ id: { column: 'A' }, name: { column: 'B' }, allocation: { column: 'C', unit: 'triệu đồng' }, rate: { column: 'D', type: 'percent' }, date: { column: 'E', type: 'date' } });
    const r = recordsFromSheet(sheet, m, where);
    expect(r.diagnostics).toEqual([]);
    expect(r.records).toEqual([
      { id: 'a', name: 'Dự án A', allocation: '676.373 triệu đồng', rate: '94,75%', date: '05/12/2024' },
      { id: 'b', name: 'Dự án B', allocation: '1.234,5 triệu đồng', rate: '99,1%' },
      { id: 'c', name: 'Dự án C', allocation: '0,25 triệu đồng', rate: '100%' },
    ]);
    // The blank row is a gap, not a record; positions follow the real rows.
    expect(r.cells.get('/1/allocation')).toEqual({ file: 'data/x/du-an.xlsx', sheet: 'Danh mục', ref: 'C4' });
    expect(r.cells.get('/0')).toEqual({ file: 'data/x/du-an.xlsx', sheet: 'Danh mục', ref: 'A2' });
  });

  it('reports every cell it cannot read without guessing, at the cell', () => {
    const sheet = sheetOf([
      ['Mã', 'Vốn', 'Ngày'],
      ['merged', 100, { date: 45631 }],
      [null, 200, '15/12/2024'],
      ['uncached', { formula: 'B2+B3' }, null],
      ['noise', 0.30000000000000004, null],
      ['shown', { fixed2: 1.255 }, null],
      ['error', { error: '#DIV/0!' }, null],
      ['words', 'khoảng một trăm', null],
    ], ['A2:A3']);
    const r = recordsFromSheet(sheet, mapping({ id: { column: 'A' }, allocation: { column: 'B', unit: 'triệu đồng' }, date: { column: 'C', type: 'date' } }), where);
    expect(r.diagnostics.map((d) => [d.code, d.cell?.ref])).toEqual([
      ['L045', 'A3'], ['L047', 'C3'], ['L046', 'B4'], ['L048', 'B5'], ['L048', 'B6'], ['L049', 'B7'], ['L051', 'B8'],
    ]);
    expect(r.diagnostics[0]!.message).toContain('A2');
    expect(r.diagnostics[4]!.message).toContain('1.255');
  });

  it('a declared number of decimals is the limit, never a reason to round', () => {
    const sheet = sheetOf([['Vốn'], [12.5], [12.25]]);
    const r = recordsFromSheet(sheet, mapping({ allocation: { column: 'A', unit: 'triệu đồng', decimals: 1 } }), where);
    expect(r.records[0]).toEqual({ allocation: '12,5 triệu đồng' });
    expect(r.diagnostics.map((d) => [d.code, d.cell?.ref])).toEqual([['L048', 'A3']]);
  });
});

describe('readMapping and formatDecimals', () => {
  it('accepts column letters, with or without unit, and explains malformed mappings', () => {
    expect(readMapping({ from: 'a.xlsx', columns: { name: 'b', allocation: { column: 'D', unit: 'triệu đồng' } } }).mapping)
      .toEqual({ from: 'a.xlsx', header: 1, columns: { name: { column: 'B' }, allocation: { column: 'D', unit: 'triệu đồng' } } });
    expect(readMapping({ from: 'a.xlsx', header: 'x', columns: { name: '1' } }).problems).toHaveLength(2);
  });

  it('reads the decimals a format shows', () => {
    expect(formatDecimals('#,##0')).toBe(0);
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('General')).toBeUndefined();
  });
});
