/**
 * Content: the year's prose from data, resolved into rich text. A text may contain tokens —
 * `{ref:ID}` and its forms (`|short`, `|number`, `|date`, `|dated`) cite a document from
 * report.yaml; `{theme}` / `{theme|short}` quote the year's theme in italics; `{kpi:ID}` prints a
 * digital KPI line; `{name}` prints a figure declared beside the text (`{name|count}` counts a
 * list of units); `{#}` is the number of sub-items listed under the text; `{year}`, `{year+1}`,
 * `{year-1}` print the report's year (or the one after or before it), so prose written once —
 * and scaffolded by `report new` — never prints a stale year. Titles take the year tokens too. Every resolved number
 * becomes a registered Figure, so it stays traceable to its line; a fraction whose part exceeds
 * its whole (18/17, or a rank 15/14) is an error, and an item's links to records (`<record>Id`)
 * are checked by the kind's code.
 */
import type { ContentBlock, ContentDocument, ContentItem, ContentSection, FigureInput, Kpi, Reference, Loc, TableInput } from '../validate/dataset.js';
import type { Decimal } from 'decimal.js';
import { checkRatio, checkSum, compareAtPrecision, convertArea, convertMoney, parseQuantity, formatDiff, formatWritten, formatDate, toExact, type Comparison } from '../numbers/index.js';
import type { AggregateContext } from './context.js';
import { formatFigure, ref, type Figure, type FigureValue, type SourceRef } from './figure.js';
import { CellIndex, type CellHit, type RichStatTable } from './stat-table.js';
import type { RelatedPosition } from '../diagnostics/types.js';
import { withYears, yearOf } from './years.js';

export type Segment =
  | { type: 'text'; value: string }
  | { type: 'figure'; figure: Figure }
  | { type: 'quote'; value: string };
export type RichText = Segment[];
export interface RichItem { text: RichText; items: RichItem[] }
export interface RichTable {
  unit?: string;
  columns: { title: string; width: number; align: 'left' | 'center' | 'right' }[];
  rows: RichText[][];
  total?: RichText[];
}
export type RichBlock = { type: 'paragraph'; text: RichText } | { type: 'list'; items: RichItem[] }
  | { type: 'table'; table: RichTable } | { type: 'statTable'; table: RichStatTable } | { type: 'pageBreak' };
/** A section resolved; `part`: a Phần (the level above I.), its sub-sections numbered I., 1., a). */
export interface RichSection { id?: string; title: string; part?: boolean; content: RichBlock[]; sections: RichSection[] }
export interface RichAppendix { label?: string; numbered?: boolean; title: string[]; note?: string; orientation: 'landscape' | 'portrait'; content: RichBlock[] }
/** A content document resolved: what the kind's templates print as the body. */
export interface RichDocument { intro: RichBlock[]; sections: RichSection[]; closing: RichBlock[]; appendices: RichAppendix[] }

/** A citation in one of the forms Decree 30 prose uses. */
export function cite(r: Reference, form: string): string {
  const date = formatDate(r.date, 'short');
  const tail = [r.issuer ? `của ${r.issuer}` : '', r.subject ?? ''].filter(Boolean).join(' ');
  switch (form) {
    case 'short': return `${r.type} số ${r.number}`;
    case 'date': return date;
    case 'dated': return `${r.type} số ${r.number} ngày ${date}`;
    case 'number': return [`số ${r.number} ngày ${date}`, tail].filter(Boolean).join(' ');
    default: return [`${r.type} số ${r.number} ngày ${date}`, tail].filter(Boolean).join(' ');
  }
}

const CITE_FORMS = new Set(['full', 'short', 'date', 'dated', 'number']);

