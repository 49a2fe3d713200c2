// Record lists from spreadsheets, end to end: the 2024 report with two of its project lists
// read from an .xlsx workbook and a `;`-separated UTF-8 CSV with a BOM builds the same document
// as the YAML original; a workbook with bad cells gives one error per cell, at file!sheet!cell,
// in text, JSON and GitHub formats, and nothing is built.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { ROOT, docxXml, runCli } from '../helpers/outputs.js';
import { makeXlsx } from '../helpers/xlsx.js';

const URBAN_PROJECTS = /    projects:\n      - id: via-he-an-lao[\s\S]*?totalInvestment: 121,042 tỷ đồng\n/;
const DIGITAL_PROJECTS = /    projects:\n      - id: ha-tang-vien-thong[\s\S]*?allocation: 870 triệu đồng\n/;

function copyOf2024(name: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), `baocao-sheets-${name}-`)), '2024');
  cpSync(path.join(ROOT, 'data/2024'), dir, { recursive: true });
  return dir;
}

function withSheets(dir: string, urbanMapping: string): void {
  const file = path.join(dir, 'investment.yaml');
  const yaml = readFileSync(file, 'utf8');
  expect(yaml).toMatch(URBAN_PROJECTS);
  expect(yaml).toMatch(DIGITAL_PROJECTS);
  writeFileSync(file, yaml.replace(URBAN_PROJECTS, urbanMapping).replace(DIGITAL_PROJECTS, [
    '    projects:',
    '      from: du-an-cds.csv',
    '      columns: { id: A, name: B, allocation: { column: C, unit: triệu đồng } }',
    '',
  ].join('\n')));
  const csv = [
    'Mã;Tên dự án;Vốn phân bổ (triệu đồng)',
    'ha-tang-vien-thong;"Nâng cấp hạ tầng viễn thông phục vụ phát triển chính quyền số tại Trung tâm hành chính huyện An Lão và trang bị máy tính bảng phục vụ chuyển đổi số";1.000',
    'dai-truyen-thanh;Chuyển đổi số Đài truyền thanh cơ sở trên địa bàn thị trấn Trường Sơn và thị trấn An Lão ứng dụng công nghệ thông tin-viễn thông;870',
    '',
  ].join('\r\n');
  writeFileSync(path.join(dir, 'du-an-cds.csv'), new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(csv)]));
}

const URBAN_MAPPING = [
  '    projects:',
  '      from: du-an.xlsx',
  '      sheet: Danh mục',
  '      header: 2',
  '      columns:',
  '        id: A',
  '        kind: B',
  '        name: C',
  '        allocation: { column: D, unit: triệu đồng }',
  '        totalInvestment: E',
  '',
].join('\n');

