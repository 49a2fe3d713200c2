/**
 * Rules on prose, for every kind: the tokens of each text (`{{name}}` V113, a form a token does
 * not take V114, a stray brace V115, a name that is no token and no figure V206), the cited
 * documents they name (V202), KPI lines that do not exist (V205) or whose sentence has a token
 * other than `{value}` (V206), figures declared but never printed (V207), fractions whose part
 * exceeds the whole (V302), unit names against the register (V203, V204), and prose figures
 * tied to table cells (V312–V314, V317, V301 for parts; see dataset/links.ts). It walks the
 * report's leadership prose, every content document and the prose the kind declares, and asks
 * the kind about an item's links to its records.
 */
import type { Decimal } from 'decimal.js';
import type { ContentBlock, ContentDocument, ContentItem, ContentSection, Dataset, FigureInput, Kpi, Loc, StatRowInput, TableInput } from '../dataset.js';
import { classifyToken, excerpt, scanTokens } from '../../dataset/tokens.js';
import { amountOf, type LinkChecks } from '../../dataset/links.js';
import { figureId, fileOf, slugOf } from '../../dataset/figure-ids.js';
import type { FigureValue } from '../../numbers/index.js';
import type { KindProse, RuleContext } from './context.js';

export function checkContent(ctx: RuleContext, links: LinkChecks): void {
  new ContentRules(ctx, links).run();
}

class ContentRules {
  private readonly kpis: Map<string, Kpi>;
  private readonly checkedFractions = new Set<string>();

  constructor(private readonly ctx: RuleContext, private readonly links: LinkChecks) {
    this.kpis = new Map((ctx.kind.kpis?.(ctx.data) ?? []).map((k) => [k.id, k]));
  }

  run(): void {
    const { data, kind } = this.ctx;
    this.blocks(data.report.leadership, 'report:leadership');
    for (const d of data.documents) this.document(d);
    for (const p of kind.prose?.(data as Dataset) ?? []) this.prose(p);
  }

  private prose(p: KindProse): void {
    if ('blocks' in p) this.blocks(p.blocks, p.scope);
    else this.text(p.text, p.at, {}, 0, new Set());
  }

  private document(doc: ContentDocument): void {
    // The scopes aggregation names figures by (dataset/figure-ids.ts).
    const section = (s: ContentSection): void => { this.blocks(s.content, `${doc.file}:${s.id ?? slugOf(s.title)}`); s.sections.forEach(section); };
    this.blocks(doc.intro, `${doc.file}:intro`); doc.sections.forEach(section); this.blocks(doc.closing, `${doc.file}:closing`);
    doc.appendices.forEach((a) => this.blocks(a.content, `${doc.file}:${slugOf(a.title.join(' ')) || 'phu-luc'}`));
  }

  /** Blocks in order; `scope` (when known) names their figures, for V613. */
  private blocks(blocks: readonly ContentBlock[], scope?: string): void {
    for (const b of blocks) {
      const id = scope !== undefined && b.id ? `${fileOf(scope)}:${b.id}` : scope;
      if (b.type === 'paragraph') this.item(b.item, id);
      else if (b.type === 'list') b.items.forEach((it) => this.item(it, id));
      else if (b.type === 'table') this.table(b.table, id);
      else if (b.type === 'statTable') [b.table.rows, ...(b.table.parts ?? []).map((p) => p.rows)].forEach((rows) => this.rowNotes(rows, id));
    }
  }

  /** The footnotes on a statistical table's row labels, checked as items of their own. */
  private rowNotes(rows: readonly StatRowInput[], scope: string | undefined): void {
    for (const r of rows) {
      if (r.footnote) this.item(r.footnote, scope);
      this.rowNotes(r.rows, scope);
    }
  }

