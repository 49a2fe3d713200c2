/**
 * The light markup → the document tree. Template output is Markdown-like text parsed by
 * markdown-it (only the rules we use: headings, paragraphs, `-`/`+` lists, emphasis, escapes,
 * fenced blocks); fenced blocks carry the official-format blocks (`header`, `title`,
 * `recipients`, `signature`, `appendix`, `table`) as `key: value` lines, and `::: landscape` …
 * `:::` wraps a landscape section. Headings are numbered here — I., 1., a) — so inserting a
 * section renumbers the rest. Figure markers become `figure` nodes.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Block, Inline, ListItem, Heading } from '../doctree/types.js';
import { FIGURE_PATTERN } from './escape.js';
import { parseDirective } from './directives.js';

let parser: MarkdownIt | undefined;

function md(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('zero', { html: false, linkify: false, typographer: false, breaks: false });
    parser.enable(['heading', 'list', 'fence', 'paragraph', 'emphasis', 'escape', 'newline']);
  }
  return parser;
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
  for (const m of value.matchAll(FIGURE_PATTERN)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push({ type: 'figure', id: m[1], value: m[2] });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
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

export function parseInline(text: string): Inline[] {
  const tokens = md().parseInline(text, {});
  return toInlines(tokens[0]?.children ?? []);
}

// ---------- blocks ----------

interface Cursor { tokens: Token[]; i: number }

function parseBlocks(c: Cursor, until: string | null, numbering: Numbering, diagnostics: Diagnostic[], lineOffset: number): Block[] {
  const out: Block[] = [];
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i];
    if (until && t.type === until) { c.i++; return out; }
    switch (t.type) {
      case 'heading_open': {
        const depth = Math.min(3, Number(t.tag.slice(1))) as Heading['depth'];
        const inline = c.tokens[c.i + 1];
        out.push({ type: 'heading', depth, label: numbering.next(depth), children: toInlines(inline.children ?? []) });
        c.i += 3;
        break;
      }
      case 'paragraph_open': {
        out.push({ type: 'paragraph', children: toInlines(c.tokens[c.i + 1].children ?? []) });
        c.i += 3;
        break;
      }
      case 'bullet_list_open': {
        c.i++;
        const items: ListItem[] = [];
        while (c.tokens[c.i].type === 'list_item_open') {
          c.i++;
          items.push({ type: 'listItem', children: parseBlocks(c, 'list_item_close', numbering, diagnostics, lineOffset) });
        }
        c.i++; // bullet_list_close
        out.push({ type: 'list', marker: t.markup === '+' ? '+' : '-', children: items });
        break;
      }
      case 'fence': {
        const line = lineOffset + (t.map?.[0] ?? 0) + 1;
        const r = parseDirective(t.info.trim(), t.content, line);
        out.push(...r.value);
        diagnostics.push(...r.diagnostics);
        c.i++;
        break;
      }
      default:
        c.i++;
    }
  }
  return out;
}

/**
 * Parse template output into tree blocks. `::: landscape` … `:::` lines delimit landscape
 * sections (they cannot nest); everything else is markdown.
 */
export function parseMarkup(markup: string): StageResult<Block[]> {
  const diagnostics: Diagnostic[] = [];
  const numbering = new Numbering();
  const blocks: Block[] = [];
  const lines = markup.split('\n');
  let chunk: string[] = [];
  let chunkStart = 0;
  let section: Block[] | null = null;
  const flush = (i: number) => {
    const tokens = md().parse(chunk.join('\n'), {});
    const parsed = parseBlocks({ tokens, i: 0 }, null, numbering, diagnostics, chunkStart);
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
      blocks.push({ type: 'section', orientation: m[1], restartNumbering: true, children: section });
    } else if (m[1] === '') {
      section = null;
    } else {
      diagnostics.push(makeDiagnostic('T010', { file: '(markup)', line: i + 1, column: 1 }, { name: `::: ${m[1]}` }));
    }
  });
  flush(lines.length);
  return { value: blocks, diagnostics };
}
