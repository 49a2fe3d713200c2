/**
 * The DOCX building blocks the block handlers share: text runs in a theme style, inline nodes as
 * runs, paragraphs with the Decree 30 spacing (real paragraph properties, never spaces or tabs),
 * and the short centred rule drawn as the top border of an empty, one-point-high paragraph
 * whose indents make it exactly as long as the theme asks.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { Align, Inline } from '../../doctree/types.js';
import { BODY, FONT, HEADER, applyCase, mmToTwip, ptToEighths, ptToHalfPt, ptToTwip, type TextStyle } from '../theme.js';
import { nfc, segments, type SegmentStyle } from '../text.js';

type DocxAlign = (typeof AlignmentType)[keyof typeof AlignmentType];

export const ALIGN: Readonly<Record<Align, DocxAlign>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** One run of fixed text in a theme style. */
export function styledRun(text: string, s: TextStyle): TextRun {
  return new TextRun({ text: applyCase(nfc(text), s), size: ptToHalfPt(s.sizePt), bold: s.bold, italics: s.italic });
}

/** Inline nodes as runs; `base` adds weight/slant/case, `sizePt` overrides the default size. */
export function inlineRuns(inlines: readonly Inline[], base: SegmentStyle = {}, sizePt?: number): ParagraphChild[] {
  const size = sizePt === undefined ? undefined : ptToHalfPt(sizePt);
  return segments(inlines, base).map((seg) =>
    seg.kind === 'break'
      ? new TextRun({ break: 1, size })
      : new TextRun({ text: seg.text, bold: seg.bold || undefined, italics: seg.italic || undefined, size }),
  );
}

/** Line spacing as a multiple of single spacing (Word's "auto" rule counts 240 per line). */
export function lineSpacing(multiple: number): { line: number; lineRule: typeof LineRuleType.AUTO } {
  return { line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO };
}

/** A body paragraph: justified, first-line indent, 6 pt after, 1.15 lines, unless told otherwise. */
export function bodyParagraph(children: ParagraphChild[], opts: { align?: Align; indent?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: ALIGN[opts.align ?? BODY.align],
    indent: opts.indent === false ? undefined : { firstLine: mmToTwip(BODY.firstLineIndentMm) },
    spacing: { before: ptToTwip(BODY.spaceBeforePt), after: ptToTwip(BODY.spaceAfterPt), ...lineSpacing(BODY.lineSpacing) },
    keepNext: opts.keepNext,
  });
}

/** A centred, single-spaced line (header, title, signature), no space around it by default. */
export function centredLine(children: ParagraphChild[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  const { spacing, ...rest } = extra;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    ...rest,
    spacing: { before: 0, after: 0, ...lineSpacing(HEADER.lineSpacing), ...spacing },
    children,
  });
}

/**
 * A solid rule `lengthTwip` long, centred in a container `containerTwip` wide. An empty paragraph
 * exactly as high as the theme's gap carries it as its bottom border, so the rule sits that gap
 * below the text above and renders the same in Word and LibreOffice.
 */
export function ruleParagraph(lengthTwip: number, containerTwip: number, spaceAfterPt = 0): Paragraph {
  const side = Math.max(0, Math.round((containerTwip - lengthTwip) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: ptToTwip(spaceAfterPt), line: ptToTwip(HEADER.ruleGapPt), lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: ptToEighths(HEADER.ruleWidthPt), color: FONT.color, space: 0 } },
    keepNext: true,
    run: { size: 2 },
    children: [],
  });
}

/** An empty paragraph `heightPt` high: vertical room after a table, which has no spacing of its own. */
export function spacerParagraph(heightPt: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwip(Math.max(1, heightPt)), lineRule: LineRuleType.EXACT }, run: { size: 2 } });
}
