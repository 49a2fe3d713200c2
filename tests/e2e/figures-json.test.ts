// `summary`, `explain` and `diff` for tools (`--format json`, the shapes README documents), an
// empty `explain` query refused as a usage error, formulas in one unit, and a diff after a
// paragraph is inserted into a bao-cao example counting the new figures as added, nothing else.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/outputs.js';

interface FigureJson { id: string; label: string; kind: string; value: string; origin: string; formula: string | null; check: unknown; sources: { file: string; line: number; column: number }[] }
let work: string;
const cli = (args: string[]) => runCli(args, { cwd: work });

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'baocao-json-'));
  cpSync(path.join(ROOT, 'data', '2024'), path.join(work, 'data', '2024'), { recursive: true });
  const example = path.join(ROOT, 'examples', 'xa-tien-thang-q3-2025');
  cpSync(example, path.join(work, 'xa-cu'), { recursive: true });
  cpSync(example, path.join(work, 'xa-moi'), { recursive: true });
  // A new paragraph with one figure, inserted before the first block of a section.
  const file = path.join(work, 'xa-moi', 'noi-dung.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('            content:\n              - id: lua-mua\n',
    '            content:\n              - id: rau-mau\n                text: Gieo trồng {rau} rau màu các loại.\n                figures:\n                  rau: 35 ha\n              - id: lua-mua\n'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('report explain', () => {
  it('refuses an empty query as a usage error (exit 2), naming what to give', () => {
    for (const q of ['', '   ']) {
      const r = cli(['explain', '2024', q]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('cần nêu số liệu cần giải thích');
      expect(r.stdout).toBe('');
    }
  });

  it('prints a sum of terms the data wrote in tỷ and in triệu in one unit', () => {
    const r = cli(['explain', '2024', 'investment.area.chinh-trang-do-thi']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cách tính: Tổng 2 dự án: 11\.700 \+ 47\.670 triệu đồng$/m);
  });

  it('--format json: the query and the figures found, with value, formula, check and sources', () => {
    const r = cli(['explain', '2024', 'investment.total', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { query: string; figures: FigureJson[] };
    expect(out.query).toBe('investment.total');
    expect(out.figures).toHaveLength(1);
    const [f] = out.figures;
    expect(f).toMatchObject({ id: 'investment.total', kind: 'money', value: '676.373 triệu đồng', origin: 'stated', formula: 'Tổng 2 nguồn vốn: 181.766 + 493.227 triệu đồng' });
    expect(f!.check).toMatchObject({ stated: '676.373 triệu đồng', agrees: false });
    expect(f!.sources[0]).toMatchObject({ file: 'data/2024/investment.yaml' });
    expect(f!.sources[0]!.line).toBeGreaterThan(0);
  });
});

describe('report summary --format json', () => {
  it('lists every figure of the model with the same shape as explain', () => {
    const r = cli(['summary', '2024', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const { figures } = JSON.parse(r.stdout) as { figures: FigureJson[] };
    expect(figures.length).toBeGreaterThan(100);
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
    expect(figures.find((f) => f.id === 'investment.allocated')).toMatchObject({ value: '554.467 triệu đồng', origin: 'computed' });
    for (const f of figures) expect(Object.keys(f)).toEqual(['id', 'label', 'kind', 'value', 'origin', 'formula', 'check', 'sources']);
  });
});

describe('report diff after inserting a paragraph', () => {
  it('the footer counts the new figure as added, none changed or removed', () => {
    const r = cli(['diff', 'xa-cu', 'xa-moi']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 số liệu thay đổi, 1 số liệu thêm mới, 0 số liệu bị bỏ \(bản mới có \d+ số liệu\)$/);
  });

  it('--format json: the counts, and the added figure by its id', () => {
    const r = cli(['diff', 'xa-cu', 'xa-moi', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { before: { spec: string; figures: number }; after: { figures: number }; counts: Record<string, number>; changes: { id: string; change: string; new: string | null }[] };
    expect(out.counts).toEqual({ changed: 0, added: 1, removed: 0 });
    expect(out.after.figures).toBe(out.before.figures + 1);
    expect(out.changes).toEqual([expect.objectContaining({ id: 'noi-dung.ket-qua.kinh-te.nong-nghiep.rau-mau.rau', change: 'added', new: '35 ha' })]);
  });
});