describe('record lists from .xlsx and .csv', () => {
  let yamlDir: string;
  let sheetDir: string;
  beforeAll(() => {
    yamlDir = copyOf2024('yaml');
    sheetDir = copyOf2024('xlsx');
    withSheets(sheetDir, URBAN_MAPPING);
    writeFileSync(path.join(sheetDir, 'du-an.xlsx'), makeXlsx([{ name: 'Danh mục', rows: [
      ['DANH MỤC DỰ ÁN CHỈNH TRANG ĐÔ THỊ'],
      ['Mã', 'Loại', 'Tên dự án', 'Vốn phân bổ (triệu đồng)', 'Tổng mức đầu tư'],
      ['via-he-an-lao', 'dự án', 'Cải tạo, chỉnh trang dải trung tâm, nâng cấp vỉa hè thị trấn An Lão', 11700, null],
      ['tru-so-hdnd-ubnd', 'dự án', 'Đầu tư xây dựng Trụ sở Hội đồng nhân dân và Ủy ban nhân dân huyện An Lão', '47.670', '121,042 tỷ đồng'],
    ], merges: ['A1:E1'] }]));
  });

  it('build the same document as the same records in YAML', () => {
    const outA = mkdtempSync(path.join(tmpdir(), 'baocao-sheets-out-'));
    const outB = mkdtempSync(path.join(tmpdir(), 'baocao-sheets-out-'));
    const a = runCli(['build', yamlDir, '--format', 'docx', '--out', outA]);
    const b = runCli(['build', sheetDir, '--format', 'docx', '--out', outB]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const docx = (out: string): string => {
      const dir = path.join(out, '2024');
      const name = readFileSync(path.join(dir, 'manifest.json'), 'utf8').match(/"([^"/]+\.docx)"/)![1]!;
      return docxXml(path.join(dir, name));
    };
    expect(docx(outB)).toBe(docx(outA));
    expect(docx(outB)).toContain('11.700');
  });

  it('report each unreadable cell at file!sheet!cell, and build nothing', () => {
    const dir = copyOf2024('bad');
    withSheets(dir, URBAN_MAPPING);
    writeFileSync(path.join(dir, 'du-an.xlsx'), makeXlsx([{ name: 'Danh mục', rows: [
      ['DANH MỤC'],
      ['Mã', 'Loại', 'Tên dự án', 'Vốn', 'Tổng mức'],
      ['via-he-an-lao', 'dự án', 'Vỉa hè', { formula: 'D4*2' }, null],
      ['tru-so-hdnd-ubnd', null, 'Trụ sở', { fixed2: 47670.255 }, { error: '#REF!' }],
    ], merges: ['B3:B4'] }]));
    const text = runCli(['validate', dir]);
    expect(text.status).toBe(1);
    const rel = (f: string): string => path.join(dir, f);
    expect(text.stderr).toContain(`${rel('du-an.xlsx')}!Danh mục!D3: error L046`);
    expect(text.stderr).toContain(`${rel('du-an.xlsx')}!Danh mục!B4: error L045`);
    expect(text.stderr).toContain(`${rel('du-an.xlsx')}!Danh mục!D4: error L048`);
    expect(text.stderr).toContain(`${rel('du-an.xlsx')}!Danh mục!E4: error L049`);

    const json = JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout) as { code: string; line: number; cell?: { ref: string } }[];
    const l046 = json.find((d) => d.code === 'L046')!;
    expect(l046.cell).toMatchObject({ sheet: 'Danh mục', ref: 'D3' });
    // The YAML line of the mapping (`from:`), for tools that point into text files.
    expect(l046.line).toBe(readFileSync(path.join(dir, 'investment.yaml'), 'utf8').split('\n').indexOf('      from: du-an.xlsx') + 1);

    const github = runCli(['validate', dir, '--format', 'github']).stdout;
    expect(github).toMatch(/::error file=[^,]*investment\.yaml,line=\d+,col=\d+,title=L046::[^\n]*du-an\.xlsx!Danh mục!D3/);

    const out = mkdtempSync(path.join(tmpdir(), 'baocao-sheets-out-'));
    expect(runCli(['build', dir, '--out', out]).status).toBe(1);
  });

  it('a value the schema refuses is reported at its cell', () => {
    const dir = copyOf2024('schema');
    withSheets(dir, URBAN_MAPPING);
    writeFileSync(path.join(dir, 'du-an.xlsx'), makeXlsx([{ name: 'Danh mục', rows: [
      ['DANH MỤC'],
      ['Mã', 'Loại', 'Tên dự án', 'Vốn', 'Tổng mức'],
      ['via-he-an-lao', 'dự án', 'Vỉa hè', 11700, null],
      ['tru-so-hdnd-ubnd', 'dự án', 'Trụ sở', 47670, '121,042'],
    ] }]));
    const r = runCli(['validate', dir, '--format', 'json']);
    const found = (JSON.parse(r.stdout) as { code: string; cell?: { ref: string } }[]).filter((d) => d.cell);
    expect(found.map((d) => d.cell!.ref)).toContain('E4');
  });

  it('report new keeps the spreadsheets as they are, and says so', () => {
    const parent = path.dirname(sheetDir);
    const r = runCli(['new', '2025', '--from', '2024', '--data', parent], { cwd: parent });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(parent, '2025', 'du-an.xlsx'))).toEqual(readFileSync(path.join(sheetDir, 'du-an.xlsx')));
    expect(readFileSync(path.join(parent, '2025', 'du-an-cds.csv'))).toEqual(readFileSync(path.join(sheetDir, 'du-an-cds.csv')));
    expect(r.stdout).toContain('du-an.xlsx');
    expect(r.stdout).toContain('cần cập nhật trong Excel');
  });
});
