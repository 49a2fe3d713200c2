/** `report validate <year>`: every check, nothing written; exit 1 on errors. */
import type { DiagnosticFormat } from '../diagnostics/format.js';
import { compileYear, report, type GlobalOptions } from './run.js';

export async function validateCommand(year: string, opts: GlobalOptions & { format: DiagnosticFormat }): Promise<void> {
  const { compilation } = await compileYear(year, opts);
  const failed = report(compilation, opts.format, opts.lang);
  if (!failed && opts.format === 'text') {
    process.stderr.write(opts.lang === 'en' ? 'Data and templates are valid.\n' : 'Dữ liệu và mẫu hợp lệ.\n');
  }
  process.exitCode = failed ? 1 : 0;
}
