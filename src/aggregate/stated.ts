/**
 * Stated figures against their parts. The source document often gives a total beside the items
 * it sums; the data keeps both. Here the computed value is compared with the stated one at the
 * stated precision (8.948 m² agrees with 8.947,7 m²: the clerk rounded), a disagreement becomes
 * a warning at the stated figure's line, and the figure printed is the data's explicit choice.
 * A stated count of listed items (08 dự án, 15 xã) is different: the list is the data, so a count
 * that contradicts it is an error, not a rounding the source document may have made.
 */
import { formatNumber, reconcile, reconcileQuantity, type Print, type Reconciled } from '../numbers/index.js';
import type { Decimal } from 'decimal.js';
import type { Stated } from '../validate/dataset.js';
import type { AggregateContext } from './context.js';
import { formatFigure, ref, type Figure, type FigureValue, type SourceRef } from './figure.js';

type Comparable = Extract<FigureValue, { kind: 'money' | 'area' | 'count' | 'percent' }>;

function amountOf(v: Comparable): Decimal {
  switch (v.kind) {
    case 'money': return v.money.amount;
    case 'area': return v.area.amount;
    default: return v.n;
  }
}

/**
 * A stated figure against its computed twin, through the one reconciliation of `numbers/`:
 * money and area converted to the stated unit, compared at the stated places; `converted` is
 * the computed value in the stated unit (what messages quote).
 */
export function reconcileFigure(stated: Comparable, computed: Comparable, print: Print): Reconciled & { converted: Comparable } {
  if (stated.kind === 'money' && computed.kind === 'money') {
    const r = reconcileQuantity(stated.money, computed.money, print);
    return { ...r, converted: { kind: 'money', money: r.converted } };
  }
  if (stated.kind === 'area' && computed.kind === 'area') {
    const r = reconcileQuantity(stated.area, computed.area, print);
    return { ...r, converted: { kind: 'area', area: r.converted } };
  }
  const n = amountOf(stated);
  return { ...reconcile({ n, places: Math.max(n.decimalPlaces(), 0) }, amountOf(computed), print), converted: computed };
}

export interface FigureSpec {
  id: string;
  label: string;
  formula?: string;
  sources: SourceRef[];
  /** The computed value counts listed items: a stated value that differs is an error (V303). */
  countsItems?: boolean;
}

/** A computed figure, checked against its stated twin when the data has one. */
export function computedFigure<V extends Comparable>(
  ctx: AggregateContext,
  spec: FigureSpec,
  computed: V,
  stated?: Stated<V>,
): Figure {
  const { countsItems: _, ...rest } = spec;
  const base = { ...rest, origin: 'computed' as const };
  if (!stated) return ctx.figures.add({ ...computed, ...base } as Figure);
  const { converted, agrees, exact } = reconcileFigure(stated.value, computed, stated.print);
  const printed = stated.print;
  if (!agrees && spec.countsItems) {
    ctx.report('V303', stated.at, {
      label: spec.label, stated: formatFigure(stated.value), computed: formatFigure(converted), formula: spec.formula ?? '',
    });
  } else if (!agrees) {
    const diff = exact.minus(amountOf(stated.value));
    ctx.report('V301', stated.at, {
      label: spec.label,
      stated: formatFigure(stated.value),
      computed: formatFigure(converted),
      diff: (diff.isPositive() ? '+' : '') + formatNumber(diff),
      printed: printed === 'stated' ? 'số đã nêu' : 'số tính từ các thành phần',
    });
  }
  const check = { stated: formatFigure(stated.value), computed: formatFigure(converted), agrees, printed };
  const sources = [...spec.sources, ref(stated.at, `Số đã nêu: ${spec.label}`)];
  if (printed === 'stated') return ctx.figures.add({ ...stated.value, ...base, origin: 'stated', sources, check } as Figure);
  return ctx.figures.add({ ...computed, ...base, sources, check } as Figure);
}

/** A fact read from one place in the data. */
export function factFigure(ctx: AggregateContext, id: string, label: string, value: FigureValue, at: SourceRef): Figure {
  return ctx.figures.add({ ...value, id, label, origin: 'fact', sources: [at] } as Figure);
}
