/**
 * Figures: every number the report prints, as a value that keeps its kind and unit, where it
 * came from (the rows and their file:line) and how it was obtained — a fact read from data,
 * a figure computed from rows, or a figure the source document stated. The preview and
 * `report explain` show this provenance; the templates only ever print figures through helpers.
 */
import type { FigureValue } from '../numbers/index.js';
import type { Loc } from '../dataset/types.js';

export { formatFigure, type FigureValue } from '../numbers/index.js';

export interface SourceRef { file: string; line: number; column: number; label: string }

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
