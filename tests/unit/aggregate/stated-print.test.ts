// print: stated|computed chooses the printed number everywhere — here the theme report's area
// allocations (22.143 stated against 19.596 + 2.548 = 22.144: a warning of 1, and print: stated
// prints 22.143) — and a prose figure may name a cell of a table in a LATER content file of
// the same report, checked as one in the same file.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '../../../src/pipeline/compile.js';
import { formatFigure } from '../../../src/aggregate/index.js';

const root = path.resolve(__dirname, '../../..');
const base = mkdtempSync(path.join(tmpdir(), 'baocao-print-'));
let n = 0;
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** data/2024 with the digital area's allocation written as `allocation` and its projects 19.596 + 2.548. */
async function theme(allocation: string) {
  const dir = path.join(base, `t${++n}`);
  cpSync(path.join(root, 'data/2024'), dir, { recursive: true });
  const file = path.join(dir, 'investment.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('    allocation: 1.870 triệu đồng', `    allocation: ${allocation}`)
    .replace('        allocation: 1.000 triệu đồng', '        allocation: 19.596 triệu đồng')
    .replace('        allocation: 870 triệu đồng', '        allocation: 2.548 triệu đồng');
  writeFileSync(file, text);
  const c = await compile({ dataDir: dir, cwd: root, skipRender: true });
  const fig = (id: string) => c.model!.figures.find((f) => f.id === id)!;
  const v301 = c.diagnostics.filter((d) => d.code === 'V301' && d.message.startsWith('Vốn phân bổ: Chuyển đổi số'));
  return { c, fig, v301 };
}

describe('print: stated|computed on the theme report\'s area allocations', () => {
  it('warns of 1 at printed precision and prints the stated 22.143 with print: stated', async () => {
    const r = await theme('{ stated: 22.143 triệu đồng, print: stated }');
    expect(r.c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.v301).toHaveLength(1);
    expect(r.v301[0]!.message).toMatch(/22\.143 triệu đồng.*22\.144 triệu đồng.*\+1\b.*số đã nêu/);
    const f = r.fig('investment.area.chuyen-doi-so');
    expect(formatFigure(f)).toBe('22.143 triệu đồng');
    expect(f.origin).toBe('stated');
    expect(f.check).toMatchObject({ stated: '22.143 triệu đồng', computed: '22.144 triệu đồng', agrees: false, printed: 'stated' });
    // The sum of the areas adds the printed allocation, not the computed one.
    expect(formatFigure(r.fig('investment.allocated'))).toBe('574.740 triệu đồng');
  });

  it('prints the computed 22.144 with print: computed (and by default for a plain value)', async () => {
    for (const written of ['{ stated: 22.143 triệu đồng, print: computed }', '22.143 triệu đồng']) {
      const r = await theme(written);
      expect(r.v301, written).toHaveLength(1);
      expect(formatFigure(r.fig('investment.area.chuyen-doi-so')), written).toBe('22.144 triệu đồng');
    }
  });
});

describe('a prose figure naming a cell of a later content file', () => {
  /** An agency kind with two content files, the prose in the first and the table in the second. */
  async function twoFiles(figure: string) {
    const dir = path.join(base, `f${++n}`);
    const kinds = path.join(dir, 'templates', 'hai-tep');
    const data = path.join(dir, 'data');
    mkdirSync(kinds, { recursive: true });
    mkdirSync(data);
    writeFileSync(path.join(kinds, 'kind.yaml'), [
      'name: hai-tep', 'title: Hai tệp nội dung', 'documentType: Báo cáo',
      `schemas: ${JSON.stringify(path.join(root, 'schemas/bao-cao'))}`,
      'files:', '  noi-dung: { title: Nội dung, required: true, content: true }',
      '  phu-luc: { title: Phụ lục, required: true, content: true, schema: noi-dung.schema.json }', '',
    ].join('\n'));
    cpSync(path.join(root, 'templates/bao-cao/main.hbs'), path.join(kinds, 'main.hbs'));
    const report = readFileSync(path.join(root, 'examples/bao-cao-cchc/report.yaml'), 'utf8').replace(/^kind: .*$/m, 'kind: hai-tep');
    writeFileSync(path.join(data, 'report.yaml'), report);
    writeFileSync(path.join(data, 'noi-dung.yaml'), [
      'sections:', '  - title: KẾT QUẢ', '    content:',
      '      - text: Tiếp nhận {hoSo} hồ sơ.', '        figures:', `          hoSo: ${figure}`, '',
    ].join('\n'));
    writeFileSync(path.join(data, 'phu-luc.yaml'), [
      'appendices:', '  - title: [BIỂU]', '    content:', '      - id: bm1', '        statTable:', '          rows:',
      '            - { label: Tổng số hồ sơ, value: "22.143" }', '',
    ].join('\n'));
    const c = await compile({ dataDir: data, cwd: dir, templatesDir: path.join(dir, 'templates'), skipRender: true });
    return c;
  }

  it('resolves and agrees', async () => {
    const c = await twoFiles('{ value: "22143", sameAs: "bm1[1]" }');
    expect(c.diagnostics.map((d) => d.code)).toEqual([]);
    const f = c.model!.figures.find((x) => x.id.endsWith('.hoSo'))!;
    expect(f.check?.agrees).toBe(true);
    expect(f.sources.map((s) => `${path.basename(s.file)}:${s.line}`)).toEqual(['noi-dung.yaml:6', 'phu-luc.yaml:7']);
  });

  it('warns at the prose figure, naming the cell in the later file', async () => {
    const c = await twoFiles('{ value: "22134", sameAs: "bm1[1]" }');
    expect(c.diagnostics.map((d) => `${d.code} ${path.basename(d.file)}:${d.line}`)).toEqual(['V312 noi-dung.yaml:6']);
    expect(c.diagnostics[0]!.message).toMatch(/bm1\[1\] = 22\.143.*phu-luc\.yaml:7/);
    expect(c.diagnostics[0]!.related?.map((r) => `${path.basename(r.file)}:${r.line}`)).toEqual(['phu-luc.yaml:7']);
  });
});
