/**
 * The Dataset, read: the "normalise" step between schema checks and cross-file rules, which
 * builds the typed Dataset (its types: `dataset/types.ts`) from the files the schemas accepted,
 * so it may rely on their shapes. This module reads what every kind shares — report.yaml's
 * metadata and the content blocks (prose with figures, lists, KPI lines) — and hands the kind's
 * own files to the kind's reader (`src/kinds/<kind>/`), whose records join the Dataset beside
 * `report`. A kind without code keeps each file's plain values under `raw`.
 */
import type { SourceFile } from '../load/index.js';
import { positionOf } from '../load/index.js';
import {
  parseQuantity, parseVietnameseNumber, parseDate, toExact,
  type Money, type Area, type FullDate,
} from '../numbers/index.js';
import type { Decimal } from 'decimal.js';
import type {
  ContentBlock, ContentDocument, ContentItem, ContentSection, Dataset, FigureInput, FigureLink, IdRef,
  Loc, ReportMeta, StatCell, Stated, StatRowInput, StatTableInput, TableInput, UnitRef,
} from '../dataset/types.js';

// The types stay importable from here for a kind's reader and the rules.
export type * from '../dataset/types.js';

// ---------- reading helpers (data is schema-valid; scalars are strings) ----------

type Raw = Record<string, unknown>;

export class Reader {
  constructor(readonly file: SourceFile) {}

  loc(pointer: string): Loc {
    return { ...positionOf(this.file, pointer), pointer };
  }
  get(pointer: string): unknown {
    let v: unknown = this.file.data;
    for (const seg of pointer.split('/').slice(1)) v = (v as Raw | undefined)?.[seg];
    return v;
  }
  str(pointer: string): string { return String(this.get(pointer) ?? ''); }
  opt(pointer: string): string | undefined {
    const v = this.get(pointer);
    return v === undefined || v === null || v === '' ? undefined : String(v);
  }
  int(pointer: string): number { return Number(this.get(pointer)); }
  dec(pointer: string): Decimal {
    const r = parseVietnameseNumber(String(this.get(pointer)).replace('%', ''));
    return r.ok ? toExact(r.value) : toExact(0);
  }
  money(pointer: string): Money {
    const r = parseQuantity(this.str(pointer), 'money');
    if (!r.ok) throw new Error(`schema let through a bad money value at ${pointer}`);
    return r.value;
  }
  area(pointer: string): Area {
    const r = parseQuantity(this.str(pointer), 'area');
    if (!r.ok) throw new Error(`schema let through a bad area value at ${pointer}`);
    return r.value;
  }
  list(pointer: string): unknown[] {
    const v = this.get(pointer);
    return Array.isArray(v) ? v : [];
  }
  has(pointer: string): boolean { return this.get(pointer) !== undefined; }

  stated<T>(pointer: string, parse: (p: string) => T): Stated<T> | undefined {
    const v = this.get(pointer);
    if (v === undefined) return undefined;
    if (typeof v === 'object' && v !== null && 'stated' in v) {
      const print = (v as Raw).print === 'stated' ? 'stated' : 'computed';
      return { value: parse(`${pointer}/stated`), print, at: this.loc(`${pointer}/stated`) };
    }
    return { value: parse(pointer), print: 'computed', at: this.loc(pointer) };
  }
}

function parseDateAt(text: string): FullDate {
  const r = parseDate(text);
  if (!r.ok) throw new Error(`schema let through a bad date ${text}`);
  return r.value;
}

/** Classify a figure scalar by its written form (schema guarantees one of these forms). */
export function readFigure(r: Reader, pointer: string): FigureInput {
  const v = r.get(pointer);
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'value' in v) {
    const ratio = r.list(`${pointer}/ratioOf`);
    const link: FigureLink = {
      sameAs: readIdRef(r, `${pointer}/sameAs`),
      ratioOf: ratio.length === 2 ? [readIdRef(r, `${pointer}/ratioOf/0`)!, readIdRef(r, `${pointer}/ratioOf/1`)!] : undefined,
      parts: r.has(`${pointer}/parts`) ? r.list(`${pointer}/parts`).map((v, i) => {
        const q = `${pointer}/parts/${i}`;
        return String(v).includes('[') ? readIdRef(r, q)! : { n: r.dec(q), at: r.loc(q) };
      }) : undefined,
      print: r.opt(`${pointer}/print`) === 'computed' ? 'computed' : 'stated',
      places: /,(\d+)/.exec(r.str(r.has(`${pointer}/value/rate`) ? `${pointer}/value/rate` : `${pointer}/value`))?.[1]?.length ?? 0,
      at: r.loc(pointer),
    };
    return { ...readFigure(r, `${pointer}/value`), link };
  }
  return readScalarFigure(r, pointer);
}

