/**
 * `report explain <year> <figure>`: how a figure was obtained and the file:line of every row
 * behind it. The figure is named by its id in the model (see `report summary`), its label, or
 * its printed value (`676.373 triệu đồng`, `08`). An empty query is a usage error (exit 2), not "every
 * figure". `--format json` prints `{ query, figures: [figureJson…] }` (see README).
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

/**
 * One figure for tools: the shape `report summary --format json` and `report explain --format
 * json` share (README, "Kết quả dạng JSON").
 */
export function figureJson(f: Figure): Record<string, unknown> {
  return {
    id: f.id, label: f.label, kind: f.kind, value: formatFigure(f), origin: f.origin,
    formula: f.formula ?? null,
    check: f.check ?? null,
    sources: f.sources.map((s) => ({ file: s.file, line: s.line, column: s.column, label: s.label })),
  };
}

/**
 * The figures a query names, by the first rule that finds any: the exact id; an id without its
 * file (`thu-chi.thu` for `noi-dung:thu-chi.thu`); the label (case and spacing ignored); the
 * printed value (`676.373 triệu đồng`, or its number alone); the start of an id (`gpmb.`); words
 * of the label (`gieo cấy`).
 */
export function findFigures(figures: Figure[], query: string): Figure[] {
  const q = query.normalize('NFC').trim();
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const rules: ((f: Figure) => boolean)[] = [
    (f) => f.id === q,
    (f) => f.id.slice(f.id.indexOf(':') + 1) === q,
    (f) => fold(f.label) === fold(q),
    (f) => formatFigure(f) === q || formatFigure(f).startsWith(`${q} `),
    (f) => f.id.startsWith(q),
    (f) => fold(f.label).includes(fold(q)),
  ];
  for (const rule of rules) {
    const found = figures.filter(rule);
    if (found.length) return found;
  }
  return [];
}

export async function explainCommand(year: string, query: string, opts: GlobalOptions & { format?: 'text' | 'json' }): Promise<void> {
  if (!query.normalize('NFC').trim()) {
    throw new UsageError(`cần nêu số liệu cần giải thích: mã (investment.total), nhãn hoặc giá trị in ra ("676.373 triệu đồng"). Xem danh sách bằng: report summary ${year}`,
      `name the figure to explain: its id (investment.total), label or printed value ("676.373 triệu đồng"). List them with: report summary ${year}`);
  }
  const { compilation } = await compileYear(year, opts, { skipRender: true });
  const errors = compilation.diagnostics.filter((d) => d.severity === 'error');
  if (report({ ...compilation, diagnostics: errors }, 'text', opts.lang, true) || !compilation.model) { process.exitCode = 1; return; }
  const found = findFigures(compilation.model.figures, query);
  if (!found.length) throw new UsageError(`không có số liệu "${query}". Xem danh sách bằng: report summary ${year}`, `no figure "${query}". List them with: report summary ${year}`);
  process.stdout.write(opts.format === 'json'
    ? `${JSON.stringify({ query, figures: found.map(figureJson) }, null, 2)}\n`
    : `${found.map((f) => explainFigure(f, opts.lang)).join('\n\n')}\n`);
  process.exitCode = 0;
}
