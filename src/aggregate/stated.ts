/**
 * Computed figures and their stated twins. The source document often gives a total beside the
 * items it sums, and the data keeps both: the figure printed is the one `print` chose, from the
 * same reconciliation (`numbers/`) the rules check it with (validate/rules/stated.ts), and the
 * figure keeps both values for provenance (`report explain`).
 */
import { formatFigure, reconcileFigure, type ComparableValue, type Print } from '../numbers/index.js';
import type { Loc } from '../dataset/types.js';
import type { AggregateContext } from './context.js';
import { ref, type Figure, type FigureValue, type SourceRef } from './figure.js';

export interface ComputedSpec {
  id: string;
  label: string;
  formula?: string;
  /** Where the parts are: figure sources, or positions with a label. */
  sources: (SourceRef | { at: Loc; label: string })[];
  computed: ComparableValue;
  stated?: { value: ComparableValue; print: Print; at: Loc };
  countsItems?: boolean;
}

/** A computed figure, with its stated twin's check when the data has one. */
export function computedFigure(ctx: AggregateContext, spec: ComputedSpec): Figure {
  const { computed, stated } = spec;
  const sources = spec.sources.map((s) => ('at' in s ? ref(s.at, s.label) : s));
  const base = { id: spec.id, label: spec.label, ...(spec.formula !== undefined ? { formula: spec.formula } : {}), origin: 'computed' as const };
  if (!stated) return ctx.figures.add({ ...computed, ...base, sources } as Figure);
  const { converted, agrees } = reconcileFigure(stated.value, computed, stated.print);
  const printed = stated.print;
  const check = { stated: formatFigure(stated.value), computed: formatFigure(converted), agrees, printed };
  const all = [...sources, ref(stated.at, `Số đã nêu: ${spec.label}`)];
  if (printed === 'stated') return ctx.figures.add({ ...stated.value, ...base, origin: 'stated', sources: all, check } as Figure);
  return ctx.figures.add({ ...computed, ...base, sources: all, check } as Figure);
}

/** A fact read from one place in the data. */
export function factFigure(ctx: AggregateContext, id: string, label: string, value: FigureValue, at: SourceRef): Figure {
  return ctx.figures.add({ ...value, id, label, origin: 'fact', sources: [at] } as Figure);
}
