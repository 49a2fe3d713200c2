/**
 * The theme report's rules, registered by its code (index.ts) and run by validation with every
 * other data rule: ids unique per record kind, projects and land-clearance cases named from
 * other files (V208, V209), the same land given the same area (V304), the standards of the
 * register of communes (standards.ts), unit names of the programme's communes and of the next
 * group (V203, V204), and each computed figure against the figure the data states beside it
 * (V301, V303; the values come from totals.ts, which the model prints from too). A rule that
 * needs a file that failed validation stays silent.
 */
import { convertArea, formatArea } from '../../numbers/index.js';
import type { ContentItem, IdRef } from '../../validate/dataset.js';
import type { KindRules, RuleContext } from '../../validate/rules/index.js';
import { didYouMean } from '../../dataset/register.js';
import { checkStated } from '../../validate/rules/stated.js';
import { checkUnitStandards } from './standards.js';
import { allTotals } from './totals.js';
import { slug } from './model.js';
import type { LandClearanceCase, ThemeDataset } from './records.js';

type Ctx = RuleContext<ThemeDataset>;

export const themeRules: KindRules<ThemeDataset> = {
  units: (data) => data.communes?.units ?? [],
  registerFile: 'communes',
  kpis: (data) => data.digital?.kpis ?? [],
  kpiFile: 'digital',
  duplicates: (d) => [
    { what: 'lĩnh vực đầu tư', items: d.investment?.areas ?? [] },
    { what: 'dự án', items: (d.investment?.areas ?? []).flatMap((a) => a.projects) },
    { what: 'trường hợp GPMB', items: d.landClearance?.cases ?? [] },
    { what: 'chỉ số', items: d.digital?.kpis ?? [] },
    { what: 'đơn vị', items: (d.communes?.units ?? []).map((u) => ({ id: u.name, at: u.at })) },
  ],
  // The same scopes as model.ts gives these blocks, so V613 names the ids the report would print.
  prose: (d) => [
    ...(d.communication ? [{ blocks: d.communication.content, scope: 'communication:' }] : []),
    ...(d.landClearance ? [{ text: d.landClearance.intro.text, at: d.landClearance.intro.at }] : []),
    ...(d.urban ? [{ blocks: d.urban.results, scope: 'urban:results' }] : []),
    ...(d.communes?.nextGroup ? [{ blocks: d.communes.nextGroup.content, scope: 'communes:nextGroup' }] : []),
    ...(d.digital ? [{ blocks: d.digital.intro, scope: 'digital:intro' }, ...d.digital.areas.map((a) => ({ blocks: a.content, scope: `digital:${slug(a.title)}` }))] : []),
  ],
  checkItem(ctx, item) {
    if (item.links.projectId) checkProject(ctx, item.links.projectId);
    if (item.links.clearanceCaseId) checkSameLand(ctx, item, item.links.clearanceCaseId);
  },
  check(ctx) {
    checkUnitStandards(ctx);
    for (const c of ctx.data.landClearance?.cases ?? []) if (c.projectId) checkProject(ctx, c.projectId);
    for (const u of ctx.data.communes?.nextGroup?.units ?? []) ctx.unitName(u);
    for (const t of allTotals(ctx.data, (mc) => ctx.unitName(mc.unit))) checkStated(ctx, t);
  },
};

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
