// A data file written as a folder of parts (`investment/*.yaml`): read in file-name order as one
// file — top-level lists continue, every other field in one part — with positions inside the
// part that holds each value, ids unique across parts, and each mistake a clear diagnostic.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSources, positionOf, keyPositionOf } from '../../../src/load/index.js';

const temps: string[] = [];
afterAll(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-parts-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const MODELINE = '# yaml-language-server: $schema=../../../schemas/chu-de-nam/investment.schema.json\n';
const part1 = `${MODELINE}plan:\n  total: 10 triệu đồng\nareas:\n  - id: a\n    projects:\n      - id: p1\n        name: Một\n`;
const part2 = `${MODELINE}areas:\n  - id: b\n    projects:\n      - id: p2\n        name: Hai\n      - id: p3\n        name: Ba\n`;

describe('a data file in parts', () => {
  it('reads the parts in file-name order as one file; positions point into the part', async () => {
    const dir = folder({ 'investment/02-sau.yaml': part2, 'investment/01-dau.yaml': part1, 'report.yaml': 'year: "2024"\n' });
    const r = await loadSources(dir, dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.split).toEqual(['investment']);
    expect(r.value.map((f) => f.name)).toEqual(['investment', 'report']);
    const inv = r.value[0];
    expect(inv.path).toBe('investment');
    expect(inv.data).toEqual({
      plan: { total: '10 triệu đồng' },
      areas: [{ id: 'a', projects: [{ id: 'p1', name: 'Một' }] }, { id: 'b', projects: [{ id: 'p2', name: 'Hai' }, { id: 'p3', name: 'Ba' }] }],
    });
    expect(positionOf(inv, '/plan/total')).toEqual({ file: 'investment/01-dau.yaml', line: 3, column: 10 });
    expect(positionOf(inv, '/areas/0/projects/0/name')).toEqual({ file: 'investment/01-dau.yaml', line: 8, column: 15 });
    expect(positionOf(inv, '/areas/1/projects/1/name')).toEqual({ file: 'investment/02-sau.yaml', line: 8, column: 15 });
    expect(keyPositionOf(inv, '/areas/1', 'projects')).toEqual({ file: 'investment/02-sau.yaml', line: 4, column: 5 });
    expect(positionOf(inv, '/areas/7')).toEqual({ file: 'investment/02-sau.yaml', line: 3, column: 3 });
    expect(positionOf(inv, '/nothing')).toEqual({ file: 'investment/01-dau.yaml', line: 2, column: 1 });
  });

  it('the same data as one file or in parts loads to equal values', async () => {
    const single = folder({ 'investment.yaml': part1 + part2.replace(MODELINE, '').replace('areas:\n', '') });
    const split = folder({ 'investment/1.yaml': part1, 'investment/2.yaml': part2 });
    expect((await loadSources(split, split)).value[0].data).toEqual((await loadSources(single, single)).value[0].data);
  });

  it('a field other than a list written in two parts is L060, at the later key, naming the first part', async () => {
    const dir = folder({ 'investment/1.yaml': part1, 'investment/2.yaml': `${MODELINE}plan:\n  total: 11 triệu đồng\n` });
    const r = await loadSources(dir, dir);
    expect(r.value).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['L060', 'investment/2.yaml', 2, 1]]);
    expect(r.diagnostics[0].message).toContain('investment/1.yaml');
  });

  it('an id used in two parts is L061 at the later one, naming the first place', async () => {
    const dir = folder({ 'investment/1.yaml': part1, 'investment/2.yaml': part2.replace('id: p3', 'id: p1') });
    const r = await loadSources(dir, dir);
    expect(r.value).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['L061', 'investment/2.yaml', 7, 13]]);
    expect(r.diagnostics[0].message).toContain('investment/1.yaml:7:13');
  });

  it('the same id within one part, or for records at different places of the tree, is not L061', async () => {
    const dir = folder({ 'investment/1.yaml': part1, 'investment/2.yaml': part2.replace('id: b', 'id: p1') });
    expect((await loadSources(dir, dir)).diagnostics).toEqual([]);
  });

  it('both investment.yaml and investment/ is L062; the folder is ignored', async () => {
    const dir = folder({ 'investment.yaml': part1, 'investment/1.yaml': part2 });
    const r = await loadSources(dir, dir);
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([['L062', 'investment/1.yaml']]);
    expect(r.value.map((f) => f.path)).toEqual(['investment.yaml']);
  });

  it('a part that fails leaves the whole file out, its error at the part', async () => {
    const dir = folder({ 'investment/1.yaml': part1, 'investment/2.yaml': 'areas:\n  - id: "b\n' });
    const r = await loadSources(dir, dir);
    expect(r.value).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([['L004', 'investment/2.yaml']]);
  });

  it('a sub-folder without YAML files (spreadsheets, notes) is not a data file', async () => {
    const dir = folder({ 'bang-tinh/ghi-chu.txt': 'x', 'report.yaml': 'year: "2024"\n' });
    const r = await loadSources(dir, dir);
    expect(r.split).toEqual([]);
    expect(r.value.map((f) => f.name)).toEqual(['report']);
  });

  it('the size limit hint names the folder form', async () => {
    const { MAX_FILE_BYTES } = await import('../../../src/load/index.js');
    const dir = folder({ 'investment.yaml': `a: ${'x'.repeat(MAX_FILE_BYTES)}\n` });
    const r = await loadSources(dir, dir);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['L003']);
    expect(r.diagnostics[0].hint).toContain('investment/01.yaml');
    expect(readFileSync(path.join(dir, 'investment.yaml')).length).toBeGreaterThan(MAX_FILE_BYTES);
  });
});
