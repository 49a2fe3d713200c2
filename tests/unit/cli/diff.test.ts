// Figure diffs on small hand-made models: matching by id, what counts as a change, the
// difference printed per kind, and the table / Markdown renderings.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/aggregate/index.js';
import { toExact } from '../../../src/numbers/index.js';
import { diffFigures, difference, formatDiffJson, formatDiffMarkdown, formatDiffTable, formatSources } from '../../../src/diff/figures.js';

const at = (line: number, file = 'data/2024/investment.yaml') => ({ file, line, column: 5, label: '' });
const money = (id: string, amount: string, unit: 'triệu' | 'tỷ' = 'triệu', extra: Partial<Figure> = {}): Figure =>
  ({ id, label: `Vốn ${id}`, origin: 'fact', sources: [at(20)], kind: 'money', money: { kind: 'money', amount: toExact(amount), unit }, ...extra }) as Figure;
const count = (id: string, n: number): Figure => ({ id, label: id, origin: 'computed', sources: [at(3, 'data/2024/communes.yaml')], kind: 'count', n: toExact(n) }) as Figure;

describe('diffFigures', () => {
  it('reports only figures whose value changed, in the new model\'s order', () => {
    const before = [money('a', '11700'), money('b', '59370'), count('c', 15)];
    const after = [money('a', '12700'), money('b', '59370'), count('c', 15)];
    const d = diffFigures(before, after);
    expect(d.changes).toEqual([
      { id: 'a', label: 'Vốn a', change: 'changed', old: '11.700 triệu đồng', new: '12.700 triệu đồng', difference: '+1.000 triệu đồng', sources: [at(20)] },
    ]);
    expect(d.before).toBe(3);
    expect(d.after).toBe(3);
  });

  it('added and removed figures', () => {
    const d = diffFigures([money('a', '1'), count('gone', 2)], [money('a', '1'), count('new', 3)]);
    expect(d.changes.map((c) => [c.id, c.change, c.old, c.new])).toEqual([
      ['new', 'added', undefined, '03'],
      ['gone', 'removed', '02', undefined],
    ]);
  });

  it('a stated figure whose parts changed shows the computed total, though the printed value did not move', () => {
    const stated = (computed: string) => money('area', '59370', 'triệu', {
      origin: 'stated', check: { stated: '59.370 triệu đồng', computed, agrees: computed === '59.370 triệu đồng', printed: 'stated' },
    });
    const d = diffFigures([stated('59.370 triệu đồng')], [stated('60.370 triệu đồng')]);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ old: '59.370 triệu đồng', new: '59.370 triệu đồng (tính: 60.370 triệu đồng)', difference: undefined });
    // Adding a stated twin that agrees is no change.
    expect(diffFigures([count('c', 4)], [{ ...count('c', 4), check: { stated: '04', computed: '04', agrees: true, printed: 'stated' } } as Figure]).changes).toEqual([]);
  });
});

describe('difference', () => {
  it('money in the new unit, area, counts, percentage points, fractions, unit lists', () => {
    expect(difference(money('x', '1500'), money('x', '1.2', 'tỷ'))).toBe('-0,3 tỷ đồng');
    expect(difference(money('x', '1000'), money('x', '1', 'tỷ'))).toBe('±0 tỷ đồng');
    const area = (a: string, unit: 'ha' | 'm2') => ({ kind: 'area', area: { kind: 'area', amount: toExact(a), unit } }) as Figure;
    expect(difference(area('1.5', 'ha'), area('20000', 'm2'))).toBe('+5.000 m²');
    expect(difference(count('c', 15), count('c', 12))).toBe('-3');
    const pct = (n: string) => ({ kind: 'percent', n: toExact(n) }) as Figure;
    expect(difference(pct('60'), pct('66.67'))).toBe('+6,67 điểm %');
    const frac = (p: number, w: number) => ({ kind: 'fraction', part: toExact(p), whole: toExact(w) }) as Figure;
    expect(difference(frac(15, 17), frac(16, 17))).toBe('+1/17');
    expect(difference(frac(15, 17), frac(15, 18))).toBeUndefined();
    const units = (...names: string[]) => ({ kind: 'units', names }) as Figure;
    expect(difference(units('An Thái', 'An Thọ'), units('An Thọ', 'Mỹ Đức'))).toBe('+Mỹ Đức, −An Thái');
  });
});

