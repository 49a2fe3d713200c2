/**
 * Aggregate: the ReportModel — every total, count and ratio the report states, computed from the
 * Dataset's rows with decimal.js, each a Figure that knows the rows it came from. This module
 * builds what every kind shares (the document's metadata lines, the cited documents)
 * and asks the kind's code for the rest through `KindModel`: its sections, the register of
 * units its prose may name, its KPI lines. It assumes valid data and reports nothing. A kind
 * without code gets its files' plain values under `data` (file names in camelCase). The model
 * is what templates see: plain objects, arrays and Figures, no YAML and no formatting decisions
 * beyond the document's own lines.
 */
import { toExact, formatDate, latestDay } from '../numbers/index.js';
import type { Dataset, Kpi, RegisterUnit } from '../dataset/types.js';
import type { DatasetAnalysis } from '../dataset/analysis.js';
import { AggregateContext } from './context.js';
import { ContentResolver, cite, type RichBlock, type RichDocument } from './content.js';
import { ref, type Figure } from './figure.js';
import { factFigure } from './stated.js';

export type { Figure, SourceRef } from './figure.js';
export type { RichBlock, RichText, RichItem, Segment, RichDocument, RichSection, RichTable } from './content.js';
export type { RichStatTable, StatRow } from './stat-table.js';
export { formatCell } from './stat-table.js';
export { formatFigure } from './figure.js';
export { AggregateContext, didYouMean } from './context.js';
export { ContentResolver, cite, footnoteKey } from './content.js';

/** The no-break spaces left for the văn thư to write the number and date in by hand. */
const BLANK = '\u00a0'.repeat(6);

/** What a kind's code contributes to the model; every part is optional. */
export interface KindModel<D extends Dataset = Dataset> {
  /** The register of units the prose may name (`{tên|count}`, stated spellings). */
  units?(data: D): RegisterUnit[];
  /** KPI lines the prose may print (`kpi: ID`, `{kpi:ID}`). */
  kpis?(data: D): Kpi[];
  /** The kind's sections of the model, by name (what its templates use). */
  sections?(ctx: AggregateContext<D>, content: ContentResolver): Record<string, unknown>;
}

export interface ReportModel {
  year: number;
  meta: ReturnType<typeof reportMeta>;
  leadership: RichBlock[];
  /** Every figure by id, for provenance (preview, `report explain`). */
  figures: Figure[];
  /** The kind's sections (or, for a kind without code, `data`). */
  [section: string]: unknown;
}

export interface AggregateOptions {
  /** Fill the document number and date (CLI `--number`, `--date`). */
  number?: string;
  date?: { year: number; month: number; day: number };
}

/**
 * The model of a validated dataset (aggregation reports nothing: the rules ran before it).
 * `analysis`: what validation computed with the Dataset — its tables indexed, its linked figures
 * reconciled — printed here as it is, not computed again.
 */
export function aggregate(data: Dataset, analysis: DatasetAnalysis, options: AggregateOptions = {}, kind: KindModel = {}): ReportModel {
  const ctx = new AggregateContext(data, kind.units?.(data) ?? []);
  const kpis = new Map((kind.kpis?.(data) ?? []).map((k) => [k.id, k]));
  const content = new ContentResolver(ctx, analysis, kpis);
  // Every document's table cells before any prose's figures, in the order the documents come.
  for (const d of data.documents) content.tables(d);
  const model: ReportModel = {
    year: data.report.year,
    meta: reportMeta(ctx, content, options),
    leadership: content.blocks(data.report.leadership, 'report:leadership'),
    ...(kind.sections ? kind.sections(ctx, content) : { data: plainData(data.raw) }),
    figures: [],
  };
  if (data.documents.length) model.document = mergeDocuments(data.documents.map((d) => content.document(d)), model.meta);
  model.figures = ctx.figures.all();
  return model;
}

/**
 * Several content files, in order, make one document. An appendix without a note, its "(Kèm theo …)" line names
 * this document by type, number, date and agency.
 */
function mergeDocuments(docs: RichDocument[], meta: ReportModel['meta']): RichDocument {
  const appendices = docs.flatMap((d) => d.appendices);
  const attached = `(Kèm theo ${meta.documentTypeName} số ${meta.numberText} ${meta.dateLong} của ${meta.agency.fullName})`;
  return {
    intro: docs.flatMap((d) => d.intro),
    sections: docs.flatMap((d) => d.sections),
    closing: docs.flatMap((d) => d.closing),
    appendices: appendices.map((a) => ({
      ...a,
      label: a.label ?? '',
      /** Unlabelled appendices are numbered (Phụ lục I, II, …) when there are several. */
      numbered: appendices.length > 1,
      note: a.note ?? attached,
    })),
  };
}

/** `thong-tin` → `thongTin`: a file's values under a name templates can write. */
function plainData(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));
}

// ---------- report metadata ----------

function reportMeta(ctx: AggregateContext, content: ContentResolver, options: AggregateOptions) {
  const r = ctx.data.report;
  const rawNumber = options.number ?? r.document.number;
  const number = rawNumber ? rawNumber.padStart(2, '0') : '';
  const date = options.date ?? r.document.date;
  const signer = [r.signer.authority, ...(r.signer.deputy ? [r.signer.deputy] : []), r.signer.title];
  const dateLong = formatDate(date, 'long');
  return {
    agency: r.agency,
    documentType: r.document.type,
    /** `Báo cáo`: the type as named in running text. */
    documentTypeName: capitalise(r.document.type.toLocaleLowerCase('vi')),
    summary: r.document.summary,
    summaryLines: r.document.summaryLines,
    numberLine: `Số:${number ? ` ${number}` : BLANK}/${r.document.symbol}`,
    numberText: `${number || BLANK}/${r.document.symbol}`,
    placeDateLine: `${r.document.place}, ${dateLong}`,
    dateLong,
    isoDate: isoDateOf(date),
    theme: r.theme,
    themeShort: r.themeShort,
    basis: r.basis.flatMap((b) => {
      const found = ctx.reference(b.id);
      return found ? [cite(found, 'full')] : [];
    }),
    recipients: r.recipients,
    reportsTo: r.reportsTo,
    signer: { lines: signer, name: r.signer.name },
    distribution: r.distribution,
    archive: r.archive,
    unitCount: ctx.units.length ? factFigure(ctx, 'communes.units', `Số đơn vị hành chính trực thuộc`, { kind: 'count', n: toExact(ctx.units.length) }, ref(ctx.units[0].at, 'Sổ đăng ký đơn vị')) : undefined,
    title: `${capitalise(r.document.type.toLowerCase())} ${r.document.summary}`,
    content,
  };
}

/** Deterministic document timestamp: the report's date, or the last day of its known part. */
function isoDateOf(d: { year: number; month?: number; day?: number }): string {
  const { year, month, day } = latestDay(d);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

