// The data rules as one stage over the typed Dataset (validate/rules/): the 2024 theme report's
// own faults found by the rules alone, the same findings whichever kind of file is missing
// (a partial dataset: a rule that needs the missing file stays silent), and aggregation that
// reports nothing — it returns the model only, built from the same numbers the rules checked.
// (The token grammar both stages read: tests/unit/dataset/tokens.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { compile, type Compilation } from '../../../../src/pipeline/compile.js';
import { analyseDataset, checkDataset } from '../../../../src/validate/rules/index.js';
import { aggregate, formatFigure } from '../../../../src/aggregate/index.js';
import { kindCode } from '../../../../src/kinds/code.js';
import type { Dataset } from '../../../../src/dataset/types.js';

const root = path.resolve(__dirname, '../../../..');
const theme = kindCode('chu-de-nam')!;
let c: Compilation;
const codes = (list: { code: string; file: string; line: number }[]) => list.map((d) => `${d.code} ${path.basename(d.file)}:${d.line}`).sort();

beforeAll(async () => {
  c = await compile({ dataDir: path.join(root, 'data/2024'), cwd: root, skipRender: true });
});

describe('checkDataset on the 2024 theme report', () => {
  it('finds exactly what the whole pipeline reports after the schemas (the reference report\'s own faults)', () => {
    const found = checkDataset(c.dataset!, theme.rules, c.sources);
    expect(found.length).toBeGreaterThan(0);
    const pipelineRules = c.diagnostics.filter((d) => /^V[2-4]/.test(d.code));
    expect(codes(found)).toEqual(codes(pipelineRules));
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('stays silent about names when the register file is missing (no cascade), and still checks the rest', () => {
    const partial: Dataset = { ...c.dataset!, incomplete: ['communes'] } as Dataset;
    const data = partial as Dataset & { communes?: unknown };
    delete data.communes;
    const found = checkDataset(data, theme.rules, c.sources);
    expect(found.filter((d) => d.code === 'V203' || d.code === 'V204')).toEqual([]);
    // The investment and land-clearance rules still run on their sound files.
    expect(found.some((d) => d.code === 'V301' && d.file.endsWith('investment.yaml'))).toBe(true);
  });

  it('reports a project named from another file that investment.yaml lacks, unless investment.yaml failed', () => {
    type Case = { at: unknown; projectId?: { id: string; at: unknown } };
    const base = c.dataset! as Dataset & { landClearance: { cases: Case[] } };
    const cases = base.landClearance.cases.map((x, i) => (i === 0 ? { ...x, projectId: { id: 'khong-co', at: x.at } } : x));
    const d = { ...base, landClearance: { ...base.landClearance, cases } } as Dataset;
    expect(checkDataset(d, theme.rules, c.sources).map((x) => x.code)).toContain('V208');
    const missing = { ...d, incomplete: ['investment'] } as Dataset;
    expect(checkDataset(missing, theme.rules, c.sources).map((x) => x.code)).not.toContain('V208');
  });
});

describe('aggregate only computes', () => {
  it('returns the model and no diagnostics; a checked figure prints the number the rule compared', () => {
    const model = aggregate(c.dataset!, analyseDataset(c.dataset!, theme.rules), {}, theme.model);
    expect(Object.keys(model)).not.toContain('diagnostics');
    const total = model.figures.find((f) => f.id === 'investment.total')!;
    expect(formatFigure(total)).toBe('676.373 triệu đồng');
    expect(total.check).toMatchObject({ agrees: false, computed: '674.993 triệu đồng', printed: 'stated' });
    const warning = checkDataset(c.dataset!, theme.rules, c.sources).find((d) => d.code === 'V301' && d.message.startsWith('Tổng kế hoạch'))!;
    expect(warning.message).toContain(total.check!.computed);
  });
});
