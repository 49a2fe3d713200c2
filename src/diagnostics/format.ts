/**
 * Printing diagnostics: sorted by position (file, line, column, code), as compiler-style text
 * (`data/2024/x.yaml:12:7: warning V301: …` with an indented hint), as JSON for tools, or as
 * GitHub Actions annotations (`::error file=…,line=…,col=…::…`). English on request.
 */
import type { Diagnostic } from './types.js';
import { compareNames } from '../files/order.js';

export type Lang = 'vi' | 'en';
export type DiagnosticFormat = 'text' | 'json' | 'github';

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    compareNames(a.file, b.file) || a.line - b.line || a.column - b.column || cellOrder(a, b) || compareNames(a.code, b.code));
}

/** Cells of one sheet in reading order: row, then column (`D9` before `A10`). */
function cellOrder(a: Diagnostic, b: Diagnostic): number {
  if (!a.cell || !b.cell) return a.cell ? 1 : b.cell ? -1 : 0;
  const key = (ref: string): [number, string] => { const m = /^([A-Z]+)(\d+)$/.exec(ref); return m ? [Number(m[2]), m[1]!.padStart(3, ' ')] : [0, ref]; };
  const [ra, ca] = key(a.cell.ref);
  const [rb, cb] = key(b.cell.ref);
  return compareNames(a.cell.file, b.cell.file) || compareNames(a.cell.sheet, b.cell.sheet) || ra - rb || compareNames(ca, cb);
}

/** Where a diagnostic is, as people read it: `file:line:col`, or `file!sheet!cell` for a spreadsheet value. */
export function where(d: Diagnostic): string {
  return d.cell ? `${d.cell.file}!${d.cell.sheet}!${d.cell.ref}` : `${d.file}:${d.line}:${d.column}`;
}

function localised(d: Diagnostic, lang: Lang): { message: string; hint?: string } {
  return lang === 'en' && d.en ? d.en : { message: d.message, hint: d.hint };
}

export function formatText(list: readonly Diagnostic[], lang: Lang = 'vi'): string {
  const hintWord = lang === 'en' ? 'hint' : 'gợi ý';
  return sortDiagnostics(list).map((d) => {
    const { message, hint } = localised(d, lang);
    const head = `${where(d)}: ${d.severity} ${d.code}: ${message}`;
    const seeWord = lang === 'en' ? 'see' : 'xem';
    const see = (d.related ?? []).map((r) => `\n    ${seeWord}: ${r.file}:${r.line}:${r.column} (${r.label})`).join('');
    return hint ? `${head}${see}\n    ${hintWord}: ${hint}` : `${head}${see}`;
  }).join('\n');
}

export function formatJson(list: readonly Diagnostic[], lang: Lang = 'vi'): string {
  return JSON.stringify(sortDiagnostics(list).map((d) => {
    const { message, hint } = localised(d, lang);
    return { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column, ...(d.cell ? { cell: d.cell } : {}), message, ...(hint ? { hint } : {}), ...(d.related?.length ? { related: d.related } : {}) };
  }), null, 2);
}

/** GitHub workflow commands: data must escape %, CR, LF; properties also , and :. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(list: readonly Diagnostic[], lang: Lang = 'vi'): string {
  return sortDiagnostics(list).map((d) => {
    const { message, hint } = localised(d, lang);
    const level = d.severity === 'note' ? 'notice' : d.severity;
    // An annotation can only point into a text file: the YAML line that maps the sheet, naming the cell.
    const said = d.cell ? `${where(d)}: ${message}` : message;
    const see = (d.related ?? []).map((r) => `\n${lang === 'en' ? 'see' : 'xem'} ${r.file}:${r.line}:${r.column} (${r.label})`).join('');
    const text = hint ? `${said}${see}\n${hint}` : `${said}${see}`;
    return `::${level} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${escapeData(text)}`;
  }).join('\n');
}

export function formatDiagnostics(list: readonly Diagnostic[], format: DiagnosticFormat, lang: Lang = 'vi'): string {
  if (format === 'json') return formatJson(list, lang);
  if (format === 'github') return formatGithub(list, lang);
  return formatText(list, lang);
}

/**
 * What a command prints about its diagnostics: the listing in the chosen format (always for
 * JSON, so tools get `[]`) and, for people, a one-line tally of errors and warnings.
 */
export function diagnosticsReport(
  list: readonly Diagnostic[],
  format: DiagnosticFormat,
  lang: Lang,
  withTally = true,
): { listing?: string; tally?: string } {
  const n = countBySeverity(list);
  return {
    ...(list.length || format === 'json' ? { listing: `${formatDiagnostics(list, format, lang)}\n` } : {}),
    ...(withTally && format === 'text' && (n.error || n.warning)
      ? { tally: lang === 'en' ? `${n.error} error(s), ${n.warning} warning(s)\n` : `${n.error} lỗi, ${n.warning} cảnh báo\n` }
      : {}),
  };
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Diagnostic['severity'], number> {
  const out = { error: 0, warning: 0, note: 0 };
  for (const d of list) out[d.severity]++;
  return out;
}

/** `--strict`: every warning becomes an error (notes stay notes). */
export function applyStrict(list: readonly Diagnostic[]): Diagnostic[] {
  return list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
