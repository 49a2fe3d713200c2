/**
 * Statistical tables (biểu mẫu) of the shared content model: rows numbered 1 > 1.1 > 1.1.1 by
 * nesting (or by an explicit STT), typed cells (a number with its printed places, "-", empty),
 * and the rows' declared totals (`sumOf: children` or a list of STT) checked with the one sum
 * of `numbers/` at the total's printed precision. The tables of a document are built before its
 * prose, so a prose figure can name a cell (`bm3[1.4.1]`, `bm3[1.4.1].so-lieu`) wherever the
 * table stands; `CellIndex.cell` resolves such an id or reports why it cannot (V313).
 */
import { checkSum, formatDiff, formatWritten, parseQuantity } from '../numbers/index.js';
import type { IdRef, Loc, StatCell, StatRowInput, StatTableInput } from '../validate/dataset.js';
import type { AggregateContext } from './context.js';
import { ref, type Figure, type FigureValue } from './figure.js';
import { withYears } from './years.js';

/** The check of a declared total, kept for the cell's figure (`report explain bm1[5]`). */
type TotalCheck = NonNullable<Figure['check']>;

/** A row as printed: its STT, depth and typed cells (a total's cell already the one to print). */
export interface StatRow {
  stt: string; depth: number; label: string; unit?: string; note?: string; noteSpan: number; bold: boolean;
  values: Record<string, StatCell>; at: Loc;
  /** The STT of the rows a declared total sums (those that exist), for a spreadsheet's SUM. */
  sumOf?: string[];
}
export interface RichStatTable {
  id?: string; caption?: string; subtitle?: string; labelTitle: string; columnsTitle: string;
  columns: { key: string; title: string }[]; rows: StatRow[];
  /** A part's title; `parts` holds the parts of a table that has several under its caption. */
  title?: string; parts?: RichStatTable[];
}

/** A resolved cell: its value, where it was written, and its id for messages. */
export interface CellHit { id: string; cell: StatCell & { kind: 'number' }; row: StatRow }

interface Built { table: RichStatTable; rows: Map<string, StatRow>; checks: Map<string, TotalCheck>; at: Loc }

const CELL_ID = /^([a-z][a-z0-9-]*)\[([0-9]+(?:\.[0-9]+)*)\](?:\.([a-z][a-z0-9-]*))?$/;

/** Every statistical table of a document by id, for cell references from anywhere in it. */
export class CellIndex {
  private readonly tables = new Map<string, Built>();
  private readonly built = new WeakMap<StatTableInput, RichStatTable>();

  constructor(private readonly ctx: AggregateContext) {}

  /** Ids of tables made of parts, each with its parts' ids (a cell is named by its part). */
  private readonly partIds = new Map<string, { ids: string[]; at: Loc }>();

  /**
   * Build (once) the table of a block; its id, when given, makes its cells referable. A table of
   * several parts builds each part as a table of its own, named by the part's id (by default
   * `<id>-1`, `<id>-2`, …), since each part numbers its rows from 1.
   */
  table(input: StatTableInput, id?: string): RichStatTable {
    const done = this.built.get(input);
    if (done) return done;
    let table: RichStatTable;
    if (input.parts) {
      const ids = input.parts.map((p, i) => p.id ?? (id ? `${id}-${i + 1}` : undefined));
      if (id && this.claim(id, input.at)) this.partIds.set(id, { ids: ids.filter((x): x is string => !!x), at: input.at });
      // Captions, part titles and headings take the year tokens prose takes (`Năm {year-1}`).
      const years = (s: string): string => withYears(s, this.ctx.data.report.year);
      const parts = input.parts.map((p, i) => ({ ...this.build(p, ids[i]), title: p.title && years(p.title) }));
      table = {
        id, caption: input.caption && years(input.caption), subtitle: input.subtitle && years(input.subtitle), labelTitle: years(input.labelTitle),
        columnsTitle: years(input.columnsTitle), columns: input.columns.map((c) => ({ ...c, title: years(c.title) })), rows: [], parts,
      };
    } else {
      table = this.build(input, id);
    }
    this.built.set(input, table);
    return table;
  }

  private build(input: StatTableInput, id: string | undefined): RichStatTable {
    const built = buildTable(this.ctx, input, id);
    if (id && this.claim(id, input.at)) {
      this.tables.set(id, built);
      registerCells(this.ctx, id, built);
    }
    return built.table;
  }

  /** Whether an id is free (V316 when another table or part holds it). */
  private claim(id: string, at: Loc): boolean {
    const twin = this.tables.get(id)?.at ?? this.partIds.get(id)?.at;
    if (twin) this.ctx.report('V316', at, { table: id, other: `${twin.file}:${twin.line}` });
    return !twin;
  }

  /** The number in a cell named by id, or undefined after reporting why there is none. */
  cell(ref: IdRef): CellHit | undefined {
    const fail = (reason: string, reasonEn: string) => {
      this.ctx.report('V313', ref.at, { cell: ref.id, reason, reasonEn, known: [...this.tables.keys()].join(', ') || '—' });
      return undefined;
    };
    const m = CELL_ID.exec(ref.id);
    if (!m) return fail('mã ô viết sai dạng', 'the id is malformed');
    const t = this.tables.get(m[1]!);
    const parted = this.partIds.get(m[1]!);
    if (!t && parted) return fail(`biểu ${m[1]} gồm nhiều phần, ô mang mã của phần: ${parted.ids.join(', ')}`, `table ${m[1]} has parts; a cell is named by its part: ${parted.ids.join(', ')}`);
    if (!t) return fail(`không có biểu mã "${m[1]}"`, `there is no table "${m[1]}"`);
    const row = t.rows.get(m[2]!);
    if (!row) return fail(`biểu ${m[1]} không có dòng STT ${m[2]}`, `table ${m[1]} has no row ${m[2]}`);
    const key = m[3] ?? t.table.columns[0]!.key;
    const cell = row.values[key];
    if (!t.table.columns.some((c) => c.key === key)) return fail(`biểu ${m[1]} không có cột "${key}"`, `table ${m[1]} has no column "${key}"`);
    if (!cell || cell.kind !== 'number') return fail('ô không có số liệu', 'the cell holds no figure');
    return { id: ref.id, cell, row };
  }
}

