/**
 * Issuing rules for the document number and date, whether they come from `--number`/`--date`
 * or from report.yaml: the number is a positive whole number printed with a leading zero below
 * 10 (`05`, never `005`); the date is a real date (checked where it is parsed) and cannot be
 * earlier than what the data says it already knows — a document the report cites (the
 * `references` of report.yaml, including the decisions that recognised communes) or the
 * month a KPI is "as of" (`asOf: 11/2024`). A partial date (year only, or year and month, left
 * for the văn thư to complete by hand) is judged by its latest possible day.
 *
 * Each finding is positioned: at the report.yaml field when the date or number is written
 * there, and at the data line that the date contradicts when it came from the command line.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { positionOf, type SourceFile } from '../load/index.js';
import { dateOrder, formatDate, latestDay, type FullDate } from '../numbers/index.js';
import type { Dataset, Kpi, Loc } from './dataset.js';

export interface IssueOptions {
  /** `--date`, already parsed (an impossible date never gets here). */
  date?: FullDate;
  /** `--number`, already normalised. */
  number?: string;
}


function show(d: FullDate): string {
  return formatDate(d, 'short');
}

/** The position of a field below a record (`/references/3` + `/date`), else the record's. */
export function fieldAt(sources: readonly SourceFile[], at: Loc, field: string): SourcePosition {
  const file = sources.find((s) => s.path === at.file);
  if (!file) return at;
  try {
    return positionOf(file, `${at.pointer}/${field}`);
  } catch {
    return at;
  }
}

/** `kpis`: the KPI lines of the report's kind, whose "as of" months the date must not precede. */
export function checkIssue(data: Dataset, sources: readonly SourceFile[], options: IssueOptions = {}, kpis: readonly Kpi[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = data.report;
  const fromOption = options.date !== undefined;
  const written = r.document.date;
  const reportDateAt: SourcePosition = written.at;

  // The latest day the document can bear: the given date, or the end of its known part.
  const latest: FullDate = options.date ?? latestDay(written);
  const issued = options.date ? show(options.date)
    : written.day !== undefined && written.month !== undefined ? show({ year: written.year, month: written.month, day: written.day })
      : written.month !== undefined ? `tháng ${written.month}/${written.year}` : `năm ${written.year}`;
  const from = fromOption ? '--date' : 'report.yaml';

  // A cited document dated after the report: the latest such is the binding one.
  const later = r.references.filter((ref) => dateOrder(ref.date) > dateOrder(latest)).sort((a, b) => dateOrder(b.date) - dateOrder(a.date))[0];
  if (later) {
    const refAt = fieldAt(sources, later.at, 'date');
    out.push(makeDiagnostic('V501', fromOption ? refAt : reportDateAt, {
      date: issued, from, doc: `${later.type} số ${later.number}`, docDate: show(later.date), at: `${refAt.file}:${refAt.line}`,
    }));
  }

  // A KPI known "as of" a month later than the report.
  let asOf: { id: string; month: number; year: number; at: Loc } | undefined;
  for (const kpi of kpis) {
    const m = kpi.asOf && /^(\d{1,2})\/(\d{4})$/.exec(kpi.asOf.trim());
    if (!m) continue;
    const candidate = { id: kpi.id, month: Number(m[1]), year: Number(m[2]), at: kpi.at };
    const first = { year: candidate.year, month: candidate.month, day: 1 };
    if (dateOrder(first) > dateOrder(latest) && (!asOf || dateOrder(first) > dateOrder({ year: asOf.year, month: asOf.month, day: 1 }))) asOf = candidate;
  }
  if (asOf) {
    const kpiAt = fieldAt(sources, asOf.at, 'asOf');
    out.push(makeDiagnostic('V502', fromOption ? kpiAt : reportDateAt, {
      date: issued, from, id: asOf.id, asOf: `${asOf.month}/${asOf.year}`, at: `${kpiAt.file}:${kpiAt.line}`,
    }));
  }

  // The number as written in report.yaml (`--number` is normalised where it is parsed).
  const number = String(r.document.number ?? '').trim();
  if (options.number === undefined && number !== '' && (!/^[1-9]\d*$|^0[1-9]$/.test(number))) {
    const n = /^\d+$/.test(number) ? Number(number) : NaN;
    out.push(makeDiagnostic('V503', fieldAt(sources, { ...r.at, pointer: '' }, 'document/number'), {
      value: number,
      reason: n === 0 ? 'số văn bản bắt đầu từ 1' : `thừa số 0 ở đầu (ghi ${n}, báo cáo in ${String(n).padStart(2, '0')})`,
      reasonEn: n === 0 ? 'numbers start at 1' : `superfluous leading zeros (write ${n}; the report prints ${String(n).padStart(2, '0')})`,
    }));
  }
  return out;
}
