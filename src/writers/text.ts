/**
 * Text helpers every writer shares: Unicode NFC (decomposed Vietnamese renders with misplaced
 * tone marks in PDF and sorts wrongly in Word), the flattening of inline nodes into styled
 * segments that each format turns into its own runs, and the punctuation of the administrative
 * lists ("Kính gửi" and "Nơi nhận" items: `- …;`; the last "Kính gửi" item ends with `.`, the
 * last "Nơi nhận" line prints as the data wrote it). It also makes the one no-break decision every
 * writer expresses its own way: a number and its unit ("47.670 triệu đồng", "22,63 ha") are
 * joined by no-break spaces here, across inline nodes (a figure followed by its unit's text), so
 * the DOCX carries U+00A0 and the PDF turns each joined run into one `noWrap` group.
 */
import type { Footnote, Inline } from '../doctree/types.js';

export const nfc = (s: string): string => s.normalize('NFC');

/** A run of text in one style, or a hard line break. */
export type Segment =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'break' }
  /** A footnote marker: each writer prints its label raised and places the note its own way. */
  | { kind: 'footnote'; note: Footnote };

export interface SegmentStyle {
  bold?: boolean;
  italic?: boolean;
  /** Upper-case every text (depth-1 headings, appendix titles). */
  upper?: boolean;
}

/** Flatten inline nodes into styled segments, NFC-normalised; strong/emphasis nest. */
export function segments(inlines: readonly Inline[], base: SegmentStyle = {}): Segment[] {
  const out: Segment[] = [];
  const walk = (nodes: readonly Inline[], bold: boolean, italic: boolean): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'figure':
          out.push({ kind: 'text', text: cased(node.value, base.upper), bold, italic });
          break;
        case 'strong':
          walk(node.children, true, italic);
          break;
        case 'emphasis':
          walk(node.children, bold, true);
          break;
        case 'break':
          out.push({ kind: 'break' });
          break;
        case 'footnote':
          out.push({ kind: 'footnote', note: node });
          break;
        default:
          // An unknown inline from unvalidated JSON: keep whatever text it carries.
          out.push({ kind: 'text', text: cased(textOf(node), base.upper), bold, italic });
      }
    }
  };
  walk(inlines, base.bold ?? false, base.italic ?? false);
  return bindUnits(out);
}

/**
 * Units a number never parts from (money, area, length, mass, percent). A multi-word unit
 * ("triệu đồng") is listed before its last word, so the longest one wins.
 */
const UNITS = ['nghìn đồng', 'triệu đồng', 'tỷ đồng', 'đồng', 'USD', 'ha', 'km²', 'km', 'm²', 'm³', 'm2', 'm3', 'm', 'kg', 'tấn', '%'];
/** A number (digits with `.`/`,` grouping), an ordinary space, a unit, then no letter or digit. */
const NUMBER_UNIT = new RegExp(`(?<![\\p{L}\\p{N}])\\d(?:[\\d.,]*\\d)? (?:${UNITS.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The spaces of `text` (between a number and its unit, and inside the unit) that must not
 * break, as offsets into `text`.
 */
export function unitSpaces(text: string): number[] {
  const at: number[] = [];
  for (const m of text.matchAll(NUMBER_UNIT)) {
    [...m[0]].forEach((c, i) => {
      if (c === ' ') at.push(m.index + i);
    });
  }
  return at;
}

/** `text` with a no-break space wherever a number would otherwise part from its unit. */
export function bindUnitsInText(text: string): string {
  const chars = text.split('');
  for (const i of unitSpaces(text)) chars[i] = '\u00a0';
  return chars.join('');
}

/**
 * The segments with their number–unit spaces made no-break. The texts are read as one string
 * (a break as a newline, which no unit match crosses) so a figure and the unit in the text after
 * it are seen together; every replacement keeps the length, so offsets map straight back.
 */
function bindUnits(segs: Segment[]): Segment[] {
  const joined = segs.map((s) => (s.kind === 'text' ? s.text : '\n')).join('');
  const spaces = new Set(unitSpaces(joined));
  if (spaces.size === 0) return segs;
  let offset = 0;
  return segs.map((s) => {
    if (s.kind !== 'text') {
      offset += 1;
      return s;
    }
    const start = offset;
    offset += s.text.length;
    const chars = s.text.split('');
    for (let i = 0; i < chars.length; i++) if (spaces.has(start + i)) chars[i] = '\u00a0';
    return { ...s, text: chars.join('') };
  });
}

function cased(text: string, upper: boolean | undefined): string {
  const t = nfc(text);
  return upper ? t.toLocaleUpperCase('vi') : t;
}

function textOf(node: never): string {
  const v = (node as { value?: unknown }).value;
  return typeof v === 'string' ? v : '';
}

const ENDS_WITH_PUNCTUATION = /[.;:,!?…]$/u;

/**
 * Lines of an administrative list: each item starts with `- ` and every item but the last ends
 * with `;` — unless it already carries its own marker or final punctuation. The last item ends
 * with `.` only where the list's rule asks for it (`finalStop`, as for "Kính gửi"); the last line
 * of "Nơi nhận" (`- Lưu: VT, NC.Châu`) prints as the data wrote it.
 */
export function listLines(items: readonly string[], { finalStop = true }: { finalStop?: boolean } = {}): string[] {
  return items.map((raw, i) => {
    const item = nfc(raw).trim();
    const marked = /^[-+–]\s/u.test(item) ? item : `- ${item}`;
    const last = i === items.length - 1;
    if (ENDS_WITH_PUNCTUATION.test(marked) || (last && !finalStop)) return marked;
    return marked + (last ? '.' : ';');
  });
}

/** The lines of "Nơi nhận": punctuated between items, the last one as written. */
export const distributionLines = (items: readonly string[]): string[] => listLines(items, { finalStop: false });

/** A single "Kính gửi" recipient, ending with `.`. */
export function singleLine(item: string): string {
  const t = nfc(item).trim();
  return ENDS_WITH_PUNCTUATION.test(t) ? t : `${t}.`;
}