/** Number the rows depth-first, then check every declared total. */
function buildTable(ctx: AggregateContext, input: StatTableInput, id?: string): Built {
  const name = id ?? input.caption ?? 'Biểu';
  const rows = new Map<string, StatRow>();
  const flat: StatRow[] = [];
  const totals: { row: StatRow; input: StatRowInput; children: string[] }[] = [];
  const checks = new Map<string, TotalCheck>();
  const visit = (list: StatRowInput[], parent: string | undefined, depth: number): string[] => list.map((r, i) => {
    const stt = r.stt ?? (parent ? `${parent}.${i + 1}` : String(i + 1));
    const row: StatRow = { stt, depth, label: r.label, unit: r.unit, note: r.note, noteSpan: r.noteSpan, bold: r.bold, values: { ...r.values }, at: r.at };
    const twin = rows.get(stt);
    if (twin) ctx.report('V315', r.at, { table: name, stt, other: `${twin.at.file}:${twin.at.line}` });
    else rows.set(stt, row);
    flat.push(row);
    const children = visit(r.rows, stt, depth + 1);
    if (r.sumOf) totals.push({ row, input: r, children });
    return stt;
  });
  visit(input.rows, undefined, 0);
  for (const t of totals) checkTotal(ctx, name, input, t, rows, checks);
  // Captions and headings take the year tokens prose takes (`Năm {year-1}`).
  const years = (s: string): string => withYears(s, ctx.data.report.year);
  const table: RichStatTable = {
    id, caption: input.caption && years(input.caption), subtitle: input.subtitle && years(input.subtitle),
    labelTitle: years(input.labelTitle), columnsTitle: years(input.columnsTitle),
    columns: input.columns.map((c) => ({ ...c, title: years(c.title) })), rows: flat,
  };
  return { checks, table, rows, at: input.at };
}

/**
 * A row declared as the total of others: per value column, the stated number against the sum
 * of the parts (a "-" or empty part adds nothing); a difference is V310 at the total's cell.
 */
function checkTotal(
  ctx: AggregateContext, table: string, t: StatTableInput, total: { row: StatRow; input: StatRowInput; children: string[] },
  rows: Map<string, StatRow>, checks: Map<string, TotalCheck>,
): void {
  const { row, input } = total;
  const sumOf = input.sumOf!;
  let parts: string[];
  if ('children' in sumOf) {
    parts = total.children;
    if (!parts.length) ctx.report('V311', sumOf.at, { table, stt: row.stt, ref: 'children', reason: 'dòng này không có dòng con', reasonEn: 'the row has no child rows' });
  } else {
    parts = [];
    for (const p of sumOf.rows) {
      if (rows.has(p.id) && p.id !== row.stt) parts.push(p.id);
      else ctx.report('V311', p.at, { table, stt: row.stt, ref: p.id, reason: p.id === row.stt ? 'đó là chính dòng này' : 'biểu không có dòng đó', reasonEn: p.id === row.stt ? 'that is the row itself' : 'the table has no such row' });
    }
  }
  if (!parts.length) return;
  row.sumOf = parts;
  for (const c of t.columns) {
    const stated = row.values[c.key];
    if (!stated || stated.kind !== 'number') continue;
    const values = parts.map((p) => rows.get(p)!.values[c.key]).filter((v): v is StatCell & { kind: 'number' } => v?.kind === 'number');
    if (!values.length) continue;
    const cmp = checkSum(stated, values.map((v) => v.n));
    const printedComputed = input.print === 'computed';
    checks.set(`${row.stt}.${c.key}`, {
      stated: formatWritten(stated), computed: formatWritten({ n: cmp.computed, places: stated.places }),
      agrees: cmp.agrees, printed: input.print,
    });
    if (cmp.agrees) continue;
    ctx.report('V310', stated.at, {
      cell: `${table}[${row.stt}]${t.columns.length > 1 ? `.${c.key}` : ''}`, label: row.label,
      stated: formatWritten(stated), computed: formatWritten({ n: cmp.computed, places: stated.places }),
      parts: parts.join(' + '), diff: formatDiff(cmp.diff, stated.places),
      printed: printedComputed ? 'tổng tính được' : 'số đã nêu', printedEn: printedComputed ? 'computed sum' : 'stated figure',
    });
    if (printedComputed) row.values[c.key] = { ...stated, n: cmp.computed };
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
function registerCells(ctx: AggregateContext, id: string, built: Built): void {
  const { columns } = built.table;
  for (const row of built.table.rows) {
    for (const c of columns) {
      const cell = Object.hasOwn(row.values, c.key) ? row.values[c.key] : undefined;
      if (cell?.kind !== 'number') continue;
      const value = figureValueOf(cell, row.unit);
      if (!value) continue;
      const label = columns.length > 1 ? `${row.label} (${c.title})` : row.label;
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
