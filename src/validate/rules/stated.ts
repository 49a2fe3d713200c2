/**
 * Stated figures against their parts, for a kind's computed figures: the source document often
 * gives a total beside the items it sums, and the data keeps both. The computed value is
 * reconciled with the stated one by `numbers/` (the same function the printed figure comes
 * from); a difference is a warning at the stated figure (V301). A stated count of listed items
 * (08 dự án, 15 xã) is different: the list is the data, so a count that contradicts it is an
 * error (V303), not a rounding the source document may have made.
 */
import { formatFigure, formatNumber, reconcileFigure, type ComparableValue, type Print } from '../../numbers/index.js';
import type { Loc } from '../dataset.js';
import type { Findings } from '../../dataset/findings.js';

/** A figure the kind computes, its stated twin, and whether it counts listed items. */
export interface StatedTotal {
  label: string;
  formula?: string;
  computed: ComparableValue;
  stated?: { value: ComparableValue; print: Print; at: Loc };
  countsItems?: boolean;
}

export function checkStated(findings: Findings, t: StatedTotal): void {
  if (!t.stated) return;
  const { converted, agrees, exact } = reconcileFigure(t.stated.value, t.computed, t.stated.print);
  if (agrees) return;
  const stated = formatFigure(t.stated.value);
  if (t.countsItems) {
    findings.report('V303', t.stated.at, { label: t.label, stated, computed: formatFigure(converted), formula: t.formula ?? '' });
    return;
  }
  const diff = exact.minus(amount(t.stated.value));
  findings.report('V301', t.stated.at, {
    label: t.label, stated, computed: formatFigure(converted),
    diff: (diff.isPositive() ? '+' : '') + formatNumber(diff),
    printed: t.stated.print === 'stated' ? 'số đã nêu' : 'số tính từ các thành phần',
  });
}

function amount(v: ComparableValue) {
  return v.kind === 'money' ? v.money.amount : v.kind === 'area' ? v.area.amount : v.n;
}
