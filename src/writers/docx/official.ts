/**
 * The DOCX handlers for the blocks the official format adds to an ordinary document: the
 * two-column header of page 1 (agency and Số left; quốc hiệu, tiêu ngữ and place-date right),
 * the title with its trích yếu, "Kính gửi", the appendix heading, and the signature block beside
 * "Nơi nhận". Side-by-side blocks are borderless fixed-layout tables, so their columns hold in
 * Word and LibreOffice alike; every size, split and rule length comes from the theme.
 */
import {
  AlignmentType,
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
  mmToTwip,
  ptToTwip,
  ruleLengthPt,
  textWidthPt,
} from '../theme.js';
import { distributionLines, listLines, singleLine } from '../text.js';
import { centredLine, lineSpacing, ruleParagraph, spacerParagraph, styledRun } from './paragraphs.js';

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
    ...(node.parentAgency ? [centredLine([styledRun(node.parentAgency, HEADER.parentAgency)], { keepNext: false })] : []),
    ...node.agency.map((line) => centredLine([styledRun(line, HEADER.agency)], { keepNext: false })),
    ruleParagraph(ptToTwip(ruleLengthPt(node.agency, HEADER.agency, HEADER.agencyRuleFraction)), left),
  ];
  const nationalLines = [
    centredLine([styledRun(TEXTS.nationalTitle, HEADER.nationalTitle)], { keepNext: false }),
    centredLine([styledRun(TEXTS.motto, HEADER.motto)], { keepNext: false }),
    ruleParagraph(ptToTwip(ruleLengthPt([TEXTS.motto], HEADER.motto, HEADER.mottoRuleFraction)), right),
  ];
  const before = { spacing: { before: ptToTwip(HEADER.numberLineSpaceBeforePt) } };
  const numberRow = [
    cell(left, [centredLine([styledRun(node.numberLine, HEADER.numberLine)], before)]),
    cell(right, [centredLine([styledRun(node.placeDateLine, HEADER.placeDate)], before)]),
  ];
  return [
    layoutTable([left, right], [
      new TableRow({ cantSplit: true, children: [cell(left, agencyLines), cell(right, nationalLines)] }),
      new TableRow({ cantSplit: true, children: numberRow }),
    ]),
  ];
}

// ---------- title and trích yếu ----------
export function titleBlock(node: Title, textWidth: number): FileChild[] {
  return [
    centredLine([styledRun(node.kind, TITLE.kind)], { spacing: { before: ptToTwip(TITLE.spaceBeforePt) } }),
    ...node.summary.map((line) => centredLine([styledRun(line, TITLE.summary)])),
    ruleParagraph(ptToTwip(ruleLengthPt(node.summary, TITLE.summary, TITLE.summaryRuleFraction)), textWidth, TITLE.spaceAfterPt),
  ];
}

// ---------- Kính gửi ----------
/** One recipient on the label's line; several as `- …;` lines with the dashes under the colon. */
export function recipientsBlock(node: Recipients, textWidth: number): FileChild[] {
  const after = { spacing: { after: ptToTwip(RECIPIENTS.spaceAfterPt) } };
  if (node.items.length <= 1) {
    const text = `${TEXTS.recipientsLabel} ${singleLine(node.items[0] ?? '')}`;
    return [centredLine([styledRun(text, RECIPIENTS.items)], { ...after, keepNext: false })];
  }
  const lines = listLines(node.items);
  const gap = ptToTwip(RECIPIENTS.label.sizePt / 2);
  const labelWidth = ptToTwip(textWidthPt(TEXTS.recipientsLabel, RECIPIENTS.label.sizePt)) + gap;
  const itemsWidth = Math.min(
    textWidth - labelWidth,
    ptToTwip(Math.max(...lines.map((l) => textWidthPt(l, RECIPIENTS.items.sizePt)))) + gap,
  );
  const line = (text: string): Paragraph =>
    new Paragraph({ spacing: { before: 0, after: 0, ...lineSpacing(HEADER.lineSpacing) }, children: [styledRun(text, RECIPIENTS.items)] });
  return [
    layoutTable([labelWidth, itemsWidth], [
      new TableRow({ cantSplit: true, children: [cell(labelWidth, [line(TEXTS.recipientsLabel)]), cell(itemsWidth, lines.map(line))] }),
    ], true),
    spacerParagraph(RECIPIENTS.spaceAfterPt),
  ];
}

// ---------- appendix heading ----------
export function appendixHeadingBlock(node: AppendixHeading, textWidth: number): FileChild[] {
  return [
    centredLine([styledRun(node.label, APPENDIX.label)]),
    ...node.title.map((line) => centredLine([styledRun(line, APPENDIX.title)])),
    centredLine([styledRun(node.note, APPENDIX.note)]),
    ruleParagraph(ptToTwip(ruleLengthPt(node.title, APPENDIX.title, APPENDIX.ruleFraction)), textWidth, APPENDIX.spaceAfterPt),
  ];
}

// ---------- signature beside Nơi nhận ----------
export function signatureBlock(node: Signature, textWidth: number): FileChild[] {
  const [left, right] = split(textWidth, SIGNATURE.columns);
  const spacing = (before: number) => ({ before, after: 0, ...lineSpacing(SIGNATURE.lineSpacing) });
  const first = ptToTwip(SIGNATURE.spaceBeforePt);
  const distribution = [
    new Paragraph({ spacing: spacing(first), children: [styledRun(TEXTS.distributionLabel, SIGNATURE.distributionLabel)] }),
    ...distributionLines(node.distribution).map(
      (line) => new Paragraph({ spacing: spacing(0), children: [styledRun(line, SIGNATURE.distributionItems)] }),
    ),
  ];
  const authority = [
    ...node.authority.map((line, i) =>
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: spacing(i === 0 ? first : 0), children: [styledRun(line, SIGNATURE.authority)] }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: spacing(mmToTwip(SIGNATURE.signatureSpaceMm)),
      children: [styledRun(node.name, SIGNATURE.name)],
    }),
  ];
  return [layoutTable([left, right], [new TableRow({ cantSplit: true, children: [cell(left, distribution), cell(right, authority)] })])];
}
