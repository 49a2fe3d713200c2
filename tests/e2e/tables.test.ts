// Issue 13, end to end: the CCHC example's prose figures are linked to the cells of its two
// statistical tables and its totals are declared; `report validate` exits 0 and reports exactly
// the two deliberate faults at their lines — the prose figure that differs from its cell (V312)
// and the total off by one (V310) — while the "trong đó" row outside its total says nothing; the
// four detailed tables of phu-luc.yaml (Phụ lục II) are all consistent and add no warning.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfPages, runCli } from '../helpers/outputs.js';
import { itWithTool } from '../helpers/tools.js';
import { compile } from '../../src/pipeline/compile.js';
import type { Block, Table } from '../../src/doctree/types.js';

const FILE = 'examples/bao-cao-cchc/noi-dung.yaml';

describe('examples/bao-cao-cchc', () => {
  it('validates with exactly the two warnings of its faults, at their file:line', () => {
    const r = runCli(['validate', 'examples/bao-cao-cchc', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const found = (JSON.parse(r.stdout) as { code: string; severity: string; file: string; line: number; column: number; message: string }[]);
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ['V312', 'warning', FILE, 59, 30],
      ['V310', 'warning', FILE, 142, 22],
    ]);
    // Both values and the difference; the prose figure names the cell's own line.
    expect(found[0]!.message).toContain('412.350');
    expect(found[0]!.message).toContain(`bm1[4] = 412.530 (tại ${FILE}:134)`);
    expect(found[0]!.message).toContain('+180');
    expect(found[1]!.message).toContain('409.876');
    expect(found[1]!.message).toContain('409.875');
    expect(found[1]!.message).toContain('-1');
    // The cell is also a second position of the diagnostic, for tools.
    expect((found[0] as unknown as { related: unknown }).related).toEqual([{ file: FILE, line: 134, column: 22, label: 'ô bm1[4]' }]);
  });

  it('shows the same positions in the text format', () => {
    const r = runCli(['validate', 'examples/bao-cao-cchc']);
    expect(r.status).toBe(0);
    const lines = (r.stdout + r.stderr).split('\n').filter((l) => / (warning|error) /.test(l));
    expect(lines.map((l) => l.split(': ')[0])).toEqual([`${FILE}:59:30`, `${FILE}:142:22`]);
    expect(r.stdout + r.stderr).toContain(`    xem: ${FILE}:134:22 (ô bm1[4])`);
  });

  it('names the cell in GitHub annotations too', () => {
    const r = runCli(['validate', 'examples/bao-cao-cchc', '--format', 'github']);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toContain(`%0Axem ${FILE}:134:22 (ô bm1[4])`);
  });

  it('has two Phụ lục numbered I and II (noi-dung.yaml, then phu-luc.yaml), six biểu, four of them of 20+ rows, one in two parts', async () => {
    const root = path.resolve(__dirname, '../..');
    const c = await compile({ dataDir: path.join(root, 'examples/bao-cao-cchc'), cwd: root });
    const blocks: Block[] = [];
    const walk = (list: readonly Block[]) => list.forEach((b) => { blocks.push(b); if ('children' in b && b.type !== 'table' && b.type !== 'paragraph' && b.type !== 'heading') walk(b.children as Block[]); });
    walk(c.tree!.children);
    expect(blocks.filter((b) => b.type === 'appendixHeading').map((b) => (b as { label: string }).label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    const tables = blocks.filter((b): b is Table => b.type === 'table');
    const byCaption = new Map<string, number>();
    for (const t of tables) byCaption.set(t.caption!, (byCaption.get(t.caption!) ?? 0) + t.children.filter((r) => r.kind !== 'header').length);
    expect([...byCaption.keys()].map((k) => k.slice(0, 11))).toEqual(['Biểu mẫu 1.', 'Biểu mẫu 2.', 'Biểu mẫu 3.', 'Biểu mẫu 4.', 'Biểu mẫu 5.', 'Biểu mẫu 6.']);
    expect([...byCaption.values()].filter((rows) => rows >= 20).length).toBeGreaterThanOrEqual(4);
    expect(tables.filter((t) => t.part).map((t) => t.part)).toEqual(['Phần I. Dịch vụ công trực tuyến', 'Phần II. Hạ tầng và ứng dụng công nghệ thông tin']);
  });

  // Biểu mẫu 5's note merged over rows 1–1.2 starts on the first body row, which pdfmake lays out
  // with the header rows in one unbreakable block: the merge printed there must count as printed.
  itWithTool('pdftotext')('prints a merged note once when its rows stay on one page, even on the first body row', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'baocao-merge-'));
    const r = runCli(['build', 'examples/bao-cao-cchc', '--out', out, '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    const dir = path.join(out, 'bao-cao-cchc');
    const text = pdfPages(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!)).join('\n');
    expect(text.match(/Trong biên chế được/g)).toHaveLength(1);
  });
});
