// A data file written as a folder of parts, through the real CLI: the same generated data as one
// investment.yaml or as investment/01.yaml … 04.yaml validates to the same findings and builds the
// same document; the manifest hashes each part (an unchanged rebuild is skipped, an edited part
// is named and rebuilt); `report new` scaffolds the folder form part by part, each part with its
// modeline; and a 10,000-project investment file (2.4 MB, refused by the old 2 MB limit) loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateData } from '../../scripts/generate.mjs';
import { compile } from '../../src/pipeline/compile.js';
import { docxParagraphs, docxXml, runCli } from '../helpers/outputs.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'baocao-split-'));
  generateData(path.join(work, 'data/2024'), { rows: 300, parts: 4 });
  generateData(path.join(work, 'data/mot-tep'), { rows: 300 });
});
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

/** Diagnostics without the investment file's own path (one file or a folder of parts). */
const findings = (out: string): string[] => out.split('\n').filter((l) => /: (error|warning|note) /.test(l))
  .map((l) => l.replace(/data\/[^/]+\//g, '').replace(/^investment(\.yaml|\/\d+\.yaml):\d+:\d+/, 'investment'))
  .sort();

describe('a data file in parts, end to end', () => {
  it('validates to the same findings as the same data in one file', () => {
    expect(readdirSync(path.join(work, 'data/2024/investment'))).toEqual(['01.yaml', '02.yaml', '03.yaml', '04.yaml']);
    const split = runCli(['validate', '2024'], { cwd: work });
    const single = runCli(['validate', 'mot-tep'], { cwd: work });
    expect(split.status, split.stderr).toBe(0);
    expect(single.status, single.stderr).toBe(0);
    expect(findings(split.stderr + split.stdout)).toEqual(findings(single.stderr + single.stdout));
  });

  it('builds the same document; the manifest lists each part; an edit of one part is named and rebuilt', () => {
    const a = runCli(['build', '2024', '--format', 'docx', '--out', 'out'], { cwd: work });
    const b = runCli(['build', 'mot-tep', '--format', 'docx', '--out', 'out'], { cwd: work });
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const docx = (dir: string) => path.join(work, dir, readdirSync(path.join(work, dir)).find((f) => f.endsWith('.docx'))!);
    const paragraphs = docxParagraphs(docxXml(docx('out/2024')));
    expect(paragraphs).toEqual(docxParagraphs(docxXml(docx('out/mot-tep'))));
    expect(paragraphs.join('\n')).toContain('hạng mục số 30 (lĩnh vực 10)');
    const manifest = JSON.parse(readFileSync(path.join(work, 'out/2024/manifest.json'), 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs).filter((k) => k.startsWith('data/') && k.includes('investment'))).toEqual(
      ['data/2024/investment/01.yaml', 'data/2024/investment/02.yaml', 'data/2024/investment/03.yaml', 'data/2024/investment/04.yaml']);

    const again = runCli(['build', '2024', '--format', 'docx', '--out', 'out'], { cwd: work });
    expect(again.stdout).toMatch(/bỏ qua/);
    const before = statSync(docx('out/2024')).mtimeMs;
    appendFileSync(path.join(work, 'data/2024/investment/03.yaml'), '# sửa\n');
    const check = runCli(['build', '2024', '--format', 'docx', '--out', 'out', '--check'], { cwd: work });
    expect(check.stdout + check.stderr).toContain('data/2024/investment/03.yaml đã sửa');
    const edited = runCli(['build', '2024', '--format', 'docx', '--out', 'out'], { cwd: work });
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).not.toMatch(/bỏ qua/);
    expect(statSync(docx('out/2024')).mtimeMs).toBeGreaterThanOrEqual(before);
  });

  it('report new scaffolds each part into the same folder form, each with its modeline', () => {
    const r = runCli(['new', '2025', '--from', '2024'], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    const dir = path.join(work, 'data/2025/investment');
    expect(readdirSync(dir)).toEqual(['01.yaml', '02.yaml', '03.yaml', '04.yaml']);
    expect(existsSync(path.join(work, 'data/2025/investment.yaml'))).toBe(false);
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f), 'utf8').split('\n')[0], f).toMatch(/^# yaml-language-server: \$schema=/);
    const v = runCli(['validate', '2025'], { cwd: work });
    // The blanks of the new year are listed at the parts that hold them.
    expect(v.stderr).toMatch(/data\/2025\/investment\/04\.yaml:\d+:\d+: error V150/);
  });
});

describe('province scale', () => {
  it('a 10,000-project investment file (2.4 MB) loads and validates', async () => {
    const dir = path.join(work, 'data/10k');
    generateData(dir, { rows: 10_000 });
    expect(statSync(path.join(dir, 'investment.yaml')).size).toBeGreaterThan(2 * 1024 * 1024);
    const c = await compile({ dataDir: dir, cwd: work, skipRender: true });
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const projects = (c.dataset?.raw as { investment?: { areas: { projects?: unknown[] }[] } }).investment?.areas.flatMap((a) => a.projects ?? []);
    const own = readFileSync(path.join(dir, '../2024/investment/01.yaml'), 'utf8').match(/^ {6}- id:/gm)!.length;
    expect(projects?.length).toBe(10_000 + own);
  }, 120_000);
});
