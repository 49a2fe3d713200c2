/**
 * `report summary <year>`: the model as a terminal table — each figure's printed value, whether
 * it was computed, stated or read as a fact, and the file:line it came from; or, with `--format
 * json`, `{ figures: [figureJson…] }` with every figure of the model, facts included.
 */
import { formatFigure, type Figure } from '../aggregate/index.js';
import { compileYear, report, type GlobalOptions } from './run.js';
import type { Lang } from './lang.js';
import { clip, textTable } from '../diff/table.js';
import { figureJson } from './explain.js';

const ORIGIN = {
  vi: { computed: 'tính', stated: 'đã nêu', fact: 'dữ liệu' },
  en: { computed: 'computed', stated: 'stated', fact: 'data' },
} as const;
const HEAD = { vi: ['Số liệu', 'Giá trị', 'Nguồn gốc', 'Vị trí'], en: ['Figure', 'Value', 'Origin', 'Source'] };

/** Figure labels are the report's own Vietnamese words; the table around them follows --lang. */
export function summaryTable(figures: Figure[], lang: Lang = 'vi'): string {
  const rows = figures
    .filter((f) => f.origin !== 'fact' || f.check)
    .map((f) => [clip(f.label, 60), formatFigure(f), ORIGIN[lang][f.origin] + (f.check && !f.check.agrees ? ` ≠ ${f.check.computed}` : ''), f.sources[0] ? `${f.sources[0].file}:${f.sources[0].line}` : '']);
  return textTable(HEAD[lang], rows);
}

export async function summaryCommand(year: string, opts: GlobalOptions & { format?: 'text' | 'json' }): Promise<void> {
  const { compilation } = await compileYear(year, opts, { skipRender: true });
  const failed = report(compilation, 'text', opts.lang);
  if (compilation.model) {
    process.stdout.write(opts.format === 'json'
      ? `${JSON.stringify({ figures: compilation.model.figures.map(figureJson) }, null, 2)}\n`
      : `${summaryTable(compilation.model.figures, opts.lang)}\n`);
  }
  process.exitCode = failed ? 1 : 0;
}
