/**
 * Content: the year's prose from data, resolved into rich text. A text may contain tokens —
 * `{ref:ID}` and its forms (`|short`, `|number`, `|date`, `|dated`) cite a document from
 * report.yaml; `{theme}` / `{theme|short}` quote the year's theme in italics; `{kpi:ID}` prints a
 * digital KPI line; `{name}` prints a figure declared beside the text (`{name|count}` counts a
 * list of units); `{#}` is the number of sub-items listed under the text; `{year}`, `{year+1}`,
 * `{year-1}` print the report's year (or the one after or before it), so prose written once —
 * and scaffolded by `report new` — never prints a stale year. Titles take the year tokens too. Every resolved number
 * becomes a registered Figure, so it stays traceable to its line. Tokens are read with the
 * grammar of `validate/tokens.ts`, which the content rules checked before: a token that does not
 * resolve cannot reach this stage, and nothing here reports.
 */
import type { ContentBlock, ContentDocument, ContentItem, ContentSection, FigureInput, Kpi, Reference, Loc, TableInput } from '../validate/dataset.js';
import { formatDate, toExact } from '../numbers/index.js';
import { classifyToken, scanTokens, yearShift } from '../validate/tokens.js';
import { Findings } from '../validate/findings.js';
import { amountOf, reconcileLink, withAmount } from '../validate/links.js';
import type { AggregateContext } from './context.js';
import { formatFigure, ref, type Figure, type FigureValue, type SourceRef } from './figure.js';
import { CellIndex, type RichStatTable } from './stat-table.js';

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
export interface RichSection { id?: string; title: string; content: RichBlock[]; sections: RichSection[] }
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

export class ContentResolver {
  /** The statistical tables seen so far, for prose figures that name their cells. */
  private readonly cells: CellIndex;

  constructor(private readonly ctx: AggregateContext, private readonly kpis: Map<string, Kpi> = new Map()) {
    this.cells = new CellIndex(ctx);
  }

  /** Blocks in order; a block's figures are named `<prefix>.<block id or index>.…`. */
  blocks(blocks: ContentBlock[], idPrefix: string): RichBlock[] {
    return blocks.map((b, i) => {
      const id = `${idPrefix}.${b.id ?? i}`;
      switch (b.type) {
        case 'paragraph': return { type: 'paragraph' as const, text: this.item(b.item, id).text };
        case 'list': return { type: 'list' as const, items: b.items.map((it, j) => this.item(it, `${id}.${j}`)) };
        case 'table': return { type: 'table' as const, table: this.table(b.table, id) };
        case 'statTable': return { type: 'statTable' as const, table: this.cells.table(b.table, b.id) };
        case 'pageBreak': return { type: 'pageBreak' as const };
      }
    });
  }

  /** A declared table: every cell's tokens resolved against the table's figures. */
  private table(t: TableInput, id: string): RichTable {
    const row = (cells: string[], at: Loc, rowId: string) => cells.map((c, k) => this.text(c, at, `${rowId}.${k}`, t.figures));
    const out: RichTable = {
      unit: t.unit && this.title(t.unit),
      columns: t.columns.map((c) => ({ ...c, title: this.title(c.title) })),
      rows: t.rows.map((r, j) => row(r.cells, r.at, `${id}.${j}`)),
      total: t.total && row(t.total.cells, t.total.at, `${id}.total`),
    };
    return out;
  }

  /** A content document: intro, numbered sections (ids from the data where given), closing, appendices. */
  /**
   * Build the statistical tables of a document before any prose is resolved: a prose figure
   * may name a cell of a table that stands after it — in an appendix, or in a later content
   * file of the same report (call this for every document first).
   */
  tables(doc: ContentDocument): void {
    this.cells.document(doc);
  }

  document(doc: ContentDocument): RichDocument {
    this.tables(doc);
    const section = (s: ContentSection, prefix: string): RichSection => {
      const id = `${prefix}.${s.id ?? slugOf(s.title)}`;
      return { id: s.id, title: this.title(s.title), content: this.blocks(s.content, id), sections: s.sections.map((c) => section(c, id)) };
    };
    return {
      intro: this.blocks(doc.intro, `${doc.file}:intro`),
      sections: doc.sections.map((s) => section(s, doc.file)),
      closing: this.blocks(doc.closing, `${doc.file}:closing`),
      appendices: doc.appendices.map((a, i) => ({
        label: a.label, title: a.title.map((l) => this.title(l)), note: a.note && this.title(a.note), orientation: a.orientation,
        content: this.blocks(a.content, `${doc.file}:appendix.${i + 1}`),
      })),
    };
  }

