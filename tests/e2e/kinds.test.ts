// Issue 11, end to end: report kinds are folders. The real CLI lists them (`report kinds`), builds
// a kind an agency wrote into its own folder — templates, kind.yaml and one schema, no TypeScript,
// no rebuild (its schema compiled at run time) — overrides one template of the shipped kind the
// same way, and builds two data folders of the same year into separate output folders.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, docxParagraphs, docxXml, norm, runCli } from '../helpers/outputs.js';

const workspaces: string[] = [];

/** A fresh agency folder with a copy of data/2024 (templates come from the package). */
function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'baocao-kinds-'));
  workspaces.push(ws);
  cpSync(path.join(ROOT, 'data', '2024'), path.join(ws, 'data', '2024'), { recursive: true });
  return ws;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function cli(ws: string, args: string[]) {
  return runCli(args, { cwd: ws, env: { CI: '1' } });
}

afterAll(() => {
  for (const ws of workspaces) rmSync(ws, { recursive: true, force: true });
});

/** A kind written by an agency: a short quarterly notice with one record file of its own. */
function writeAgencyKind(ws: string): void {
  write(path.join(ws, 'templates', 'thong-bao-quy', 'kind.yaml'), [
    'name: thong-bao-quy',
    'title: Thông báo kết quả thu ngân sách quý',
    'documentType: Thông báo',
    'files:',
    '  thu-ngan-sach:',
    '    title: Thu ngân sách',
    '    required: true',
    '',
  ].join('\n'));
  write(path.join(ws, 'templates', 'thong-bao-quy', 'main.hbs'), [
    '```header',
    '{{#each meta.agency.name}}',
    'agency: {{this}}',
    '{{/each}}',
    'number: {{meta.numberLine}}',
    'date: {{meta.placeDateLine}}',
    '```',
    '',
    '```title',
    'kind: {{meta.documentType}}',
    'summary: {{meta.summary}}',
    '```',
    '',
    'Quý {{data.thuNganSach.quy}}, tổng thu ngân sách trên địa bàn đạt {{data.thuNganSach.tongThu}}.',
    '',
    '```signature',
    '{{#each meta.distribution}}',
    'receiver: {{this}}',
    '{{/each}}',
    'receiver: Lưu: {{meta.archive}}',
    '{{#each meta.signer.lines}}',
    'authority: {{this}}',
    '{{/each}}',
    'name: {{meta.signer.name}}',
    '```',
    '',
  ].join('\n'));
  write(path.join(ws, 'schemas', 'thong-bao-quy', 'thu-ngan-sach.schema.json'), JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Thu ngân sách (thu-ngan-sach.yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['quy', 'tongThu'],
    properties: {
      quy: { type: 'string', title: 'Quý', enum: ['I', 'II', 'III', 'IV'] },
      tongThu: { $ref: '../common.schema.json#/$defs/money', title: 'Tổng thu' },
    },
  }, null, 2));
  const report = readFileSync(path.join(ROOT, 'data', '2024', 'report.yaml'), 'utf8')
    .replace(/^kind: chu-de-nam$/m, 'kind: thong-bao-quy')
    .replace(/^  type: BÁO CÁO$/m, '  type: THÔNG BÁO')
    .replace(/^  symbol: BC-UBND$/m, '  symbol: TB-UBND')
    .replace(/^  summary: .*$/m, '  summary: Kết quả thu ngân sách quý III năm 2024');
  write(path.join(ws, 'data', 'thu-ngan-sach-q3', 'report.yaml'), report);
  write(path.join(ws, 'data', 'thu-ngan-sach-q3', 'thu-ngan-sach.yaml'), 'quy: III\ntongThu: 12.345 triệu đồng\n');
}

describe('report kinds', () => {
  it('lists the shipped kind with its title, folder and data files; --format json the same', () => {
    const ws = workspace();
    const text = cli(ws, ['kinds']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/chu-de-nam\s+Báo cáo kết quả thực hiện Chủ đề năm\s+gói baocao: /);
    expect(text.stdout).toContain('investment.yaml*');
    const json = JSON.parse(cli(ws, ['kinds', '--format', 'json']).stdout) as { name: string; source: string; files: { name: string; required: boolean }[] }[];
    const theme = json.find((k) => k.name === 'chu-de-nam')!;
    expect(theme.source).toBe('package');
    expect(theme.files.map((f) => f.name)).toEqual(['investment.yaml', 'land-clearance.yaml', 'communes.yaml', 'urban.yaml', 'digital.yaml', 'communication.yaml']);
    expect(theme.files.filter((f) => f.required).map((f) => f.name)).toEqual(['investment.yaml', 'digital.yaml']);
  });
});

