/**
 * The theme report's records (`chu-de-nam`): public investment, land clearance, the register of
 * communes with their new-rural standards and the model-commune programme, urban works, digital
 * transformation KPIs and prose, communication. Read from the kind's schema-valid files into
 * typed records with exact Decimal quantities; every record keeps the file:line:col it came from.
 * Every file is optional here: a commune's report with three of the files is valid, and the
 * manifest (kind.yaml) says which files the kind cannot do without.
 */
import type { Decimal } from 'decimal.js';
import { toExact, type Money, type Area } from '../../numbers/index.js';
import {
  readContent, readFigure, readIdRef, readUnitRef, type IdRef,
  type Reader, type Dataset, type Loc, type Stated, type UnitRef, type ContentBlock, type Kpi, type RegisterUnit,
} from '../../validate/dataset.js';

type Raw = Record<string, unknown>;

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
export interface AdministrativeUnit extends RegisterUnit {
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


export interface Digital {
  kpis: Kpi[];
  intro: ContentBlock[];
  areas: { title: string; content: ContentBlock[]; at: Loc }[];
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


export interface ThemeRecords {
  investment?: Investment;
  landClearance?: LandClearance;
  communes?: Communes;
  urban?: { goal: string; resultsIntro: string; results: ContentBlock[] };
  digital?: Digital;
  communication?: { content: ContentBlock[] };
}

/** The Dataset of a theme report: the shared part and the kind's records. */
export type ThemeDataset = Dataset & ThemeRecords;

/** The kind's records from its files (by name, report.yaml excluded). */
export function readRecords(files: ReadonlyMap<string, Reader>): ThemeRecords {
  const opt = <T>(name: string, read: (r: Reader) => T): T | undefined => {
    const r = files.get(name);
    return r ? read(r) : undefined;
  };
  return {
    investment: opt('investment', readInvestment),
    landClearance: opt('land-clearance', readLandClearance),
    communes: opt('communes', readCommunes),
    urban: opt('urban', (r) => ({ goal: r.str('/goal'), resultsIntro: r.str('/resultsIntro'), results: readContent(r, '/results') })),
    digital: opt('digital', readDigital),
    communication: opt('communication', (r) => ({ content: readContent(r, '/content') })),
  };
}
