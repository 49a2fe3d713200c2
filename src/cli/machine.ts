/**
 * Saying what happened to the output folder in the user's language: machine faults
 * (MachineError, codes C100–C107 and C120) and the notes of the output set (a recovered interrupted
 * build, a stale lock taken over, a stale output removed), each from the catalogue, with its
 * code and a hint saying what to do. Imported only when there is something to say, so a build
 * that goes well never loads the catalogue for it.
 */
import { catalogue, makeDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { Lang } from '../diagnostics/format.js';
import { MachineError } from './io.js';
import { displayPath } from './manifest.js';

const WORDS = {
  vi: { error: 'lỗi', warning: 'cảnh báo', note: 'ghi chú', hint: 'gợi ý' },
  en: { error: 'error', warning: 'warning', note: 'note', hint: 'hint' },
} as const;

/** `report: lỗi C101: …` and its hint; paths shown relative to the working directory. */
export function formatMessage(code: string, args: Record<string, string | number>, lang: Lang): string {
  if (!(code in catalogue)) throw new Error(`no catalogue entry ${code}`);
  const shown = { ...args, ...(typeof args.path === 'string' ? { path: displayPath(process.cwd(), args.path) } : {}) };
  const d = makeDiagnostic(code as DiagnosticCode, { file: '', line: 0, column: 0 }, shown);
  const { message, hint } = lang === 'en' && d.en ? d.en : { message: d.message, hint: d.hint };
  const words = WORDS[lang];
  return `report: ${words[d.severity]} ${code}: ${message}\n${hint ? `    ${words.hint}: ${hint}\n` : ''}`;
}

/** A machine fault with its follow-up notes, ready for stderr. */
export function formatMachineError(err: MachineError, lang: Lang): string {
  return [formatMessage(err.code, err.args, lang), ...err.notes.map((n) => formatMessage(n.code, n.args, lang))].join('');
}