/** A few characters either side of an offset, on one line, to show where a stray brace is. */
function excerpt(text: string, at: number): string {
  const from = Math.max(0, at - 20);
  const to = Math.min(text.length, at + 21);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

export class ContentResolver {
  /** The statistical tables seen so far, for prose figures that name their cells. */
  private readonly cells: CellIndex;

  constructor(private readonly ctx: AggregateContext, private readonly kpis: Map<string, Kpi> = new Map()) {
    this.cells = new CellIndex(ctx);
  }

  /**
   * Blocks in order. `scope` is `<file>:` or `<file>:<id>`: a block with an `id` opens its own
   * scope (`<file>:<block id>`), so every figure is named `<file>:<nearest id>.<figure name>` —
   * never by its position, and inserting a block leaves the other figures' ids as they were.
   */
  blocks(blocks: ContentBlock[], scope: string): RichBlock[] {
    return blocks.map((b) => {
      const id = b.id ? `${fileOf(scope)}:${b.id}` : scope;
      switch (b.type) {
        case 'paragraph': return { type: 'paragraph' as const, text: this.item(b.item, id).text };
        case 'list': return { type: 'list' as const, items: b.items.map((it) => this.item(it, id)) };
        case 'table': return { type: 'table' as const, table: this.table(b.table, id) };
        case 'statTable': return { type: 'statTable' as const, table: this.cells.table(b.table, b.id) };
        case 'pageBreak': return { type: 'pageBreak' as const };
      }
    });
  }

  /**
   * A declared table: every cell's tokens resolved against the table's figures; a figure in a
   * cell is labelled by its row (the first cell that is words) and its column's title.
   */
  private table(t: TableInput, scope: string): RichTable {
    const columns = t.columns.map((c) => ({ ...c, title: this.title(c.title) }));
    const row = (cells: string[], at: Loc) => {
      const name = cells.map((c) => plainWords(c)).find((c) => /\p{L}/u.test(c)) ?? '';
      return cells.map((c, k) => this.text(c, at, scope, t.figures, 0, [name, columns[k]?.title].filter(Boolean).join(' – ')));
    };
    const out: RichTable = {
      unit: t.unit && this.title(t.unit),
      columns,
      rows: t.rows.map((r) => row(r.cells, r.at)),
      total: t.total && row(t.total.cells, t.total.at),
    };
    this.reportUnused(t.figures);
    return out;
  }

  /**
   * Build a document's statistical tables before any prose: a prose figure may name a cell of a
   * table that stands after it (an appendix, or another content file of the report).
   */
  tables(doc: ContentDocument): void {
    const tables = (blocks: ContentBlock[]) => blocks.forEach((b) => { if (b.type === 'statTable') this.cells.table(b.table, b.id); });
    const inSections = (list: ContentSection[]): void => list.forEach((s) => { tables(s.content); inSections(s.sections); });
    tables(doc.intro); inSections(doc.sections); tables(doc.closing); doc.appendices.forEach((a) => tables(a.content));
  }

  /** A content document: intro, numbered sections (ids from the data where given), closing, appendices. */
  document(doc: ContentDocument): RichDocument {
    this.tables(doc);
    // A section's scope is its id, or its title as a slug when it has none (data, not a position).
    const section = (s: ContentSection): RichSection => {
      const scope = `${doc.file}:${s.id ?? slugOf(s.title)}`;
      return { id: s.id, title: this.title(s.title), ...(s.part ? { part: true } : {}), content: this.blocks(s.content, scope), sections: s.sections.map(section) };
    };
    return {
      intro: this.blocks(doc.intro, `${doc.file}:intro`),
      sections: doc.sections.map(section),
      closing: this.blocks(doc.closing, `${doc.file}:closing`),
      appendices: doc.appendices.map((a) => ({
        label: a.label, title: a.title.map((l) => this.title(l)), note: a.note && this.title(a.note), orientation: a.orientation,
        content: this.blocks(a.content, `${doc.file}:${slugOf(a.title.join(' ')) || 'phu-luc'}`),
      })),
    };
  }

  /** An item and its sub-items, in the scope of the block they stand in (or of their own id). */
  item(item: ContentItem, outer: string): RichItem {
    // A list item with an `id` opens its own scope, as a block does.
    const scope = item.id ? `${fileOf(outer)}:${item.id}` : outer;
    this.ctx.checkItem(item);
    const items = item.items.map((sub) => this.item(sub, scope));
    const text: RichText = [];
    if (item.kpi) text.push(...this.kpiLine(item.kpi, item.at));
    if (item.text !== undefined) {
      if (text.length) text.push({ type: 'text', value: ' ' });
      text.push(...this.text(item.text, item.at, scope, item.figures, items.length));
    }
    this.reportUnusedFigures(item);
    return { text, items };
  }

  /**
   * Resolve the tokens of one text. Braces belong to tokens only: `{{name}}` (a template habit)
   * and a brace without its partner are errors, not printed as they stand. A figure is labelled
   * by the words around it in its clause (`gieo cấy … lúa vụ mùa`), or by `label` (a table cell's
   * row and column) when the clause holds nothing but the figure.
   */
  text(source: string, at: Loc, scope: string, figures: Record<string, FigureInput> = {}, subItems = 0, label?: string): RichText {
    return this.tokens(source, at, (name, index) => this.token(name, at, scope, figures, subItems, contextLabel(source, index) || label || name));
  }

  /** Text and tokens in order: each `{name}` resolved by `resolve`, brace slips reported (V113, V115). */
  private tokens(source: string, at: Loc, resolve: (name: string, index: number) => Segment[]): RichText {
    const out: RichText = [];
    let last = 0;
    for (const m of source.matchAll(/\{\{([^{}]*)\}\}|\{([^{}]*)\}|[{}]/g)) {
      if (m.index > last) out.push({ type: 'text', value: source.slice(last, m.index) });
      last = m.index + m[0].length;
      if (m[1] !== undefined) this.ctx.report('V113', at, { token: m[1].trim() });
      else if (m[2] !== undefined) out.push(...resolve(m[2].trim(), m.index));
      else this.ctx.report('V115', at, { brace: m[0], text: excerpt(source, m.index) });
    }
    if (last < source.length) out.push({ type: 'text', value: source.slice(last) });
    return out;
  }

  private used = new WeakSet<FigureInput>();

  /** `{year}`, `{year+1}`, `{year-1}` as the report's year (or the one after or before). */
  private yearToken(head: string): string | undefined {
    return yearOf(head, this.ctx.data.report.year);
  }

  /** A title, unit or note line: plain text in which only the year tokens are resolved. */
  title(source: string): string {
    return withYears(source, this.ctx.data.report.year);
  }

  private token(token: string, at: Loc, scope: string, figures: Record<string, FigureInput>, subItems: number, label: string): RichText {
    const parts = token.split('|').map((s) => s.trim());
    const [head, form = ''] = parts;
    if (!head) {
      this.ctx.report('V206', at, { token });
      return [];
    }
    // Which forms (after `|`) each kind of token takes; anything else is a slip, reported.
    const kind = head.startsWith('ref:') ? 'ref' : head.startsWith('kpi:') ? 'kpi' : head === 'theme' || head === '#' ? head : 'figure';
    const input = kind === 'figure' && Object.hasOwn(figures, head) ? figures[head] : undefined;
    const forms = kind === 'ref' ? [...CITE_FORMS] : kind === 'theme' ? ['short'] : input?.kind === 'units' ? ['count'] : [];
    if (parts.length > 2 || (form && !forms.includes(form)) || (parts.length === 2 && !form)) {
      this.ctx.report('V114', at, {
        token, form: parts.slice(1).join('|'), head,
        allowed: forms.length ? forms.map((f) => `{${head}|${f}}`).join(', ') : `{${head}}`,
      });
      return [];
    }
    if (kind === 'ref') {
      const r = this.ctx.reference(head.slice(4), at);
      return r ? [{ type: 'text', value: cite(r, form || 'full') }] : [];
    }
    if (kind === 'theme') {
      const t = this.ctx.data.report;
      return [{ type: 'quote', value: form === 'short' ? t.themeShort : t.theme }];
    }
    if (kind === 'kpi') return this.kpiLine(head.slice(4), at);
    const year = input || form ? undefined : this.yearToken(head);
    if (year !== undefined) return [{ type: 'text', value: year }];
    if (kind === '#') {
      return [this.figure({ kind: 'count', n: toExact(subItems) }, figureId(scope, 'items'), `Số mục được liệt kê: ${label}`, at, 'computed', `đếm ${subItems} mục con`)];
    }
    if (!input) {
      this.ctx.report('V206', at, { token });
      return [];
    }
    this.used.add(input);
    const id = this.claim(figureId(scope, head), input, head);
    if (form === 'count' && input.kind === 'units') {
      return [this.figure({ kind: 'count', n: toExact(input.units.length) }, `${id}.count`, `Số đơn vị: ${label}`, input.at, 'computed', `đếm ${input.units.length} tên`)];
    }
    if (input.link) return [this.linked(head, input, id, label)];
    return [this.figure(this.value(input), id, label, input.at, 'fact')];
  }

  /** Which declaration each figure id belongs to, to tell a reuse from two figures named alike. */
  private readonly claimed = new Map<string, FigureInput>();

  /**
   * The id of a declared figure. Two declarations named alike in one scope (two paragraphs
   * without ids in one section, both with `{thu}`) would share an id: the second is told to take
   * an id of its block (V613) and is numbered meanwhile (`#2`), as the registry numbers it.
   */
  private claim(id: string, input: FigureInput, name: string): string {
    const first = this.claimed.get(id);
    if (!first) { this.claimed.set(id, input); return id; }
    if (first === input) return id;
    this.ctx.report('V613', input.at, { name, id, other: `${first.at.file}:${first.at.line}` });
    let n = 2;
    while (this.claimed.has(`${id}#${n}`) && this.claimed.get(`${id}#${n}`) !== input) n++;
    this.claimed.set(`${id}#${n}`, input);
    return `${id}#${n}`;
  }

  /**
   * A prose figure tied to table cells: equal to a cell (`sameAs`, V312) or their ratio in
   * percent (`ratioOf`, V314), compared at the figure's printed precision; `print` chooses
   * which value the report prints. Only numeric figures (count, percent, money, area) link.
   */
  private linked(name: string, input: FigureInput, id: string, label: string): Segment {
    const link = input.link!;
    const value = this.value(input);
    const amount = amountOf(value);
    const sources: SourceRef[] = [ref(input.at, label)];
    if (!amount) return { type: 'figure', figure: this.ctx.figures.add({ ...value, id, label, origin: 'fact', sources } as Figure) };
    const stated = { n: amount, places: link.places };
    const printedEn = link.print === 'computed' ? 'computed value' : 'stated figure';
    const printed = link.print === 'computed' ? 'số tính được' : 'số đã nêu';
    let cmp: Comparison | undefined;
    if (link.sameAs) {
      const hit = this.cells.cell(link.sameAs);
      if (hit) {
        sources.push(ref(hit.cell.at, `Ô ${hit.id}: ${hit.row.label}`));
        cmp = compareAtPrecision(stated, inUnitOf(value, hit));
        if (!cmp.agrees) {
          this.ctx.report('V312', input.at, {
            name, stated: formatFigure(value), cell: hit.id, value: formatWritten(hit.cell),
            cellAt: `${hit.cell.at.file}:${hit.cell.at.line}`, diff: formatDiff(cmp.diff, link.places), printed, printedEn,
          }, [related(hit)]);
        }
      }
    } else if (link.ratioOf) {
      const [a, b] = link.ratioOf.map((r) => this.cells.cell(r));
      if (a && b) {
        sources.push(ref(a.cell.at, `Ô ${a.id}: ${a.row.label}`), ref(b.cell.at, `Ô ${b.id}: ${b.row.label}`));
        cmp = checkRatio(stated, a.cell.n, b.cell.n);
        if (cmp && !cmp.agrees) {
          this.ctx.report('V314', input.at, {
            name, stated: formatFigure(value), part: formatWritten(a.cell), whole: formatWritten(b.cell),
            computed: formatWritten({ n: cmp.computed, places: link.places }), diff: formatDiff(cmp.diff, link.places), printed, printedEn,
          }, [related(a), related(b)]);
        }
      }
    } else if (link.parts) {
      const values: Decimal[] = [];
      for (const p of link.parts) {
        if ('n' in p) { values.push(p.n); sources.push(ref(p.at, `Thành phần của ${name}`)); continue; }
        const hit = this.cells.cell(p);
        if (!hit) return this.figure(value, id, label, input.at, 'fact');
        values.push(inUnitOf(value, hit));
        sources.push(ref(hit.cell.at, `Ô ${hit.id}: ${hit.row.label}`));
      }
      cmp = checkSum(stated, values);
      if (!cmp.agrees) {
        this.ctx.report('V301', input.at, {
          label: name, stated: formatFigure(value), computed: formatFigure(withAmount(value, cmp.computed)),
          diff: formatDiff(cmp.diff, link.places), printed: link.print === 'computed' ? 'số tính từ các thành phần' : 'số đã nêu',
        });
      }
    }
    const shown = link.print === 'computed' && cmp ? withAmount(value, cmp.computed) : value;
    const check = cmp && {
      stated: formatFigure(value), computed: formatFigure(withAmount(value, cmp.computed)), agrees: cmp.agrees, printed: link.print,
    };
    const origin = link.print === 'computed' && cmp ? 'computed' as const : 'stated' as const;
    return { type: 'figure', figure: this.ctx.figures.add({ ...shown, id, label, origin, sources, ...(check ? { check } : {}) } as Figure) };
  }

  value(input: FigureInput): FigureValue {
    if (input.kind === 'fraction') this.checkFraction(input.part, input.whole, input.at, false);
    switch (input.kind) {
      case 'money': return { kind: 'money', money: input.value };
      case 'area': return { kind: 'area', area: input.value };
      case 'percent': return { kind: 'percent', n: input.value };
      // The report's setting, unless the data wrote the zero itself (`06`): then it is kept.
      case 'count': return this.ctx.data.report.leadingZero || input.zero ? { kind: 'count', n: input.value } : { kind: 'count', n: input.value, zero: false };
      case 'fraction': return { kind: 'fraction', part: input.part, whole: input.whole };
      case 'units': return { kind: 'units', names: input.units.map((u) => this.ctx.unitName(u)) };
    }
  }

  private checkedFractions = new Set<string>();

  /** A part larger than its whole (18/17 xã, xếp thứ 15/14) cannot be; report each place once. */
  private checkFraction(part: Decimal, whole: Decimal, at: Loc, rank: boolean): void {
    const key = `${at.file}:${at.line}:${at.column}`;
    if (!part.greaterThan(whole) || this.checkedFractions.has(key)) return;
    this.checkedFractions.add(key);
    this.ctx.report('V302', at, {
      what: rank ? 'Thứ hạng' : 'Phân số', whatEn: rank ? 'Rank' : 'Fraction',
      value: `${part.toFixed()}/${whole.toFixed()}`, part: part.toFixed(), whole: whole.toFixed(),
    });
  }

  private figure(v: FigureValue, id: string, label: string, at: Loc, origin: 'fact' | 'computed', formula?: string): Segment {
    const figure = this.ctx.figures.add({ ...v, id, label, origin, formula, sources: [ref(at, label)] } as Figure);
    return { type: 'figure', figure };
  }

  /** `<label>: <qualifier> <value>[, xếp thứ 3/14 quận, huyện]` or the KPI's own text. */
  kpiLine(kpiId: string, at: Loc): RichText {
    const k = this.kpis.get(kpiId);
    if (!k) {
      if (!this.ctx.lacks('digital')) this.ctx.report('V205', at, { id: kpiId });
      return [];
    }
    // A KPI written as its own sentence is labelled by that sentence, its value shown as "…".
    const label = k.label ?? (k.text ? k.text.replace(/\{[^{}]*\}/g, '…').replace(/\s+/g, ' ').trim() : k.id);
    const value = this.figure(this.value(k.value), `digital.kpi.${k.id}`, label, k.value.at, 'fact');
    if (k.text) return this.kpiText(k.text, value, k.at);
    const out: RichText = [{ type: 'text', value: `${k.label}: ${k.qualifier ? `${k.qualifier} ` : ''}` }, value];
    if (k.rank) {
      this.checkFraction(k.rank.part, k.rank.whole, k.rank.at, true);
      out.push({ type: 'text', value: ', xếp thứ ' });
      out.push(this.figure({ kind: 'fraction', part: k.rank.part, whole: k.rank.whole }, `digital.kpi.${k.id}.rank`, `Xếp hạng: ${k.label ?? k.id}`, k.at, 'fact'));
      if (k.rankAmong) out.push({ type: 'text', value: ` ${k.rankAmong}` });
    }
    return out;
  }

  /** A KPI's own sentence: `{value}` is its one token; any other brace is a slip, reported. */
  private kpiText(text: string, value: Segment, at: Loc): RichText {
    return this.tokens(text, at, (name) => {
      if (name === 'value') return [value];
      this.ctx.report('V206', at, { token: name });
      return [];
    });
  }

  private reportUnusedFigures(item: ContentItem): void {
    this.reportUnused(item.figures);
  }

  private reportUnused(figures: Record<string, FigureInput>): void {
    for (const [name, input] of Object.entries(figures)) {
      if (!this.used.has(input)) this.ctx.report('V207', input.at, { name });
    }
  }
}

/**
 * A cell's number in the unit of the prose figure it is compared with: a "Tỷ đồng" row against
 * "186.245,5 triệu đồng" is converted; a unit that is not money or area (Hồ sơ, %) is taken as is.
 */
function inUnitOf(v: FigureValue, hit: CellHit): Decimal {
  const unit = hit.row.unit ?? '';
  if (v.kind === 'money') {
    const q = parseQuantity(`1 ${unit}`, 'money');
    if (q.ok) return convertMoney({ ...q.value, amount: hit.cell.n }, v.money.unit).amount;
  }
  if (v.kind === 'area') {
    const q = parseQuantity(`1 ${unit}`, 'area');
    if (q.ok) return convertArea({ ...q.value, amount: hit.cell.n }, v.area.unit).amount;
  }
  return hit.cell.n;
}

/** A cell as a diagnostic's second position. */
function related(hit: CellHit): RelatedPosition {
  return { file: hit.cell.at.file, line: hit.cell.at.line, column: hit.cell.at.column, label: `ô ${hit.id}` };
}

/** The number of a numeric figure, in its own unit; undefined for fractions and lists of units. */
function amountOf(v: FigureValue): Decimal | undefined {
  switch (v.kind) {
    case 'money': return v.money.amount;
    case 'area': return v.area.amount;
    case 'count': case 'percent': return v.n;
    default: return undefined;
  }
}

/** The same figure with another number (the computed one), unit and kind kept. */
function withAmount(v: FigureValue, n: Decimal): FigureValue {
  switch (v.kind) {
    case 'money': return { ...v, money: { ...v.money, amount: n } };
    case 'area': return { ...v, area: { ...v.area, amount: n } };
    case 'count': case 'percent': return { ...v, n };
    default: return v;
  }
}

/**
 * A section title as an id part when the data gives none: `Về kinh tế` → `ve-kinh-te`. Years
 * (written, or as `{year}` tokens) are left out, so the same section of next year's report —
 * "… năm {year}" printing 2026 — keeps the ids of this year's and `report diff` pairs them.
 */
function slugOf(title: string): string {
  return title.replace(/\{[^{}]*\}/g, ' ').replace(/(?<!\d)(19|20)\d{2}(?!\d)/g, ' ').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

/** The file part of a scope (`noi-dung:ket-qua` → `noi-dung`). */
function fileOf(scope: string): string {
  return scope.slice(0, scope.indexOf(':'));
}

/** `<file>:<nearest id>.<figure name>`, or `<file>:<figure name>` at the top of a file. */
function figureId(scope: string, name: string): string {
  return scope.endsWith(':') ? `${scope}${name}` : `${scope}.${name}`;
}

/** A text's words without its tokens (a table cell as a row's name). */
function plainWords(text: string): string {
  return text.replace(/\{[^{}]*\}/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words either side of a figure that a label keeps, within its clause. */
const WORDS_BEFORE = 8;
const WORDS_AFTER = 3;

/**
 * A figure's human label: the words around its token in its clause (between punctuation), the
 * token itself and any other token shown as "…" — `Tổng thu ngân sách … đạt …` for
 * `{thu}` in "Tổng thu ngân sách trên địa bàn 9 tháng đạt {thu}, chi …". Empty when the clause
 * holds no words (a table cell that is only the token).
 */
export function contextLabel(source: string, index: number): string {
  const text = source.replace(/\s+/g, ' ');
  const at = source.slice(0, index).replace(/\s+/g, ' ').length;
  const close = text.indexOf('}', at);
  const stop = /[.;()]/;
  let from = at;
  while (from > 0 && !stop.test(text[from - 1]!)) from--;
  // After the figure the clause ends at a comma too: `đạt {thu}, chi …` is about {thu} only.
  let to = close < 0 ? text.length : close + 1;
  while (to < text.length && !stop.test(text[to]!) && text[to] !== ',') to++;
  const mark = (s: string) => s.replace(/\{[^{}]*\}/g, '…');
  const before = new RegExp(`(?:\\S+\\s*){0,${WORDS_BEFORE}}$`).exec(text.slice(from, at))![0];
  const after = new RegExp(`^(?:\\s*\\S+){0,${WORDS_AFTER}}`).exec(text.slice(close + 1, to))![0];
  if (!/\p{L}/u.test(plainWords(before + after))) return '';
  return mark(`${before}…${after}`).replace(/^[-–+:,\s]+/, '').trim();
}
