/**
 * Content: the year's prose from data, resolved into rich text. A text may contain tokens —
 * `{ref:ID}` and its forms (`|short`, `|number`, `|date`, `|dated`) cite a document from
 * report.yaml; `{theme}` / `{theme|short}` quote the year's theme in italics; `{kpi:ID}` prints a
 * digital KPI line; `{name}` prints a figure declared beside the text (`{name|count}` counts a
 * list of units); `{#}` is the number of sub-items listed under the text; `{year}`, `{year+1}`,
 * `{year-1}` print the report's year (or the one after or before it), so prose written once —
 * and scaffolded by `report new` — never prints a stale year. Titles take the year tokens too. Every resolved number
 * becomes a registered Figure, so it stays traceable to its line. Tokens are read with the
 * grammar of `dataset/tokens.ts`, which the content rules checked before: a token that does not
 * resolve cannot reach this stage, and nothing here reports.
 */
import type { ContentBlock, ContentDocument, ContentItem, ContentSection, FigureInput, Kpi, Reference, Loc, StatTableInput, TableInput } from '../dataset/types.js';
import { formatDate, toExact } from '../numbers/index.js';
import { classifyToken, scanTokens } from '../dataset/tokens.js';
import { amountOf, withAmount, type LinkChecks } from '../dataset/links.js';
import { figureId, fileOf, slugOf } from '../dataset/figure-ids.js';
import type { DatasetAnalysis } from '../dataset/analysis.js';
import type { AggregateContext } from './context.js';
import { formatFigure, ref, type Figure, type FigureValue, type SourceRef } from './figure.js';
import { CellIndex, type RichStatTable } from './stat-table.js';
import { withYears } from './years.js';

export type Segment =
  | { type: 'text'; value: string }
  | { type: 'figure'; figure: Figure }
  | { type: 'quote'; value: string }
  /** A footnote placed with `{fn:name}`: its note resolved like any item (figures checked). */
  | { type: 'footnote'; note: RichItem };
export type RichText = Segment[];
export interface RichItem { text: RichText; items: RichItem[] }
export interface RichTable {
  unit?: string;
  columns: { title: string; width: number; align: 'left' | 'center' | 'right' }[];
  rows: RichText[][];
  total?: RichText[];
}
export type RichBlock = { type: 'paragraph'; text: RichText } | { type: 'list'; items: RichItem[] }
  | { type: 'table'; table: RichTable }
  /** `footnotes`: the footnotes on row labels, keyed by the label's position (`footnoteKey`). */
  | { type: 'statTable'; table: RichStatTable; footnotes?: Record<string, RichItem> } | { type: 'pageBreak' };
/** A section resolved; `part`: a Phần (the level above I.), its sub-sections numbered I., 1., a). */
export interface RichSection { id?: string; title: string; part?: boolean; content: RichBlock[]; sections: RichSection[] }
export interface RichAppendix { label?: string; numbered?: boolean; title: string[]; note?: string; orientation: 'landscape' | 'portrait'; content: RichBlock[] }
/** A content document resolved: what the kind's templates print as the body. */
export interface RichDocument { intro: RichBlock[]; sections: RichSection[]; closing: RichBlock[]; appendices: RichAppendix[] }

/** The key of a statistical table row's footnote: where its label was written. */
export const footnoteKey = (at: Loc): string => `${at.file}:${at.line}:${at.column}`;

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

export class ContentResolver {
  /** The statistical tables, their cells registered as figures as they are reached. */
  private readonly cells: CellIndex;
  /** The linked figures' outcomes, as the rules reconciled them. */
  private readonly links: LinkChecks;