describe('rendering', () => {
  const d = diffFigures([money('investment.project.x', '11700')], [money('investment.project.x', '12700')]);

  it('sources grouped by file, lines sorted and capped', () => {
    expect(formatSources([at(24), at(20), at(20), at(3, 'data/2024/report.yaml')])).toBe('data/2024/investment.yaml:20, 24; data/2024/report.yaml:3');
    expect(formatSources([1, 2, 3, 4, 5].map((n) => at(n)), 3)).toBe('data/2024/investment.yaml:1, 2, 3, … (+2)');
  });

  it('a terminal table', () => {
    const t = formatDiffTable(d, { before: 'HEAD~1:2024', after: '2024' }).split('\n');
    expect(t[0]).toBe('So sánh số liệu: HEAD~1:2024 (cũ) → 2024 (mới)');
    expect(t[2]).toMatch(/^Số liệu\s+Cũ\s+Mới\s+Chênh lệch\s+Dòng dữ liệu$/);
    expect(t[4]).toMatch(/^Vốn investment\.project\.x\s+11\.700 triệu đồng\s+12\.700 triệu đồng\s+\+1\.000 triệu đồng\s+data\/2024\/investment\.yaml:20$/);
    expect(t.at(-1)).toBe('1 số liệu thay đổi, 0 số liệu thêm mới, 0 số liệu bị bỏ (bản mới có 1 số liệu)');
    expect(formatDiffTable(diffFigures([], []), { before: 'a', after: 'b' })).toContain('Không có số liệu nào thay đổi');
  });

  it('the footer counts changed, added and removed figures apart; JSON carries the same counts', () => {
    const mixed = diffFigures([money('a', '1'), money('gone', '5'), money('same', '7')], [money('a', '2'), money('new1', '3'), money('new2', '4'), money('same', '7')]);
    expect(formatDiffTable(mixed, { before: 'a', after: 'b' }).split('\n').at(-1)).toBe('1 số liệu thay đổi, 2 số liệu thêm mới, 1 số liệu bị bỏ (bản mới có 4 số liệu)');
    expect(formatDiffTable(mixed, { before: 'a', after: 'b' }, 'en').split('\n').at(-1)).toBe('1 figure(s) changed, 2 added, 1 removed (4 figures in the new version)');
    expect(formatDiffMarkdown(mixed, { before: 'a', after: 'b' })).toContain('1 số liệu thay đổi, 2 số liệu thêm mới, 1 số liệu bị bỏ');
    const json = JSON.parse(formatDiffJson(mixed, { before: 'a', after: 'b' })) as Record<string, unknown>;
    expect(json.counts).toEqual({ changed: 1, added: 2, removed: 1 });
    expect(json.before).toEqual({ spec: 'a', figures: 3 });
    expect((json.changes as { id: string; change: string; old: string | null }[]).map((c) => [c.id, c.change, c.old]))
      .toEqual([['a', 'changed', '1 triệu đồng'], ['new1', 'added', null], ['new2', 'added', null], ['gone', 'removed', '5 triệu đồng']]);
  });

  it('Markdown with escaped cells', () => {
    const piped = diffFigures([money('p', '1', 'triệu', { label: 'A | B' })], [money('p', '2', 'triệu', { label: 'A | B' })]);
    const md = formatDiffMarkdown(piped, { before: 'origin/main:2024', after: '2024' });
    expect(md).toContain('#### Số liệu thay đổi: `origin/main:2024` → `2024`');
    expect(md).toContain('| A \\| B<br><sub>`p`</sub> | 1 triệu đồng | 2 triệu đồng | +1 triệu đồng | `data/2024/investment.yaml:20` |');
  });
});
