/**
 * `report summary <year>`: the model as a terminal table — each figure's printed value, whether
 * it was computed, stated or read as a fact, and the file:line it came from.
 */
import { formatFigure, type Figure } from '../aggregate/index.js';
import { compileYear, report, type GlobalOptions } from './run.js';
import { clip, textTable } from '../diff/table.js';

const ORIGIN = { computed: 'tính', stated: 'đã nêu', fact: 'dữ liệu' } as const;

export function summaryTable(figures: Figure[]): string {
  const rows = figures
    .filter((f) => f.origin !== 'fact' || f.check)
    .map((f) => [clip(f.label, 60), formatFigure(f), ORIGIN[f.origin] + (f.check && !f.check.agrees ? ` ≠ ${f.check.computed}` : ''), f.sources[0] ? `${f.sources[0].file}:${f.sources[0].line}` : '']);
  return textTable(['Số liệu', 'Giá trị', 'Nguồn gốc', 'Vị trí'], rows);
}

export async function summaryCommand(year: string, opts: GlobalOptions): Promise<void> {
  const { compilation } = await compileYear(year, opts, { skipRender: true });
  const failed = report(compilation, 'text', opts.lang);
  if (compilation.model) process.stdout.write(`${summaryTable(compilation.model.figures)}\n`);
  process.exitCode = failed ? 1 : 0;
}
