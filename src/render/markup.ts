/**
 * The light markup → the document tree. Template output is Markdown-like text parsed by
 * markdown-it (only the rules we use: headings, paragraphs, `-`/`+` lists, emphasis, escapes,
 * fenced blocks); fenced blocks carry the official-format blocks (`header`, `title`,
 * `recipients`, `signature`, `appendix`, `table`) as `key: value` lines, and `::: landscape` …
 * `:::` wraps a landscape section. Headings are numbered here — I., 1., a) — so inserting a
 * section renumbers the rest. Figure markers become `figure` nodes. Line markers (escape.ts)
 * say which template line wrote each output line: they are removed before parsing and become the
 * `position` of every block, so diagnostics point at the template. Whatever markdown the tree
 * cannot hold (ordered lists, block quotes, rules, `####`) is an error there, never dropped.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Block, Footnote, FootnoteBlock, Inline, ListItem, Heading, PartHeading, Position } from '../doctree/types.js';
import { walkFootnotes } from '../doctree/text.js';
import { LINE_PATTERN, MARKER_PATTERN } from './escape.js';
import { parseDirective } from './directives.js';

let parser: MarkdownIt | undefined;
let blockParser: MarkdownIt | undefined;

function configured(): MarkdownIt {
  const made = new MarkdownIt('zero', { html: false, linkify: false, typographer: false, breaks: false });
  // Block quotes and rules are recognised only to be refused (T013) instead of read as text.
  return made.enable(['heading', 'list', 'fence', 'paragraph', 'blockquote', 'hr', 'emphasis', 'escape', 'newline']);
}

function md(): MarkdownIt {
  parser ??= configured();
  return parser;
}

/**
 * The same parser for blocks only: each block's inline content is left as text for parseInline
 * (what markdown-it's own inline pass would give, with parseInline's shortcut for plain text).
 */
