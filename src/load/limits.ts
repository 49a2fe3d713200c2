/**
 * Work bounded by the size of the input. Two things in YAML can make a small file cost far more
 * than its size: nesting (the parser and every later stage recurse, so a million `[` cost 30 s
 * and a gigabyte before they were refused) and aliases (`*a` repeats the value anchored `&a`, so
 * 90 aliases of a 1.8 MB string became 160 MB of text for the validator). So, before the parser
 * runs, one linear scan of the text measures nesting — flow brackets and block indentation,
 * outside quotes and comments — and stops at the first place deeper than the limit; and before
 * the document becomes JavaScript values, one walk of the parsed tree adds up the size every
 * alias expands to (each anchored value measured once) and stops at the first alias that takes
 * the total past the limit, or that refers to the value containing it (a cycle). Each limit gives
 * one diagnostic, at the place it was passed.
 */
import { isAlias, isCollection, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { MAX_FILE_BYTES, PARSE_BUDGET_BYTES } from '../files/capped.js';

/** Syntax errors shown per file: after the first few, the rest are nearly always its echoes. */
export const MAX_SYNTAX_ERRORS = 20;

/**
 * A file's syntax errors, each (place, message) once, at most MAX_SYNTAX_ERRORS of them and then one note
 * saying how many more there were (a broken bracket can make the parser repeat itself for
 * every line that follows).
 */
export function capSyntaxErrors(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = `${d.code} ${d.line}:${d.column} ${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length <= MAX_SYNTAX_ERRORS) return unique;
  const last = unique[MAX_SYNTAX_ERRORS - 1];
  const more = unique.length - MAX_SYNTAX_ERRORS;
  return [...unique.slice(0, MAX_SYNTAX_ERRORS), makeDiagnostic('L025', { file: last.file, line: last.line, column: last.column }, { count: more })];
}

/** Deepest nesting of lists and mappings accepted; real data stays under 15. */
export const MAX_DEPTH = 64;
/**
 * Most characters (plus one per value) a file may expand to through its aliases. Without aliases
 * a file never expands beyond its own length, so this is twice the file size limit.
 */
export const MAX_EXPANDED = 2 * MAX_FILE_BYTES;
/**
 * Most values (mapping entries and list items, counted roughly before parsing) one file may hold.
 * The parser's cost follows the number of values more than the bytes: a 2.4 MB flow list of
 * one-letter items (`[a,a,a,…]`) took 1.5 GB and 19 s, where real data (about 30 bytes a value)
 * costs ~2 KB of memory per value while it is parsed. With the parse budget of files/capped.ts
 * (256 MB) that is 128k values: a 20,000-project investment file (~120k values) fits.
 */
export const MAX_VALUES = Math.floor(PARSE_BUDGET_BYTES / 2048);

interface ScanState {
  /** Values seen so far (block entries and items, flow items), and where the count passed its limit. */
  values: number;
  tooManyAt: number;
  maxValues: number;
  flow: number;
  quote: '"' | "'" | null;
  /** At a place where a value may start (so `[`, `{` or a quote opens something). */
  valueStart: boolean;
}

/**
 * Offset of the first character that opens a collection deeper than `limit`, or -1. Block
 * nesting is the stack of indentations (plus compact `- - x` indicators); flow nesting counts
 * brackets. Block scalars (`|`, `>`) are skipped. An approximation — it never looks deeper than
 * the parser would, give or take a level — used only to refuse absurd input before parsing.
 */
export function deepestOpening(text: string, limit = MAX_DEPTH): number {
  return prescan(text, limit).deepest;
}

export interface Prescan {
  /** As deepestOpening. */
  deepest: number;
  /** Values counted (each block line that holds one, each `- ` item, each flow item). */
  values: number;
  /** Offset where the count passed `maxValues`, or -1. */
  tooManyAt: number;
}

/**
 * One linear pass before the parser: the nesting depth (deepestOpening) and a rough count of the
 * values the parser would make (MAX_VALUES). Stops at the first place deeper than `limit`.
 */
export function prescan(text: string, limit = MAX_DEPTH, maxValues = MAX_VALUES): Prescan {
  const indents: number[] = [];
  const s: ScanState = { values: 0, tooManyAt: -1, maxValues, flow: 0, quote: null, valueStart: true };
  const done = (deepest: number): Prescan => ({ deepest, values: s.values, tooManyAt: s.tooManyAt });
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - lineStart;
    const blank = i === lineEnd || text[i] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    let depth = indents.length;
    if (!blank && s.flow === 0 && s.quote === null) {
      count(s, i);
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      depth = indents.length;
      s.valueStart = true;
      // Compact nesting on one line: `- - - x`, `? - x`.
      while (i + 1 < lineEnd && (text[i] === '-' || text[i] === '?') && text[i + 1] === ' ') {
        if (++depth > limit) return done(i);
        count(s, i);
        i += 2;
        while (i < lineEnd && text[i] === ' ') i++;
      }
      if (depth > limit) return done(i);
    }
    const found = scanLine(text, i, lineEnd, s, depth, limit);
    if (found >= 0) return done(found);
    if (s.flow === 0 && s.quote === null && /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(text.slice(i, lineEnd))) {
      blockScalarIndent = indent;
    }
    lineStart = lineEnd + 1;
  }
  return done(-1);
}

function count(s: ScanState, at: number): void {
  if (++s.values > s.maxValues && s.tooManyAt < 0) s.tooManyAt = at;
}

/** Flow brackets and quotes of one line; returns the offset passing the limit, or -1. */
function scanLine(text: string, from: number, to: number, s: ScanState, blockDepth: number, limit: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (s.quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') { s.quote = null; s.valueStart = false; }
      continue;
    }
    if (s.quote === "'") {
      if (c === "'" && text[i + 1] === "'") i++;
      else if (c === "'") { s.quote = null; s.valueStart = false; }
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    if (c === '#' && (i === from || text[i - 1] === ' ' || text[i - 1] === '\t')) return -1;
    if ((c === '[' || c === '{') && (s.flow > 0 || s.valueStart)) {
      s.flow++;
      count(s, i);
      if (blockDepth + s.flow > limit) return i;
      s.valueStart = true;
      continue;
    }
    if ((c === ']' || c === '}') && s.flow > 0) { s.flow--; s.valueStart = false; continue; }
    if ((c === '"' || c === "'") && s.valueStart) { s.quote = c; continue; }
    if (c === ',' && s.flow > 0) { s.valueStart = true; count(s, i); continue; }
    if ((c === ':' || c === '-' || c === '?') && (i + 1 === to || text[i + 1] === ' ' || (s.flow > 0 && c === ':'))) {
      s.valueStart = true;
      continue;
    }
    if (c === '&' || c === '!') {
      // An anchor or a tag comes before the value it names: skip it, the value may still open.
      while (i + 1 < to && text[i + 1] !== ' ') i++;
      continue;
    }
    s.valueStart = false;
  }
  return -1;
}

export type ExpansionProblem = { kind: 'size'; node: YamlNode; size: number } | { kind: 'cycle'; node: YamlNode };

/**
 * The first alias at which the document, with every alias written out, grows past `limit`
 * (characters of scalars plus one per value), or that refers to a value containing itself.
 * Each node is measured once (anchored values are remembered), so this is linear in the file.
 */
export function expansionProblem(doc: Document.Parsed, limit = MAX_EXPANDED): ExpansionProblem | null {
  const size = new Map<unknown, number>();
  const open = new Set<unknown>();
  // Anchors as met in document order: an alias means the latest `&name` before it. (The
  // library's own lookup walks the whole document per alias, quadratic on hostile input.)
  const anchors = new Map<string, unknown>();
  let total = 0;
  let problem: ExpansionProblem | null = null;
  const measure = (node: unknown): number => {
    if (problem || node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (open.has(target)) { problem = { kind: 'cycle', node }; return 0; }
      const n = size.get(target) ?? 0;
      total += n;
      if (total > limit) problem = { kind: 'size', node, size: total };
      return n;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    if (isScalar(node)) {
      const n = 1 + (typeof node.value === 'string' ? node.value.length : 0);
      total += n;
      size.set(node, n);
      return n;
    }
    if (isPair(node)) return measure(node.key) + measure(node.value);
    if (!isCollection(node)) return 0;
    open.add(node);
    let n = 1;
    total += 1;
    for (const item of node.items) n += measure(item);
    open.delete(node);
    size.set(node, n);
    return n;
  };
  measure(doc.contents);
  return problem;
}
