/**
 * The DOCX building blocks the block handlers share: text runs, inline nodes as runs, paragraphs
 * in a named style (styles.ts) with the Decree 30 spacing coming from the style — real paragraph
 * properties, never spaces or tabs — and the short centred rule drawn as the bottom border of an
 * empty, one-point-high paragraph whose indents make it exactly as long as the theme asks. Runs
 * carry no formatting a style already gives; only bold and italic inside a paragraph, a size
 * that differs from the style, and a layout's own alignment are direct.
 */
import { AlignmentType, FootnoteReferenceRun, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { Align, Inline } from '../../doctree/types.js';
import { BODY, applyCase, ptToHalfPt, ptToTwip, type TextStyle } from '../theme.js';
import { nfc, segments, type SegmentStyle } from '../text.js';
import { lineSpacing } from './styles.js';

export { lineSpacing };

type DocxAlign = (typeof AlignmentType)[keyof typeof AlignmentType];

export const ALIGN: Readonly<Record<Align, DocxAlign>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** One run of fixed text, cased as its style asks; the paragraph's style gives its formatting. */
export function textRun(text: string, s: Pick<TextStyle, 'upper'> = {}): TextRun {
  return new TextRun(applyCase(nfc(text), s));
}

/** One run of fixed text in a theme style, all of it direct (for the rare line no style names). */
export function styledRun(text: string, s: TextStyle): TextRun {
  return new TextRun({ text: applyCase(nfc(text), s), size: ptToHalfPt(s.sizePt), bold: s.bold, italics: s.italic });
}

/** Inline nodes as runs; `base` adds weight/slant/case, `sizePt` overrides the style's size. */
export function inlineRuns(inlines: readonly Inline[], base: SegmentStyle = {}, sizePt?: number): ParagraphChild[] {
  const size = sizePt === undefined ? undefined : ptToHalfPt(sizePt);
  return segments(inlines, base).map((seg) =>
    seg.kind === 'break'
      ? new TextRun({ break: 1, size })
      // A real footnote (word/footnotes.xml, see footnotes.ts): Word numbers and places it.
      : seg.kind === 'footnote' ? new FootnoteReferenceRun(Number(seg.note.label))
      : new TextRun({ text: seg.text, bold: seg.bold || undefined, italics: seg.italic || undefined, size }),
  );
}

export interface BodyOptions {
  align?: Align;
  indent?: boolean;
  keepNext?: boolean;
  /** A paragraph style other than Normal (a heading). */
  style?: string;
}

/**
 * A body paragraph: Normal (justified, first-line indent, 6 pt after, 1.15 lines) or the given
 * heading style; an alignment or a missing indent the tree asks for is direct.
 */
export function bodyParagraph(children: ParagraphChild[], opts: BodyOptions = {}): Paragraph {
  const align = opts.align && opts.align !== BODY.align ? { alignment: ALIGN[opts.align] } : {};
  return new Paragraph({
    children,
    ...(opts.style ? { style: opts.style } : {}),
    ...align,
    ...(opts.indent === false ? { indent: { firstLine: 0 } } : {}),
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
}

/** A paragraph in a named style (styles.ts), with the few direct properties a layout needs. */
export function styledParagraph(style: string, children: ParagraphChild[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ style, ...extra, children });
}

/**
 * A solid rule `lengthTwip` long, centred in a container `containerTwip` wide: a paragraph in
 * the rule style (an empty line as high as the theme's gap, its bottom border the rule) whose
 * indents — the one thing the style cannot know — set the rule's length.
 */
export function ruleParagraph(style: string, lengthTwip: number, containerTwip: number, spaceAfterPt = 0): Paragraph {
  const side = Math.max(0, Math.round((containerTwip - lengthTwip) / 2));
  return new Paragraph({
    style,
    indent: { left: side, right: side, firstLine: 0 },
    ...(spaceAfterPt ? { spacing: { after: ptToTwip(spaceAfterPt) } } : {}),
    children: [],
  });
}

/** An empty paragraph `heightPt` high: vertical room after a table, which has no spacing of its own. */
export function spacerParagraph(heightPt: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwip(Math.max(1, heightPt)), lineRule: LineRuleType.EXACT }, run: { size: 2 } });
}
