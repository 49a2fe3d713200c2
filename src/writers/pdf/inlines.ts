/**
 * Inline nodes as pdfmake text inlines. pdfmake's `justify` stretches every line-break
 * opportunity it finds, not only spaces, so "4365/QĐ-UBND" would print as "4365/ QĐ- UBND".
 * For justified (and all wide body) text we therefore emit each space-separated word as its own
 * `noWrap` inline carrying its trailing space: lines break only at spaces, and the extra width
 * of a justified line goes only between words. Only ordinary spaces separate words; a no-break
 * space (as in `Số:      /BC-UBND`) binds its neighbours into one `noWrap` group.
 *
 * pdfmake is never handed a no-break space: pdfkit's subset ToUnicode map gives each glyph one
 * code point and the first one seen wins, so a single U+00A0 would make every later space of that
 * font copy, search and read aloud as U+00A0. A no-break space becomes an ordinary space inside a
 * `noWrap` group instead — the group keeps the words on one line, justify never stretches inside
 * an inline, and the text layer holds ordinary spaces.
 *
 * A run without spaces longer than a line (a pasted URL, a hostile 1 MB name) is cut here, at
 * once, into pieces about 320 pt wide — less than a portrait line, more than half of one, so two
 * do not share a line and justify opens no gap inside the run. pdfmake, left to break such a run
 * itself, tries ever shorter prefixes, which is quadratic: 20 000 characters took 30 s and 1 GB.
 */
import type { Footnote, Inline } from '../../doctree/types.js';
import { footnoteMark } from './footnotes.js';
import type { FootnoteMark } from './layout-hook.js';
import { segments, type Segment, type SegmentStyle } from '../text.js';
import { textWidthPt } from '../metrics.js';

/** A pdfmake text inline (the subset we produce). */
export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  noWrap?: boolean;
  /** A footnote marker: printed raised; the layout hook places the note at the page foot. */
  sup?: boolean;
  footnote?: FootnoteMark;
}

type Piece = { text: string; bold: boolean; italic: boolean; note?: Footnote };

/** The raised label of a footnote, carrying its note for the layout hook. */
const markerInline = (note: Footnote): PdfInline => ({ text: note.label, sup: true, noWrap: true, footnote: footnoteMark(note) });

/** Words longer than this may still break inside (a URL must not run off the page). */
const MAX_UNBREAKABLE = 40;
/** Width of the pieces a longer run is cut into, measured at body size (14 pt). */
const PIECE_WIDTH_PT = 320;
const PIECE_SIZE_PT = 14;

/**
 * `text` cut so that every run of non-spaces longer than MAX_UNBREAKABLE becomes pieces of about
 * PIECE_WIDTH_PT; the pieces joined give `text` back. One pass over the text.
 */
export function cutLongRuns(text: string, bold = false): string[] {
  if (text.length <= MAX_UNBREAKABLE) return [text];
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[^ \t\r\n]+/g)) {
    if ([...m[0]].length <= MAX_UNBREAKABLE) continue;
    if (m.index > start) out.push(text.slice(start, m.index));
    let piece = '';
    let width = 0;
    for (const c of m[0]) {
      const w = textWidthPt(c, PIECE_SIZE_PT, bold);
      if (piece && width + w > PIECE_WIDTH_PT) {
        out.push(piece);
        piece = '';
        width = 0;
      }
      piece += c;
      width += w;
    }
    if (piece) out.push(piece);
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(text.slice(start));
  return out.length ? out : [text];
}

const STYLES = [{}, { bold: true }, { italics: true }, { bold: true, italics: true }] as const;
/** A piece's style as inline properties (a shared object: spread it, never change it). */
const styleOf = (p: { bold: boolean; italic: boolean }): Pick<PdfInline, 'bold' | 'italics'> => STYLES[(p.bold ? 1 : 0) + (p.italic ? 2 : 0)];

/** Plain inlines, one per styled segment: for centred lines and narrow table cells. */
export function plainInlines(inlines: readonly Inline[], base: SegmentStyle = {}): PdfInline[] {
  return segments(inlines, base).flatMap((s) => (s.kind === 'break'
    ? [{ text: '\n' }]
    : s.kind === 'footnote' ? [markerInline(s.note)]
    : cutLongRuns(s.text, s.bold).flatMap((text) => boundText(text, styleOf(s)))));
}

/** The space characters that join words: never handed to pdfkit (see the module comment). */
const NO_BREAK = /[\u00a0\u2007\u202f]/gu;
const HAS_NO_BREAK = /[\u00a0\u2007\u202f]/u;

/**
 * Text without no-break spaces: as it is when it has none; otherwise each run of words joined by
 * no-break spaces becomes a `noWrap` inline holding ordinary spaces, between plain inlines.
 */
export function boundText(text: string, style: Pick<PdfInline, 'bold' | 'italics'> = {}): PdfInline[] {
  if (!HAS_NO_BREAK.test(text)) return [{ text, ...style }];
  return text.split(/([ \t\r\n]+)/).flatMap((part, i): PdfInline[] => {
    if (part === '') return [];
    if (i % 2 === 1) return [{ text: part, ...style }];
    return [HAS_NO_BREAK.test(part) ? { text: part.replace(NO_BREAK, ' '), ...style, noWrap: true } : { text: part, ...style }];
  });
}

