/**
 * Figures: every number the report prints, as a value that keeps its kind and unit, where it
 * came from (the rows and their file:line) and how it was obtained — a fact read from data,
 * a figure computed from rows, or a figure the source document stated. The preview and
 * `report explain` show this provenance; the templates only ever print figures through helpers.
 */
import type { Decimal } from 'decimal.js';
import {
  formatMoney, formatArea, formatPercent, formatCount, formatFraction, formatNumber,
  type Money, type Area,
} from '../numbers/index.js';
import type { Loc } from '../validate/dataset.js';

export interface SourceRef { file: string; line: number; column: number; label: string }

export type FigureValue =
  | { kind: 'money'; money: Money }
  | { kind: 'area'; area: Area }
  | { kind: 'count'; n: Decimal; /** false: printed without the leading zero below 10 (`6`, not `06`). */ zero?: boolean }
  | { kind: 'percent'; n: Decimal; /** A rate against a plan (may exceed 100 %), not a share of a whole. */ rate?: true }
  | { kind: 'fraction'; part: Decimal; whole: Decimal }
  | { kind: 'units'; names: string[] };

export type Origin = 'fact' | 'computed' | 'stated';

export type Figure = FigureValue & {
  id: string;
  /** What the figure is, in Vietnamese (`Tổng kế hoạch vốn đầu tư công`). */
  label: string;
  origin: Origin;
  /** How it was computed, in Vietnamese (`181.766 + 493.227`), for computed figures. */
  formula?: string;
  sources: SourceRef[];
  /** When the data also states this figure: the stated value and the computed one. */
  check?: { stated: string; computed: string; agrees: boolean; printed: 'stated' | 'computed' };
};

export function ref(at: Loc, label: string): SourceRef {
  return { file: at.file, line: at.line, column: at.column, label };
}

/** The default printed form of a figure (units lists are joined with commas). */
export function formatFigure(f: FigureValue): string {
  switch (f.kind) {
    case 'money': return formatMoney(f.money);
    case 'area': return formatArea(f.area);
    // `in` first: the templates' strict model refuses to read a field an object lacks.
    case 'count': return 'zero' in f && f.zero === false ? formatNumber(f.n, { maxDecimals: 0 }) : formatCount(f.n);
    case 'percent': return formatPercent(f.n);
    case 'fraction': return formatFraction(f.part, f.whole);
    case 'units': return f.names.join(', ');
  }
}

/** A registry of every figure in the model, by id, so provenance can be looked up. */
export class FigureRegistry {
  readonly byId = new Map<string, Figure>();

  add<F extends Figure>(f: F): F {
    let id = f.id;
    for (let n = 2; this.byId.has(id); n++) id = `${f.id}#${n}`;
    const figure = { ...f, id };
    this.byId.set(id, figure);
    return figure;
  }

  all(): Figure[] {
    return [...this.byId.values()];
  }
}