function mdBlocks(): MarkdownIt {
  blockParser ??= configured().disable(['inline', 'text_join']);
  return blockParser;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
/** Điểm letters follow the Vietnamese alphabet (nd30 §3): a b c d đ e g h i k … */
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Section numbering state shared across the whole document. */
export class Numbering {
  private counters = [0, 0, 0];
  private parts = 0;

  /** `Phần I`, `Phần II`, …: a new part, whose Mục start again at I. */
  part(): string {
    this.parts += 1;
    this.counters = [0, 0, 0];
    return `Phần ${roman(this.parts)}`;
  }

  next(depth: 1 | 2 | 3): string {
    this.counters[depth - 1] += 1;
    for (let d = depth; d < 3; d++) this.counters[d] = 0;
    const n = this.counters[depth - 1];
    if (depth === 1) return `${roman(n)}.`;
    if (depth === 2) return `${n}.`;
    return `${LETTERS[(n - 1) % LETTERS.length]}${n > LETTERS.length ? Math.ceil(n / LETTERS.length) : ''})`;
  }
}

// ---------- inlines ----------

function splitFigures(value: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of value.matchAll(MARKER_PATTERN)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    if (m[3] !== undefined) out.push(footnote(Buffer.from(m[3], 'base64').toString('utf8')));
    else out.push({ type: 'figure', id: m[1]!, value: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/**
 * A footnote from the markup its marker carries: a paragraph and `-` items (footnoteMarkup), parsed
 * as blocks of their own. It is numbered later, in reading order, once the whole tree is parsed.
 */
function footnote(markup: string): Footnote {
  const ctx: BlockContext = { numbering: new Numbering(), diagnostics: [], at: (line) => ({ file: '(footnote)', line: line + 1, column: 1 }) };
  const blocks = parseBlocks({ tokens: mdBlocks().parse(markup, {}), i: 0 }, null, ctx);
  const children = blocks.filter((b): b is FootnoteBlock => b.type === 'paragraph' || b.type === 'list');
  return { type: 'footnote', label: '', children: children.map(withoutPositions) };
}

/** A note's blocks carry no template position of their own (they print beside their marker). */
function withoutPositions<B extends FootnoteBlock>(b: B): B {
  const { position: _, ...rest } = b;
  if (rest.type === 'list') return { ...rest, children: (rest.children as ListItem[]).map(({ position: __, ...item }) => item) } as unknown as B;
  return rest as B;
}

/** Footnotes numbered 1, 2, … through the whole document, in reading order. */
function numberFootnotes(blocks: readonly Block[]): void {
  let n = 0;
  for (const note of walkFootnotes(blocks)) note.label = String(++n);
}

/** Convert markdown-it inline children to tree inlines (emphasis and strong nest). */
export function toInlines(children: Token[]): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const top = () => stack[stack.length - 1];
  for (const t of children) {
    switch (t.type) {
      case 'text': case 'text_special': top().push(...splitFigures(t.content)); break;
      case 'softbreak': top().push({ type: 'text', value: ' ' }); break;
      case 'hardbreak': top().push({ type: 'break' }); break;
      case 'em_open': case 'strong_open': {
        const node = { type: t.type === 'em_open' ? 'emphasis' : 'strong', children: [] as Inline[] } as Inline & { children: Inline[] };
        top().push(node);
        stack.push(node.children);
        break;
      }
      case 'em_close': case 'strong_close': if (stack.length > 1) stack.pop(); break;
      default: top().push({ type: 'text', value: t.content });
    }
  }
  return mergeText(root);
}

function mergeText(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of list) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else out.push(n.type === 'strong' || n.type === 'emphasis' ? { ...n, children: mergeText(n.children) } : n);
  }
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/**
 * What the inline rules in use act on besides escapes: emphasis (`*`, `_`), line breaks, and the
 * characters markdown-it's normalisation rewrites (CR, NUL).
 */
const INLINE_SYNTAX = /[*_\n\r\0]/;
/** An escape as markdown-it reads it: a backslash before ASCII punctuation stands for that character. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/**
 * Inline markup → tree inlines. Escaped data (escape.ts) is the common case: without emphasis or
 * line breaks, markdown-it yields one text token, the escapes removed, so that text is made
 * here directly (the same inlines — tests/unit/render/inline.test.ts compares both ways — at a
 * fraction of the cost: at 10,000 rows, every table cell comes this way).
 */
export function parseInline(text: string): Inline[] {
  if (!INLINE_SYNTAX.test(text)) return mergeText(splitFigures(text.includes('\\') ? text.replace(ESCAPE, '$1') : text));
  return parseInlineMarkdown(text);
}

/** Inline markup through markdown-it (every case; parseInline takes a shortcut for plain text). */
export function parseInlineMarkdown(text: string): Inline[] {
  const tokens = md().parseInline(text, {});
  return toInlines(tokens[0]?.children ?? []);
}

// ---------- blocks ----------

interface Cursor { tokens: Token[]; i: number }

/** Where each line of a chunk of markup came from. */
type LineAt = (line: number) => Position;

interface BlockContext {
  numbering: Numbering;
  diagnostics: Diagnostic[];
  at: LineAt;
}

/** What the tree cannot hold, named for the T013 message. */
const UNSUPPORTED: Record<string, { what: string; whatEn: string }> = {
  ordered_list_open: { what: 'một danh sách đánh số (1. 2. …)', whatEn: 'an ordered list (1. 2. …)' },
  blockquote_open: { what: 'một đoạn trích dẫn (> …)', whatEn: 'a block quote (> …)' },
  hr: { what: 'một đường kẻ ngang (---, ***)', whatEn: 'a horizontal rule (---, ***)' },
};

function unsupported(t: Token, ctx: BlockContext, line: number): void {
  const named = UNSUPPORTED[t.type] ?? { what: `khối "${t.type}"`, whatEn: `a "${t.type}" block` };
  ctx.diagnostics.push(makeDiagnostic('T013', ctx.at(line), named));
}

/** Skip a token and, when it opens a block, everything up to its matching close. */
function skipBlock(c: Cursor): void {
  let depth = 0;
  do {
    depth += c.tokens[c.i].nesting;
    c.i++;
  } while (depth > 0 && c.i < c.tokens.length);
}

function parseBlocks(c: Cursor, until: string | null, ctx: BlockContext): Block[] {
  const out: Block[] = [];
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i];
    if (until && t.type === until) { c.i++; return out; }
    const line = t.map?.[0] ?? 0;
    const position = ctx.at(line);
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        if (level > 3) {
          ctx.diagnostics.push(makeDiagnostic('T013', position, { what: `một tiêu đề cấp ${level} (${t.markup}); văn bản chỉ có Mục (#), Khoản (##) và Điểm (###)`, whatEn: `a level-${level} heading (${t.markup}); the document has only #, ## and ###` }));
          skipBlock(c);
          break;
        }
        const depth = level as Heading['depth'];
        const inline = c.tokens[c.i + 1];
        out.push({ type: 'heading', depth, label: ctx.numbering.next(depth), children: parseInline(inline.content), position });
        c.i += 3;
        break;
      }
      case 'paragraph_open': {
        out.push({ type: 'paragraph', children: parseInline(c.tokens[c.i + 1].content), position });
        c.i += 3;
        break;
      }
      case 'bullet_list_open': {
        c.i++;
        const items: ListItem[] = [];
        while (c.tokens[c.i].type === 'list_item_open') {
          const itemAt = ctx.at(c.tokens[c.i].map?.[0] ?? line);
          c.i++;
          items.push({ type: 'listItem', children: parseBlocks(c, 'list_item_close', ctx), position: itemAt });
        }
        c.i++; // bullet_list_close
        out.push({ type: 'list', marker: t.markup === '+' ? '+' : '-', children: items, position });
        break;
      }
      case 'fence': {
        if (t.info.trim() === 'part') {
          out.push(partHeading(t.content, position, ctx));
          c.i++;
          break;
        }
        const r = parseDirective(t.info.trim(), t.content, position, (k) => ctx.at(line + 1 + k));
        out.push(...r.value);
        ctx.diagnostics.push(...r.diagnostics);
        c.i++;
        break;
      }
      default:
        unsupported(t, ctx, line);
        skipBlock(c);
    }
  }
  return out;
}

