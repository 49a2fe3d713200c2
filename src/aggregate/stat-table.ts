/**
 * Statistical tables (biểu mẫu) in the model: the tables as validation's index built them
 * (`dataset/tables.ts`: rows numbered, totals reconciled — the cell a total prints is already
 * the one `print` chose; handed on with the Dataset, not built again), and every number of a
 * table with an id registered as a figure named by the cell grammar, as aggregation reaches the
 * table. The rules have already reported what does not resolve.
 */
import { formatWritten, parseQuantity } from '../numbers/index.js';
import type { ContentDocument, IdRef, StatCell, StatTableInput } from '../dataset/types.js';
import { isHit, statTablesOf, type BuiltTable, type CellHit, type RichStatTable, type TableIndex } from '../dataset/tables.js';
import type { AggregateContext } from './context.js';
import { ref, type Figure, type FigureValue } from './figure.js';
import { withYears } from './years.js';

export type { StatRow, RichStatTable, CellHit } from '../dataset/tables.js';

/** Every statistical table of the report by id, with its cells registered as figures. */
export class CellIndex {
  private readonly registered = new Set<string>();

  /** `index`: the tables as validation indexed them (also what linked prose figures read). */
  constructor(private readonly ctx: AggregateContext, readonly index: TableIndex) {}

  /** Register the cells of every table of a document (before any prose is resolved). */
  document(doc: ContentDocument): void {
    for (const [input, id] of statTablesOf(doc)) this.reach(input, id);
  }

  /** The table of a block, as built. */
  table(input: StatTableInput, id?: string): RichStatTable {
    return this.dated(this.reach(input, id));
  }

  /** The table of a block from the index, its named cells registered as figures the first time. */
  private reach(input: StatTableInput, id: string | undefined): RichStatTable {
    const table = this.index.table(input, id);
    for (const [name, built] of this.index.namedOf(input)) {
      if (this.registered.has(name)) continue;
      this.registered.add(name);
      registerCells(this.ctx, name, built);
    }
    return table;
  }

  private readonly withYear = new WeakMap<RichStatTable, RichStatTable>();

  /** Captions, part titles and headings take the year tokens prose takes (`Năm {year-1}`). */
  private dated(t: RichStatTable): RichStatTable {
    const done = this.withYear.get(t);
    if (done) return done;
    const y = (s: string): string => withYears(s, this.ctx.data.report.year);
    const out: RichStatTable = {
      ...t, caption: t.caption && y(t.caption), subtitle: t.subtitle && y(t.subtitle), labelTitle: y(t.labelTitle),
      columnsTitle: y(t.columnsTitle), columns: t.columns.map((c) => ({ ...c, title: y(c.title) })),
      ...(t.title ? { title: y(t.title) } : {}), ...(t.parts ? { parts: t.parts.map((p) => this.dated(p)) } : {}),
    };
    this.withYear.set(t, out);
    return out;
  }

  /** The number in a cell named by id (the rules reported any id that names nothing). */
  cell(id: IdRef): CellHit | undefined {
    const r = this.index.cell(id);
    return isHit(r) ? r : undefined;
  }
}

/** A cell as the table prints it: the bare number with its places, "-", or nothing. */
export function formatCell(cell: StatCell | undefined): string {
  if (!cell) return '';
  return cell.kind === 'number' ? formatWritten(cell) : cell.text;
}

/**
 * Every number of a table with an id is a figure named by the cell grammar — `bm1[4]`, or
 * `bm2[3].nam-2025` when the table has several value columns — so `report explain` and
 * `report diff` reach cells as they reach prose figures. A figure keeps the cell's unit where
 * the unit is money, area or percent; other units are counts (only whole numbers are figures).
 */
function registerCells(ctx: AggregateContext, id: string, built: BuiltTable): void {
  const { columns } = built.table;
  for (const row of built.table.rows) {
    for (const c of columns) {
      const cell = Object.hasOwn(row.values, c.key) ? row.values[c.key] : undefined;
      if (cell?.kind !== 'number') continue;
      const value = figureValueOf(cell, row.unit);
      if (!value) continue;
      const label = columns.length > 1 ? `${row.label} (${withYears(c.title, ctx.data.report.year)})` : row.label;
      const check = built.checks.get(`${row.stt}.${c.key}`);
      ctx.figures.add({
        ...value, id: `${id}[${row.stt}]${columns.length > 1 ? `.${c.key}` : ''}`, label,
        origin: check ? (check.printed === 'computed' ? 'computed' : 'stated') : 'fact',
        sources: [ref(cell.at, label)], ...(check ? { check } : {}),
      } as Figure);
    }
  }
}

function figureValueOf(cell: StatCell & { kind: 'number' }, unit = ''): FigureValue | undefined {
  const money = parseQuantity(`1 ${unit}`, 'money');
  if (money.ok) return { kind: 'money', money: { ...money.value, amount: cell.n } };
  const area = parseQuantity(`1 ${unit}`, 'area');
  if (area.ok) return { kind: 'area', area: { ...area.value, amount: cell.n } };
  if (unit.trim() === '%') return { kind: 'percent', n: cell.n };
  return cell.n.isInteger() ? { kind: 'count', n: cell.n, zero: false } : undefined;
}
