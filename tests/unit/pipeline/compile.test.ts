// The shape of one compile (issue 21: load → validate → aggregate → render, each once; issue 20:
// no work done twice): validation indexes every statistical table and reconciles every prose
// figure linked to cells exactly once, and aggregation prints what validation built — it is
// handed the same analysis with the Dataset instead of indexing and reconciling again. Counted
// on the one method that builds a table and the one that reconciles a link.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { compile } from '../../../src/pipeline/compile.js';
import { TableIndex } from '../../../src/dataset/tables.js';
import { LinkChecks } from '../../../src/dataset/links.js';
import { analyseDataset } from '../../../src/validate/rules/index.js';
import { aggregate } from '../../../src/aggregate/index.js';
import { ROOT, contentFolders } from '../../helpers/content-folder.js';

const folders = contentFolders('baocao-shape-');
afterAll(folders.remove);
afterEach(() => { vi.restoreAllMocks(); });

/** Spies on the table builder and the link reconciler; each call's first argument is the table or figure as written. */
function counters() {
  const builds = vi.spyOn(TableIndex.prototype as unknown as { build: (input: object) => unknown }, 'build');
  const links = vi.spyOn(LinkChecks.prototype, 'reconcile');
  const inputs = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => c[0]);
  return { built: () => inputs(builds), reconciled: () => inputs(links) };
}

const twice = (list: unknown[]) => list.filter((x, i) => list.indexOf(x) !== i);

const TABLE = `
rows:
  - label: Tổng số hồ sơ
    value: "22.143"
    sumOf: children
    rows:
      - { label: Trực tuyến, value: "19.596" }
      - { label: Trực tiếp, value: "2.547" }
  - label: Đã giải quyết
    value: "200"
    sumOf: children
    rows:
      - { label: Đúng hạn, value: "150" }
      - { label: Quá hạn, value: "50" }
`;
// Three linked figures (sameAs, ratioOf, parts) before the table they name; the first disagrees
// (V312, a warning), so the run also shows the outcome reaches both the message and the model.
const PROSE = `
- text: Tiếp nhận {hoSo} hồ sơ, tỷ lệ đúng hạn {tyLe}, giải quyết {daXong} hồ sơ.
  figures:
    hoSo: { value: "22134", sameAs: "bm1[1]" }
    tyLe: { value: "75%", ratioOf: ["bm1[2.1]", "bm1[2]"] }
    daXong: { value: "200", parts: ["bm1[2.1]", "bm1[2.2]"] }`;

describe('one compile builds each table and reconciles each linked figure once', () => {
  it('on a content file: one table, three linked figures, through render', async () => {
    const dir = folders.make(PROSE, TABLE);
    const count = counters();
    const c = await compile({ dataDir: dir, cwd: ROOT });
    expect(c.diagnostics.map((d) => d.code)).toEqual(['V312']);
    expect(c.tree).not.toBeNull();
    expect(count.built()).toHaveLength(1);
    expect(count.reconciled()).toHaveLength(3);
    // The printed figure carries the check the rule reported: one outcome for both.
    const hoSo = c.model!.figures.find((f) => f.id.endsWith('.hoSo'))!;
    expect(hoSo.check).toMatchObject({ agrees: false, computed: '22.143' });
    expect(c.diagnostics[0]!.message).toContain('22.143');
  });

  it('on the CCHC example (tables in two content files, prose linked to their cells)', async () => {
    const count = counters();
    const c = await compile({ dataDir: path.join(ROOT, 'examples/bao-cao-cchc'), cwd: ROOT, skipRender: true });
    expect(c.model).not.toBeNull();
    expect(count.built().length).toBeGreaterThan(1);
    expect(count.reconciled().length).toBeGreaterThan(0);
    expect(twice(count.built())).toEqual([]);
    expect(twice(count.reconciled())).toEqual([]);
  });

  it('reconciles a figure printed twice once, and reports it at each use as the rules always did', async () => {
    const dir = folders.make(PROSE.replace('giải quyết {daXong} hồ sơ.', 'giải quyết {daXong} hồ sơ; tiếp nhận {hoSo}.'), TABLE);
    const count = counters();
    const c = await compile({ dataDir: dir, cwd: ROOT, skipRender: true });
    expect(c.diagnostics.map((d) => d.code)).toEqual(['V312', 'V312']);
    expect(count.reconciled()).toHaveLength(3);
  });

  it('counts what a second pass would do: aggregating on a fresh analysis builds and reconciles again', async () => {
    const dir = folders.make(PROSE, TABLE);
    const c = await compile({ dataDir: dir, cwd: ROOT, skipRender: true });
    const count = counters();
    aggregate(c.dataset!, analyseDataset(c.dataset!));
    expect(count.built()).toHaveLength(1);
    expect(count.reconciled()).toHaveLength(3);
  });
});