describe('a kind written by an agency: templates, kind.yaml and one schema, no TypeScript', () => {
  const ws = workspace();
  writeAgencyKind(ws);

  it('is listed as the agency\'s', () => {
    const json = JSON.parse(cli(ws, ['kinds', '--format', 'json']).stdout) as { name: string; source: string; folder: string }[];
    expect(json.map((k) => k.name)).toEqual(['bao-cao', 'chu-de-nam', 'thong-bao-quy']);
    expect(json[2]).toMatchObject({ source: 'agency', folder: 'templates/thong-bao-quy' });
  });

  it('builds its report from a data folder named under data/, into out/<folder name>/', () => {
    const r = cli(ws, ['build', 'thu-ngan-sach-q3', '--format', 'docx']);
    expect(r.status, r.stderr).toBe(0);
    const out = path.join(ws, 'out', 'thu-ngan-sach-q3');
    expect(readdirSync(out).sort()).toEqual(['bao-cao-thong-bao-quy-2024.docx', 'manifest.json']);
    const paras = docxParagraphs(docxXml(path.join(out, 'bao-cao-thong-bao-quy-2024.docx'))).map(norm);
    expect(paras).toContain('Quý III, tổng thu ngân sách trên địa bàn đạt 12.345 triệu đồng.');
    expect(paras).toContain('THÔNG BÁO');
    // The manifest records the kind's own files: its kind.yaml, template and schema.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { kind: string; inputs: Record<string, string> };
    expect(manifest.kind).toBe('thong-bao-quy');
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining([
      'templates/thong-bao-quy/kind.yaml', 'templates/thong-bao-quy/main.hbs', 'schemas/thong-bao-quy/thu-ngan-sach.schema.json',
    ]));
  });

  it('checks its data against its schema, compiled at run time, and against its manifest', () => {
    const dir = path.join(ws, 'data', 'thu-ngan-sach-q3');
    writeFileSync(path.join(dir, 'thu-ngan-sach.yaml'), 'quy: V\ntongThu: "12.345"\n');
    const bad = cli(ws, ['validate', 'thu-ngan-sach-q3', '--format', 'json']);
    expect(bad.status).toBe(1);
    const found = (JSON.parse(bad.stdout) as { code: string; file: string; line: number }[]).map((d) => `${d.code} ${d.file}:${d.line}`);
    expect(found).toEqual(['V104 data/thu-ngan-sach-q3/thu-ngan-sach.yaml:1', 'V105 data/thu-ngan-sach-q3/thu-ngan-sach.yaml:2']);
    rmSync(path.join(dir, 'thu-ngan-sach.yaml'));
    writeFileSync(path.join(dir, 'Thu-ngan-sach.yml'), 'quy: III\ntongThu: 12.345 triệu đồng\n');
    const missing = cli(ws, ['validate', 'thu-ngan-sach-q3']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('data/thu-ngan-sach-q3/Thu-ngan-sach.yml:1:1: error K011');
    expect(missing.stderr).toContain('Có phải ý bạn là "thu-ngan-sach.yaml"?');
    expect(missing.stderr).toContain('data/thu-ngan-sach-q3/thu-ngan-sach.yaml:1:1: error K010: Thiếu tệp dữ liệu bắt buộc "thu-ngan-sach.yaml" của loại báo cáo "thong-bao-quy" (Thu ngân sách)');
  });
});

