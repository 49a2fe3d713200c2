/**
 * `report summary <year>`: the model as a terminal table — every figure's id (what `report
 * explain` and `report diff` name it by), its human label (the words around it in the prose, or
 * what the kind calls it), its printed value, whether it was computed, stated or read as a fact,
 * and the file:line it came from; or, with `--format json`, `{ figures: [figureJson…] }`.
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
const HEAD = { vi: ['Mã', 'Số liệu', 'Giá trị', 'Nguồn gốc', 'Vị trí'], en: ['Id', 'Figure', 'Value', 'Origin', 'Source'] };

/** Figure labels are the report's own Vietnamese words; the table around them follows --lang. */
export function summaryTable(figures: Figure[], lang: Lang = 'vi'): string {
  // Every figure, facts included: in a report whose structure is data most figures are facts.
  const rows = figures
    .map((f) => [clip(f.id, 48), clip(f.label, 50), clip(formatFigure(f), 40), ORIGIN[lang][f.origin] + (f.check && !f.check.agrees ? ` ≠ ${f.check.computed}` : ''), f.sources[0] ? `${f.sources[0].file}:${f.sources[0].line}` : '']);
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
