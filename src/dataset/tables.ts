/**
 * Statistical tables (biểu mẫu) of the shared content model, analysed once for the rules and for
 * aggregation alike: rows numbered 1 > 1.1 > 1.1.1 by nesting (or by an explicit STT), and the
 * rows' declared totals (`sumOf: children` or a list of STT) reconciled with the one function of
 * `numbers/` at the total's printed precision. Every table of a report is indexed before any
 * prose is read, so a prose figure can name a cell (`bm3[1.4.1]`, `bm3[1.4.1].so-lieu`) wherever
 * the table stands — later in the file, or in a later content file. What is wrong (twin STT,
 * twin table ids, a `sumOf` naming no row, a total that differs, a cell id that names nothing)
 * is collected as findings; the rules report them, aggregation prints what the index built.
 * Validation builds the one index of a compile (`dataset/analysis.ts`) and hands it on with the
 * Dataset, so each table is built once.
 */
import { reconcile, formatDiff, formatWritten } from '../numbers/index.js';
import type { ContentBlock, ContentDocument, ContentSection, IdRef, Loc, StatCell, StatRowInput, StatTableInput } from './types.js';
import type { Findings } from './findings.js';

/** The check of a declared total, kept for the cell's figure (`report explain bm1[5]`). */
export interface TotalCheck { stated: string; computed: string; agrees: boolean; printed: 'stated' | 'computed' }

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

export interface BuiltTable { table: RichStatTable; rows: Map<string, StatRow>; checks: Map<string, TotalCheck>; at: Loc }

const CELL_ID = /^([a-z][a-z0-9-]*)\[([0-9]+(?:\.[0-9]+)*)\](?:\.([a-z][a-z0-9-]*))?$/;

/** Every statistical table of a report by id, for cell references from anywhere in it. */
export class TableIndex {
  private readonly tables = new Map<string, BuiltTable>();
  private readonly built = new WeakMap<StatTableInput, RichStatTable>();
  /** Ids of tables made of parts, each with its parts' ids (a cell is named by its part). */
  private readonly partIds = new Map<string, { ids: string[]; at: Loc }>();
  /** The tables with an id that each block's table made (itself, or its parts), in order. */
  private readonly namedBy = new WeakMap<StatTableInput, [string, BuiltTable][]>();

  /** `findings` receives what is wrong with the tables (V310, V311, V315, V316). */
  constructor(private readonly findings: Findings) {}

  /** Index every table of these documents (in order), before any prose is resolved. */
  static of(findings: Findings, documents: readonly ContentDocument[], other: readonly ContentBlock[][] = []): TableIndex {
    const index = new TableIndex(findings);
    for (const doc of documents) index.document(doc);
    for (const blocks of other) index.blocks(blocks);
    return index;
  }

  document(doc: ContentDocument): void {
    for (const [input, id] of statTablesOf(doc)) this.table(input, id);
  }

  blocks(blocks: readonly ContentBlock[]): void {
    for (const b of blocks) if (b.type === 'statTable') this.table(b.table, b.id);
  }

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
      const parts = input.parts.map((p, i) => ({ ...this.build(p, ids[i], input), title: p.title }));
      table = { id, caption: input.caption, subtitle: input.subtitle, labelTitle: input.labelTitle, columnsTitle: input.columnsTitle, columns: input.columns, rows: [], parts };
    } else {
      table = this.build(input, id);
    }
    this.built.set(input, table);
    return table;
  }

  /** Build one table (or part): the one place a table is numbered and its totals reconciled. */
  private build(input: StatTableInput, id: string | undefined, owner: StatTableInput = input): RichStatTable {
    const built = buildTable(this.findings, input, id);
    if (id && this.claim(id, input.at)) {
      this.tables.set(id, built);
      this.namedBy.set(owner, [...(this.namedBy.get(owner) ?? []), [id, built]]);
    }
    return built.table;
  }

  /** Whether an id is free (V316 when another table or part holds it). */
  private claim(id: string, at: Loc): boolean {
    const twin = this.tables.get(id)?.at ?? this.partIds.get(id)?.at;
    if (twin) this.findings.report('V316', at, { table: id, other: `${twin.file}:${twin.line}` });
    return !twin;
  }

  /** The tables with an id that a block's table made (itself, or its parts), once it is built. */
  namedOf(input: StatTableInput): readonly [string, BuiltTable][] {
    return this.namedBy.get(input) ?? [];
  }

  /** The number in a cell named by id, or why there is none. */
  cell(ref: IdRef): CellHit | { reason: string; reasonEn: string } {
    const fail = (reason: string, reasonEn: string) => ({ reason, reasonEn });
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

  /** The table ids known, for a hint. */
  known(): string {
    return [...this.tables.keys()].join(', ') || '—';
  }
}

