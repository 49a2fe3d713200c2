/**
 * Text widths, remembered. pdfmake measures every inline it lays out (`TextInlines.widthOfText`),
 * and pdfkit answers each time by walking the string character by character to cut it at spaces
 * and look each piece up in its layout cache. A report repeats the same few thousand words and
 * numbers, so the width of a string in a font at a size is kept here after it is first measured
 * and given back as it was: the answer is pdfkit's own, only not computed again. A text with
 * font features (never set by baocao) is measured as before.
 *
 * pdfmake is pinned (package.json) and `WIDTH_SOURCE_HASH` records the source of the method
 * replaced: tests/unit/writers/pdf/text-width.test.ts fails loudly when an upgrade changes it.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's and pdfkit's internals have no types */
type Any = any;

/** The sha-256 of `TextInlines.prototype.widthOfText`'s source in pdfmake 0.3.11 (js/TextInlines.js). */
export const WIDTH_SOURCE_HASH = 'e285c68b15baf512e9640cc027bdca49d01f23d54fd749be406881a9ebdc5e2c';

export const TextInlines: Any = require('pdfmake/js/TextInlines.js').default;
export const originalWidthOfText: (this: Any, text: string, inline: Any) => number = TextInlines.prototype.widthOfText;

export function widthSourceHash(): string {
  return createHash('sha256').update(String(originalWidthOfText)).digest('hex');
}

/** Per font object (one per document and face), per size: the width of each string measured. */
const known = new WeakMap<object, Map<number, Map<string, number>>>();

/** pdfkit's width of `text` in `font` at `size`, measured once per string. */
export function widthOfString(font: Any, text: string, size: number): number {
  let bySize = known.get(font);
  if (!bySize) known.set(font, (bySize = new Map()));
  let widths = bySize.get(size);
  if (!widths) bySize.set(size, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) {
    width = font.widthOfString(text, size, null) as number;
    widths.set(text, width);
  }
  return width;
}

/** Install once; pdfmake calls it for every inline of every document. */
export function installWidthMemo(): void {
  if (TextInlines.prototype.widthOfText !== originalWidthOfText) return;
  TextInlines.prototype.widthOfText = function widthOfText(this: Any, text: string, inline: Any): number {
    if (inline.fontFeatures) return originalWidthOfText.call(this, text, inline);
    return widthOfString(inline.font, text, inline.fontSize) + (inline.characterSpacing || 0) * (text.length - 1);
  };
}
