/**
 * The theme report's model (`chu-de-nam`): the sections its templates print — communication,
 * public investment (III), land clearance (IV.1), urban works, new-rural standards and the
 * model-commune programme (IV.3), digital transformation — each total, count and ratio a Figure
 * computed from the records with decimal.js and traceable to its rows; where the data also
 * states a figure, the printed one is the one `print` chose (the values come from totals.ts,
 * which the kind's rules check too; the rules themselves are in rules.ts).
 */
import { sumQuantities, toExact, formatNumber, formatSum, type Money } from '../../numbers/index.js';
import { AggregateContext, ContentResolver, cite, type KindModel, type Figure } from '../../aggregate/index.js';
import { ref } from '../../aggregate/figure.js';
import { computedFigure, factFigure } from '../../aggregate/stated.js';
import { WORK_KIND_LABEL, STANDARD_LABEL, STANDARD_SHORT } from './labels.js';
import { STANDARDS, type ThemeDataset, type Standard, type LandClearanceCase, type ModelCommune, type AdministrativeUnit } from './records.js';
import { areaAllocation, completedCount, landTotal, meetingStandard, planTotal, programmeTotals, standardCount, standardShare } from './totals.js';

type Ctx = AggregateContext<ThemeDataset>;

export const themeModel: KindModel<ThemeDataset> = {
  units: (data) => data.communes?.units ?? [],
  kpis: (data) => data.digital?.kpis ?? [],
  sections(ctx, content) {
    const data = ctx.data;
    return {
      communication: data.communication && content.blocks(data.communication.content, 'communication:'),
      investment: data.investment && investmentModel(ctx),
      landClearance: data.landClearance && landClearanceModel(ctx, content),
      urban: data.urban && {
        goal: data.urban.goal,
        resultsIntro: data.urban.resultsIntro,
        results: content.blocks(data.urban.results, 'urban:results'),
      },
      ntm: data.communes && ntmModel(ctx, content),
      digital: data.digital && {
        intro: content.blocks(data.digital.intro, 'digital:intro'),
        // An area's figures are scoped by its title (data), not by its place in the list.
        areas: data.digital.areas.map((a) => ({ title: a.title, content: content.blocks(a.content, `digital:${slug(a.title)}`) })),
      },
    };
  },
};

// ---------- III. investment ----------

function investmentModel(ctx: Ctx) {
  const inv = ctx.data.investment!;
  // A source is named by its name (data), not by its place in the list.
  const sources = inv.sources.map((s) => ({
    name: s.name,
    amount: factFigure(ctx, `investment.sources.${slug(s.name)}`, s.name, { kind: 'money', money: s.amount }, ref(s.at, s.name)),
  }));
  const total = computedFigure(ctx, planTotal(inv));
  const areas = inv.areas.map((a) => {
    const projects = a.projects.map((p) => ({
      id: p.id,
      name: p.name,
      label: p.kind ? `${p.kind} ${p.name}` : p.name,
      allocation: factFigure(ctx, `investment.project.${p.id}`, p.name, { kind: 'money', money: p.allocation }, ref(p.allocationAt, p.name)),
      totalInvestment: p.totalInvestment && factFigure(ctx, `investment.project.${p.id}.total`, `Tổng mức đầu tư: ${p.name}`, { kind: 'money', money: p.totalInvestment }, ref(p.at, p.name)),
    }));
    const allocation = a.projects.length
      ? computedFigure(ctx, areaAllocation(a))
      : factFigure(ctx, `investment.area.${a.id}`, `Vốn phân bổ: ${a.name}`, { kind: 'money', money: a.allocation.value }, ref(a.allocation.at, a.name));
    return { id: a.id, name: a.name, note: a.note, allocation, projects, amount: moneyOf(allocation) };
  });
  const allocated = computedFigure(ctx, {
    id: 'investment.allocated',
    label: 'Tổng vốn đã phân bổ cho các lĩnh vực của Chủ đề năm',
    formula: `Tổng ${areas.length} lĩnh vực: ${formatSum(areas.map((a) => a.amount), inv.total.value.unit)}`,
    sources: areas.flatMap((a) => a.allocation.sources),
    computed: { kind: 'money', money: sumQuantities(areas.map((a) => a.amount), inv.total.value.unit) },
  });
  return {
    total, sources, areas, allocated,
  };
}