  private table(t: TableInput, scope?: string): void {
    const used = new Set<FigureInput>();
    for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) for (const c of r.cells) this.text(c, r.at, t.figures, 0, used, scope, t.notes);
    this.unused(t.figures, used);
    this.unusedNotes(t.notes);
  }

  private item(item: ContentItem, outer?: string): void {
    const scope = outer !== undefined && item.id ? `${fileOf(outer)}:${item.id}` : outer;
    this.ctx.kind.checkItem?.(this.ctx, item);
    item.items.forEach((sub) => this.item(sub, scope));
    if (item.kpi) this.kpi(item.kpi, item.at);
    const used = new Set<FigureInput>();
    if (item.text !== undefined) this.text(item.text, item.at, item.figures, item.items.length, used, scope, item.notes);
    this.unused(item.figures, used);
    this.unusedNotes(item.notes);
  }

  private text(source: string, at: Loc, figures: Record<string, FigureInput>, _subItems: number, used: Set<FigureInput>, scope?: string, notes: Record<string, ContentItem> = {}): void {
    for (const piece of scanTokens(source)) {
      if (piece.type === 'double') this.ctx.report('V113', at, { token: piece.name });
      else if (piece.type === 'brace') this.ctx.report('V115', at, { brace: piece.brace, text: excerpt(source, piece.at) });
      else if (piece.type === 'token' && piece.name.startsWith('fn:')) this.footnote(piece.name, at, notes, scope);
      else if (piece.type === 'token') this.token(piece.name, at, figures, used, scope);
    }
  }

  private readonly usedNotes = new WeakSet<ContentItem>();

  /**
   * `{fn:name}`: a note declared under `notes` of the same block (V700 when not), cited once
   * (V702 for a second citation); its own figures are checked like any other.
   */
  private footnote(token: string, at: Loc, notes: Record<string, ContentItem>, scope: string | undefined): void {
    const name = token.slice(3).trim();
    const note = Object.hasOwn(notes, name) ? notes[name] : undefined;
    if (!note) {
      this.ctx.report('V700', at, { token, known: Object.keys(notes).join(', ') || '—' });
      return;
    }
    if (this.usedNotes.has(note)) {
      this.ctx.report('V702', at, { name });
      return;
    }
    this.usedNotes.add(note);
    this.item(note, scope);
  }

  /** Notes declared and never cited (V701, a warning). */
  private unusedNotes(notes: Record<string, ContentItem> = {}): void {
    for (const [name, note] of Object.entries(notes)) if (!this.usedNotes.has(note)) this.ctx.report('V701', note.at, { name });
  }

  /** Which declaration each figure id belongs to: two named alike in one scope would share it. */
  private readonly claimed = new Map<string, FigureInput>();

  /** V613: a second figure whose id (`<file>:<nearest id>.<name>`) another declaration holds. */
  private claim(scope: string, name: string, input: FigureInput): void {
    const id = figureId(scope, name);
    const first = this.claimed.get(id);
    if (!first) this.claimed.set(id, input);
    else if (first !== input) this.ctx.report('V613', input.at, { name, id, other: `${first.at.file}:${first.at.line}` });
  }

  private token(name: string, at: Loc, figures: Record<string, FigureInput>, used: Set<FigureInput>, scope?: string): void {
    const t = classifyToken(name, figures);
    switch (t.kind) {
      case 'unknown': this.ctx.report('V206', at, { token: name }); return;
      case 'badForm': this.ctx.report('V114', at, { token: name, form: t.form, head: t.head, allowed: t.allowed }); return;
      case 'ref': this.ctx.reference(t.id, at); return;
      case 'kpi': this.kpi(t.id, at); return;
      case 'figure': {
        used.add(t.input);
        if (scope !== undefined) this.claim(scope, t.name, t.input);
        if (t.form === 'count') return;
        const value = this.value(t.input);
        const amount = amountOf(value);
        if (t.input.link && amount) this.links.outcome(t.name, t.input, value, amount, this.ctx);
        return;
      }
      default: return;
    }
  }

  /** A figure's value as printed (for messages), checking fractions and unit names on the way. */
  private value(input: FigureInput): FigureValue {
    switch (input.kind) {
      case 'money': return { kind: 'money', money: input.value };
      case 'area': return { kind: 'area', area: input.value };
      case 'percent': return input.rate ? { kind: 'percent', n: input.value, rate: true } : { kind: 'percent', n: input.value };
      case 'count': return this.ctx.data.report.leadingZero || input.zero ? { kind: 'count', n: input.value } : { kind: 'count', n: input.value, zero: false };
      case 'fraction':
        this.fraction(input.part, input.whole, input.at, false);
        return { kind: 'fraction', part: input.part, whole: input.whole };
      case 'units': return { kind: 'units', names: input.units.map((u) => this.ctx.unitName(u)) };
    }
  }

  /** A KPI line used by an item or a `{kpi:ID}` token. */
  private kpi(id: string, at: Loc): void {
    const k = this.kpis.get(id);
    if (!k) {
      if (!(this.ctx.kind.kpiFile && this.ctx.lacks(this.ctx.kind.kpiFile))) this.ctx.report('V205', at, { id });
      return;
    }
    this.value(k.value);
    if (k.text) {
      for (const piece of scanTokens(k.text)) {
        if (piece.type === 'double') this.ctx.report('V113', k.at, { token: piece.name });
        else if (piece.type === 'brace') this.ctx.report('V115', k.at, { brace: piece.brace, text: excerpt(k.text, piece.at) });
        else if (piece.type === 'token' && piece.name !== 'value') this.ctx.report('V206', k.at, { token: piece.name });
      }
      return;
    }
    if (k.rank) this.fraction(k.rank.part, k.rank.whole, k.rank.at, true);
  }

  /** A part larger than its whole (18/17 xã, xếp thứ 15/14) cannot be; report each place once. */
  private fraction(part: Decimal, whole: Decimal, at: Loc, rank: boolean): void {
    const key = `${at.file}:${at.line}:${at.column}`;
    if (!part.greaterThan(whole) || this.checkedFractions.has(key)) return;
    this.checkedFractions.add(key);
    this.ctx.report('V302', at, {
      what: rank ? 'Thứ hạng' : 'Phân số', whatEn: rank ? 'Rank' : 'Fraction',
      value: `${part.toFixed()}/${whole.toFixed()}`, part: part.toFixed(), whole: whole.toFixed(),
    });
  }

  private unused(figures: Record<string, FigureInput>, used: Set<FigureInput>): void {
    for (const [name, input] of Object.entries(figures)) if (!used.has(input)) this.ctx.report('V207', input.at, { name });
  }
}
