/**
 * The theme report's model (`chu-de-nam`): the sections its templates print — communication,
 * public investment (III), land clearance (IV.1), urban works, new-rural standards and the
 * model-commune programme (IV.3), digital transformation — each total, count and ratio a Figure
 * computed from the records with decimal.js and traceable to its rows; where the data also
 * states a figure, the parts are checked against it. Also the kind's cross-file rules: ids
 * unique per record kind, projects and land-clearance cases named from other files, the same
 * land given the same area, the standards of the register of communes.
 */
import { sumQuantities, ratioPercent, toExact, formatNumber, formatSum, convertArea, formatArea, type Money } from '../../numbers/index.js';
import type { ContentItem, IdRef, Stated } from '../../validate/dataset.js';
import { AggregateContext, ContentResolver, cite, didYouMean, type KindModel, type Figure } from '../../aggregate/index.js';
import { ref } from '../../aggregate/figure.js';
import { computedFigure, factFigure } from '../../aggregate/stated.js';
import { checkUnitStandards } from './standards.js';
import { WORK_KIND_LABEL, STANDARD_LABEL, STANDARD_SHORT } from './labels.js';
import { STANDARDS, type ThemeDataset, type Standard, type LandClearanceCase, type ModelCommune, type AdministrativeUnit } from './records.js';

type Ctx = AggregateContext<ThemeDataset>;

