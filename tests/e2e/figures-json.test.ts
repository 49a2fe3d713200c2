// `summary`, `explain` and `diff` for tools (`--format json`, the shapes README documents), an
// empty `explain` query refused as a usage error, formulas in one unit, figures found by id,
// label or value, ids `<file>:<nearest id>.<name>` and human labels in `summary`, and a diff
// after a paragraph is inserted — with or without an id, into a bao-cao example and into a copy
// of data/2024 — counting the new figures as added, nothing removed or changed.
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
  // A new paragraph with one figure, inserted before the first block of a section; and one
  // without an id before the list of a section whose items have no ids either.
  const file = path.join(work, 'xa-moi', 'noi-dung.yaml');
  const edited = readFileSync(file, 'utf8')
    .replace('            content:\n              - id: lua-mua\n',
      '            content:\n              - id: rau-mau\n                text: Gieo trồng {rau} rau màu các loại.\n                figures:\n                  rau: 35 ha\n              - id: lua-mua\n')
    .replace('        content:\n          - list:\n              - text: Tổ chức khai giảng',
      '        content:\n          - text: Tổ chức {hoiNghi} hội nghị tuyên truyền.\n            figures:\n              hoiNghi: "4"\n          - list:\n              - text: Tổ chức khai giảng');
  expect(edited).toContain('{hoiNghi}');
  writeFileSync(file, edited);
  // data/2024 with a paragraph (no id) inserted at the top of communication.yaml's content.
  cpSync(path.join(ROOT, 'data', '2024'), path.join(work, 'data', '2024-moi'), { recursive: true });
  const communication = path.join(work, 'data', '2024-moi', 'communication.yaml');
  const inserted = readFileSync(communication, 'utf8').replace(/^content:\n/m,
    'content:\n  - text: Tổ chức {conferences} hội nghị quán triệt Chủ đề năm.\n    figures:\n      conferences: 3\n');
  expect(inserted).toContain('{conferences}');
  writeFileSync(communication, inserted);
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

describe('report explain finds a figure by id, id without its file, label or value', () => {
  it.each([
    ['noi-dung:thu-chi.thu', 'noi-dung:thu-chi.thu'],
    ['thu-chi.thu', 'noi-dung:thu-chi.thu'],
    ['Thu ngân sách – Thực hiện 9 tháng', 'noi-dung:bang-thu-chi.thu'],
    ['412,5 ha', 'noi-dung:lua-mua.luaMua'],
    ['gieo cấy', 'noi-dung:lua-mua.luaMua'],
  ])('%s', (query, id) => {
    const r = cli(['explain', 'xa-cu', query, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { figures: FigureJson[] }).figures.map((f) => f.id)).toContain(id);
  });
});

describe('report summary', () => {
  it('shows each figure by its id and a human label: the words around it, not its key', () => {
    const r = cli(['summary', 'xa-cu']);
    expect(r.status, r.stderr).toBe(0);
    const [head, , ...rows] = r.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^Mã\s+Số liệu\s+Giá trị\s+Nguồn gốc\s+Vị trí$/);
    expect(rows.find((l) => l.startsWith('noi-dung:lua-mua.luaMua '))).toMatch(/Toàn xã gieo cấy … lúa vụ mùa\s+412,5 ha\s+dữ liệu/);
    expect(rows.find((l) => l.startsWith('noi-dung:bang-thu-chi.thu '))).toContain('Thu ngân sách – Thực hiện 9 tháng');
    const { figures } = JSON.parse(cli(['summary', '2024', '--format', 'json']).stdout) as { figures: FigureJson[] };
    const segments = figures.find((f) => f.id === 'communication:segments');
    expect(segments?.label).toMatch(/phát sóng … chuyên mục/);
    // No label is a bare key (`segments`, `area`): each has words around the figure or the kind's name.
    for (const f of figures) expect(f.label, f.id).toMatch(/\s/);
  });

  it('ids are <file>:<nearest id>.<name>, never positions', () => {
    const { figures } = JSON.parse(cli(['summary', '2024', '--format', 'json']).stdout) as { figures: FigureJson[] };
    const prose = figures.filter((f) => f.id.includes(':'));
    expect(prose.length).toBeGreaterThan(30);
    for (const f of prose) expect(f.id, f.label).toMatch(/^[a-z-]+:([A-Za-z][\w-]*\.)*[A-Za-z][\w-]*$/);
    // No figure at all is named by a position in a list (`investment.sources.0`, `digital.3.x`).
    expect(figures.map((f) => f.id).filter((id) => /(^|[.:])\d+($|[.#])/.test(id))).toEqual([]);
  });
});

describe('report diff after inserting a paragraph', () => {
  it('the footer counts the new figures as added, none changed or removed', () => {
    const r = cli(['diff', 'xa-cu', 'xa-moi']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 số liệu thay đổi, 2 số liệu thêm mới, 0 số liệu bị bỏ \(bản mới có \d+ số liệu\)$/);
  });

  it('in a copy of data/2024, a paragraph without an id: only its figure is new', () => {
    const r = cli(['diff', '2024', '2024-moi', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { counts: Record<string, number>; changes: { id: string; change: string; new: string | null }[] };
    expect(out.counts).toEqual({ changed: 0, added: 1, removed: 0 });
    expect(out.changes).toEqual([expect.objectContaining({ id: 'communication:conferences', change: 'added', new: '03' })]);
  });

  it('--format json: the counts, and the added figure by its id', () => {
    const r = cli(['diff', 'xa-cu', 'xa-moi', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { before: { spec: string; figures: number }; after: { figures: number }; counts: Record<string, number>; changes: { id: string; change: string; new: string | null }[] };
    expect(out.counts).toEqual({ changed: 0, added: 2, removed: 0 });
    expect(out.after.figures).toBe(out.before.figures + 2);
    expect(out.changes).toEqual([
      expect.objectContaining({ id: 'noi-dung:rau-mau.rau', change: 'added', new: '35 ha' }),
      expect.objectContaining({ id: 'noi-dung:van-hoa-xa-hoi.hoiNghi', change: 'added', new: '04' }),
    ]);
  });
});
