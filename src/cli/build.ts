/**
 * `report build <year>`: compile, render each asked-for format in memory, and only when every
 * format succeeded write them all atomically to `out/<year>/`. With errors nothing is written
 * and existing outputs stay as they were. Prints what it wrote, with sizes and the time taken.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DiagnosticFormat } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/types.js';
import { extensions, loadWriter, writers, type OutputFormat } from '../writers/index.js';
import { parseDate, formatDate } from '../numbers/index.js';
import { compileYear, report, type GlobalOptions } from './run.js';
import { UsageError, writeAtomically, humanSize } from './io.js';

export interface BuildOptions extends GlobalOptions {
  format: string;
  out: string;
  draft?: boolean;
  number?: string;
  date?: string;
  diagnostics: DiagnosticFormat;
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const known = Object.keys(writers);
  for (const f of formats) {
    if (!known.includes(f)) throw new UsageError(`định dạng "${f}" không được hỗ trợ (có: ${known.join(', ')})`);
  }
  if (!formats.length) throw new UsageError('cần ít nhất một định dạng, ví dụ --format docx,pdf');
  return [...new Set(formats)] as OutputFormat[];
}

export function parseNumberOption(n: string | undefined): string | undefined {
  if (n === undefined) return undefined;
  if (!/^\d{1,6}$/.test(n.trim()) || Number(n) === 0) throw new UsageError(`--number "${n}" không hợp lệ: cần một số nguyên dương, ví dụ --number 5`);
  return String(Number(n)).padStart(2, '0');
}

export function parseDateOption(d: string | undefined) {
  if (d === undefined) return undefined;
  const r = parseDate(d.trim());
  if (!r.ok) {
    throw new UsageError(r.reason === 'impossible'
      ? `--date "${d}": ngày không tồn tại`
      : `--date "${d}" không hợp lệ: dùng yyyy-mm-dd hoặc dd/mm/yyyy`);
  }
  return r.value;
}

/** `bao-cao-chu-de-nam-2024.pdf`: from the report's kind and year. */
export function outputName(kind: string, year: number, format: OutputFormat): string {
  return `bao-cao-${kind}-${year}${extensions[format]}`;
}

export async function buildCommand(year: string | undefined, opts: BuildOptions): Promise<void> {
  const started = performance.now();
  if (!year) throw new UsageError('cần chỉ rõ năm, ví dụ: report build 2024');
  const formats = parseFormats(opts.format);
  const { compilation, year: y } = await compileYear(year, opts, {
    draft: opts.draft,
    number: parseNumberOption(opts.number),
    date: parseDateOption(opts.date),
  });
  if (report(compilation, opts.diagnostics, opts.lang) || !compilation.tree || !compilation.dataset) {
    process.stderr.write('Không ghi tệp nào vì dữ liệu hoặc mẫu có lỗi.\n');
    process.exitCode = 1;
    return;
  }
  const tree = compilation.tree;
  const outputs: { path: string; bytes: Uint8Array }[] = [];
  for (const format of formats) {
    const writer = await loadWriter(format);
    const written = await writer(tree);
    if (written.diagnostics.length) report({ ...compilation, diagnostics: written.diagnostics }, opts.diagnostics, opts.lang, true);
    if (hasErrors(written.diagnostics)) { process.exitCode = 1; return; }
    const name = outputName(compilation.dataset.report.kind, compilation.dataset.report.year, format);
    outputs.push({ path: path.resolve(opts.out, y, name), bytes: written.value });
  }
  await writeAtomically(outputs);
  for (const o of outputs) {
    process.stdout.write(`đã ghi ${path.relative(process.cwd(), o.path)} (${humanSize(o.bytes.length)})\n`);
  }
  process.stdout.write(`xong sau ${Math.round(performance.now() - started)} ms\n`);
  process.exitCode = 0;
}

export { formatDate };
