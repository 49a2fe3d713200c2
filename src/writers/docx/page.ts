/**
 * DOCX page setup for one page run: A4 in the run's orientation with the Decree 30 margins, the
 * page number centred in the top margin (a PAGE field in the default header), hidden on the
 * first page of the document and of every section that restarts its numbering (a distinct,
 * empty first-page header via `titlePage`), and the draft mark on every page when the document
 * is a draft: a small bold "DỰ THẢO" framed in the top-right corner (real text, found by any
 * text search) and a large grey diagonal watermark behind the text.
 */
import {
  AlignmentType,
  FrameAnchorType,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { DRAFT, FONT, PAGE, PAGE_NUMBER, mmToTwip, ptToTwip, textWidthMm, textWidthPt } from '../theme.js';
import type { PageRun } from '../structure.js';
import { styledRun } from './paragraphs.js';
import { STYLE } from './styles.js';

export function sectionOptions(run: PageRun, index: number, children: FileChild[], draft: boolean, family: string = FONT.family): ISectionOptions {
  const hideFirst = PAGE_NUMBER.hideOnFirstPage && (index === 0 || run.restartNumbering);
  const orientation = run.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
  return {
    properties: {
      titlePage: hideFirst,
      page: {
        // Portrait dimensions: docx swaps them for a landscape orientation.
        size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm), orientation },
        margin: {
          top: mmToTwip(PAGE.marginMm.top),
          bottom: mmToTwip(PAGE.marginMm.bottom),
          left: mmToTwip(PAGE.marginMm.left),
          right: mmToTwip(PAGE.marginMm.right),
          header: mmToTwip(PAGE.headerDistanceMm),
          footer: mmToTwip(PAGE.footerDistanceMm),
        },
        pageNumbers: run.restartNumbering ? { start: 1 } : undefined,
      },
    },
    headers: {
      default: new Header({ children: [...draftMark(draft, run, family), pageNumberParagraph()] }),
      // The first page's header holds no number; a header part needs at least one paragraph.
      ...(hideFirst ? { first: new Header({ children: draft ? draftMark(draft, run, family) : [new Paragraph({ style: STYLE.pageHeader })] }) } : {}),
    },
    children,
  };
}

function pageNumberParagraph(): Paragraph {
  // The header style centres the number in the page number's size (styles.ts).
  return new Paragraph({ style: STYLE.pageHeader, children: [new TextRun({ children: [PageNumber.CURRENT] })] });
}

/** The small framed text mark (top right of the page, in the top margin) and the watermark. */
function draftMark(draft: boolean, run: PageRun, family: string): Paragraph[] {
  if (!draft) return [];
  const width = ptToTwip(textWidthPt(DRAFT.text, DRAFT.mark.sizePt, true)) + mmToTwip(2);
  return [
    new Paragraph({
      style: STYLE.pageHeader,
      alignment: AlignmentType.RIGHT,
      frame: {
        type: 'absolute',
        position: { x: mmToTwip(textWidthMm(run.orientation)) - width, y: mmToTwip(PAGE.headerDistanceMm) },
        width,
        anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.PAGE },
      },
      children: [
        styledRun(DRAFT.text, DRAFT.mark),
        new TextWatermark({ text: DRAFT.text, font: family, bold: true, color: DRAFT.watermarkColor, opacity: DRAFT.watermarkOpacity }),
      ],
    }),
  ];
}
