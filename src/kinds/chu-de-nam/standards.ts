/**
 * Rules on the register of administrative units: a unit's new-rural standards must be
 * consistent with each other and with the decisions that recognised them — kiểu mẫu requires
 * nâng cao, nâng cao requires NTM; a cited decision must exist, must not be dated after the
 * report, and a kiểu mẫu decision cannot predate the nâng cao one; standards apply to xã only.
 */
import { dateOrder, latestDay, type FullDate } from '../../numbers/index.js';
import type { RuleContext } from '../../validate/rules/index.js';
import { STANDARD_LABEL } from './labels.js';
import type { Standard, ThemeDataset } from './records.js';

const REQUIRES: Partial<Record<Standard, Standard>> = { nangCao: 'ntm', kieuMau: 'nangCao' };

function dateKey(d: { year: number; month?: number; day?: number }): number {
  return dateOrder(latestDay(d));
}

export function checkUnitStandards(ctx: RuleContext<ThemeDataset>): void {
  const reportDate = ctx.data.report.document.date;
  for (const unit of ctx.data.communes?.units ?? []) {
    const decisions: Partial<Record<Standard, FullDate>> = {};
    for (const [standard, value] of Object.entries(unit.standards) as [Standard, true | string][]) {
      if (unit.type !== 'xã') ctx.report('V404', unit.at, { name: unit.name, type: unit.type, standard: STANDARD_LABEL[standard] });
      const needed = REQUIRES[standard];
      if (needed && !unit.standards[needed]) {
        ctx.report('V401', unit.at, { name: unit.name, standard: STANDARD_LABEL[standard], needed: STANDARD_LABEL[needed] });
      }
      if (typeof value !== 'string') continue;
      const decision = ctx.reference(value, unit.at);
      if (!decision) continue;
      decisions[standard] = decision.date;
      if (dateKey(decision.date) > dateKey(reportDate)) {
        ctx.report('V402', unit.at, { name: unit.name, number: decision.number, date: `${decision.date.day}/${decision.date.month}/${decision.date.year}` });
      }
    }
    const [advanced, model] = [decisions.nangCao, decisions.kieuMau];
    if (advanced && model && dateKey(model) < dateKey(advanced)) ctx.report('V403', unit.at, { name: unit.name });
  }
}