/**
 * A ```part block: its `title:` lines (one printed line of the title, joined), numbered here so
 * that Phần and the Mục under it share one numbering. Any other line is an error (T014).
 */
function partHeading(content: string, position: Position, ctx: BlockContext): PartHeading {
  const titles: string[] = [];
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^title:\s?(.*)$/.exec(line);
    if (m) titles.push(m[1]!);
    else ctx.diagnostics.push(makeDiagnostic('T014', position, { name: 'part', line: line.length > 60 ? `${line.slice(0, 60)}…` : line, known: 'title' }));
  }
  return { type: 'partHeading', label: ctx.numbering.part(), children: parseInline(titles.join(' ')), position };
}

/**
 * Remove the line markers. Each output line is placed at the last marker before its first
 * visible character (a loop's closing line leaves a marker just before the next item's own),
 * or, when it has none, at the marker carried from the lines above (text a helper printed).
 */
export function stripLineMarkers(markup: string): { lines: string[]; at: (Position | undefined)[] } {
  const lines: string[] = [];
  const at: (Position | undefined)[] = [];
  let carried: Position | undefined;
  for (const raw of markup.split('\n')) {
    const before = carried;
    let here: Position | undefined;
    let last = 0;
    let text = '';
    // Whether visible text came before this marker (checked on each new piece only: a line can
    // carry thousands of markers, one per table row, and re-trimming it made this quadratic).
    let visible = false;
    for (const m of raw.matchAll(LINE_PATTERN)) {
      const piece = raw.slice(last, m.index);
      text += piece;
      visible ||= piece.trim() !== '';
      const p = { file: m[1], line: Number(m[2]), column: Number(m[3]) };
      if (!visible) here = p;
      carried = p;
      last = m.index + m[0].length;
    }
    text += raw.slice(last);
    lines.push(text);
    at.push(here ?? before);
  }
  return { lines, at };
}

/**
 * Parse template output into tree blocks. `::: landscape` … `:::` lines delimit landscape
 * sections (they cannot nest); everything else is markdown.
 */
export function parseMarkup(markup: string): StageResult<Block[]> {
  const diagnostics: Diagnostic[] = [];
  const numbering = new Numbering();
  const blocks: Block[] = [];
  const { lines, at } = stripLineMarkers(markup);
  const lineAt = (i: number): Position => at[i] ?? { file: '(markup)', line: i + 1, column: 1 };
  let chunk: string[] = [];
  let chunkStart = 0;
  let section: Block[] | null = null;
  const flush = (i: number) => {
    const tokens = mdBlocks().parse(chunk.join('\n'), {});
    const offset = chunkStart;
    const parsed = parseBlocks({ tokens, i: 0 }, null, { numbering, diagnostics, at: (line) => lineAt(offset + line) });
    (section ?? blocks).push(...parsed);
    chunk = [];
    chunkStart = i + 1;
  };
  lines.forEach((line, i) => {
    const m = /^:::\s*(\S*)\s*$/.exec(line);
    if (!m) { chunk.push(line); return; }
    flush(i);
    if (m[1] === 'landscape' || m[1] === 'portrait') {
      section = [];
      blocks.push({ type: 'section', orientation: m[1], restartNumbering: true, children: section, position: lineAt(i) });
    } else if (m[1] === '') {
      section = null;
    } else {
      diagnostics.push(makeDiagnostic('T010', lineAt(i), { name: `::: ${m[1]}` }));
    }
  });
  flush(lines.length);
  numberFootnotes(blocks);
  return { value: blocks, diagnostics };
}
