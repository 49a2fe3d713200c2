/**
 * The theme report's checked figures, computed once: each total, count and ratio the report
 * prints beside a figure the data may also state — the plan total against its sources, an
 * area's allocation against its projects, the completed clearance cases, the communes meeting
 * each standard and their share, the model-commune programme's communes, investment and works,
 * the land each commune donated. The kind's rules (rules.ts) check each against its stated
 * twin; the model (model.ts) prints each — both from these same values, so a check and the
 * printed figure cannot drift apart.
 */
import { sumQuantities, ratioPercent, toExact, formatNumber, formatSum, type Money } from '../../numbers/index.js';
import type { Loc, Stated } from '../../validate/dataset.js';
import type { StatedTotal } from '../../validate/rules/stated.js';
import { STANDARD_LABEL, WORK_KIND_LABEL } from './labels.js';
import type { Investment, InvestmentArea, LandClearance, LandClearanceCase, ModelCommune, Communes, Standard, AdministrativeUnit } from './records.js';

/** A checked figure: its id and provenance for the model, its values for the check. */
export interface ThemeTotal extends StatedTotal {
  id: string;
  sources: { at: Loc; label: string }[];
}

const money = (m: Money) => ({ kind: 'money' as const, money: m });
function statedMoney(s: Stated<Money> | undefined): StatedTotal['stated'] {
  return s && { value: money(s.value), print: s.print, at: s.at };
}
function statedCount(s: Stated<ReturnType<typeof toExact>> | undefined): StatedTotal['stated'] {
  return s && { value: { kind: 'count', n: s.value }, print: s.print, at: s.at };
}

/** The approved plan total (printed as stated) against the sum of its sources. */
export function planTotal(inv: Investment): ThemeTotal {
  return {
    id: 'investment.total',
    label: 'Tổng kế hoạch vốn đầu tư công năm',
    formula: `Tổng ${inv.sources.length} nguồn vốn: ${formatSum(inv.sources.map((s) => s.amount), inv.total.value.unit)}`,
    sources: inv.sources.map((s) => ({ at: s.at, label: s.name })),
    computed: money(sumQuantities(inv.sources.map((s) => s.amount), inv.total.value.unit)),
    stated: { value: money(inv.total.value), print: 'stated', at: inv.total.at },
  };
}

/** An area's allocation against the sum of its projects (only for an area with projects). */
export function areaAllocation(a: InvestmentArea): ThemeTotal {
  return {
    id: `investment.area.${a.id}`, label: `Vốn phân bổ: ${a.name}`,
    formula: `Tổng ${a.projects.length} dự án: ${formatSum(a.projects.map((p) => p.allocation), a.allocation.value.unit)}`,
    sources: a.projects.map((p) => ({ at: p.allocationAt, label: p.name })),
    computed: money(sumQuantities(a.projects.map((p) => p.allocation), a.allocation.value.unit)),
    stated: statedMoney(a.allocation),
  };
}

/** The completed land-clearance cases, counted, against the count the data states. */
export function completedCount(lc: LandClearance): ThemeTotal {
  const completed = lc.cases.filter((c: LandClearanceCase) => c.stage === 'completed');
  return {
    id: 'gpmb.completed.count', label: 'Số dự án hoàn thành GPMB', formula: `đếm ${completed.length} trường hợp có stage: completed`,
    sources: completed.map((c) => ({ at: c.at, label: c.project })), countsItems: true,
    computed: { kind: 'count', n: toExact(completed.length) }, stated: statedCount(lc.statedCompleted),
  };
}

const ruralOf = (c: Communes) => c.units.filter((u) => u.type === 'xã');
export const meetingStandard = (c: Communes, s: Standard): AdministrativeUnit[] => ruralOf(c).filter((u) => u.standards[s]);

/** The xã meeting a standard, counted from the register. */
export function standardCount(c: Communes, s: Standard): ThemeTotal {
  const units = meetingStandard(c, s);
  const rural = ruralOf(c);
  return {
    id: `ntm.${s}.count`, label: `Số xã đạt chuẩn ${STANDARD_LABEL[s]}`,
    formula: `đếm ${units.length}/${rural.length} xã trong sổ đăng ký`, sources: units.map((u) => ({ at: u.at, label: u.name })), countsItems: true,
    computed: { kind: 'count', n: toExact(units.length) }, stated: statedCount(c.stated[s]),
  };
}

