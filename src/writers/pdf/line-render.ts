/**
 * One text object per printed line. pdfmake's `Renderer.renderLine` draws every inline of a line
 * as a pdfkit text call of its own — and a body line holds a dozen inlines, one per word
 * (inlines.ts): each call set the opacity and the colour, saved and flipped the graphics state,
 * opened a text object, set the matrix and the font, wrote the glyphs, closed and restored,
 * every operator a Buffer of its own. That was most of the time pdfkit spent drawing a report.
 *
 * A plain line — only text in one colour and opacity, with no link, destination, outline,
 * decoration, background, raised or lowered text, letter spacing or font features — is drawn
 * here as one text object: the opacity and colour once, then for each inline its text matrix and
 * glyph run, the font set only where it changes. The positions, glyphs and fonts are exactly
 * pdfmake's and pdfkit's (the glyph run below is pdfkit's `_fragment` without the options a plain
 * line never has), so the page looks and reads the same; tests/unit/writers/pdf/line-render.test.ts
 * compares every glyph run of every golden case drawn both ways. Any other line is drawn by
 * pdfmake's own `renderLine`. The `TJ` operator of a text is made once per font (`runs`), and
 * what only the layout and the drawing need is let go when the drawing is done (`renderPages`).
 *
 * pdfmake is pinned (package.json) and `RENDER_SOURCE_HASH` records the source of the method
 * replaced: the test fails loudly when an upgrade changes it.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { forgetWidths } from './measure.js';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's and pdfkit's internals have no types */
type Any = any;

/** The sha-256 of `Renderer.prototype.renderLine`'s source in pdfmake 0.3.11 (js/Renderer.js). */
export const RENDER_SOURCE_HASH = 'b71f57566c6b6c5f91ec87ea7772c610eb02d5ed6515fd81ab67bb33d4df5acc';

export const Renderer: Any = require('pdfmake/js/Renderer.js').default;
export const originalRenderLine: (this: Any, line: Any, x: number, y: number) => void = Renderer.prototype.renderLine;

export function renderSourceHash(): string {
  return createHash('sha256').update(String(originalRenderLine)).digest('hex');
}

const originalRenderPages: (this: Any, pages: Any) => void = Renderer.prototype.renderPages;

/** Install once; pdfmake calls it for every line of every page. */
export function installLineRenderer(): void {
  if (Renderer.prototype.renderLine !== originalRenderLine) return;
  // What only the layout and the drawing need is let go when they are over, before pdfkit
  // finishes the file (the peak of the PDF writer's memory): the remembered widths, the glyph
  // runs, and pdfmake's laid-out pages, which it keeps on the document for nothing (its own
  // comment there asks why) — every line and word of the report.
  Renderer.prototype.renderPages = function renderPages(this: Any, pages: Any): void {
    forgetWidths();
    try {
      originalRenderPages.call(this, pages);
    } finally {
      runs = new WeakMap();
      delete this.pdfDocument._pdfMakePages;
    }
  };
  Renderer.prototype.renderLine = function renderLine(this: Any, line: Any, x: number, y: number): void {
    if (!isPlain(line)) return originalRenderLine.call(this, line, x, y);
    drawPlainLine(this.pdfDocument, line, x || 0, y || 0);
  };
}

/** A line whose inlines are only text, in one colour and opacity (see the module comment). */
export function isPlain(line: Any): boolean {
  const inlines: Any[] = line.inlines;
  if (line._outline || line._pageNodeRef || line.id || inlines.length === 0) return false;
  const { color, opacity } = inlines[0];
  for (const i of inlines) {
    if (i.color !== color || i.opacity !== opacity) return false;
    if (i._pageNodeRef || i.link || i.linkToPage || i.linkToDestination || i.decoration || i.background) return false;
    if (i.sup || i.sub || i.characterSpacing || i.fontFeatures) return false;
  }
  return true;
}

/** pdfkit's number format for content streams (PDFObject.number). */
function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

function drawPlainLine(doc: Any, line: Any, x: number, y: number): void {
  const inlines: Any[] = line.inlines;
  const lineHeight: number = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  const first = inlines[0];
  doc.opacity(typeof first.opacity === 'number' || first.opacity instanceof Number ? first.opacity : 1);
  doc.fillColor(doc.resolveColor(first.color, 'black'));
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const ops = ['BT'];
  let font: Any = null;
  let size = NaN;
  for (const inline of inlines) {
    const text = String(inline.text).replace(/\n/g, '');
    if (text.length === 0) continue;
    if (inline.font !== font || inline.fontSize !== size) {
      font = inline.font;
      size = inline.fontSize;
      doc.page.fonts[font.id] ??= font.ref();
      ops.push(`/${font.id} ${num(size)} Tf`);
    }
    // pdfmake's baseline shift, then pdfkit's: the top of the text box to its baseline, flipped.
    const ascent = (font.ascender / 1000) * size;
    const top = y + lineHeight - ascent - descent;
    glyphRun(font, text, x + inline.x, doc.page.height - top - ascent, size, ops);
  }
  ops.push('ET');
  doc.addContent(ops.join('\n'));
  doc.restore();
  // The state pdfmake's loop leaves behind: the last inline's font and size.
  const last = inlines[inlines.length - 1];
  doc._font = last.font;
  doc.fontSize(last.fontSize);
}

type Positions = Array<{ xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }>;

/**
 * The `TJ` operator of each text already drawn in a font (one font object per document), or null
 * for a text with a glyph placed off its baseline. A report draws the same words and numbers
 * again and again; their glyphs are in the font's subset from the first time, so the operator
 * is made once. It does not depend on the size or the place: both are in `Tf` and `Tm`.
 */
let runs = new WeakMap<object, Map<string, string | null>>();

function plainRun(font: Any, text: string): string | null {
  const [encoded, positions] = font.encode(text) as [string[], Positions];
  if (positions.length === 0 || positions.some((p) => p.xOffset || p.yOffset)) return null;
  const commands: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xAdvance - pos.advanceWidth !== 0 || i === positions.length - 1) {
      commands.push(`<${encoded.slice(last, i + 1).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}`);
      last = i + 1;
    }
  }
  return `[${commands.join(' ')}] TJ`;
}

/**
 * pdfkit's `_fragment` glyph output for text at (x, y) in text space: the text matrix, then the
 * glyphs as `TJ` segments, split where a glyph's advance differs from its width (kerning) and
 * placed by a matrix of its own where it has an offset.
 */
export function glyphRun(font: Any, text: string, x: number, y: number, size: number, ops: string[]): void {
  let known = runs.get(font);
  if (!known) runs.set(font, (known = new Map()));
  let run = known.get(text);
  if (run === undefined) known.set(text, (run = plainRun(font, text)));
  if (run !== null) {
    ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`, run);
    return;
  }
  const [encoded, positions] = font.encode(text) as [string[], Positions];
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number): void => {
    addSegment(i);
    if (commands.length > 0) {
      ops.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      ops.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
}
