/**
 * A fast reader for the plain YAML that data files are written in, giving exactly what the
 * full path of the loader gives (index.ts: the `yaml` library's document model, its checks,
 * `toJS` and a PositionIndex) or nothing at all. The `yaml` library reads about a megabyte a
 * second here, keeping a node object per value: a 10,000-project file took it 1.5 s, as long as
 * every later stage together. This reader walks the text once, line by line, building the values
 * and the position index directly.
 *
 * It reads block mappings and lists, plain and quoted one-line scalars, `|` and `>` block
 * scalars and one-line flow collections (`{ name: Tân Dân, type: xã }`), with comments on lines
 * of their own or after a value (` # …`). Anything else — an anchor, alias or tag, a duplicate key, a
 * value on several lines, a `#` glued to a value, an escape, a tab, a control, invisible or forbidden
 * character, a syntax error — makes it give up (`null`), and the file goes the full way, where
 * every diagnostic is made. So it never decides anything the full path would report on, and the
 * answers it does give are the full path's to the byte: tests/unit/load/plain-yaml.test.ts reads
 * every YAML file of the repository and thousands of mutations of them both ways.
 */
import { PositionWriter, SLOT, type PositionIndex } from './positions.js';

/** Gave up: the full path reads this file. */
class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/** Characters the fast reader leaves to the full path wherever they are (see the module comment). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200d\u2028\u2029\u2060\ufdd0-\ufdef\ufeff\ufffe\uffff\ud800-\udfff\\]/u;
/** Characters a plain scalar may not start with in block context (the flow and block indicators are handled before). */
const PLAIN_START = /^[,[\]{}#&*!|>'"%@`]/;
/** A key or scalar the full path treats specially, or that is not a plain key. */
const SPECIAL_KEY = /^(<<|__proto__)$/;

/** True when `text` may not start a plain scalar: an indicator, or `-`, `?`, `:` before a space. */
const badPlainStart = (text: string): boolean => PLAIN_START.test(text) || /^[-?:]( |$)/.test(text);

/**
 * A quoted scalar starting at `i` and closed before `end` (`''` is a quote inside single quotes;
 * escapes never reach here): its text and the offset just past the closing quote.
 */
function readQuoted(text: string, i: number, end: number): { text: string; end: number } {
  const q = text[i]!;
  let out = '';
  let j = i + 1;
  for (;;) {
    const close = text.indexOf(q, j);
    if (close < 0 || close >= end) return giveUp();
    out += text.slice(j, close);
    if (q === "'" && text[close + 1] === "'") {
      out += "'";
      j = close + 2;
      continue;
    }
    return { text: out, end: close + 1 };
  }
}

/** The colon of a block mapping key on `[i, end)`: the first `:` before a space or the end, else -1. */
function keyColon(text: string, i: number, end: number): number {
  for (let k = text.indexOf(':', i); k >= 0 && k < end; k = text.indexOf(':', k + 1)) {
    if (k + 1 === end || text.charCodeAt(k + 1) === 32) return k;
  }
  return -1;
}

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past its last character (before the newline). */
  end: number;
  /** Spaces before the first other character. */
  indent: number;
  /** A blank line or a comment line. */
  empty: boolean;
}

export interface PlainYaml {
  data: Record<string, unknown>;
  index: PositionIndex;
}

