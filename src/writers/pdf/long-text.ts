/**
 * Long text nodes laid out without pdfmake's copy per inline. Two of pdfmake's steps are
 * quadratic in the number of inlines of one text node — harmless for a paragraph, ruinous for
 * the body's list of 10,000 projects, one paragraph of some 80,000 words, which took 17 of the
 * 28 seconds of that PDF:
 *
 * - `TextInlines.buildInlines` flattens the node's text array with `reduce` and `concat`, which
 *   copies everything gathered so far at every item: here the same flattening appends in place;
 * - `LayoutBuilder.buildNextLine` hands each inline's fit test a copy of all the inlines after it
 *   (`slice(1)`), of which the test reads only the run glued to it (`noNewLine`), and takes the
 *   inlines off the front one by one (`shift`, which moves the whole array once it is large):
 *   here the test gets that run only, and the line's inlines leave the array in one `splice`
 *   (one move of the rest per line, not per inline: some 7,000 moves instead of 80,000 there).
 *
 * Everything else is pdfmake's code as it stands, in the same order, so lines, widths and page
 * breaks do not change; tests/unit/writers/pdf/long-text.test.ts compares both with pdfmake's
 * originals on generated nodes, and `LONG_TEXT_SOURCE_HASH` fails it when an upgrade changes them.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's internals have no types */
type Any = any;

/** The sha-256 of `TextInlines.prototype.buildInlines`' and `LayoutBuilder.prototype.buildNextLine`'s source in pdfmake 0.3.11. */
export const LONG_TEXT_SOURCE_HASH = '08000603ef1bcde9aedb08f47948836e4e45321c3e4f8bfac786b4ebca0f09c2';

export const TextInlines: Any = require('pdfmake/js/TextInlines.js').default;
export const LayoutBuilder: Any = require('pdfmake/js/LayoutBuilder.js').default;
const TextBreaker: Any = require('pdfmake/js/TextBreaker.js').default;
const StyleContextStack: Any = require('pdfmake/js/StyleContextStack.js').default;
const Line: Any = require('pdfmake/js/Line.js').default;
export const originalBuildInlines: (this: Any, textArray: Any, stack: Any) => Any = TextInlines.prototype.buildInlines;
export const originalBuildNextLine: (this: Any, textNode: Any) => Any = LayoutBuilder.prototype.buildNextLine;

export function longTextSourceHash(): string {
  return createHash('sha256').update(String(originalBuildInlines)).update('\0').update(String(originalBuildNextLine)).digest('hex');
}

/** Install once; pdfmake calls them for every text node of every document. */
export function installLongText(): void {
  if (TextInlines.prototype.buildInlines !== originalBuildInlines) return;
  TextInlines.prototype.buildInlines = buildInlines;
  LayoutBuilder.prototype.buildNextLine = buildNextLine;
}

/**
 * pdfmake's `flattenTextArray`, appending in place: an item whose `text` is an array gives its
 * own flattened items (its style is not passed on, as in pdfmake), an array gives its items.
 */
export function flattenTextArray(array: Any): Any[] {
  const out: Any[] = [];
  const flatten = (items: Any[], into: Any[]): Any[] => {
    for (const cur of items) {
      const current = Array.isArray(cur.text) ? flatten(cur.text, []) : cur;
      if (Array.isArray(current)) {
        if (current.some(Array.isArray)) flatten(current, into);
        else for (const c of current) into.push(c);
      } else into.push(current);
    }
    return into;
  };
  return flatten(Array.isArray(array) ? array : [array], out);
}

function buildInlines(this: Any, textArray: Any, styleContextStack: Any): Any {
  const getTrimmedWidth = (item: Any): number => Math.max(0, item.width - item.leadingCut - item.trailingCut);
  let minWidth = 0;
  let maxWidth = 0;
  let currentLineWidth: Any;
  const flattenedTextArray = flattenTextArray(textArray);
  const textBreaker = new TextBreaker();
  const brokenText = textBreaker.getBreaks(flattenedTextArray, styleContextStack);
  const measuredText = this.measure(brokenText, styleContextStack);
  for (const inline of measuredText) {
    minWidth = Math.max(minWidth, getTrimmedWidth(inline));
    if (!currentLineWidth) currentLineWidth = { width: 0, leadingCut: inline.leadingCut, trailingCut: 0 };
    currentLineWidth.width += inline.width;
    currentLineWidth.trailingCut = inline.trailingCut;
    maxWidth = Math.max(maxWidth, getTrimmedWidth(currentLineWidth));
    if (inline.lineEnd) currentLineWidth = null;
  }
  if (StyleContextStack.getStyleProperty({}, styleContextStack, 'noWrap', false)) minWidth = maxWidth;
  return { items: measuredText, minWidth, maxWidth };
}

/** What `hasEnoughSpaceForInline` reads after the inline at `i`: the run glued to it, and the inline that ends the run. */
function gluedAfter(inlines: Any[], i: number): Any[] {
  if (!inlines[i].noNewLine) return [];
  const run: Any[] = [];
  for (let j = i + 1; j < inlines.length; j++) {
    run.push(inlines[j]);
    if (!inlines[j].noNewLine) break;
  }
  return run;
}

function cloneInline(inline: Any): Any {
  const newInline = inline.constructor();
  for (const key in inline) newInline[key] = inline[key];
  return newInline;
}

function findMaxFitLength(text: string, maxWidth: number, measureFn: (s: string) => number): number {
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measureFn(text.substring(0, mid)) <= maxWidth) {
      bestFit = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return bestFit;
}

function buildNextLine(this: Any, textNode: Any): Any {
  if (!textNode._inlines || textNode._inlines.length === 0) return null;
  const line = new Line(this.writer.context().availableWidth);
  const textInlines = new TextInlines(null);
  const inlines: Any[] = textNode._inlines;
  // inlines[0..taken) are on this line; they leave the array when it is complete.
  let taken = 0;
  let isForceContinue = false;
  while (taken < inlines.length && (line.hasEnoughSpaceForInline(inlines[taken], gluedAfter(inlines, taken)) || isForceContinue)) {
    let isHardWrap = false;
    const inline = inlines[taken++];
    if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
      const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (txt) => textInlines.widthOfText(txt, inline));
      if (maxChars < inline.text.length) {
        const newInline = cloneInline(inline);
        newInline.text = inline.text.substr(maxChars);
        inline.text = inline.text.substr(0, maxChars);
        newInline.width = textInlines.widthOfText(newInline.text, newInline);
        inline.width = textInlines.widthOfText(inline.text, inline);
        // The rest of the word takes the place of the inline it was cut from.
        inlines[--taken] = newInline;
        isHardWrap = true;
      }
    }
    line.addInline(inline);
    isForceContinue = inline.noNewLine && !isHardWrap;
  }
  inlines.splice(0, taken);
  line.lastLineInParagraph = inlines.length === 0;
  return line;
}