/**
 * Word inlines: every word a `noWrap` inline ending with its space, breaks as `\n`. `wide`: the
 * text fills a body line (over 320 pt even after the first-line indent), so each piece of a cut
 * run takes a line of its own; in a narrower box pdfmake may cut the pieces further (a few
 * characters each, so still linear).
 */
export function wordInlines(inlines: readonly Inline[], base: SegmentStyle = {}, wide = false): PdfInline[] {
  const out: PdfInline[] = [];
  for (const line of splitAtBreaks(segments(inlines, base))) {
    if (out.length > 0) out.push({ text: '\n' });
    for (const word of words(line)) out.push(...wordToInlines(word, wide));
  }
  return out;
}

function splitAtBreaks(segs: Segment[]): Piece[][] {
  const lines: Piece[][] = [[]];
  for (const s of segs) {
    if (s.kind === 'break') lines.push([]);
    else if (s.kind === 'footnote') lines[lines.length - 1]!.push({ text: s.note.label, bold: false, italic: false, note: s.note });
    else lines[lines.length - 1]!.push({ text: s.text, bold: s.bold, italic: s.italic });
  }
  return lines;
}

/** A word: the pieces (one per style) between two runs of spaces, and whether a space follows. */
interface Word {
  pieces: Piece[];
  spaceAfter: boolean;
}

/** Ordinary spaces, tabs and newlines only: `\s` would also split at U+00A0. */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The words of a line, in one pass over each piece's text (this runs for every word of the
 * report: no split arrays, and a piece that is one whole word is kept as it is).
 */
function words(pieces: Piece[]): Word[] {
  const out: Word[] = [];
  let current: Piece[] = [];
  for (const piece of pieces) {
    const text = piece.text;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
      if (i > start) current.push(start === 0 && i === text.length ? piece : { ...piece, text: text.slice(start, i) });
      if (i === text.length) break;
      while (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) i++;
      if (current.length > 0) out.push({ pieces: current, spaceAfter: true });
      current = [];
      start = i + 1;
    }
  }
  if (current.length > 0) out.push({ pieces: current, spaceAfter: false });
  return out;
}

const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;

function wordToInlines(word: Word, wide: boolean): PdfInline[] {
  const only = word.pieces.length === 1 ? word.pieces[0]! : undefined;
  // Most words: one piece, no note, short — one inline, made directly.
  if (only && !only.note) {
    const text = HAS_NO_BREAK.test(only.text) ? only.text.replace(NO_BREAK, ' ') : only.text;
    if (text.length <= MAX_UNBREAKABLE) return [{ text: word.spaceAfter ? `${text} ` : text, ...styleOf(only), noWrap: true }];
  }
  word = { ...word, pieces: word.pieces.map((p) => ({ ...p, text: p.text.replace(NO_BREAK, ' ') })) };
  const text = word.pieces.map((p) => p.text).join('');
  const space = word.spaceAfter ? ' ' : '';
  if ([...text].length > MAX_UNBREAKABLE) return longWordInlines(word, space, wide);
  const noWrap = { noWrap: true };
  // A footnote marker stays glued to its word, as an inline of its own.
  if (word.pieces.some((p) => p.note)) {
    return word.pieces.map((p, i) => (p.note
      ? { ...markerInline(p.note), text: p.text + (i === word.pieces.length - 1 ? space : '') }
      : { text: p.text + (i === word.pieces.length - 1 ? space : ''), ...styleOf(p), ...noWrap }));
  }
  const letters = word.pieces.filter((p) => !PUNCTUATION_ONLY.test(p.text));
  // A word of one style, or quotes/brackets around one styled word: one inline in that style,
  // because justify would otherwise open a gap at the style change inside the word.
  if (letters.length <= 1 || letters.every((p) => p.bold === letters[0]!.bold && p.italic === letters[0]!.italic)) {
    return [{ text: text + space, ...styleOf(letters[0] ?? word.pieces[0]!), ...noWrap }];
  }
  return word.pieces.map((p, i) => ({
    text: p.text + (i === word.pieces.length - 1 ? space : ''),
    ...styleOf(p),
    ...noWrap,
  }));
}

/**
 * A word longer than MAX_UNBREAKABLE, as pieces cut to about a line. In a wide box each piece is
 * `noWrap` and ends its line (pdfmake glues `noWrap` inlines that no space separates, and a
 * piece sharing a justified line would open a gap); elsewhere pdfmake may cut them further.
 */
function longWordInlines(word: Word, space: string, wide: boolean): PdfInline[] {
  const pieces: PdfInline[] = word.pieces.flatMap((p) => cutLongRuns(p.text, p.bold).map((text) => ({ text, ...styleOf(p) })));
  pieces[pieces.length - 1] = { ...pieces[pieces.length - 1]!, text: pieces[pieces.length - 1]!.text + space };
  if (!wide) return pieces;
  return pieces.flatMap((p, i) => (i < pieces.length - 1 ? [{ ...p, noWrap: true }, { text: '\n' }] : [{ ...p, noWrap: true }]));
}
