/**
 * The DOCX handlers for the blocks the official format adds to an ordinary document: the
 * two-column header of page 1 (agency and Số left; quốc hiệu, tiêu ngữ and place-date right),
 * the title with its trích yếu, "Kính gửi", the appendix heading, and the signature block beside
 * "Nơi nhận". Side-by-side blocks are borderless fixed-layout tables, so their columns hold in
 * Word and LibreOffice alike; each line is a paragraph in its named style (styles.ts), and every
 * size, split and rule length comes from the theme.
 */
import {
  AlignmentType,
  type IParagraphOptions,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import type { AppendixHeading, Header, Recipients, Signature, Title } from '../../doctree/types.js';
import {
  APPENDIX,
  HEADER,
  RECIPIENTS,
  SIGNATURE,
  TEXTS,
  TITLE,
  ptToTwip,
  ruleLengthPt,
  textWidthPt,
  type TextStyle,
} from '../theme.js';
import { distributionLines, listLines, singleLine } from '../text.js';
import { ruleParagraph, spacerParagraph, styledParagraph, textRun } from './paragraphs.js';
import { STYLE } from './styles.js';

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** A borderless, fixed-layout table whose columns are `widths` twips wide. */
function layoutTable(widths: number[], rows: TableRow[], centred = false): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
    alignment: centred ? AlignmentType.CENTER : undefined,
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.TOP, children });
}

const split = (total: number, shares: readonly [number, number]): [number, number] => {
  const first = Math.round(total * shares[0]);
  return [first, total - first];
};

// ---------- header of page 1 ----------
export function headerBlock(node: Header, textWidth: number): FileChild[] {
  const [left, right] = split(textWidth, HEADER.columns);
  const agencyLines = [
    ...(node.parentAgency ? [line(STYLE.parentAgency, node.parentAgency, HEADER.parentAgency)] : []),
    ...node.agency.map((text) => line(STYLE.agency, text, HEADER.agency)),
    ruleParagraph(STYLE.rule, ptToTwip(ruleLengthPt(node.agency, HEADER.agency, HEADER.agencyRuleFraction)), left),
  ];
  const nationalLines = [
    line(STYLE.nationalTitle, TEXTS.nationalTitle, HEADER.nationalTitle),
    line(STYLE.motto, TEXTS.motto, HEADER.motto),
    ruleParagraph(STYLE.rule, ptToTwip(ruleLengthPt([TEXTS.motto], HEADER.motto, HEADER.mottoRuleFraction)), right),
  ];
  const numberRow = [
    cell(left, [line(STYLE.numberLine, node.numberLine, HEADER.numberLine)]),
    cell(right, [line(STYLE.placeDate, node.placeDateLine, HEADER.placeDate)]),
  ];
  return [
    layoutTable([left, right], [
      new TableRow({ cantSplit: true, children: [cell(left, agencyLines), cell(right, nationalLines)] }),
      new TableRow({ cantSplit: true, children: numberRow }),
    ]),
  ];
}

/** One line of fixed text in its named style. */
function line(style: string, text: string, s: TextStyle, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return styledParagraph(style, [textRun(text, s)], extra);
}

// ---------- title and trích yếu ----------
export function titleBlock(node: Title, textWidth: number): FileChild[] {
  return [
    line(STYLE.title, node.kind, TITLE.kind),
    ...node.summary.map((text) => line(STYLE.summary, text, TITLE.summary)),
    ruleParagraph(STYLE.rule, ptToTwip(ruleLengthPt(node.summary, TITLE.summary, TITLE.summaryRuleFraction)), textWidth, TITLE.spaceAfterPt),
  ];
}

// ---------- Kính gửi ----------
/** One recipient on the label's line; several as `- …;` lines with the dashes under the colon. */
export function recipientsBlock(node: Recipients, textWidth: number): FileChild[] {
  if (node.items.length <= 1) {
    const text = `${TEXTS.recipientsLabel} ${singleLine(node.items[0] ?? '')}`;
    return [line(STYLE.recipients, text, RECIPIENTS.items, { spacing: { after: ptToTwip(RECIPIENTS.spaceAfterPt) } })];
  }
  const lines = listLines(node.items);
  const gap = ptToTwip(RECIPIENTS.label.sizePt / 2);
  const labelWidth = ptToTwip(textWidthPt(TEXTS.recipientsLabel, RECIPIENTS.label.sizePt)) + gap;
  const itemsWidth = Math.min(
    textWidth - labelWidth,
    ptToTwip(Math.max(...lines.map((l) => textWidthPt(l, RECIPIENTS.items.sizePt)))) + gap,
  );
  // In the two columns the lines sit flush left: the table, not the style, centres them.
  const left = (text: string): Paragraph => line(STYLE.recipients, text, RECIPIENTS.items, { alignment: AlignmentType.LEFT });
  return [
    layoutTable([labelWidth, itemsWidth], [
      new TableRow({ cantSplit: true, children: [cell(labelWidth, [left(TEXTS.recipientsLabel)]), cell(itemsWidth, lines.map(left))] }),
    ], true),
    spacerParagraph(RECIPIENTS.spaceAfterPt),
  ];
}

// ---------- appendix heading ----------
export function appendixHeadingBlock(node: AppendixHeading, textWidth: number): FileChild[] {
  return [
    line(STYLE.appendixLabel, node.label, APPENDIX.label),
    ...node.title.map((text) => line(STYLE.appendixTitle, text, APPENDIX.title)),
    line(STYLE.appendixNote, node.note, APPENDIX.note),
    ruleParagraph(STYLE.rule, ptToTwip(ruleLengthPt(node.title, APPENDIX.title, APPENDIX.ruleFraction)), textWidth, APPENDIX.spaceAfterPt),
  ];
}

// ---------- signature beside Nơi nhận ----------
export function signatureBlock(node: Signature, textWidth: number): FileChild[] {
  const [left, right] = split(textWidth, SIGNATURE.columns);
  const distribution = [
    line(STYLE.distributionLabel, TEXTS.distributionLabel, SIGNATURE.distributionLabel),
    ...distributionLines(node.distribution).map((text) => line(STYLE.distributionItem, text, SIGNATURE.distributionItems)),
  ];
  // The first authority line is level with "Nơi nhận:", so it takes that style's space before.
  const authority = [
    ...node.authority.map((text, i) =>
      line(STYLE.authority, text, SIGNATURE.authority, i === 0 ? { spacing: { before: ptToTwip(SIGNATURE.spaceBeforePt) } } : {}),
    ),
    line(STYLE.signer, node.name, SIGNATURE.name),
  ];
  return [layoutTable([left, right], [new TableRow({ cantSplit: true, children: [cell(left, distribution), cell(right, authority)] })])];
}