  /** `analysis`: the tables and linked figures as validation analysed them (handed on with the Dataset). */
  constructor(private readonly ctx: AggregateContext, analysis: DatasetAnalysis, private readonly kpis: Map<string, Kpi> = new Map()) {
    this.cells = new CellIndex(ctx, analysis.tables);
    this.links = analysis.links;
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
        case 'statTable': {
          const footnotes = this.rowFootnotes(b.table.rows, id);
          b.table.parts?.forEach((p) => this.rowFootnotes(p.rows, id, footnotes));
          return { type: 'statTable' as const, table: this.cells.table(b.table, b.id), footnotes };
        }
        case 'pageBreak': return { type: 'pageBreak' as const };
      }
    });
  }

  /** The footnotes on a statistical table's row labels (its parts' too), keyed by the label's position. */
  private rowFootnotes(rows: StatTableInput['rows'], scope: string, out: Record<string, RichItem> = {}): Record<string, RichItem> {
    rows.forEach((r) => {
      if (r.footnote) out[footnoteKey(r.at)] = this.item(r.footnote, scope);
      this.rowFootnotes(r.rows, scope, out);
    });
    return out;
  }

  /**
   * A declared table: every cell's tokens resolved against the table's figures; a figure in a
   * cell is labelled by its row (the first cell that is words) and its column's title.
   */
  private table(t: TableInput, scope: string): RichTable {
    const columns = t.columns.map((c) => ({ ...c, title: this.title(c.title) }));
    const row = (cells: string[], at: Loc) => {
      const name = cells.map((c) => plainWords(c)).find((c) => /\p{L}/u.test(c)) ?? '';
      return cells.map((c, k) => this.text(c, at, scope, t.figures, 0, [name, columns[k]?.title].filter(Boolean).join(' – '), t.notes));
    };
    const out: RichTable = {
      unit: t.unit && this.title(t.unit),
      columns,
      rows: t.rows.map((r) => row(r.cells, r.at)),
      total: t.total && row(t.total.cells, t.total.at),
    };
    return out;
  }

  /** A content document: intro, numbered sections (ids from the data where given), closing, appendices. */
  /**
   * Register the cells of a document's statistical tables before any prose is resolved, so the
   * figures keep their order whatever cell a prose figure names (call this for every document
   * first).
   */
  tables(doc: ContentDocument): void {
    this.cells.document(doc);
  }

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
    const items = item.items.map((sub) => this.item(sub, scope));
    const text: RichText = [];
    if (item.kpi) text.push(...this.kpiLine(item.kpi, item.at));
    if (item.text !== undefined) {
      if (text.length) text.push({ type: 'text', value: ' ' });
      text.push(...this.text(item.text, item.at, scope, item.figures, items.length, undefined, item.notes));
    }
    return { text, items };
  }

  /**
   * Resolve the tokens of one text. Braces belong to tokens only: `{{name}}` (a template habit)
   * and a brace without its partner are errors, not printed as they stand. A figure is labelled
   * by the words around it in its clause (`gieo cấy … lúa vụ mùa`), or by `label` (a table cell's
   * row and column) when the clause holds nothing but the figure.
   */
  text(source: string, at: Loc, scope: string, figures: Record<string, FigureInput> = {}, subItems = 0, label?: string, notes: Record<string, ContentItem> = {}): RichText {
    return this.tokens(source, (name, index) => (name.startsWith('fn:')
      ? this.footnote(name, scope, notes)
      : this.token(name, at, scope, figures, subItems, contextLabel(source, index) || label || name)));
  }

  /**
   * `{fn:name}`: the footnote declared under `notes` of the same block, resolved as an item of its
   * own — its figures registered like any other, in the scope of the block that cites it
   * (`<file>:<nearest id>.<figure name>`). The content rules reported a note that is missing,
   * unused or cited twice (V700–V702); a second citation prints nothing.
   */
  private footnote(token: string, scope: string, notes: Record<string, ContentItem>): RichText {
    const name = token.slice(3).trim();
    const note = Object.hasOwn(notes, name) ? notes[name] : undefined;
    if (!note || this.usedNotes.has(note)) return [];
    this.usedNotes.add(note);
    return [{ type: 'footnote', note: this.item(note, scope) }];
  }

  private usedNotes = new WeakSet<ContentItem>();

  /** Text and tokens in order, each `{name}` resolved by `resolve` (brace slips were reported by the rules). */
  private tokens(source: string, resolve: (name: string, index: number) => Segment[]): RichText {
    const out: RichText = [];
    for (const piece of scanTokens(source)) {
      if (piece.type === 'text') out.push({ type: 'text', value: piece.value });
      else if (piece.type === 'token') out.push(...resolve(piece.name, piece.index));
    }
    return out;
  }

  /** A title, unit or note line: plain text in which only the year tokens are resolved. */
  title(source: string): string {
    return withYears(source, this.ctx.data.report.year);
  }

  private token(token: string, at: Loc, scope: string, figures: Record<string, FigureInput>, subItems: number, label: string): RichText {
    const t = classifyToken(token, figures);
    switch (t.kind) {
      case 'ref': {
        const r = this.ctx.reference(t.id);
        return r ? [{ type: 'text', value: cite(r, t.form) }] : [];
      }
      case 'theme': {
        const r = this.ctx.data.report;
        return [{ type: 'quote', value: t.short ? r.themeShort : r.theme }];
      }
      case 'kpi': return this.kpiLine(t.id, at);
      case 'year': return [{ type: 'text', value: String(this.ctx.data.report.year + t.shift) }];
      case 'items': return [this.figure({ kind: 'count', n: toExact(subItems) }, figureId(scope, 'items'), `Số mục được liệt kê: ${label}`, at, 'computed', `đếm ${subItems} mục con`)];
      case 'figure': {
        const { input, name } = t;
        const id = this.claim(figureId(scope, name), input);
        if (t.form === 'count' && input.kind === 'units') {
          return [this.figure({ kind: 'count', n: toExact(input.units.length) }, `${id}.count`, `Số đơn vị: ${label}`, input.at, 'computed', `đếm ${input.units.length} tên`)];
        }
        if (input.link) return [this.linked(name, input, id, label)];
        return [this.figure(this.value(input), id, label, input.at, 'fact')];
      }
      default: return [];
    }
  }

  /** Which declaration each figure id belongs to, to tell a reuse from two figures named alike. */
  private readonly claimed = new Map<string, FigureInput>();

  /**
   * The id of a declared figure. Two declarations named alike in one scope (two paragraphs
   * without ids in one section, both with `{thu}`) would share an id: the rules told the second
   * to take an id of its block (V613); meanwhile it is numbered (`#2`), as the registry numbers it.
   */
  private claim(id: string, input: FigureInput): string {
    const first = this.claimed.get(id);
    if (!first) { this.claimed.set(id, input); return id; }
    if (first === input) return id;
    let n = 2;
    while (this.claimed.has(`${id}#${n}`) && this.claimed.get(`${id}#${n}`) !== input) n++;
    this.claimed.set(`${id}#${n}`, input);
    return `${id}#${n}`;
  }

  /**
   * A prose figure tied to table cells (`sameAs`, `ratioOf`, `parts`): the number printed and
   * the cells it came from: the outcome of the reconciliation the rules made (dataset/links.ts).
   */
  private linked(name: string, input: FigureInput, id: string, label: string): Segment {
    const link = input.link!;
    const value = this.value(input);
    const amount = amountOf(value);
    const sources: SourceRef[] = [ref(input.at, label)];
    if (!amount) return { type: 'figure', figure: this.ctx.figures.add({ ...value, id, label, origin: 'fact', sources } as Figure) };
    const outcome = this.links.outcome(name, input, value, amount);
    if (outcome.brokenPart) return this.figure(value, id, label, input.at, 'fact');
    sources.push(...outcome.sources.map((s) => ref(s.at, s.label)));
    const { cmp } = outcome;
    const shown = cmp ? withAmount(value, outcome.printed) : value;
    const check = cmp && {
      stated: formatFigure(value), computed: formatFigure(withAmount(value, cmp.computed)), agrees: cmp.agrees, printed: link.print,
    };
    const origin = link.print === 'computed' && cmp ? 'computed' as const : 'stated' as const;
    return { type: 'figure', figure: this.ctx.figures.add({ ...shown, id, label, origin, sources, ...(check ? { check } : {}) } as Figure) };
  }

  value(input: FigureInput): FigureValue {
    switch (input.kind) {
      case 'money': return { kind: 'money', money: input.value };
      case 'area': return { kind: 'area', area: input.value };
      case 'percent': return input.rate ? { kind: 'percent', n: input.value, rate: true } : { kind: 'percent', n: input.value };
      // The report's setting, unless the data wrote the zero itself (`06`): then it is kept.
      case 'count': return this.ctx.data.report.leadingZero || input.zero ? { kind: 'count', n: input.value } : { kind: 'count', n: input.value, zero: false };
      case 'fraction': return { kind: 'fraction', part: input.part, whole: input.whole };
      case 'units': return { kind: 'units', names: input.units.map((u) => this.ctx.unitName(u)) };
    }
  }

  private figure(v: FigureValue, id: string, label: string, at: Loc, origin: 'fact' | 'computed', formula?: string): Segment {
    const figure = this.ctx.figures.add({ ...v, id, label, origin, formula, sources: [ref(at, label)] } as Figure);
    return { type: 'figure', figure };
  }

  /** `<label>: <qualifier> <value>[, xếp thứ 3/14 quận, huyện]` or the KPI's own text. */
  kpiLine(kpiId: string, at: Loc): RichText {
    const k = this.kpis.get(kpiId);
    if (!k) {
      return [];
    }
    // A KPI written as its own sentence is labelled by that sentence, its value shown as "…".
    const label = k.label ?? (k.text ? k.text.replace(/\{[^{}]*\}/g, '…').replace(/\s+/g, ' ').trim() : k.id);
    const value = this.figure(this.value(k.value), `digital.kpi.${k.id}`, label, k.value.at, 'fact');
    if (k.text) return this.kpiText(k.text, value);
    const out: RichText = [{ type: 'text', value: `${k.label}: ${k.qualifier ? `${k.qualifier} ` : ''}` }, value];
    if (k.rank) {
      out.push({ type: 'text', value: ', xếp thứ ' });
      out.push(this.figure({ kind: 'fraction', part: k.rank.part, whole: k.rank.whole }, `digital.kpi.${k.id}.rank`, `Xếp hạng: ${k.label ?? k.id}`, k.at, 'fact'));
      if (k.rankAmong) out.push({ type: 'text', value: ` ${k.rankAmong}` });
    }
    return out;
  }

  /** A KPI's own sentence: `{value}` is its one token; any other brace is a slip, reported. */
  private kpiText(text: string, value: Segment): RichText {
    return this.tokens(text, (name) => (name === 'value' ? [value] : []));
  }
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
  // Words are cut by matching each one: an end-anchored `(?:\S+\s*){0,8}$` retries from every
  // position of a long paragraph and cost a fifth of the seed build.
  const before = (text.slice(from, at).match(/\S+\s*/g) ?? []).slice(-WORDS_BEFORE).join('');
  const after = (text.slice(close + 1, to).match(/\s*\S+/g) ?? []).slice(0, WORDS_AFTER).join('');
  if (!/\p{L}/u.test(plainWords(before + after))) return '';
  return mark(`${before}…${after}`).replace(/^[-–+:,\s]+/, '').trim();
}