function readScalarFigure(r: Reader, pointer: string): FigureInput {
  const at = r.loc(pointer);
  const v = r.get(pointer);
  if (Array.isArray(v)) return { kind: 'units', units: v.map((_, i) => readUnitRef(r, `${pointer}/${i}`)), at };
  // `{ rate: 101,28% }`: a rate against a plan, the one percent allowed above 100 %.
  if (typeof v === 'object' && v !== null && 'rate' in v) return { kind: 'percent', value: r.dec(`${pointer}/rate`), at: r.loc(`${pointer}/rate`), rate: true };
  const text = String(v).trim();
  if (/%$/.test(text)) return { kind: 'percent', value: r.dec(pointer), at };
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (frac) return { kind: 'fraction', part: toExact(frac[1]), whole: toExact(frac[2]), at };
  if (/^\d+$/.test(text)) return { kind: 'count', value: toExact(text), at, ...(/^0\d$/.test(text) ? { zero: true } : {}) };
  const money = parseQuantity(text, 'money');
  if (money.ok) return { kind: 'money', value: money.value, at };
  const area = parseQuantity(text, 'area');
  if (area.ok) return { kind: 'area', value: area.value, at };
  throw new Error(`schema let through a bad figure at ${pointer}`);
}

export function readUnitRef(r: Reader, pointer: string): UnitRef {
  const v = r.get(pointer);
  if (typeof v === 'object' && v !== null) {
    return { name: String((v as Raw).stated), stated: true, at: r.loc(`${pointer}/stated`) };
  }
  return { name: String(v), stated: false, at: r.loc(pointer) };
}

function readFigures(r: Reader, pointer: string): Record<string, FigureInput> {
  const raw = r.get(pointer);
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.keys(raw).map((k) => [k, readFigure(r, `${pointer}/${escapeSeg(k)}`)]));
}

