/**
 * Stated figures against their parts. The source document often gives a total beside the items
 * it sums; the data keeps both. Here the computed value is compared with the stated one at the
 * stated precision (8.948 m² agrees with 8.947,7 m²: the clerk rounded), a disagreement becomes
 * a warning at the stated figure's line, and the figure printed is the data's explicit choice.
 * A stated count of listed items (08 dự án, 15 xã) is different: the list is the data, so a count
 * that contradicts it is an error, not a rounding the source document may have made.
 */
import { convertArea, convertMoney, formatNumber, toExact } from '../numbers/index.js';
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

/** The computed value expressed in the stated value's unit. */
function inUnitOf(computed: Comparable, stated: Comparable): Comparable {
  if (computed.kind === 'money' && stated.kind === 'money') return { kind: 'money', money: convertMoney(computed.money, stated.money.unit) };
  if (computed.kind === 'area' && stated.kind === 'area') return { kind: 'area', area: convertArea(computed.area, stated.area.unit) };
  return computed;
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
  const converted = inUnitOf(computed, stated.value);
  const places = amountOf(stated.value).decimalPlaces();
  const rounded = toExact(amountOf(converted)).toDecimalPlaces(places, 4 /* ROUND_HALF_UP */);
  const agrees = rounded.equals(amountOf(stated.value));
  const printed = stated.print;
  if (!agrees && spec.countsItems) {
    ctx.report('V303', stated.at, {
      label: spec.label, stated: formatFigure(stated.value), computed: formatFigure(converted), formula: spec.formula ?? '',
    });
  } else if (!agrees) {
    const diff = toExact(amountOf(converted)).minus(amountOf(stated.value));
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
