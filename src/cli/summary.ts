/**
 * `report summary <year>`: the model as a terminal table — each figure's printed value, whether
 * it was computed, stated or read as a fact, and the file:line it came from.
 */
import { formatFigure, type Figure } from '../aggregate/index.js';
import { compileYear, report, type GlobalOptions } from './run.js';

const ORIGIN = { computed: 'tính', stated: 'đã nêu', fact: 'dữ liệu' } as const;

function width(s: string): number {
  return [...s.normalize('NFC')].length;
}
function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}
function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}

export function summaryTable(figures: Figure[]): string {
  const rows = figures
    .filter((f) => f.origin !== 'fact' || f.check)
    .map((f) => [clip(f.label, 60), formatFigure(f), ORIGIN[f.origin] + (f.check && !f.check.agrees ? ` ≠ ${f.check.computed}` : ''), f.sources[0] ? `${f.sources[0].file}:${f.sources[0].line}` : '']);
  const head = ['Số liệu', 'Giá trị', 'Nguồn gốc', 'Vị trí'];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function summaryCommand(year: string, opts: GlobalOptions): Promise<void> {
  const { compilation } = await compileYear(year, opts, { skipRender: true });
  const failed = report(compilation, 'text', opts.lang);
  if (compilation.model) process.stdout.write(`${summaryTable(compilation.model.figures)}\n`);
  process.exitCode = failed ? 1 : 0;
}