function moneyOf(f: Figure): Money {
  if (f.kind !== 'money') throw new Error('not a money figure');
  return f.money;
}

// ---------- IV.1 land clearance ----------

const STAGE_ORDER = ['completed', 'compensation-approved', 'in-progress'] as const;

function landClearanceModel(ctx: Ctx, content: ContentResolver) {
  const lc = ctx.data.landClearance!;
  const caseModel = (c: LandClearanceCase) => ({
    id: c.id,
    project: c.project,
    stage: c.stage,
    note: c.note,
    households: factFigure(ctx, `gpmb.${c.id}.households`, `Số hộ: ${c.project}`, { kind: 'count', n: toExact(c.households) }, ref(c.at, c.project)),
    organisations: c.organisations ? factFigure(ctx, `gpmb.${c.id}.organisations`, `Số tổ chức: ${c.project}`, { kind: 'count', n: toExact(c.organisations) }, ref(c.at, c.project)) : undefined,
    area: factFigure(ctx, `gpmb.${c.id}.area`, `Diện tích: ${c.project}`, { kind: 'area', area: c.area }, ref(c.at, c.project)),
    cost: c.cost && factFigure(ctx, `gpmb.${c.id}.cost`, `Kinh phí: ${c.project}`, { kind: 'money', money: c.cost }, ref(c.at, c.project)),
  });
  const byStage = (stage: string) => lc.cases.filter((c) => c.stage === stage);
  const completed = byStage('completed');
  // One model (and one set of figures) per case, in stage order.
  const cases = STAGE_ORDER.flatMap((s) => byStage(s)).map(caseModel);
  const sources = (cs: LandClearanceCase[]) => cs.map((c) => ref(c.at, c.project));
  const sum = (id: string, label: string, cs: LandClearanceCase[], pick: (c: LandClearanceCase) => number) =>
    computedFigure(ctx, { id, label, formula: cs.map((c) => formatNumber(pick(c))).join(' + '), sources: sources(cs),
      computed: { kind: 'count', n: cs.reduce((acc, c) => acc.plus(pick(c)), toExact(0)) } });
  return {
    intro: content.text(lc.intro.text, lc.intro.at, 'land-clearance:intro'),
    completedSummary: lc.completedSummary,
    inProgressSummary: lc.inProgressSummary,
    completedCount: computedFigure(ctx, completedCount(lc)),
    completedHouseholds: sum('gpmb.completed.households', 'Số hộ dân đã hoàn thành GPMB', completed, (c) => c.households),
    completedOrganisations: sum('gpmb.completed.organisations', 'Số tổ chức đã hoàn thành GPMB', completed, (c) => c.organisations),
    completedArea: computedFigure(ctx, { id: 'gpmb.completed.area', label: 'Diện tích đã hoàn thành GPMB', formula: formatSum(completed.map((c) => c.area), 'ha'), sources: sources(completed),
      computed: { kind: 'area', area: sumQuantities(completed.map((c) => c.area), 'ha') } }),
    completedCost: computedFigure(ctx, { id: 'gpmb.completed.cost', label: 'Kinh phí GPMB các dự án đã hoàn thành', formula: formatSum(completed.flatMap((c) => (c.cost ? [c.cost] : [])), 'tỷ'), sources: sources(completed),
      computed: { kind: 'money', money: sumQuantities(completed.flatMap((c) => (c.cost ? [c.cost] : [])), 'tỷ') } }),
    cases,
    completed: cases.filter((c) => c.stage === 'completed'),
    compensationApproved: cases.filter((c) => c.stage === 'compensation-approved'),
    inProgress: cases.filter((c) => c.stage === 'in-progress'),
  };
}

// ---------- IV.3 new rural standards ----------

