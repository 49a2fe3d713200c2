/**
 * `report explain <year> <figure>`: how a figure was obtained and the file:line of every row
 * behind it. The figure is named by its id in the model (see `report summary`) or by its printed
 * value (`676.373 triệu đồng`, `08`).
 */
import { formatFigure, type Figure } from '../aggregate/index.js';
import { compileYear, report, type GlobalOptions } from './run.js';
import { UsageError } from './io.js';
import { say, type Lang } from './lang.js';

const ORIGIN = {
  vi: { computed: 'tính từ dữ liệu', stated: 'số đã nêu trong dữ liệu', fact: 'đọc trực tiếp từ dữ liệu' },
  en: { computed: 'computed from the data', stated: 'stated in the data', fact: 'read from the data' },
} as const;

export function explainFigure(f: Figure, lang: Lang = 'vi'): string {
  const t = (vi: string, en: string) => say(lang, vi, en);
  const lines = [`${f.id}: ${f.label}`, `  ${t('giá trị', 'value')}: ${formatFigure(f)} (${ORIGIN[lang][f.origin]})`];
  if (f.formula) lines.push(`  ${t('cách tính', 'formula')}: ${f.formula}`);
  if (f.check) {
    const c = f.check;
    lines.push(t(
      `  đối chiếu: số đã nêu ${c.stated}, tổng các thành phần ${c.computed} — ${c.agrees ? 'khớp' : 'KHÔNG khớp'}; in ${c.printed === 'stated' ? 'số đã nêu' : 'số tính'}`,
      `  check: stated ${c.stated}, sum of the parts ${c.computed} — ${c.agrees ? 'agree' : 'do NOT agree'}; prints the ${c.printed === 'stated' ? 'stated' : 'computed'} figure`,
    ));
  }
  lines.push(`  ${t('nguồn', 'sources')}:`);
  for (const s of f.sources) lines.push(`    ${s.file}:${s.line}:${s.column}  ${s.label}`);
  return lines.join('\n');
}

export function findFigures(figures: Figure[], query: string): Figure[] {
  const q = query.normalize('NFC').trim();
  const byId = figures.filter((f) => f.id === q);
  if (byId.length) return byId;
  return figures.filter((f) => formatFigure(f) === q || formatFigure(f).startsWith(`${q} `) || f.id.startsWith(q));
}

export async function explainCommand(year: string, query: string, opts: GlobalOptions): Promise<void> {
  const { compilation } = await compileYear(year, opts, { skipRender: true });
  const errors = compilation.diagnostics.filter((d) => d.severity === 'error');
  if (report({ ...compilation, diagnostics: errors }, 'text', opts.lang, true) || !compilation.model) { process.exitCode = 1; return; }
  const found = findFigures(compilation.model.figures, query);
  if (!found.length) throw new UsageError(`không có số liệu "${query}". Xem danh sách bằng: report summary ${year}`, `no figure "${query}". List them with: report summary ${year}`);
  process.stdout.write(`${found.map((f) => explainFigure(f, opts.lang)).join('\n\n')}\n`);
  process.exitCode = 0;
}