export const themeModel: KindModel<ThemeDataset> = {
  units: (data) => data.communes?.units ?? [],
  kpis: (data) => data.digital?.kpis ?? [],
  duplicates: (d) => [
    { what: 'lĩnh vực đầu tư', items: d.investment?.areas ?? [] },
    { what: 'dự án', items: (d.investment?.areas ?? []).flatMap((a) => a.projects) },
    { what: 'trường hợp GPMB', items: d.landClearance?.cases ?? [] },
    { what: 'chỉ số', items: d.digital?.kpis ?? [] },
    { what: 'đơn vị', items: (d.communes?.units ?? []).map((u) => ({ id: u.name, at: u.at })) },
  ],
  check: checkUnitStandards,
  checkItem(ctx, item) {
    if (item.links.projectId) checkProject(ctx, item.links.projectId);
    if (item.links.clearanceCaseId) checkSameLand(ctx, item, item.links.clearanceCaseId);
  },
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

// ---------- links from other files ----------

/** A project id named in another file must be a project of investment.yaml (V208). */
function checkProject(ctx: Ctx, id: IdRef): void {
  if (ctx.lacks('investment')) return;
  const ids = (ctx.data.investment?.areas ?? []).flatMap((a) => a.projects.map((p) => p.id));
  if (ids.includes(id.id)) return;
  ctx.report('V208', id.at, { id: id.id, ...didYouMean(id.id, ids), known: ids.length ? ids.join(', ') : 'chưa có dự án nào' });
}

/** The land-clearance case an item names (V209 when there is none). */
function clearanceCase(ctx: Ctx, id: IdRef): LandClearanceCase | undefined {
  if (ctx.lacks('land-clearance')) return undefined;
  const cases = ctx.data.landClearance?.cases ?? [];
  const found = cases.find((c) => c.id === id.id);
  if (!found) {
    const ids = cases.map((c) => c.id);
    ctx.report('V209', id.at, { id: id.id, ...didYouMean(id.id, ids), known: ids.length ? ids.join(', ') : 'chưa có trường hợp nào' });
  }
  return found;
}

/** An item about the same land as a clearance case gives the same area (else V304). */
function checkSameLand(ctx: Ctx, item: ContentItem, caseRef: IdRef): void {
  const c = clearanceCase(ctx, caseRef);
  if (!c) return;
  for (const f of Object.values(item.figures)) {
    if (f.kind !== 'area') continue;
    if (convertArea(f.value, c.area.unit).amount.equals(c.area.amount)) continue;
    ctx.report('V304', f.at, {
      value: formatArea(f.value), other: formatArea(c.area), project: c.project, at: `${c.at.file}:${c.at.line}`,
    });
  }
}

// ---------- III. investment ----------

function investmentModel(ctx: Ctx) {
  const inv = ctx.data.investment!;
  // A source is named by its name (data), not by its place in the list.
  const sources = inv.sources.map((s) => ({
    name: s.name,
    amount: factFigure(ctx, `investment.sources.${slug(s.name)}`, s.name, { kind: 'money', money: s.amount }, ref(s.at, s.name)),
  }));
  const sourcesSum = sumQuantities(inv.sources.map((s) => s.amount), inv.total.value.unit);
  const total = computedFigure(ctx, {
    id: 'investment.total',
    label: 'Tổng kế hoạch vốn đầu tư công năm',
    formula: `Tổng ${inv.sources.length} nguồn vốn: ${formatSum(inv.sources.map((s) => s.amount), inv.total.value.unit)}`,
    sources: inv.sources.map((s) => ref(s.at, s.name)),
  }, { kind: 'money', money: sourcesSum }, { value: { kind: 'money', money: inv.total.value }, print: 'stated', at: inv.total.at });
  const areas = inv.areas.map((a) => {
    const projects = a.projects.map((p) => ({
      id: p.id,
      name: p.name,
      label: p.kind ? `${p.kind} ${p.name}` : p.name,
      allocation: factFigure(ctx, `investment.project.${p.id}`, p.name, { kind: 'money', money: p.allocation }, ref(p.allocationAt, p.name)),
      totalInvestment: p.totalInvestment && factFigure(ctx, `investment.project.${p.id}.total`, `Tổng mức đầu tư: ${p.name}`, { kind: 'money', money: p.totalInvestment }, ref(p.at, p.name)),
    }));
    const allocation = a.projects.length
      ? computedFigure(ctx, {
          id: `investment.area.${a.id}`, label: `Vốn phân bổ: ${a.name}`,
          formula: `Tổng ${a.projects.length} dự án: ${formatSum(a.projects.map((p) => p.allocation), a.allocation.value.unit)}`,
          sources: a.projects.map((p) => ref(p.allocationAt, p.name)),
        }, { kind: 'money', money: sumQuantities(a.projects.map((p) => p.allocation), a.allocation.value.unit) }, statedMoney(a.allocation))
      : factFigure(ctx, `investment.area.${a.id}`, `Vốn phân bổ: ${a.name}`, { kind: 'money', money: a.allocation.value }, ref(a.allocation.at, a.name));
    return { id: a.id, name: a.name, note: a.note, allocation, projects, amount: moneyOf(allocation) };
  });
  const allocated = computedFigure(ctx, {
    id: 'investment.allocated',
    label: 'Tổng vốn đã phân bổ cho các lĩnh vực của Chủ đề năm',
    formula: `Tổng ${areas.length} lĩnh vực: ${formatSum(areas.map((a) => a.amount), inv.total.value.unit)}`,
    sources: areas.flatMap((a) => a.allocation.sources),
  }, { kind: 'money', money: sumQuantities(areas.map((a) => a.amount), inv.total.value.unit) });
  return {
    total, sources, areas, allocated,
  };
}

function statedMoney(s: Stated<Money>): Stated<{ kind: 'money'; money: Money }> {
  return { value: { kind: 'money', money: s.value }, print: s.print, at: s.at };
}

function moneyOf(f: Figure): Money {
  if (f.kind !== 'money') throw new Error('not a money figure');
  return f.money;
}

// ---------- IV.1 land clearance ----------

const STAGE_ORDER = ['completed', 'compensation-approved', 'in-progress'] as const;

function landClearanceModel(ctx: Ctx, content: ContentResolver) {
  const lc = ctx.data.landClearance!;
  for (const c of lc.cases) if (c.projectId) checkProject(ctx, c.projectId);
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
    computedFigure(ctx, { id, label, formula: cs.map((c) => formatNumber(pick(c))).join(' + '), sources: sources(cs) },
      { kind: 'count', n: cs.reduce((acc, c) => acc.plus(pick(c)), toExact(0)) });
  return {
    intro: content.text(lc.intro.text, lc.intro.at, 'land-clearance:intro'),
    completedSummary: lc.completedSummary,
    inProgressSummary: lc.inProgressSummary,
    completedCount: computedFigure(ctx, {
      id: 'gpmb.completed.count', label: 'Số dự án hoàn thành GPMB', formula: `đếm ${completed.length} trường hợp có stage: completed`, sources: sources(completed), countsItems: true,
    }, { kind: 'count', n: toExact(completed.length) }, lc.statedCompleted && { value: { kind: 'count', n: lc.statedCompleted.value }, print: lc.statedCompleted.print, at: lc.statedCompleted.at }),
    completedHouseholds: sum('gpmb.completed.households', 'Số hộ dân đã hoàn thành GPMB', completed, (c) => c.households),
    completedOrganisations: sum('gpmb.completed.organisations', 'Số tổ chức đã hoàn thành GPMB', completed, (c) => c.organisations),
    completedArea: computedFigure(ctx, { id: 'gpmb.completed.area', label: 'Diện tích đã hoàn thành GPMB', formula: formatSum(completed.map((c) => c.area), 'ha'), sources: sources(completed) },
      { kind: 'area', area: sumQuantities(completed.map((c) => c.area), 'ha') }),
    completedCost: computedFigure(ctx, { id: 'gpmb.completed.cost', label: 'Kinh phí GPMB các dự án đã hoàn thành', formula: formatSum(completed.flatMap((c) => (c.cost ? [c.cost] : [])), 'tỷ'), sources: sources(completed) },
      { kind: 'money', money: sumQuantities(completed.flatMap((c) => (c.cost ? [c.cost] : [])), 'tỷ') }),
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
  const meeting = (s: Standard) => rural.filter((u) => u.standards[s]);
  const countOf = (s: Standard) => {
    const units = meeting(s);
    const stated = c.stated[s];
    return computedFigure(ctx, {
      id: `ntm.${s}.count`, label: `Số xã đạt chuẩn ${STANDARD_LABEL[s]}`,
      formula: `đếm ${units.length}/${rural.length} xã trong sổ đăng ký`, sources: units.map((u) => ref(u.at, u.name)), countsItems: true,
    }, { kind: 'count', n: toExact(units.length) }, stated && { value: { kind: 'count', n: stated.value }, print: stated.print, at: stated.at });
  };
  const shareOf = (s: Standard) => {
    const units = meeting(s);
    const stated = s === 'kieuMau' ? c.stated.kieuMauShare : undefined;
    const share = rural.length ? ratioPercent(toExact(units.length), toExact(rural.length)) : toExact(0);
    return computedFigure(ctx, {
      id: `ntm.${s}.share`, label: `Tỷ lệ xã đạt chuẩn ${STANDARD_LABEL[s]}`,
      formula: `${units.length}/${rural.length} × 100%`, sources: units.map((u) => ref(u.at, u.name)),
    }, { kind: 'percent', n: share.toDecimalPlaces(2, 4) }, stated && { value: { kind: 'percent', n: stated.value }, print: stated.print, at: stated.at });
  };
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
  const allWorks = mp.communes.flatMap((mc) => mc.works);
  return {
    name: mp.name,
    period: mp.period,
    communeNames: factFigure(ctx, 'ntm.model.communes', 'Các xã thực hiện', { kind: 'units', names: communes.map((m) => m.name) }, ref(mp.at, mp.name)),
    communeCount: computedFigure(ctx, {
      id: 'ntm.model.communeCount', label: `Số xã thực hiện: ${mp.name}`, formula: `đếm ${communes.length} xã trong modelProgramme.communes`,
      sources: mp.communes.map((m) => ref(m.at, m.unit.name)), countsItems: true,
    }, { kind: 'count', n: toExact(communes.length) }, mp.communeCount && { value: { kind: 'count', n: mp.communeCount.value }, print: mp.communeCount.print, at: mp.communeCount.at }),
    investment: computedFigure(ctx, {
      id: 'ntm.model.investment', label: `Tổng mức đầu tư: ${mp.name}`,
      formula: formatSum(mp.communes.map((m) => m.investment), 'triệu'),
      sources: mp.communes.map((m) => ref(m.at, m.unit.name)),
    }, { kind: 'money', money: sumQuantities(mp.communes.map((m) => m.investment), 'triệu') }, mp.investment && statedMoney(mp.investment)),
    works: computedFigure(ctx, {
      id: 'ntm.model.works', label: 'Số hạng mục công trình',
      formula: allWorks.map((w) => formatNumber(w.count)).join(' + '),
      sources: allWorks.map((w) => ref(w.at, WORK_KIND_LABEL[w.kind])),
    }, { kind: 'count', n: allWorks.reduce((a, w) => a.plus(w.count), toExact(0)) }, mp.works && { value: { kind: 'count', n: mp.works.value }, print: mp.works.print, at: mp.works.at }),
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
      total: computedFigure(ctx, {
        id: `${id}.land.total`, label: `Tổng diện tích đất hiến: xã ${name}`,
        formula: formatSum([ld.residential, ld.agricultural], ld.residential.unit),
        sources: [ref(ld.at, 'residential'), ref(ld.at, 'agricultural')],
      }, { kind: 'area', area: sumQuantities([ld.residential, ld.agricultural], ld.residential.unit) }, ld.total && { value: { kind: 'area', area: ld.total.value }, print: ld.total.print, at: ld.total.at }),
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

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