function ntmModel(ctx: Ctx, content: ContentResolver) {
  const c = ctx.data.communes!;
  const rural = c.units.filter((u) => u.type === 'xã');
  const meeting = (s: Standard) => meetingStandard(c, s);
  const countOf = (s: Standard) => computedFigure(ctx, standardCount(c, s));
  const shareOf = (s: Standard) => computedFigure(ctx, standardShare(c, s));
  const standards = STANDARDS.map((s) => ({
    standard: s,
    label: STANDARD_LABEL[s],
    short: STANDARD_SHORT[s],
    /** Name the units when only some of the xã meet the standard. */
    listUnits: meeting(s).length > 0 && meeting(s).length < rural.length,
    count: countOf(s),
    share: shareOf(s),
    units: factFigure(ctx, `ntm.${s}.units`, `Các xã đạt chuẩn ${STANDARD_LABEL[s]}`, { kind: 'units', names: meeting(s).map((u) => u.name) }, ref(c.units[0]?.at ?? ctx.data.report.at, 'Sổ đăng ký đơn vị')),
  }));
  return {
    ruralCount: rural.length,
    territoryStatus: c.territoryStatus,
    standards,
    byStandard: Object.fromEntries(standards.map((s) => [s.standard, s])) as Record<Standard, (typeof standards)[number]>,
    modelProgramme: c.modelProgramme && modelProgrammeModel(ctx),
    nextGroup: c.nextGroup && {
      units: factFigure(ctx, 'ntm.nextGroup.units', 'Các xã về đích giai đoạn tiếp theo', { kind: 'units', names: c.nextGroup.units.map((u) => ctx.unitName(u)) }, ref(c.nextGroup.at, 'nextGroup')),
      period: c.nextGroup.period,
      content: content.blocks(c.nextGroup.content, 'communes:nextGroup'),
    },
  };
}

function modelProgrammeModel(ctx: Ctx) {
  const mp = ctx.data.communes!.modelProgramme!;
  const communes = mp.communes.map((mc) => modelCommune(ctx, mc));
  const totals = programmeTotals(mp);
  return {
    name: mp.name,
    period: mp.period,
    communeNames: factFigure(ctx, 'ntm.model.communes', 'Các xã thực hiện', { kind: 'units', names: communes.map((m) => m.name) }, ref(mp.at, mp.name)),
    communeCount: computedFigure(ctx, totals.communeCount),
    investment: computedFigure(ctx, totals.investment),
    works: computedFigure(ctx, totals.works),
    communes,
  };
}

function modelCommune(ctx: Ctx, mc: ModelCommune) {
  const name = ctx.unitName(mc.unit);
  const unit = ctx.findUnit(name) as AdministrativeUnit | undefined;
  const id = `ntm.model.${slug(name)}`;
  const ld = mc.landDonation;
  const recognitions = (['nangCao', 'kieuMau'] as const).flatMap((s) => {
    const decision = unit?.standards[s];
    if (typeof decision !== 'string') return [];
    const r = ctx.references.get(decision);
    return r ? [{ standard: s, label: STANDARD_LABEL[s], issuer: r.issuer ?? '', citation: cite(r, 'dated') }] : [];
  });
  return {
    name,
    type: unit?.type ?? 'xã',
    investment: factFigure(ctx, `${id}.investment`, `Tổng mức đầu tư: xã ${name}`, { kind: 'money', money: mc.investment }, ref(mc.at, name)),
    works: mc.works.map((w) => ({
      kind: w.kind, label: WORK_KIND_LABEL[w.kind],
      count: factFigure(ctx, `${id}.works.${w.kind}`, `${WORK_KIND_LABEL[w.kind]}: xã ${name}`, { kind: 'count', n: w.count }, ref(w.at, WORK_KIND_LABEL[w.kind])),
    })),
    landDonation: ld && {
      households: factFigure(ctx, `${id}.land.households`, `Số hộ hiến đất: xã ${name}`, { kind: 'count', n: ld.households }, ref(ld.at, 'households')),
      total: computedFigure(ctx, landTotal(mc, name, id)!),
      residential: factFigure(ctx, `${id}.land.residential`, `Đất ở hiến: xã ${name}`, { kind: 'area', area: ld.residential }, ref(ld.at, 'residential')),
      agricultural: factFigure(ctx, `${id}.land.agricultural`, `Đất nông nghiệp hiến: xã ${name}`, { kind: 'area', area: ld.agricultural }, ref(ld.at, 'agricultural')),
    },
    expected: mc.expected && {
      by: mc.expected.by,
      completion: factFigure(ctx, `${id}.expected`, `Dự kiến hoàn thành: xã ${name}`, { kind: 'percent', n: mc.expected.completion }, ref(mc.at, name)),
    },
    recognitions,
  };
}

/** A title or name as an id part (the digital areas' scopes, shared with rules.ts). */
export function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