function escapeSeg(s: string): string { return s.replace(/~/g, '~0').replace(/\//g, '~1'); }

export function readIdRef(r: Reader, pointer: string): IdRef | undefined {
  return r.has(pointer) ? { id: r.str(pointer), at: r.loc(pointer) } : undefined;
}

/** Every `<record>Id: <id>` field of an item. */
function readLinks(r: Reader, pointer: string): ContentItem['links'] {
  const raw = r.get(pointer) as Raw;
  const keys = Object.keys(raw).filter((k) => /^[a-z][A-Za-z0-9]*Id$/.test(k) && typeof raw[k] === 'string');
  return Object.fromEntries(keys.map((k) => [k, readIdRef(r, `${pointer}/${escapeSeg(k)}`)!]));
}

function readItem(r: Reader, pointer: string): ContentItem {
  const v = r.get(pointer);
  if (typeof v === 'string') return { text: v, links: {}, figures: {}, notes: {}, items: [], at: r.loc(pointer) };
  const id = r.opt(`${pointer}/id`);
  return {
    ...(id ? { id } : {}),
    text: r.opt(`${pointer}/text`),
    kpi: r.opt(`${pointer}/kpi`),
    links: readLinks(r, pointer),
    figures: readFigures(r, `${pointer}/figures`),
    notes: readNotes(r, `${pointer}/notes`),
    items: r.list(`${pointer}/items`).map((_, i) => readItem(r, `${pointer}/items/${i}`)),
    at: r.loc(r.has(`${pointer}/text`) ? `${pointer}/text` : pointer),
  };
}

export function readContent(r: Reader, pointer: string): ContentBlock[] {
  return r.list(pointer).map((_, i) => {
    const p = `${pointer}/${i}`;
    const id = r.opt(`${p}/id`);
    const withId = <B extends ContentBlock>(b: B): B => (id ? { ...b, id } : b);
    if (r.has(`${p}/list`)) {
      return withId({ type: 'list' as const, items: r.list(`${p}/list`).map((__, j) => readItem(r, `${p}/list/${j}`)), at: r.loc(p) });
    }
    if (r.has(`${p}/table`)) return withId({ type: 'table' as const, table: readTable(r, `${p}/table`) });
    if (r.has(`${p}/statTable`)) return withId({ type: 'statTable' as const, table: readStatTable(r, `${p}/statTable`) });
    if (r.has(`${p}/pageBreak`)) return withId({ type: 'pageBreak' as const, at: r.loc(p) });
    return withId({ type: 'paragraph' as const, item: readItem(r, p) });
  });
}

const ALIGN = { left: 'left', center: 'center', right: 'right' } as const;

function readTable(r: Reader, p: string): TableInput {
  const cells = (q: string) => r.list(q).map(String);
  return {
    unit: r.opt(`${p}/unit`),
    columns: r.list(`${p}/columns`).map((_, i) => ({
      title: r.str(`${p}/columns/${i}/title`),
      width: r.has(`${p}/columns/${i}/width`) ? r.int(`${p}/columns/${i}/width`) : 10,
      align: ALIGN[(r.opt(`${p}/columns/${i}/align`) ?? 'left') as keyof typeof ALIGN],
    })),
    rows: r.list(`${p}/rows`).map((_, i) => ({ cells: cells(`${p}/rows/${i}`), at: r.loc(`${p}/rows/${i}`) })),
    total: r.has(`${p}/total`) ? { cells: cells(`${p}/total`), at: r.loc(`${p}/total`) } : undefined,
    figures: readFigures(r, `${p}/figures`),
    notes: readNotes(r, `${p}/notes`),
    at: r.loc(p),
  };
}

/** A block's footnotes by name, each read as an item (a string, or text with figures and items). */
function readNotes(r: Reader, pointer: string): Record<string, ContentItem> {
  if (!r.has(pointer)) return {};
  const raw = r.get(pointer) as Raw;
  return Object.fromEntries(Object.keys(raw).map((k) => [k, readItem(r, `${pointer}/${escapeSeg(k)}`)]));
}

/** A statistical table: value columns (default one, `so-lieu`), nested rows, checks declared per row; or several parts. */
function readStatTable(r: Reader, p: string): StatTableInput {
  const parts = r.has(`${p}/parts`)
    ? r.list(`${p}/parts`).map((_, i) => ({ ...readStatBody(r, `${p}/parts/${i}`), id: r.opt(`${p}/parts/${i}/id`), title: r.str(`${p}/parts/${i}/title`) }))
    : undefined;
  return { caption: r.opt(`${p}/caption`), subtitle: r.opt(`${p}/subtitle`), ...readStatBody(r, p), ...(parts ? { parts } : {}) };
}

/** What a table and a part share: titles, value columns and rows. */
function readStatBody(r: Reader, p: string): Omit<StatTableInput, 'caption' | 'subtitle' | 'parts'> {
  const columns = r.has(`${p}/columns`)
    ? r.list(`${p}/columns`).map((_, i) => ({ key: r.str(`${p}/columns/${i}/key`), title: r.str(`${p}/columns/${i}/title`) }))
    : [{ key: 'so-lieu', title: 'Số liệu' }];
  return {
    labelTitle: r.opt(`${p}/labelTitle`) ?? 'Chỉ tiêu thống kê',
    columnsTitle: r.opt(`${p}/columnsTitle`) ?? 'Số liệu',
    columns,
    rows: r.list(`${p}/rows`).map((_, i) => readStatRow(r, `${p}/rows/${i}`, columns[0]!.key)),
    at: r.loc(p),
  };
}

function readStatRow(r: Reader, p: string, firstColumn: string): StatRowInput {
  const values: Record<string, StatCell> = {};
  if (r.has(`${p}/value`)) values[firstColumn] = readStatCell(r, `${p}/value`);
  const raw = r.get(`${p}/values`);
  if (raw && typeof raw === 'object') for (const k of Object.keys(raw)) values[k] = readStatCell(r, `${p}/values/${escapeSeg(k)}`);
  const sum = r.get(`${p}/sumOf`);
  const sumOf = sum === 'children' ? { children: true as const, at: r.loc(`${p}/sumOf`) }
    : Array.isArray(sum) ? { rows: sum.map((_, i) => readIdRef(r, `${p}/sumOf/${i}`)!), at: r.loc(`${p}/sumOf`) } : undefined;
  const rows = r.list(`${p}/rows`).map((_, i) => readStatRow(r, `${p}/rows/${i}`, firstColumn));
  return {
    stt: r.opt(`${p}/stt`)?.replace(/\.$/, ''), label: r.str(`${p}/label`), unit: r.opt(`${p}/unit`), values,
    ...(r.has(`${p}/footnote`) ? { footnote: readItem(r, `${p}/footnote`) } : {}),
    note: r.opt(`${p}/note`), noteSpan: r.has(`${p}/noteSpan`) ? r.int(`${p}/noteSpan`) : 1, bold: r.opt(`${p}/bold`) === 'true' || rows.length > 0, sumOf,
    print: r.opt(`${p}/print`) === 'computed' ? 'computed' : 'stated', rows, at: r.loc(`${p}/label`),
  };
}

function readStatCell(r: Reader, p: string): StatCell {
  const text = r.str(p).trim();
  const at = r.loc(p);
  if (text === '' || text === '-') return { kind: 'none', text, at };
  const comma = text.indexOf(',');
  return { kind: 'number', n: r.dec(p), places: comma < 0 ? 0 : text.length - comma - 1, at };
}

function readSection(r: Reader, p: string): ContentSection {
  return {
    ...(r.opt(`${p}/part`) === 'true' ? { part: true } : {}),
    id: r.opt(`${p}/id`),
    title: r.str(`${p}/title`),
    content: readContent(r, `${p}/content`),
    sections: r.list(`${p}/sections`).map((_, i) => readSection(r, `${p}/sections/${i}`)),
    at: r.loc(`${p}/title`),
  };
}

/** A content document (a kind's file that holds prose in the shared content model). */
export function readDocument(r: Reader): ContentDocument {
  return {
    file: r.file.name,
    intro: readContent(r, '/intro'),
    sections: r.list('/sections').map((_, i) => readSection(r, `/sections/${i}`)),
    closing: readContent(r, '/closing'),
    appendices: r.list('/appendices').map((_, i) => {
      const p = `/appendices/${i}`;
      return {
        label: r.opt(`${p}/label`),
        title: r.list(`${p}/title`).map(String),
        note: r.opt(`${p}/note`),
        orientation: r.opt(`${p}/orientation`) === 'landscape' ? 'landscape' as const : 'portrait' as const,
        content: readContent(r, `${p}/content`),
        at: r.loc(p),
      };
    }),
  };
}

// ---------- per-file builders ----------

function summaryLines(r: Reader): string[] {
  const v = r.get('/document/summary');
  return Array.isArray(v) ? v.map(String) : [String(v ?? '')];
}

export function readReport(r: Reader): ReportMeta {
  const dateParts = (k: string) => (r.has(`/document/date/${k}`) ? r.int(`/document/date/${k}`) : undefined);
  return {
    kind: r.str('/kind'),
    year: r.int('/year'),
    agency: {
      name: r.list('/agency/name').map(String),
      parent: r.opt('/agency/parent'),
      fullName: r.str('/agency/fullName'),
      selfName: r.str('/agency/selfName'),
      territory: r.str('/agency/territory'),
      territoryName: r.str('/agency/territoryName'),
      symbol: r.str('/agency/symbol'),
      subunits: r.str('/agency/subunits'),
    },
    document: {
      type: r.str('/document/type'),
      symbol: r.str('/document/symbol'),
      number: r.str('/document/number'),
      place: r.str('/document/place'),
      date: { year: r.int('/document/date/year'), month: dateParts('month'), day: dateParts('day'), at: r.loc('/document/date') },
      summary: summaryLines(r).join(' '),
      summaryLines: summaryLines(r),
    },
    theme: r.str('/theme'),
    themeShort: r.opt('/themeShort') ?? r.str('/theme'),
    basis: r.list('/basis').map((id, i) => ({ id: String(id), at: r.loc(`/basis/${i}`) })),
    recipients: r.list('/recipients').map(String),
    reportsTo: r.str('/reportsTo'),
    signer: {
      authority: r.str('/signer/authority'),
      deputy: r.opt('/signer/deputy'),
      title: r.str('/signer/title'),
      name: r.str('/signer/name'),
    },
    distribution: r.list('/distribution').map(String),
    archive: r.str('/archive'),
    references: r.list('/references').map((_, i) => {
      const p = `/references/${i}`;
      return {
        id: r.str(`${p}/id`), type: r.str(`${p}/type`), number: r.str(`${p}/number`),
        date: parseDateAt(r.str(`${p}/date`)), issuer: r.opt(`${p}/issuer`), subject: r.opt(`${p}/subject`),
        at: r.loc(p),
      };
    }),
    leadership: readContent(r, '/leadership'),
    leadingZero: r.opt('/leadingZero') !== 'false',
    at: r.loc(''),
  };
}

/** What a kind's code adds to the Dataset: its records, read from its schema-valid files by name. */
export type RecordReader = (files: ReadonlyMap<string, Reader>) => object;

/**
 * Build the Dataset from schema-valid files: report.yaml's metadata, the plain values of every
 * other file, and the records the kind's reader builds. Throws only for a bug (a shape the
 * schema forbids).
 */
export function buildDataset(files: SourceFile[], readRecords?: RecordReader, documents: readonly string[] = []): Dataset | null {
  const byName = new Map(files.map((f) => [f.name, new Reader(f)]));
  const report = byName.get('report');
  if (!report) return null;
  byName.delete('report');
  const raw = Object.fromEntries(files.filter((f) => f.name !== 'report').map((f) => [f.name, f.data]));
  return {
    ...(readRecords ? readRecords(byName) : {}),
    report: readReport(report),
    raw,
    documents: documents.flatMap((name) => {
      const doc = byName.get(name);
      return doc ? [readDocument(doc)] : [];
    }),
    files: files.map((f) => f.path),
  };
}
