// Issue 13, end to end: the CCHC example's prose figures are linked to the cells of its two
// statistical tables and its totals are declared; `report validate` exits 0 and reports exactly
// the two deliberate faults at their lines — the prose figure that differs from its cell (V312)
// and the total off by one (V310) — while the "trong đó" row outside its total says nothing.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/outputs.js';

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
});