/** The statistical tables of a document with their block ids, in reading order. */
export function statTablesOf(doc: ContentDocument): [StatTableInput, string | undefined][] {
  const out: [StatTableInput, string | undefined][] = [];
  const blocks = (list: readonly ContentBlock[]): void => { for (const b of list) if (b.type === 'statTable') out.push([b.table, b.id]); };
  const inSections = (list: ContentSection[]): void => list.forEach((s) => { blocks(s.content); inSections(s.sections); });
  blocks(doc.intro); inSections(doc.sections); blocks(doc.closing); doc.appendices.forEach((a) => blocks(a.content));
  return out;
}

export function isHit(r: CellHit | { reason: string }): r is CellHit {
  return 'cell' in r;
}

/** Number the rows depth-first, then reconcile every declared total. */
function buildTable(findings: Findings, input: StatTableInput, id?: string): BuiltTable {
  const name = id ?? input.caption ?? 'Biểu';
  const rows = new Map<string, StatRow>();
  const flat: StatRow[] = [];
  const totals: { row: StatRow; input: StatRowInput; children: string[] }[] = [];
  const checks = new Map<string, TotalCheck>();
  const visit = (list: StatRowInput[], parent: string | undefined, depth: number): string[] => list.map((r, i) => {
    const stt = r.stt ?? (parent ? `${parent}.${i + 1}` : String(i + 1));
    const row: StatRow = { stt, depth, label: r.label, unit: r.unit, note: r.note, noteSpan: r.noteSpan, bold: r.bold, values: { ...r.values }, at: r.at };
    const twin = rows.get(stt);
    if (twin) findings.report('V315', r.at, { table: name, stt, other: `${twin.at.file}:${twin.at.line}` });
    else rows.set(stt, row);
    flat.push(row);
    const children = visit(r.rows, stt, depth + 1);
    if (r.sumOf) totals.push({ row, input: r, children });
    return stt;
  });
  visit(input.rows, undefined, 0);
  for (const t of totals) checkTotal(findings, name, input, t, rows, checks);
  return { checks, table: { id, caption: input.caption, subtitle: input.subtitle, labelTitle: input.labelTitle, columnsTitle: input.columnsTitle, columns: input.columns, rows: flat }, rows, at: input.at };
}

/**
 * A row declared as the total of others: per value column, the stated number against the sum
 * of the parts (a "-" or empty part adds nothing); a difference is V310 at the total's cell.
 */
function checkTotal(
  findings: Findings, table: string, t: StatTableInput, total: { row: StatRow; input: StatRowInput; children: string[] },
  rows: Map<string, StatRow>, checks: Map<string, TotalCheck>,
): void {
  const { row, input } = total;
  const sumOf = input.sumOf!;
  let parts: string[];
  if ('children' in sumOf) {
    parts = total.children;
    if (!parts.length) findings.report('V311', sumOf.at, { table, stt: row.stt, ref: 'children', reason: 'dòng này không có dòng con', reasonEn: 'the row has no child rows' });
  } else {
    parts = [];
    for (const p of sumOf.rows) {
      if (rows.has(p.id) && p.id !== row.stt) parts.push(p.id);
      else findings.report('V311', p.at, { table, stt: row.stt, ref: p.id, reason: p.id === row.stt ? 'đó là chính dòng này' : 'biểu không có dòng đó', reasonEn: p.id === row.stt ? 'that is the row itself' : 'the table has no such row' });
    }
  }
  if (!parts.length) return;
  row.sumOf = parts;
  for (const c of t.columns) {
    const stated = row.values[c.key];
    if (!stated || stated.kind !== 'number') continue;
    const values = parts.map((p) => rows.get(p)!.values[c.key]).filter((v): v is StatCell & { kind: 'number' } => v?.kind === 'number');
    if (!values.length) continue;
    // One reconciliation for the check and the printed cell (numbers/): rounded to the cell's places.
    const cmp = reconcile(stated, values.map((v) => v.n), input.print, true);
    const printedComputed = input.print === 'computed';
    checks.set(`${row.stt}.${c.key}`, {
      stated: formatWritten(stated), computed: formatWritten({ n: cmp.computed, places: stated.places }),
      agrees: cmp.agrees, printed: input.print,
    });
    if (cmp.agrees) continue;
    findings.report('V310', stated.at, {
      cell: `${table}[${row.stt}]${t.columns.length > 1 ? `.${c.key}` : ''}`, label: row.label,
      stated: formatWritten(stated), computed: formatWritten({ n: cmp.computed, places: stated.places }),
      parts: parts.join(' + '), diff: formatDiff(cmp.diff, stated.places),
      printed: printedComputed ? 'tổng tính được' : 'số đã nêu', printedEn: printedComputed ? 'computed sum' : 'stated figure',
    });
    row.values[c.key] = { ...stated, n: cmp.printed };
  }
}
