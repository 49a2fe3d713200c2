/**
 * pdfmake's text measurement, made cheaper, with pdfmake's answers. `TextInlines.measure` runs
 * for every inline of every text node — in the body every word (inlines.ts):
 *
 * - its style: pdfmake looked up twenty-two properties for each inline through the whole style
 *   stack (font, size, colour, decoration, …). An inline without style names of its own gets
 *   the stack's value wherever it has no value itself, and the stack does not change while one
 *   node is measured, so here each property is looked up in the stack once per node and kept;
 * - its width (`TextInlines.widthOfText`): pdfkit walked the string character by character to
 *   cut it at spaces and look each piece up in its layout cache. A report repeats the same few
 *   thousand words and numbers, so the width of a string in a font at a size is kept after it is
 *   first measured and given back as it was. A text with font features (never set by baocao) is
 *   measured as before;
 * - its size in memory: pdfmake sets nine properties a report's inlines almost never have (links,
 *   decorations, background, font features) to null on every inline — at 10,000 projects some
 *   40 MB of the PDF writer's peak. They are left unset when they have no value; every reader in
 *   pdfmake and pdfkit tests them for a value (`if`, `||`, `!= null`, `isNumber`), so unset and
 *   null read alike.
 *
 * pdfmake is pinned (package.json) and `MEASURE_SOURCE_HASH` records the source of the methods
 * replaced: tests/unit/writers/pdf/measure.test.ts fails loudly when an upgrade changes them, and
 * compares the measured inlines with pdfmake's own on generated nodes and style stacks.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's and pdfkit's internals have no types */
type Any = any;

/** The sha-256 of `TextInlines.prototype.measure`'s and `widthOfText`'s source in pdfmake 0.3.11 (js/TextInlines.js). */
export const MEASURE_SOURCE_HASH = '948446a24a33ad085cf56d475e42f7c3eb55bb680fff6c63a40393563b0ca3e4';

export const TextInlines: Any = require('pdfmake/js/TextInlines.js').default;
export const originalWidthOfText: (this: Any, text: string, inline: Any) => number = TextInlines.prototype.widthOfText;
export const originalMeasure: (this: Any, array: Any[], stack: Any) => Any[] = TextInlines.prototype.measure;
const StyleContextStack: Any = require('pdfmake/js/StyleContextStack.js').default;

export function measureSourceHash(): string {
  return createHash('sha256').update(String(originalMeasure)).update('\0').update(String(originalWidthOfText)).digest('hex');
}

/** Per font object (one per document and face), per size: the width of each string measured. */
let known = new WeakMap<object, Map<number, Map<string, number>>>();

/** Let the widths go once a document is laid out (they are a few MB at 10,000 projects). */
export function forgetWidths(): void {
  known = new WeakMap();
}

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

/** Install once; pdfmake calls them for every inline of every document. */
export function installMeasure(): void {
  if (TextInlines.prototype.measure !== originalMeasure) return;
  TextInlines.prototype.widthOfText = function widthOfText(this: Any, text: string, inline: Any): number {
    if (inline.fontFeatures) return originalWidthOfText.call(this, text, inline);
    return widthOfString(inline.font, text, inline.fontSize) + (inline.characterSpacing || 0) * (text.length - 1);
  };
  TextInlines.prototype.measure = measure;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/**
 * Properties a report's inlines almost never have (pdfmake sets them to null on every inline):
 * left unset when they have no value, which every reader in pdfmake and pdfkit takes the same way.
 */
const ABSENT_MOSTLY = ['decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage', 'linkToDestination'] as const;
function setIfAny(item: Any, property: string, value: Any): void {
  if (value !== null && value !== undefined) item[property] = value;
}

/** pdfmake's `measure`, the same steps in the same order, its style read through `styleOf`. */
function measure(this: Any, array: Any[], stack: Any): Any[] {
  const style = styleOf(stack);
  if (array.length) {
    const leadingIndent = style(array[0], 'leadingIndent', 0);
    if (leadingIndent) {
      array[0].leadingCut = -leadingIndent;
      array[0].leadingIndent = leadingIndent;
    }
  }
  for (const item of array) {
    const font = style(item, 'font', 'Roboto');
    const bold = style(item, 'bold', false);
    const italics = style(item, 'italics', false);
    item.font = this.pdfDocument.provideFont(font, bold, italics);
    item.alignment = style(item, 'alignment', 'left');
    item.fontSize = style(item, 'fontSize', 12);
    setIfAny(item, 'fontFeatures', style(item, 'fontFeatures', null));
    item.characterSpacing = style(item, 'characterSpacing', 0);
    item.color = style(item, 'color', 'black');
    for (const property of ABSENT_MOSTLY) setIfAny(item, property, style(item, property, null));
    item.noWrap = style(item, 'noWrap', null);
    item.opacity = style(item, 'opacity', 1);
    item.sup = style(item, 'sup', false);
    item.sub = style(item, 'sub', false);
    if (item.sup || item.sub) item.fontSize *= 0.58;
    const lineHeight = style(item, 'lineHeight', 1);
    item.width = this.widthOfText(item.text, item);
    item.height = item.font.lineHeight(item.fontSize) * lineHeight;
    if (!item.leadingCut) item.leadingCut = 0;
    if (!style(item, 'preserveLeadingSpaces', false)) {
      const leadingSpaces = item.text.match(LEADING);
      if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0], item);
    }
    item.trailingCut = 0;
    if (!style(item, 'preserveTrailingSpaces', false)) {
      const trailingSpaces = item.text.match(TRAILING);
      if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item);
    }
  }
  return array;
}

/**
 * A style reader for one node: an inline's own value, else — for an inline without style names
 * of its own — the stack's value, looked up once per property (with its default) and kept; an
 * inline with style names is looked up in full, as pdfmake does.
 */
function styleOf(stack: Any): (item: Any, property: string, fallback: Any) => Any {
  const fromStack = new Map<string, Any>();
  return (item, property, fallback) => {
    const own = item[property];
    if (own !== undefined && own !== null) return own;
    if (typeof item === 'string' || item instanceof String || item.style) return StyleContextStack.getStyleProperty(item, stack, property, fallback);
    if (fromStack.has(property)) return fromStack.get(property);
    const value = StyleContextStack.getStyleProperty({}, stack, property, fallback);
    fromStack.set(property, value);
    return value;
  };
}
