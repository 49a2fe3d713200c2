/**
 * Text helpers every writer shares: Unicode NFC (decomposed Vietnamese renders with misplaced
 * tone marks in PDF and sorts wrongly in Word), the flattening of inline nodes into styled
 * segments that each format turns into its own runs, and the punctuation of the administrative
 * lists ("Kính gửi" and "Nơi nhận" items: `- …;`; the last "Kính gửi" item ends with `.`, the
 * last "Nơi nhận" line prints as the data wrote it). Where a line must not break (a number and
 * its unit, a dash in a sentence, a name) is decided once in the tree (doctree/typeset.ts) as
 * U+00A0; the segments carry it as it is, for each writer to express its own way.
 */
import type { Inline } from '../doctree/types.js';

export const nfc = (s: string): string => s.normalize('NFC');

/** A run of text in one style, or a hard line break. */
export type Segment =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'break' };

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
        default:
          // An unknown inline from unvalidated JSON: keep whatever text it carries.
          out.push({ kind: 'text', text: cased(textOf(node), base.upper), bold, italic });
      }
    }
  };
  walk(inlines, base.bold ?? false, base.italic ?? false);
  return out;
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