/** The values and positions of `text` (NFC, LF), or null when the full path must read it. */
export function readPlainYaml(text: string, maxDepth: number): PlainYaml | null {
  if (UNSAFE.test(text)) return null;
  try {
    return new Reader(text, maxDepth).document();
  } catch (err) {
    if (err instanceof GiveUp) return null;
    throw err;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private readonly lineStarts: number[] = [];
  private readonly slots = new PositionWriter();
  private at = 0;

  constructor(private readonly text: string, private readonly maxDepth: number) {
    // Lines as the parser counts them: a final newline ends the last line, it does not open one.
    this.lineStarts.push(0);
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      // Document markers and directives are left to the full path, wherever they stand.
      if (i === start && /^(---|\.\.\.|%)/.test(text.slice(start, start + 3))) giveUp();
      this.lines.push({ start, end, indent: i - start, empty: i === end || text.charCodeAt(i) === 35 });
      if (end < text.length) this.lineStarts.push(end + 1);
      start = end + 1;
    }
  }

  document(): PlainYaml {
    this.skipEmpty();
    const first = this.lines[this.at];
    if (!first || first.indent !== 0) return giveUp();
    if (this.isItem(first)) return giveUp();
    const root = this.blockMap(0, 1);
    this.skipEmpty();
    if (this.at < this.lines.length) return giveUp();
    // A document ending in an empty value has it at the very end of the text, as the parser does.
    return { data: root.value as Record<string, unknown>, index: this.slots.finish(this.lineStarts) };
  }

  private skipEmpty(): void {
    while (this.at < this.lines.length && this.lines[this.at]!.empty) this.at++;
  }

  /** The next line that holds something, without moving on; undefined at the end. */
  private peek(): Line | undefined {
    this.skipEmpty();
    return this.lines[this.at];
  }

  /** A block mapping whose keys stand at column `indent`, starting on the current line. */
  private blockMap(indent: number, depth: number, firstKeyAt?: number): Parsed {
    if (depth >= this.maxDepth) return giveUp();
    const value: Record<string, unknown> = {};
    const slot = this.slots.open(SLOT.map, -1);
    const keys: string[] = [];
    const keyAts: number[] = [];
    const nodes: number[] = [];
    let keyAt = firstKeyAt;
    for (;;) {
      const line = this.lines[this.at]!;
      const from = keyAt ?? line.start + line.indent;
      keyAt = undefined;
      const key = this.key(from, line.end);
      if (!keys.length) this.slots.startAt(slot, key.start);
      if (Object.prototype.hasOwnProperty.call(value, key.text)) return giveUp();
      const entry = this.entryValue(key.after, line, indent, depth);
      value[key.text] = entry.value;
      keys.push(key.text);
      keyAts.push(key.start);
      nodes.push(entry.slot);
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent) return giveUp();
      if (this.isItem(next)) break;
    }
    this.slots.close(slot, nodes, keys, keyAts);
    return { value, slot };
  }

  /** A block list whose dashes stand at column `indent`, starting on the current line. */
  private blockSeq(indent: number, depth: number): Parsed {
    if (depth >= this.maxDepth) return giveUp();
    const value: unknown[] = [];
    const slot = this.slots.open(SLOT.seq, this.lines[this.at]!.start + indent);
    const nodes: number[] = [];
    for (;;) {
      const line = this.lines[this.at]!;
      const dash = line.start + line.indent;
      const item = this.itemValue(dash, line, indent, depth);
      value.push(item.value);
      nodes.push(item.slot);
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent || !this.isItem(next)) return giveUp();
    }
    this.slots.close(slot, nodes);
    return { value, slot };
  }

  private isItem(line: Line): boolean {
    const c = line.start + line.indent;
    return this.text.charCodeAt(c) === 45 && (c + 1 === line.end || this.text.charCodeAt(c + 1) === 32);
  }

  /** One list item: `- value`, `- key: value …` (a mapping at the key's column) or `-` and a nested block. */
  private itemValue(dash: number, line: Line, indent: number, depth: number): Parsed {
    let i = dash + 1;
    while (i < line.end && this.text.charCodeAt(i) === 32) i++;
    if (i === line.end || (i > dash + 1 && this.commentAt(i))) {
      this.at++;
      return this.nested(indent, depth, i, true, i < line.end);
    }
    const c = this.text.charCodeAt(i);
    if (c === 35 || c === 45 && (i + 1 === line.end || this.text.charCodeAt(i + 1) === 32)) return giveUp();
    if (this.keyAhead(i, line.end)) return this.blockMap(i - line.start, depth + 1, i);
    return this.inlineValue(i, line, indent, depth);
  }

  /** What follows `key:` — a value on the line, or a nested block on the next lines. */
  private entryValue(after: number, line: Line, indent: number, depth: number): Parsed {
    let i = after;
    while (i < line.end && this.text.charCodeAt(i) === 32) i++;
    if (i === line.end || (i > after && this.commentAt(i))) {
      this.at++;
      return this.nested(indent, depth, i, false, i < line.end);
    }
    if (this.text.charCodeAt(i) === 35) return giveUp();
    return this.inlineValue(i, line, indent, depth);
  }

  /**
   * The block under an entry or item with nothing after its indicator: a deeper mapping or
   * list, a list at the entry's own column (YAML allows `key:` then `- item` unindented), or an
   * empty value, which the full path reads as "" placed after the indicator and its spaces.
   */
  private nested(indent: number, depth: number, emptyAt: number, inItem: boolean, commented = false): Parsed {
    const next = this.peek();
    if (next && next.indent > indent) return this.isItem(next) ? this.blockSeq(next.indent, depth + 1) : this.blockMapAt(next, depth);
    if (next && !inItem && next.indent === indent && this.isItem(next)) return this.blockSeq(indent, depth + 1);
    // With blank or comment lines between an empty value and what follows, where the parser
    // places the value is its own business: left to the full path.
    if (commented || this.linesSkippedAfter(emptyAt)) return giveUp();
    return { value: '', slot: this.slots.open(SLOT.plain, emptyAt) };
  }

  private blockMapAt(line: Line, depth: number): Parsed {
    const from = line.start + line.indent;
    if (!this.keyAhead(from, line.end)) return giveUp();
    return this.blockMap(line.indent, depth + 1);
  }

  /** True when lines were skipped after the line holding `offset` (blank or comment lines). */
  private linesSkippedAfter(offset: number): boolean {
    const next = this.lines[this.at];
    const end = next ? next.start : this.text.length;
    const nl = this.text.indexOf('\n', offset);
    return nl >= 0 && nl + 1 < end;
  }

  /** A scalar, flow collection or block scalar starting at `i` on `line`; moves past it. */
  private inlineValue(i: number, line: Line, indent: number, depth: number): Parsed {
    const c = this.text[i]!;
    if (c === '|' || c === '>') return this.blockScalar(i, line, indent);
    if (c === '[' || c === '{') {
      const flow = new FlowReader(this.text, i, line.end, this.maxDepth - depth, this.slots);
      const parsed = flow.collection();
      const rest = flow.rest();
      if (rest !== line.end && !this.commentAt(rest)) return giveUp();
      this.at++;
      return parsed;
    }
    const scalar = c === "'" || c === '"' ? this.quoted(i, line.end) : this.plain(i, line.end);
    if (scalar.end !== line.end) return giveUp();
    this.at++;
    // A deeper line right after would continue this value on a new line: the full path decides.
    const next = this.lines[this.at];
    if (next && !next.empty && next.indent > indent) return giveUp();
    return { value: scalar.text, slot: this.slots.open(scalar.plain ? SLOT.plain : SLOT.quoted, i) };
  }

  /**
   * A plain scalar to the end of the line or to a comment (` # …`; a `#` glued to its text, as in
   * `12 #5`, is the full path's to warn about, L014), with no `: ` inside.
   */
  private plain(i: number, end: number): Scalar {
    let raw = this.text.slice(i, end);
    const hash = raw.indexOf(' #');
    if (hash >= 0) {
      if (raw[hash + 2] !== ' ') return giveUp();
      raw = raw.slice(0, hash);
    }
    if (badPlainStart(raw) || raw.includes(': ') || raw.endsWith(':')) return giveUp();
    const text = raw.replace(/ +$/, '');
    return { text, end, plain: true };
  }

  /** True when a comment (` # …`) starts at `i`: after at least one space, before one. */
  private commentAt(i: number): boolean {
    return this.text[i] === '#' && this.text[i - 1] === ' ' && this.text[i + 1] === ' ';
  }

  /** A quoted scalar closed on its line, then only spaces to the end of the line (or `:` for a key). */
  private quoted(i: number, end: number, key = false): Scalar {
    const { text: out, end: j } = readQuoted(this.text, i, end);
    if (key) return { text: out, end: j, plain: false };
    let k = j;
    while (k < end && this.text.charCodeAt(k) === 32) k++;
    return { text: out, end: k === end || this.commentAt(k) ? end : j, plain: false };
  }

  /** True when a mapping key (`key: ` or `key:` at the end of the line) starts at `i`. */
  private keyAhead(i: number, end: number): boolean {
    const c = this.text[i];
    if (c === "'" || c === '"') {
      const close = this.text.indexOf(c, i + 1);
      return close > 0 && close < end && this.text[close + 1] === ':';
    }
    // A flow collection or block scalar is a value here (a collection as a key is left to the full path).
    if (c === '[' || c === '{' || c === '|' || c === '>') return false;
    return keyColon(this.text, i, end) >= 0;
  }

  /** A key at `i`: its text, where it starts, and the offset just past its colon. */
  private key(i: number, end: number): { text: string; start: number; after: number } {
    const c = this.text[i]!;
    if (c === "'" || c === '"') {
      const q = this.quoted(i, end, true);
      if (this.text[q.end] !== ':') return giveUp();
      const after = q.end + 1;
      if (after < end && this.text.charCodeAt(after) !== 32) return giveUp();
      if (SPECIAL_KEY.test(q.text)) return giveUp();
      return { text: q.text, start: i, after };
    }
    const colon = keyColon(this.text, i, end);
    if (colon < 0) return giveUp();
    const text = this.text.slice(i, colon).replace(/ +$/, '');
    if (!text || badPlainStart(text) || text.includes(' #') || SPECIAL_KEY.test(text)) return giveUp();
    return { text, start: i, after: colon + 1 };
  }

  /**
   * A `|` or `>` block scalar (optionally with `-` or `+`; an explicit indentation leaves it to
   * the full path). Its lines are those deeper than `indent`, and the blank ones among them.
   */
  private blockScalar(i: number, line: Line, indent: number): Parsed {
    const header = this.text.slice(i, line.end);
    const m = /^([|>])([-+]?)$/.exec(header);
    if (!m) return giveUp();
    const [, style, chomp] = m;
    this.at++;
    const content: string[] = [];
    let contentIndent = -1;
    let trailingBlank = 0;
    while (this.at < this.lines.length) {
      const l = this.lines[this.at]!;
      const blank = l.indent === l.end - l.start;
      if (blank) {
        if (l.end > l.start) return giveUp();
        if (contentIndent < 0) return giveUp();
        content.push('');
        trailingBlank++;
        this.at++;
        continue;
      }
      if (l.indent <= indent) break;
      if (contentIndent < 0) contentIndent = l.indent;
      if (l.indent !== contentIndent) return giveUp();
      content.push(this.text.slice(l.start + contentIndent, l.end));
      trailingBlank = 0;
      this.at++;
    }
    if (contentIndent < 0) return giveUp();
    // Trailing blank lines belong to the chomping, not to the text.
    const body = content.slice(0, content.length - trailingBlank);
    let text = style === '|' ? body.join('\n') : fold(body);
    if (chomp === '+') text += '\n'.repeat(trailingBlank + 1);
    else if (chomp === '') text += '\n';
    // A last line without its newline (end of file) keeps none under clip or keep.
    // At the end of a file without a final newline the parser's rules differ in corners: leave it.
    if (this.at === this.lines.length && !this.text.endsWith('\n')) return giveUp();
    return { value: text, slot: this.slots.open(SLOT.quoted, i) };
  }
}

