/**
 * What every command shares: turning global options into a compilation, printing its
 * diagnostics to stderr in the chosen format, and the exit status they imply.
 */
import path from 'node:path';
import { compile, type Compilation, type CompileOptions } from '../pipeline/compile.js';
import { diagnosticsReport, type DiagnosticFormat, type Lang } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/types.js';
import { resolveDataDir } from './io.js';

export interface GlobalOptions {
  data: string;
  templates?: string;
  lang: Lang;
  strict?: boolean;
}

export async function compileYear(
  year: string,
  g: GlobalOptions,
  extra: Partial<CompileOptions> = {},
): Promise<{ compilation: Compilation; year: string; dataDir: string }> {
  const cwd = process.cwd();
  const { dir, year: y } = resolveDataDir(year, g.data, cwd);
  const compilation = await compile({
    dataDir: dir,
    cwd,
    templatesDir: g.templates ? path.resolve(cwd, g.templates) : undefined,
    strict: g.strict,
    ...extra,
  });
  return { compilation, year: y, dataDir: dir };
}

/**
 * Print diagnostics (if any; JSON always prints, `[]` when clean, so tools can parse it) and a
 * one-line count; returns true when there are errors.
 */
export function report(c: Compilation, format: DiagnosticFormat, lang: Lang, quietSummary = false): boolean {
  // Text is for people (stderr, beside the command's own output); JSON and GitHub annotations
  // are the command's output for tools (stdout, where the Actions runner reads its commands).
  const { listing, tally } = diagnosticsReport(c.diagnostics, format, lang, !quietSummary);
  if (listing) (format === 'text' ? process.stderr : process.stdout).write(listing);
  if (tally) process.stderr.write(tally);
  return hasErrors(c.diagnostics);
}