/** The share of xã meeting a standard, in percent at two places. */
export function standardShare(c: Communes, s: Standard): ThemeTotal {
  const units = meetingStandard(c, s);
  const rural = ruralOf(c);
  const stated = s === 'kieuMau' ? c.stated.kieuMauShare : undefined;
  const share = rural.length ? ratioPercent(toExact(units.length), toExact(rural.length)) : toExact(0);
  return {
    id: `ntm.${s}.share`, label: `Tỷ lệ xã đạt chuẩn ${STANDARD_LABEL[s]}`,
    formula: `${units.length}/${rural.length} × 100%`, sources: units.map((u) => ({ at: u.at, label: u.name })),
    computed: { kind: 'percent', n: share.toDecimalPlaces(2, 4) },
    stated: stated && { value: { kind: 'percent', n: stated.value }, print: stated.print, at: stated.at },
  };
}

type Programme = NonNullable<Communes['modelProgramme']>;

/** The model-commune programme: its communes counted, its investment and works summed. */
export function programmeTotals(mp: Programme): { communeCount: ThemeTotal; investment: ThemeTotal; works: ThemeTotal } {
  const allWorks = mp.communes.flatMap((mc) => mc.works);
  return {
    communeCount: {
      id: 'ntm.model.communeCount', label: `Số xã thực hiện: ${mp.name}`, formula: `đếm ${mp.communes.length} xã trong modelProgramme.communes`,
      sources: mp.communes.map((m) => ({ at: m.at, label: m.unit.name })), countsItems: true,
      computed: { kind: 'count', n: toExact(mp.communes.length) }, stated: statedCount(mp.communeCount),
    },
    investment: {
      id: 'ntm.model.investment', label: `Tổng mức đầu tư: ${mp.name}`,
      formula: formatSum(mp.communes.map((m) => m.investment), 'triệu'),
      sources: mp.communes.map((m) => ({ at: m.at, label: m.unit.name })),
      computed: money(sumQuantities(mp.communes.map((m) => m.investment), 'triệu')), stated: statedMoney(mp.investment),
    },
    works: {
      id: 'ntm.model.works', label: 'Số hạng mục công trình',
      formula: allWorks.map((w) => formatNumber(w.count)).join(' + '),
      sources: allWorks.map((w) => ({ at: w.at, label: WORK_KIND_LABEL[w.kind] })),
      computed: { kind: 'count', n: allWorks.reduce((a, w) => a.plus(w.count), toExact(0)) }, stated: statedCount(mp.works),
    },
  };
}

/** The land a model commune's households donated (residential + agricultural); `name` as printed. */
export function landTotal(mc: ModelCommune, name: string, id: string): ThemeTotal | undefined {
  const ld = mc.landDonation;
  if (!ld) return undefined;
  return {
    id: `${id}.land.total`, label: `Tổng diện tích đất hiến: xã ${name}`,
    formula: formatSum([ld.residential, ld.agricultural], ld.residential.unit),
    sources: [{ at: ld.at, label: 'residential' }, { at: ld.at, label: 'agricultural' }],
    computed: { kind: 'area', area: sumQuantities([ld.residential, ld.agricultural], ld.residential.unit) },
    stated: ld.total && { value: { kind: 'area', area: ld.total.value }, print: ld.total.print, at: ld.total.at },
  };
}

/** Every checked figure of the data (for the rules); `unitName` resolves a commune's printed name. */
export function allTotals(data: { investment?: Investment; landClearance?: LandClearance; communes?: Communes }, unitName: (mc: ModelCommune) => string): ThemeTotal[] {
  const out: ThemeTotal[] = [];
  if (data.investment) {
    out.push(planTotal(data.investment));
    for (const a of data.investment.areas) if (a.projects.length) out.push(areaAllocation(a));
  }
  if (data.landClearance) out.push(completedCount(data.landClearance));
  const c = data.communes;
  if (c) {
    for (const s of ['ntm', 'nangCao', 'kieuMau'] as const) out.push(standardCount(c, s), standardShare(c, s));
    if (c.modelProgramme) {
      const p = programmeTotals(c.modelProgramme);
      out.push(p.communeCount, p.investment, p.works);
      for (const mc of c.modelProgramme.communes) {
        const t = landTotal(mc, unitName(mc), '');
        if (t) out.push(t);
      }
    }
  }
  return out;
}
