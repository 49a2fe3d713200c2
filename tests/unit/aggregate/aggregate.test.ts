// Aggregate: each computed figure of the 2024 model against the reference report where the
// reference is consistent, and the reference's own inconsistencies as warnings at their lines.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { compile, type Compilation } from '../../../src/pipeline/compile.js';
import { formatFigure, type Figure } from '../../../src/aggregate/index.js';

const root = path.resolve(__dirname, '../../..');
let c: Compilation;
const fig = (id: string): Figure => {
  const f = c.model!.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}; have ${c.model!.figures.map((x) => x.id).join(', ')}`);
  return f;
};

beforeAll(async () => {
  c = await compile({ dataDir: path.join(root, 'data/2024'), cwd: root, skipRender: true });
});

describe('2024 model', () => {
  it('builds without errors', () => {
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.model).not.toBeNull();
  });

  it.each([
    ['investment.area.chinh-trang-do-thi', '59.370 triệu đồng', 'computed'],
    ['investment.area.chuyen-doi-so', '1.870 triệu đồng', 'computed'],
    ['investment.area.nong-thon-moi', '493.227 triệu đồng', 'fact'],
    ['investment.allocated', '554.467 triệu đồng', 'computed'],
    ['gpmb.completed.count', '08', 'computed'],
    ['gpmb.completed.households', '1.668', 'computed'],
    ['gpmb.completed.organisations', '01', 'computed'],
    ['gpmb.completed.area', '118,754 ha', 'computed'],
    ['gpmb.completed.cost', '537,84 tỷ đồng', 'computed'],
    ['ntm.ntm.count', '15', 'computed'],
    ['ntm.nangCao.count', '15', 'computed'],
    ['ntm.kieuMau.count', '09', 'computed'],
    ['ntm.ntm.share', '100%', 'computed'],
    ['ntm.kieuMau.share', '60%', 'computed'],
    ['ntm.model.communeCount', '04', 'computed'],
  ])('%s = %s (%s)', (id, printed, origin) => {
    expect(formatFigure(fig(id))).toBe(printed);
    expect(fig(id).origin).toBe(origin);
  });

  it('checks stated figures that agree with their parts (land donated, rounded as stated)', () => {
    for (const commune of ['quoc-tuan', 'an-thai', 'my-duc', 'an-tho']) {
      const f = fig(`ntm.model.${commune}.land.total`);
      expect(f.check?.agrees, commune).toBe(true);
    }
    expect(formatFigure(fig('ntm.model.quoc-tuan.land.total'))).toBe('8.948 m²');
    expect(fig('ntm.model.quoc-tuan.land.total').check?.computed).toBe('8.947,7 m²');
    expect(fig('gpmb.completed.count').check?.agrees).toBe(true);
    expect(fig('ntm.kieuMau.share').check?.agrees).toBe(true);
  });

  it('prints the approved plan total and checks its sources against it', () => {
    const total = fig('investment.total');
    expect(formatFigure(total)).toBe('676.373 triệu đồng');
    expect(total.check).toMatchObject({ computed: '674.993 triệu đồng', agrees: false, printed: 'stated' });
  });

  it('keeps the provenance of a computed figure: the rows and their lines', () => {
    const f = fig('investment.area.chinh-trang-do-thi');
    expect(f.formula).toBe('Tổng 2 dự án: 11.700 + 47.670 triệu đồng');
    expect(f.sources.map((s) => `${s.file}:${s.line}`)).toEqual(['data/2024/investment.yaml:20', 'data/2024/investment.yaml:24', 'data/2024/investment.yaml:15']);
  });

  it('lists the kiểu mẫu communes from the register', () => {
    expect(formatFigure(fig('ntm.kieuMau.units'))).toBe('Tân Dân, Chiến Thắng, An Thắng, An Tiến, Bát Trang, Quốc Tuấn, An Thái, An Thọ, Mỹ Đức');
  });

  it('finds exactly the reference report\'s own faults, as warnings at their lines', () => {
    const found = c.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}`).sort();
    expect(found).toEqual([
      'warning V204 data/2024/digital.yaml:168',
      'warning V301 data/2024/communes.yaml:39',
      'warning V301 data/2024/communes.yaml:40',
      'warning V301 data/2024/investment.yaml:6',
      'warning V304 data/2024/urban.yaml:89',
      // Decree 30's Nơi nhận rules: no "Như trên" first, and a bare "Lưu: VT.".
      'warning V650 data/2024/report.yaml:31',
      'warning V652 data/2024/report.yaml:39',
    ]);
    const messages = c.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('487.284 triệu đồng');
    expect(messages).toContain('khác tổng các thành phần 84');
    expect(messages).toContain('674.993 triệu đồng');
    expect(messages).toContain('"Thường Thọ"');
    expect(messages).toContain('34,86 ha khác diện tích 34,39 ha');
  });

  it('resolves a stated misspelling to the register name', () => {
    const converted = c.model!.figures.find((f) => f.kind === 'units' && f.names.includes('Bát Trang') && f.names.length === 4);
    expect(converted && formatFigure(converted)).toBe('Bát Trang, Trường Thọ, thị trấn Trường Sơn, thị trấn An Lão');
  });

  it('gives every figure a unique id', () => {
    const ids = c.model!.figures.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The registry suffixes a second registration with #2: each figure is made once.
    expect(ids.filter((id) => id.includes('#'))).toEqual([]);
  });
});