describe('an agency overrides one template of the shipped kind', () => {
  it('its templates/chu-de-nam/ket-thuc.hbs replaces that one section; the rest is the package\'s', () => {
    const ws = workspace();
    const shipped = readFileSync(path.join(ROOT, 'templates', 'chu-de-nam', 'ket-thuc.hbs'), 'utf8');
    const mine = shipped.replace('Trên đây là báo cáo', 'Trên đây là báo cáo (bản của cơ quan)');
    expect(mine).not.toBe(shipped);
    write(path.join(ws, 'templates', 'chu-de-nam', 'ket-thuc.hbs'), mine);
    const listed = cli(ws, ['kinds']);
    expect(listed.stdout).toContain('(mẫu thêm: templates/chu-de-nam)');
    const r = cli(ws, ['build', '2024', '--format', 'docx']);
    expect(r.status, r.stderr).toBe(0);
    const paras = docxParagraphs(docxXml(path.join(ws, 'out', '2024', 'bao-cao-chu-de-nam-2024.docx'))).map(norm);
    expect(paras.some((p) => p.startsWith('Trên đây là báo cáo (bản của cơ quan) kết quả thực hiện Chủ đề năm 2024'))).toBe(true);
    expect(paras.some((p) => p.includes('KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CHỦ ĐỀ NĂM 2024'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(ws, 'out', '2024', 'manifest.json'), 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toContain('templates/chu-de-nam/ket-thuc.hbs');
  });
});

describe('many reports a year', () => {
  it('two data folders of the same year build into separate folders with separate manifests', () => {
    const ws = workspace();
    cpSync(path.join(ws, 'data', '2024'), path.join(ws, 'data', 'xa-2024'), { recursive: true });
    const report = path.join(ws, 'data', 'xa-2024', 'report.yaml');
    writeFileSync(report, readFileSync(report, 'utf8').replace(/^  number: ""$/m, '  number: "12"'));
    for (const target of ['2024', 'xa-2024']) expect(cli(ws, ['build', target, '--format', 'docx']).status).toBe(0);
    expect(readdirSync(path.join(ws, 'out')).sort()).toEqual(['2024', 'xa-2024']);
    expect(readdirSync(path.join(ws, 'out', '2024')).sort()).toEqual(['bao-cao-chu-de-nam-2024.docx', 'manifest.json']);
    expect(readdirSync(path.join(ws, 'out', 'xa-2024')).sort()).toEqual(['bao-cao-chu-de-nam-2024-so-12.docx', 'manifest.json']);
    const manifests = ['2024', 'xa-2024'].map((d) => JSON.parse(readFileSync(path.join(ws, 'out', d, 'manifest.json'), 'utf8')) as { data: string });
    expect(manifests.map((m) => m.data)).toEqual(['data/2024', 'data/xa-2024']);
    // Each is up to date on its own: building one again skips, the other's output untouched.
    expect(cli(ws, ['build', 'xa-2024', '--format', 'docx']).stdout).toContain('bỏ qua');
    expect(existsSync(path.join(ws, 'out', '2024', 'bao-cao-chu-de-nam-2024.docx'))).toBe(true);
  });
});

describe('report new <folder> --kind bao-cao', () => {
  it('starts a data folder from the kind\'s starter files: modelines to the schemas, only "__" blanks to fill', () => {
    const ws = workspace();
    const r = cli(ws, ['new', 'xa-q4-2025', '--kind', 'bao-cao']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/đã tạo data\/xa-q4-2025\/ \(loại bao-cao: .*\): noi-dung\.yaml, report\.yaml, \d+ chỗ "__" cần điền/);
    const dir = path.join(ws, 'data', 'xa-q4-2025');
    for (const [file, schema] of [['report.yaml', 'report.schema.json'], ['noi-dung.yaml', 'bao-cao/noi-dung.schema.json']]) {
      const first = readFileSync(path.join(dir, file), 'utf8').split('\n')[0];
      const target = first.replace('# yaml-language-server: $schema=', '');
      expect(path.resolve(dir, target), file).toBe(path.join(ROOT, 'schemas', schema));
    }
    const v = cli(ws, ['validate', 'xa-q4-2025', '--format', 'json']);
    expect(v.status).toBe(1);
    const codes = (JSON.parse(v.stdout) as { code: string }[]).map((d) => d.code);
    expect(codes.length).toBeGreaterThan(10);
    expect(new Set(codes)).toEqual(new Set(['V150']));
    // Never overwrites; an unknown kind is a usage error with a did-you-mean.
    expect(cli(ws, ['new', 'xa-q4-2025', '--kind', 'bao-cao']).status).toBe(2);
    const unknown = cli(ws, ['new', 'khac', '--kind', 'bao-cau']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('có phải "bao-cao"?');
    expect(existsSync(path.join(ws, 'data', 'khac'))).toBe(false);
  });
});
