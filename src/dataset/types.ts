/**
 * The Dataset's types: the data folder after schema validation, typed, with money and area as
 * exact Decimal quantities and every record carrying the file:line:col it came from. Validation
 * builds it (`validate/dataset.ts` reads the files the schemas accepted, a kind's reader adds its
 * records beside `report`) and hands it to aggregation; both stages read it through these types.
 */
import type { SourcePosition } from '../diagnostics/types.js';
import type { Money, Area, FullDate } from '../numbers/index.js';
import type { Decimal } from 'decimal.js';

export interface Loc extends SourcePosition { pointer: string }

export type FigureInput = (
  | { kind: 'money'; value: Money; at: Loc }
  | { kind: 'area'; value: Area; at: Loc }
  | { kind: 'percent'; value: Decimal; at: Loc; /** A rate against a plan (`{ rate: 101,28% }`): may exceed 100 %. */ rate?: true }
  | { kind: 'count'; value: Decimal; at: Loc; /** Written with a leading zero (`06`): printed so. */ zero?: boolean }
  | { kind: 'fraction'; part: Decimal; whole: Decimal; at: Loc }
  | { kind: 'units'; units: UnitRef[]; at: Loc })
  & { link?: FigureLink };

/** A prose figure tied to table cells: equal to one (`sameAs`) or their ratio (`ratioOf`). */
export interface FigureLink {
  sameAs?: IdRef; ratioOf?: [IdRef, IdRef];
  /** The figure is the sum of these: numbers as written, or cell ids. */
  parts?: ({ n: Decimal; at: Loc } | IdRef)[];
  print: 'stated' | 'computed';
  /** Decimal places the figure was written with (`99,10%` → 2): its printed precision. */
  places: number; at: Loc;
}

/** A cell of a statistical table as written: a number with its printed places, `-`, or empty. */
export type StatCell = { kind: 'number'; n: Decimal; places: number; at: Loc } | { kind: 'none'; text: '-' | ''; at: Loc };

/** One row of a statistical table (biểu mẫu); `rows` nest to give the hierarchical STT. */
export interface StatRowInput {
  stt?: string; label: string; unit?: string; values: Record<string, StatCell>; note?: string; noteSpan: number;
  /** A footnote on the row's label (printed after it). */
  footnote?: ContentItem;
  bold: boolean; sumOf?: { children: true; at: Loc } | { rows: IdRef[]; at: Loc }; print: 'stated' | 'computed';
  rows: StatRowInput[]; at: Loc;
}
export interface StatTableInput {
  caption?: string; subtitle?: string; labelTitle: string; columnsTitle: string;
  columns: { key: string; title: string }[]; rows: StatRowInput[]; at: Loc;
  /** Several parts under the one caption, each with its own header and rows (then `rows` is empty). */
  parts?: StatPartInput[];
}
/** One part of a statistical table: a title, its own columns and rows numbered from 1. */
export interface StatPartInput extends Omit<StatTableInput, 'caption' | 'subtitle' | 'parts'> { id?: string; title: string }
export interface UnitRef { name: string; stated: boolean; at: Loc }

/** A stated figure: the value the source document gives beside its parts, and which one to print. */
export interface Stated<T> { value: T; print: 'stated' | 'computed'; at: Loc }

/** A reference by id to a record of another file (`projectId: tru-so-hdnd-ubnd`). */
export interface IdRef { id: string; at: Loc }

export interface ContentItem {
  /** From the data: the item's figures are named `<file>:<id>.<name>` (a list item's own scope). */
  id?: string;
  text?: string;
  kpi?: string;
  /**
   * Links from this item to records of the kind's files, by id (`<record>Id: <id>`); the kind
   * checks them (that the record exists, that the figures agree).
   */
  links: Record<string, IdRef>;
  figures: Record<string, FigureInput>;
  /** Footnotes the text places with `{fn:name}`: each a text of its own (figures, sub-items). */
  notes: Record<string, ContentItem>;
  items: ContentItem[];
  at: Loc;
}
export interface TableInput {
  unit?: string;
  columns: { title: string; width: number; align: 'left' | 'center' | 'right' }[];
  rows: { cells: string[]; at: Loc }[];
  total?: { cells: string[]; at: Loc };
  figures: Record<string, FigureInput>;
  /** Footnotes the cells place with `{fn:name}`. */
  notes: Record<string, ContentItem>;
  at: Loc;
}

/** A block of prose; `id` (optional, from the data) keeps its figures' ids stable. */
export type ContentBlock = ({ type: 'paragraph'; item: ContentItem } | { type: 'list'; items: ContentItem[]; at: Loc }
  | { type: 'table'; table: TableInput } | { type: 'statTable'; table: StatTableInput } | { type: 'pageBreak'; at: Loc }) & { id?: string };

/** A section of a content document: title (numbered by the tool), blocks, sub-sections. */
export interface ContentSection {
  id?: string; title: string; content: ContentBlock[]; sections: ContentSection[]; at: Loc;
  /** A Phần (Decree 30's level above I.): `part: true` on a top-level section. */
  part?: boolean;
}

export interface ContentAppendix {
  label?: string; title: string[]; note?: string; orientation: 'landscape' | 'portrait'; content: ContentBlock[]; at: Loc;
}

/** A whole document's content (the shared content model, `common.schema.json#/$defs/document`). */
export interface ContentDocument {
  file: string;
  intro: ContentBlock[];
  sections: ContentSection[];
  closing: ContentBlock[];
  appendices: ContentAppendix[];
}

export interface Reference {
  id: string; type: string; number: string; date: FullDate; issuer?: string; subject?: string; at: Loc;
}

export interface ReportMeta {
  kind: string;
  year: number;
  agency: {
    name: string[]; parent?: string; fullName: string; selfName: string;
    territory: string; territoryName: string; symbol: string; subunits: string;
  };
  document: {
    type: string; symbol: string; number: string; place: string;
    date: { year: number; month?: number; day?: number; at: Loc };
    /** The trích yếu on one line, and as the lines the data gives (one, or several). */
    summary: string;
    summaryLines: string[];
  };
  theme: string;
  themeShort: string;
  basis: { id: string; at: Loc }[];
  recipients: string[];
  reportsTo: string;
  signer: { authority: string; deputy?: string; title: string; name: string };
  distribution: string[];
  archive: string;
  references: Reference[];
  leadership: ContentBlock[];
  /** Counts below 10 printed with a leading zero (`06 xã`, the default) or as plain numbers. */
  leadingZero: boolean;
  at: Loc;
}

export interface Kpi {
  id: string; label?: string; text?: string; qualifier?: string;
  value: FigureInput; rank?: { part: Decimal; whole: Decimal; at: Loc }; rankAmong?: string; asOf?: string; at: Loc;
}
/** An entry of a register of named units (the administrative units content may name). */
export interface RegisterUnit { name: string; type: string; at: Loc }

export interface Dataset {
  report: ReportMeta;
  /** The plain values of each of the kind's files, by file name (for kinds without code). */
  raw: Record<string, unknown>;
  /** The kind's content documents (files in the shared content model), in manifest order. */
  documents: ContentDocument[];
  /** The files the dataset was built from (for provenance and hashing). */
  files: string[];
  /**
   * Data files left out because they have errors (`communes`, …): the dataset is then partial,
   * built only so cross-file rules can still check the other files; rules that need a file
   * listed here stay silent rather than report its absence.
   */
  incomplete?: string[];
}
