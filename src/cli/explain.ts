/**
 * `report explain <year> <figure>`: how a figure was obtained and the file:line of every row
 * behind it. The figure is named by its id in the model (see `report summary`) or by its printed
 * value (`676.373 triệu đồng`, `08`).
 */
import { formatFigure, type Figure } from '../aggregate/index.js';
import { compileYear, report, type GlobalOptions } from './run.js';
import { UsageError } from './io.js';

const ORIGIN = { computed: 'tính từ dữ liệu', stated: 'số đã nêu trong dữ liệu', fact: 'đọc trực tiếp từ dữ liệu' } as const;

export function explainFigure(f: Figure): string {
  const lines = [`${f.id}: ${f.label}`, `  giá trị: ${formatFigure(f)} (${ORIGIN[f.origin]})`];
  if (f.formula) lines.push(`  cách tính: ${f.formula}`);
  if (f.check) {
    lines.push(`  đối chiếu: số đã nêu ${f.check.stated}, tổng các thành phần ${f.check.computed} — ${f.check.agrees ? 'khớp' : 'KHÔNG khớp'}; in ${f.check.printed === 'stated' ? 'số đã nêu' : 'số tính'}`);
  }
  lines.push('  nguồn:');
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
  if (!found.length) throw new UsageError(`không có số liệu "${query}". Xem danh sách bằng: report summary ${year}`);
  process.stdout.write(`${found.map(explainFigure).join('\n\n')}\n`);
  process.exitCode = 0;
}