/** Folded style: single line breaks become spaces, each blank line a newline. */
function fold(lines: readonly string[]): string {
  let out = '';
  let pendingBreak = false;
  for (const l of lines) {
    if (l === '') {
      out += '\n';
      pendingBreak = false;
      continue;
    }
    if (pendingBreak) out += ' ';
    out += l;
    pendingBreak = true;
  }
  return out;
}

interface Scalar {
  text: string;
  /** Offset just past the scalar (and, for a value, the spaces after it when they end the line). */
  end: number;
  plain: boolean;
}

interface Parsed {
  value: unknown;
  /** Its slot in the position index. */
  slot: number;
}

/** A flow collection on one line: `[a, b]`, `{ k: v, k2: { … } }`. */
class FlowReader {
  private i: number;

  constructor(private readonly text: string, start: number, private readonly end: number, private readonly depthLeft: number, private readonly slots: PositionWriter) {
    this.i = start;
  }

  /** Offset after the collection and the spaces that follow it. */
  rest(): number {
    this.spaces();
    return this.i;
  }

  collection(depth = 1): Parsed {
    if (depth >= this.depthLeft) return giveUp();
    const open = this.text[this.i]!;
    const start = this.i;
    this.i++;
    const isMap = open === '{';
    const close = isMap ? '}' : ']';
    const slot = this.slots.open(isMap ? SLOT.map : SLOT.seq, start);
    const keys: string[] = [];
    const keyAts: number[] = [];
    const nodes: number[] = [];
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    this.spaces();
    for (;;) {
      if (this.i >= this.end) return giveUp();
      if (this.text[this.i] === close) break;
      if (isMap) {
        const keyAt = this.i;
        const key = this.scalar(true);
        if (this.text[this.i] !== ':' || this.text.charCodeAt(this.i + 1) !== 32) return giveUp();
        this.i++;
        this.spaces();
        if (SPECIAL_KEY.test(key.text) || Object.prototype.hasOwnProperty.call(map, key.text)) return giveUp();
        const value = this.value(depth);
        map[key.text] = value.value;
        keys.push(key.text);
        keyAts.push(keyAt);
        nodes.push(value.slot);
      } else {
        const value = this.value(depth);
        list.push(value.value);
        nodes.push(value.slot);
      }
      this.spaces();
      if (this.text[this.i] === ',') {
        this.i++;
        this.spaces();
        if (this.text[this.i] === close || this.text[this.i] === ',') return giveUp();
      } else if (this.text[this.i] !== close) return giveUp();
    }
    this.i++;
    this.slots.close(slot, nodes, isMap ? keys : null, isMap ? keyAts : null);
    return { value: isMap ? map : list, slot };
  }

