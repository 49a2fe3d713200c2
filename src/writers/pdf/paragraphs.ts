/**
 * The pdfmake building blocks the block handlers share: a line of fixed text in a theme style,
 * the body paragraph (justified, first-line indent, 6 pt after, 1.15 lines, words as noWrap
 * inlines), a centred single-spaced line, a short centred rule drawn as a canvas line, and the
 * borderless zero-padding table layout used for side-by-side blocks.
 */
import type { Alignment, Content, ContentCanvas, ContentText, CustomTableLayout } from 'pdfmake/interfaces.js';
import type { Align, Inline } from '../../doctree/types.js';
import { BODY, HEADER, applyCase, mmToPt, pdfLineHeight, type TextStyle } from '../theme.js';
import { nfc } from '../text.js';
import { boundText, wordInlines } from './inlines.js';

export const ALIGN: Readonly<Record<Align, Alignment>> = { left: 'left', center: 'center', right: 'right', justify: 'justify' };

/** Fixed text in a theme style, as an inline or a paragraph of its own. */
export function styled(text: string, s: TextStyle): ContentText {
  const cased = applyCase(nfc(text), s);
  const inlines = boundText(cased);
  return {
    // A line with no-break spaces becomes noWrap groups of ordinary spaces (see inlines.ts).
    text: inlines.length === 1 && !inlines[0]!.noWrap ? cased : inlines,
    fontSize: s.sizePt,
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
  };
}

/** A centred single-spaced line of fixed text. */
export function centredLine(text: string, s: TextStyle, margin: [number, number, number, number] = [0, 0, 0, 0]): ContentText {
  return { ...styled(text, s), alignment: 'center', lineHeight: pdfLineHeight(HEADER.lineSpacing, s.sizePt), margin };
}

export interface BodyOptions {
  align?: Align;
  indent?: boolean;
  /** pdfmake's orphan control: a heading never ends a page (see definition.ts). */
  headlineLevel?: number;
}

/** A body paragraph from inline nodes, with leading content (a list marker, a heading label). */
export function bodyParagraph(inlines: readonly Inline[], opts: BodyOptions = {}, base: { bold?: boolean; italic?: boolean; upper?: boolean } = {}): ContentText {
  return {
    text: wordInlines(inlines, base, true),
    alignment: ALIGN[opts.align ?? BODY.align],
    lineHeight: pdfLineHeight(BODY.lineSpacing),
    margin: [0, BODY.spaceBeforePt, 0, BODY.spaceAfterPt],
    ...(opts.indent === false ? {} : { leadingIndent: mmToPt(BODY.firstLineIndentMm) }),
    ...(opts.headlineLevel ? { headlineLevel: opts.headlineLevel } : {}),
  };
}

/**
 * A solid rule `length` pt long, centred in a container `container` pt wide, below the line above.
 * It takes the gap plus its own thickness, as a paragraph border does in the DOCX (and a CSS
 * border in the preview): pdfmake measures a canvas line as zero high, which made every rule
 * 0.75 pt shorter than the DOCX's and moved the PDF's page breaks.
 */
export function rule(length: number, container: number, spaceAfter = 0): ContentCanvas {
  const x1 = Math.max(0, (container - length) / 2);
  const y = HEADER.ruleWidthPt / 2;
  return {
    canvas: [{ type: 'line', x1, y1: y, x2: x1 + length, y2: y, lineWidth: HEADER.ruleWidthPt, lineColor: 'black' }],
    margin: [0, HEADER.ruleGapPt, 0, spaceAfter + y],
  };
}

/** No borders, no padding: the table only places blocks side by side. */
export const LAYOUT_ONLY: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/**
 * Vertical room, e.g. after a table: exactly `heightPt`, as the DOCX's spacer paragraph. An empty
 * canvas, not an empty text, which pdfmake would still set as one line of body text (15.5 pt more).
 */
export const spacer = (heightPt: number): Content => ({ canvas: [], margin: [0, 0, 0, heightPt] });