  item(item: ContentItem, id: string): RichItem {
    const items = item.items.map((sub, i) => this.item(sub, `${id}.${i}`));
    const text: RichText = [];
    if (item.kpi) text.push(...this.kpiLine(item.kpi, item.at));
    if (item.text !== undefined) {
      if (text.length) text.push({ type: 'text', value: ' ' });
      text.push(...this.text(item.text, item.at, id, item.figures, items.length));
    }
    return { text, items };
  }

  /**
   * Resolve the tokens of one text. Braces belong to tokens only: `{{name}}` (a template habit)
   * and a brace without its partner are errors, not printed as they stand.
   */
  text(source: string, at: Loc, id: string, figures: Record<string, FigureInput> = {}, subItems = 0): RichText {
    return this.tokens(source, (name) => this.token(name, at, id, figures, subItems));
  }

  /** Text and tokens in order, each `{name}` resolved by `resolve` (brace slips were reported by the rules). */
  private tokens(source: string, resolve: (name: string) => Segment[]): RichText {
    const out: RichText = [];
    for (const piece of scanTokens(source)) {
      if (piece.type === 'text') out.push({ type: 'text', value: piece.value });
      else if (piece.type === 'token') out.push(...resolve(piece.name));
    }
    return out;
  }

  /** `{year}`, `{year+1}`, `{year-1}` as the report's year (or the one after or before). */
  private yearToken(head: string): string | undefined {
    const shift = yearShift(head);
    return shift === undefined ? undefined : String(this.ctx.data.report.year + shift);
  }

  /** A title, unit or note line: plain text in which only the year tokens are resolved. */
  title(source: string): string {
    return source.replace(/\{([^{}]*)\}/g, (whole, token: string) => this.yearToken(token.trim()) ?? whole);
  }

  private token(token: string, at: Loc, id: string, figures: Record<string, FigureInput>, subItems: number): RichText {
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
      case 'items': return [this.figure({ kind: 'count', n: toExact(subItems) }, `${id}.items`, 'Số mục được liệt kê', at, 'computed', `đếm ${subItems} mục con`)];
      case 'figure': {
        const { input, name } = t;
        if (t.form === 'count' && input.kind === 'units') {
          return [this.figure({ kind: 'count', n: toExact(input.units.length) }, `${id}.${name}.count`, `Số đơn vị trong danh sách "${name}"`, input.at, 'computed', `đếm ${input.units.length} tên`)];
        }
        if (input.link) return [this.linked(name, input, `${id}.${name}`)];
        return [this.figure(this.value(input), `${id}.${name}`, name, input.at, 'fact')];
      }
      default: return [];
    }
  }

  /**
   * A prose figure tied to table cells (`sameAs`, `ratioOf`, `parts`): the number printed and
   * the cells it came from, from the same reconciliation the rules checked (validate/links.ts).
   */
  private linked(name: string, input: FigureInput, id: string): Segment {
    const link = input.link!;
    const value = this.value(input);
    const amount = amountOf(value);
    const sources: SourceRef[] = [ref(input.at, name)];
    if (!amount) return { type: 'figure', figure: this.ctx.figures.add({ ...value, id, label: name, origin: 'fact', sources } as Figure) };
    const outcome = reconcileLink(name, input, value, amount, this.cells.index, new Findings());
    if (outcome.brokenPart) return this.figure(value, id, name, input.at, 'fact');
    sources.push(...outcome.sources.map((s) => ref(s.at, s.label)));
    const { cmp } = outcome;
    const shown = cmp ? withAmount(value, outcome.printed) : value;
    const check = cmp && {
      stated: formatFigure(value), computed: formatFigure(withAmount(value, cmp.computed)), agrees: cmp.agrees, printed: link.print,
    };
    const origin = link.print === 'computed' && cmp ? 'computed' as const : 'stated' as const;
    return { type: 'figure', figure: this.ctx.figures.add({ ...shown, id, label: name, origin, sources, ...(check ? { check } : {}) } as Figure) };
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
    const value = this.figure(this.value(k.value), `digital.kpi.${k.id}`, k.label ?? k.id, k.value.at, 'fact');
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

/** A section title as an id part when the data gives none: `Về kinh tế` → `ve-kinh-te`. */
function slugOf(title: string): string {
  return title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}
