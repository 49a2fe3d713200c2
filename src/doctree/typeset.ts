/**
 * The typographic decisions made once, in the tree, for every writer to express its own way:
 * where a line must not break, and which quotation marks a quoted title takes. A space that must
 * not break becomes U+00A0 in the tree's text; the DOCX and the HTML carry it as it is, the PDF
 * turns each run of words it joins into one `noWrap` group of ordinary spaces, the XLSX (no line
 * breaking there) prints an ordinary space. The decisions:
 *
 * - a number never parts from its unit ("47.670 triệu đồng", "22,63 ha", "85,5 %"), also where
 *   a figure is followed by its unit in the next text node;
 * - a spaced dash inside a sentence binds to the word before it ("kinh tế - xã hội" breaks after
 *   the dash, never before it), so no line starts with "- " that reads as a list item;
 * - a name from the data (a unit of the register, the place, the signer) stays whole ("An Lão");
 * - straight double quotes around a quoted title become Vietnamese quotation marks “…”.
 *
 * Each container of inline nodes (a paragraph, heading, table cell) is read as one string, a hard
 * break as a newline that no rule crosses; every change keeps the string's length, so offsets map
 * straight back onto the text nodes, whatever strong/emphasis nesting they sit in. The pass is
 * idempotent and returns a new tree.
 */
import type { Block, Inline, Root, TableRow } from './types.js';

export interface TypesetOptions {
  /** Names from the data that stay whole on a line (units of the register, place, people). */
  names?: readonly string[];
}

/** Units a number never parts from; a multi-word unit is listed before its last word. */
const UNITS = ['nghìn đồng', 'triệu đồng', 'tỷ đồng', 'đồng', 'USD', 'ha', 'km²', 'km', 'm²', 'm³', 'm2', 'm3', 'm', 'kg', 'tấn', '%'];
/** A number (digits with `.`/`,` grouping), an ordinary space, a unit, then no letter or digit. */
const NUMBER_UNIT = new RegExp(`(?<![\\p{L}\\p{N}])\\d(?:[\\d.,]*\\d)? (?:${UNITS.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
/** A spaced dash after a word or closing punctuation on the same line: the space before it is bound. */
const SENTENCE_DASH = /(?<=[\p{L}\p{N}\p{Pe}\p{Pf}"'.,;:%]) (?=[-–—] )/gu;
const DIGIT = /\d/;
const DASH = /[-–—]/;
/** Names longer than this many words are descriptions (an agency's full name), not kept whole. */
const MAX_NAME_WORDS = 4;

/** The offsets of the spaces in `text` that must not break (numbers and units, dashes, names). */
export function boundSpaces(text: string, names?: NamePattern): number[] {
  const at: number[] = [];
  // Every rule binds an ordinary space: a text without one (most table cells) has nothing to bind.
  if (!text.includes(' ')) return at;
  const spacesIn = (found: string, from: number): void => {
    for (let i = found.indexOf(' '); i >= 0; i = found.indexOf(' ', i + 1)) at.push(from + i);
  };
  // Each rule's pattern is run only on texts that hold what it needs (a digit, a dash, a name).
  if (DIGIT.test(text)) for (const m of text.matchAll(NUMBER_UNIT)) spacesIn(m[0], m.index);
  if (DASH.test(text)) for (const m of text.matchAll(SENTENCE_DASH)) at.push(m.index);
  if (names) for (const m of text.matchAll(names)) spacesIn(m[1]!, m.index);
  return at;
}

/**
 * The names worth keeping whole, as one pattern: a zero-width match at each place a name starts,
 * the name itself captured. The names are alternatives, longest first, so where several start at
 * one place the longest wins (its spaces hold the shorter's); being zero-width, the search goes
 * on from the next character, so names that overlap ("Xã An" in "Xã An Lão") each bind theirs.
 * One pattern, not one per name: every `\p{L}` guard costs V8 milliseconds to compile under the
 * case-insensitive flag, and eighteen names with a guard each took a tenth of a cold build.
 */
export type NamePattern = RegExp | undefined;

/** The pattern for names of more than one word and at most MAX_NAME_WORDS (undefined for none). */
export function namePatterns(names: readonly string[]): NamePattern {
  const kept = [...new Set(names.map((n) => n.normalize('NFC').trim().replace(/\s+/g, ' ')))]
    .filter((n) => n.includes(' ') && n.split(' ').length <= MAX_NAME_WORDS)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (!kept.length) return undefined;
  const alternatives = kept.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?=(${alternatives})(?![\\p{L}\\p{N}]))`, 'giu');
}

/**
 * Straight double quotes as Vietnamese quotation marks: an opening “ where the quote follows the
 * start, a space, a break or an opening bracket, a closing ” elsewhere.
 */
export function curlyQuotes(text: string): string {
  return text.replace(/"/g, (_q, offset: number) => (offset === 0 || /[\s([{\u00a0“]/u.test(text[offset - 1]!) ? '“' : '”'));
}

/** `text` with its bound spaces as U+00A0 and its quotes curly (one string, no tree). */
export function typesetText(text: string, names?: NamePattern): string {
  // Every rule needs a space (a bound space) or a straight quote: most table cells have neither.
  const quoted = text.includes('"') ? curlyQuotes(text) : text;
  if (!text.includes(' ')) return quoted;
  const bound = boundSpaces(text, names);
  if (!bound.length) return quoted;
  let out = '';
  let from = 0;
  for (const i of [...new Set(bound)].sort((a, b) => a - b)) {
    out += `${quoted.slice(from, i)}\u00a0`;
    from = i + 1;
  }
  return out + quoted.slice(from);
}

/** The tree with every container of inlines typeset (see the module comment). */
export function typeset(root: Root, options: TypesetOptions = {}): Root {
  const names = namePatterns(options.names ?? []);
  return { ...root, children: root.children.map((b) => block(b, names)) };
}

function block(b: Block, names: NamePattern): Block {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
    case 'partHeading':
      return { ...b, children: inlines(b.children, names) };
    case 'list':
      return { ...b, children: b.children.map((item) => ({ ...item, children: item.children.map((c) => block(c, names)) })) };
    case 'listItem':
    case 'section':
      return { ...b, children: b.children.map((c) => block(c, names)) };
    case 'table':
      return { ...b, children: b.children.map((row): TableRow => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: inlines(cell.children, names) })) })) };
    default:
      // The official blocks (header, title, Kính gửi, signature, appendix heading) are set line by line by their own rules.
      return b;
  }
}

/** The leaves' texts in reading order, a break as a newline. */
function flatten(nodes: readonly Inline[]): string {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
      case 'figure':
        return n.value;
      case 'break':
        return '\n';
      case 'strong':
      case 'emphasis':
        return flatten(n.children);
      default:
        return '';
    }
  }).join('');
}

/** One container: decide on the joined text, then write each leaf's slice back. */
function inlines(nodes: Inline[], names: NamePattern): Inline[] {
  const joined = flatten(nodes);
  const result = typesetText(joined, names);
  if (result === joined) return nodes;
  let offset = 0;
  const rewrite = (list: Inline[]): Inline[] => list.map((n): Inline => {
    switch (n.type) {
      case 'text':
      case 'figure': {
        const value = result.slice(offset, offset + n.value.length);
        offset += n.value.length;
        return { ...n, value };
      }
      case 'break':
        offset += 1;
        return n;
      case 'strong':
      case 'emphasis':
        return { ...n, children: rewrite(n.children) };
      default:
        return n;
    }
  });
  return rewrite(nodes);
}
