/**
 * The Dataset: the year's data after schema validation, typed, with money and area as exact
 * Decimal quantities and every record carrying the file:line:col it came from. Building it is
 * the "normalise" step between schema checks and cross-file rules; it runs only on files the
 * schemas accepted, so it may rely on their shapes. Every file except report.yaml is optional:
 * an agency that has no land clearance simply has no such section.
 */
import type { SourceFile } from '../load/index.js';
import { positionOf } from '../load/index.js';
import type { SourcePosition } from '../diagnostics/types.js';
import {
  parseQuantity, parseVietnameseNumber, parseDate, toExact,
  type Money, type Area, type FullDate,
} from '../numbers/index.js';
import type { Decimal } from 'decimal.js';

export interface Loc extends SourcePosition { pointer: string }

export type FigureInput =
  | { kind: 'money'; value: Money; at: Loc }
  | { kind: 'area'; value: Area; at: Loc }
  | { kind: 'percent'; value: Decimal; at: Loc }
  | { kind: 'count'; value: Decimal; at: Loc }
  | { kind: 'fraction'; part: Decimal; whole: Decimal; at: Loc }
  | { kind: 'units'; units: UnitRef[]; at: Loc };

export interface UnitRef { name: string; stated: boolean; at: Loc }

/** A stated figure: the value the source document gives beside its parts, and which one to print. */
export interface Stated<T> { value: T; print: 'stated' | 'computed'; at: Loc }

/** A reference by id to a record of another file (`projectId: tru-so-hdnd-ubnd`). */
export interface IdRef { id: string; at: Loc }

export interface ContentItem {
  text?: string;
  kpi?: string;
  /** The investment project this item reports on (checked against investment.yaml). */
  projectId?: IdRef;
  /** The land-clearance case about the same land (its area is checked against this item's). */
  clearanceCaseId?: IdRef;
  figures: Record<string, FigureInput>;
  items: ContentItem[];
  at: Loc;
}
export type ContentBlock = { type: 'paragraph'; item: ContentItem } | { type: 'list'; items: ContentItem[]; at: Loc };

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
    summary: string;
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
  at: Loc;
}

export interface Project {
  id: string; kind?: string; name: string; allocation: Money; totalInvestment?: Money; at: Loc;
  /** Where the allocation itself is written (provenance points at the figure, not the record). */
  allocationAt: Loc;
}
export interface InvestmentArea {
  id: string; name: string; allocation: Stated<Money>; note?: string; projects: Project[]; at: Loc;
}
export interface Investment {
  total: { value: Money; at: Loc };
  sources: { name: string; amount: Money; at: Loc }[];
  areas: InvestmentArea[];
}

export type ClearanceStage = 'completed' | 'compensation-approved' | 'in-progress';
export interface LandClearanceCase {
  id: string; project: string; stage: ClearanceStage; organisations: number; households: number;
  area: Area; cost?: Money; note?: string; projectId?: IdRef; at: Loc;
}
export interface LandClearance {
  intro: { text: string; at: Loc };
  completedSummary: string;
  inProgressSummary: string;
  statedCompleted?: Stated<Decimal>;
  cases: LandClearanceCase[];
}