  private value(depth: number): Parsed {
    const c = this.text[this.i];
    if (c === '[' || c === '{') return this.collection(depth + 1);
    const start = this.i;
    const s = this.scalar(false);
    return { value: s.text, slot: this.slots.open(s.plain ? SLOT.plain : SLOT.quoted, start) };
  }

  /** A flow scalar: quoted, or plain up to `,`, `]`, `}` or `: `. */
  private scalar(key: boolean): Scalar {
    const c = this.text[this.i];
    if (this.i >= this.end) return giveUp();
    if (c === "'" || c === '"') {
      const { text: out, end: j } = readQuoted(this.text, this.i, this.end);
      this.i = j;
      if (key ? this.text[j] !== ':' : !/^[ ,\]}]/.test(this.text[j] ?? '')) return giveUp();
      return { text: out, end: j, plain: false };
    }
    const from = this.i;
    let j = from;
    while (j < this.end) {
      const ch = this.text[j]!;
      if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{') break;
      if (ch === ':' && (j + 1 >= this.end || /[ ,\]}[{]/.test(this.text[j + 1]!))) break;
      if (ch === '#' && this.text[j - 1] === ' ') return giveUp();
      j++;
    }
    const text = this.text.slice(from, j).replace(/ +$/, '');
    if (!text || badPlainStart(text) || text.includes(': ')) return giveUp();
    if (this.text[j] === '[' || this.text[j] === '{') return giveUp();
    this.i = from + text.length;
    return { text, end: this.i, plain: true };
  }

  private spaces(): void {
    while (this.i < this.end && this.text.charCodeAt(this.i) === 32) this.i++;
  }
}