export type Standard = 'ntm' | 'nangCao' | 'kieuMau';
export const STANDARDS: readonly Standard[] = ['ntm', 'nangCao', 'kieuMau'];
export interface AdministrativeUnit {
  name: string; type: string;
  /** true = recognised without a cited decision; a string = the reference id of the decision. */
  standards: Partial<Record<Standard, true | string>>;
  at: Loc;
}
export const WORK_KINDS = ['road', 'school', 'concrete', 'lighting', 'culture', 'health', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export interface ModelCommune {
  unit: UnitRef;
  investment: Money;
  works: { kind: WorkKind; count: Decimal; at: Loc }[];
  landDonation?: {
    households: Decimal; total?: Stated<Area>; residential: Area; agricultural: Area; at: Loc;
  };
  expected?: { by: string; completion: Decimal };
  at: Loc;
}
export interface Communes {
  units: AdministrativeUnit[];
  stated: Partial<Record<Standard, Stated<Decimal>>> & { kieuMauShare?: Stated<Decimal> };
  territoryStatus?: { title: string; text: string; at: Loc };
  modelProgramme?: {
    name: string; period: string; investment?: Stated<Money>; works?: Stated<Decimal>; communeCount?: Stated<Decimal>;
    communes: ModelCommune[]; at: Loc;
  };
  nextGroup?: { units: UnitRef[]; period: string; content: ContentBlock[]; at: Loc };
}

export interface Kpi {
  id: string; label?: string; text?: string; qualifier?: string;
  value: FigureInput; rank?: { part: Decimal; whole: Decimal; at: Loc }; rankAmong?: string; asOf?: string; at: Loc;
}
export interface Digital {
  kpis: Kpi[];
  intro: ContentBlock[];
  areas: { title: string; content: ContentBlock[]; at: Loc }[];
}

export interface Dataset {
  report: ReportMeta;
  investment?: Investment;
  landClearance?: LandClearance;
  communes?: Communes;
  urban?: { goal: string; resultsIntro: string; results: ContentBlock[] };
  digital?: Digital;
  communication?: { content: ContentBlock[] };
  /** The files the dataset was built from (for provenance and hashing). */
  files: string[];
  /**
   * Data files left out because they have errors (`communes`, …): the dataset is then partial,
   * built only so cross-file rules can still check the other files; rules that need a file
   * listed here stay silent rather than report its absence.
   */
  incomplete?: string[];
}

// ---------- reading helpers (data is schema-valid; scalars are strings) ----------

type Raw = Record<string, unknown>;

class Reader {
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
  const at = r.loc(pointer);
  const v = r.get(pointer);
  if (Array.isArray(v)) return { kind: 'units', units: v.map((_, i) => readUnitRef(r, `${pointer}/${i}`)), at };
  const text = String(v).trim();
  if (/%$/.test(text)) return { kind: 'percent', value: r.dec(pointer), at };
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (frac) return { kind: 'fraction', part: toExact(frac[1]), whole: toExact(frac[2]), at };
  if (/^\d+$/.test(text)) return { kind: 'count', value: toExact(text), at };
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

function readIdRef(r: Reader, pointer: string): IdRef | undefined {
  return r.has(pointer) ? { id: r.str(pointer), at: r.loc(pointer) } : undefined;
}

function readItem(r: Reader, pointer: string): ContentItem {
  const v = r.get(pointer);
  if (typeof v === 'string') return { text: v, figures: {}, items: [], at: r.loc(pointer) };
  return {
    text: r.opt(`${pointer}/text`),
    kpi: r.opt(`${pointer}/kpi`),
    projectId: readIdRef(r, `${pointer}/projectId`),
    clearanceCaseId: readIdRef(r, `${pointer}/clearanceCaseId`),
    figures: readFigures(r, `${pointer}/figures`),
    items: r.list(`${pointer}/items`).map((_, i) => readItem(r, `${pointer}/items/${i}`)),
    at: r.loc(r.has(`${pointer}/text`) ? `${pointer}/text` : pointer),
  };
}

export function readContent(r: Reader, pointer: string): ContentBlock[] {
  return r.list(pointer).map((_, i) => {
    const p = `${pointer}/${i}`;
    if (r.has(`${p}/list`)) {
      return { type: 'list' as const, items: r.list(`${p}/list`).map((__, j) => readItem(r, `${p}/list/${j}`)), at: r.loc(p) };
    }
    return { type: 'paragraph' as const, item: readItem(r, p) };
  });
}

// ---------- per-file builders ----------

function readReport(r: Reader): ReportMeta {
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
      summary: r.str('/document/summary'),
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
    at: r.loc(''),
  };
}

function readInvestment(r: Reader): Investment {
  return {
    total: { value: r.money('/plan/total'), at: r.loc('/plan/total') },
    sources: r.list('/plan/sources').map((_, i) => ({
      name: r.str(`/plan/sources/${i}/name`), amount: r.money(`/plan/sources/${i}/amount`), at: r.loc(`/plan/sources/${i}/amount`),
    })),
    areas: r.list('/areas').map((_, i) => {
      const p = `/areas/${i}`;
      return {
        id: r.str(`${p}/id`), name: r.str(`${p}/name`),
        allocation: r.stated(`${p}/allocation`, (q) => r.money(q))!,
        note: r.opt(`${p}/note`),
        projects: r.list(`${p}/projects`).map((__, j) => {
          const q = `${p}/projects/${j}`;
          return {
            id: r.str(`${q}/id`), kind: r.opt(`${q}/kind`), name: r.str(`${q}/name`),
            allocation: r.money(`${q}/allocation`),
            totalInvestment: r.has(`${q}/totalInvestment`) ? r.money(`${q}/totalInvestment`) : undefined,
            at: r.loc(q),
            allocationAt: r.loc(`${q}/allocation`),
          };
        }),
        at: r.loc(p),
      };
    }),
  };
}

function readLandClearance(r: Reader): LandClearance {
  return {
    intro: { text: r.str('/intro'), at: r.loc('/intro') },
    completedSummary: r.str('/completedSummary'),
    inProgressSummary: r.str('/inProgressSummary'),
    statedCompleted: r.stated('/stated/completedProjects', (p) => r.dec(p)),
    cases: r.list('/cases').map((_, i) => {
      const p = `/cases/${i}`;
      return {
        id: r.str(`${p}/id`), project: r.str(`${p}/project`), stage: r.str(`${p}/stage`) as ClearanceStage,
        organisations: r.has(`${p}/organisations`) ? r.int(`${p}/organisations`) : 0,
        households: r.int(`${p}/households`),
        area: r.area(`${p}/area`),
        cost: r.has(`${p}/cost`) ? r.money(`${p}/cost`) : undefined,
        note: r.opt(`${p}/note`),
        projectId: readIdRef(r, `${p}/projectId`),
        at: r.loc(p),
      };
    }),
  };
}

function readCommunes(r: Reader): Communes {
  const standardsOf = (p: string): AdministrativeUnit['standards'] => {
    const out: AdministrativeUnit['standards'] = {};
    for (const s of STANDARDS) {
      const v = r.opt(`${p}/standards/${s}`);
      if (v === undefined || v === 'false') continue;
      out[s] = v === 'true' ? true : v;
    }
    return out;
  };
  const statedCount = (k: string) => r.stated(`/stated/${k}`, (p) => r.dec(p));
  const c: Communes = {
    units: r.list('/units').map((_, i) => ({
      name: r.str(`/units/${i}/name`), type: r.str(`/units/${i}/type`), standards: standardsOf(`/units/${i}`), at: r.loc(`/units/${i}`),
    })),
    stated: {
      ntm: statedCount('ntm'), nangCao: statedCount('nangCao'), kieuMau: statedCount('kieuMau'),
      kieuMauShare: statedCount('kieuMauShare'),
    },
  };
  if (r.has('/territoryStatus')) {
    c.territoryStatus = { title: r.str('/territoryStatus/title'), text: r.str('/territoryStatus/text'), at: r.loc('/territoryStatus/text') };
  }
  if (r.has('/modelProgramme')) c.modelProgramme = readModelProgramme(r);
  if (r.has('/nextGroup')) {
    c.nextGroup = {
      units: r.list('/nextGroup/units').map((_, i) => readUnitRef(r, `/nextGroup/units/${i}`)),
      period: r.str('/nextGroup/period'),
      content: readContent(r, '/nextGroup/content'),
      at: r.loc('/nextGroup'),
    };
  }
  return c;
}

function readModelProgramme(r: Reader): NonNullable<Communes['modelProgramme']> {
  const p = '/modelProgramme';
  return {
    name: r.str(`${p}/name`),
    period: r.str(`${p}/period`),
    investment: r.stated(`${p}/investment`, (q) => r.money(q)),
    works: r.stated(`${p}/works`, (q) => r.dec(q)),
    communeCount: r.stated(`${p}/communeCount`, (q) => r.dec(q)),
    communes: r.list(`${p}/communes`).map((_, i) => {
      const q = `${p}/communes/${i}`;
      const worksRaw = (r.get(`${q}/works`) ?? {}) as Raw;
      return {
        unit: readUnitRef(r, `${q}/unit`),
        investment: r.money(`${q}/investment`),
        works: WORK_KINDS.filter((k) => k in worksRaw).map((k) => ({ kind: k, count: r.dec(`${q}/works/${k}`), at: r.loc(`${q}/works/${k}`) })),
        landDonation: r.has(`${q}/landDonation`) ? {
          households: r.dec(`${q}/landDonation/households`),
          total: r.stated(`${q}/landDonation/total`, (x) => r.area(x)),
          residential: r.area(`${q}/landDonation/residential`),
          agricultural: r.area(`${q}/landDonation/agricultural`),
          at: r.loc(`${q}/landDonation`),
        } : undefined,
        expected: r.has(`${q}/expected`) ? { by: r.str(`${q}/expected/by`), completion: r.dec(`${q}/expected/completion`) } : undefined,
        at: r.loc(q),
      };
    }),
    at: r.loc(p),
  };
}

function readDigital(r: Reader): Digital {
  return {
    kpis: r.list('/kpis').map((_, i) => {
      const p = `/kpis/${i}`;
      const rank = r.opt(`${p}/rank`);
      const m = rank ? /^(\d+)\s*\/\s*(\d+)$/.exec(rank) : null;
      return {
        id: r.str(`${p}/id`), label: r.opt(`${p}/label`), text: r.opt(`${p}/text`), qualifier: r.opt(`${p}/qualifier`),
        value: readFigure(r, `${p}/value`),
        rank: m ? { part: toExact(m[1]), whole: toExact(m[2]), at: r.loc(`${p}/rank`) } : undefined,
        rankAmong: r.opt(`${p}/rankAmong`), asOf: r.opt(`${p}/asOf`),
        at: r.loc(p),
      };
    }),
    intro: readContent(r, '/intro'),
    areas: r.list('/areas').map((_, i) => ({
      title: r.str(`/areas/${i}/title`), content: readContent(r, `/areas/${i}/content`), at: r.loc(`/areas/${i}`),
    })),
  };
}

/** Build the Dataset from schema-valid files. Throws only for a bug (a shape the schema forbids). */
export function buildDataset(files: SourceFile[]): Dataset | null {
  const byName = new Map(files.map((f) => [f.name, new Reader(f)]));
  const report = byName.get('report');
  if (!report) return null;
  const opt = <T>(name: string, read: (r: Reader) => T): T | undefined => {
    const r = byName.get(name);
    return r ? read(r) : undefined;
  };
  return {
    report: readReport(report),
    investment: opt('investment', readInvestment),
    landClearance: opt('land-clearance', readLandClearance),
    communes: opt('communes', readCommunes),
    urban: opt('urban', (r) => ({ goal: r.str('/goal'), resultsIntro: r.str('/resultsIntro'), results: readContent(r, '/results') })),
    digital: opt('digital', readDigital),
    communication: opt('communication', (r) => ({ content: readContent(r, '/content') })),
    files: files.map((f) => f.path),
  };
}
