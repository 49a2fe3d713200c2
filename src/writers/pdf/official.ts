/**
 * The PDF handlers for the blocks of the official format: the two-column header of page 1, the
 * title with its trích yếu, "Kính gửi", the appendix heading, and the signature block beside
 * "Nơi nhận". Side-by-side blocks are borderless tables with zero padding, exactly the column
 * split the DOCX writer uses; rules are canvas lines whose lengths come from the theme's
 * Times New Roman metrics.
 */
import type { Content, ContentTable } from 'pdfmake/interfaces.js';
import type { AppendixHeading, Header, Recipients, Signature, Title } from '../../doctree/types.js';
import { APPENDIX, HEADER, RECIPIENTS, SIGNATURE, TEXTS, TITLE, mmToPt, pdfLineHeight, ruleLengthPt, textWidthPt } from '../theme.js';
import { distributionLines, listLines, singleLine } from '../text.js';
import { LAYOUT_ONLY, centredLine, rule, styled } from './paragraphs.js';

const split = (total: number, shares: readonly [number, number]): [number, number] => [total * shares[0], total * (1 - shares[0])];

function layoutTable(widths: number[], body: Content[][], extra: Partial<ContentTable> = {}): ContentTable {
  return { table: { widths, body, dontBreakRows: true }, layout: LAYOUT_ONLY, ...extra };
}

// ---------- header of page 1 ----------
export function headerBlock(node: Header, textWidth: number): Content[] {
  const [left, right] = split(textWidth, HEADER.columns);
  const agency: Content[] = [
    ...(node.parentAgency ? [centredLine(node.parentAgency, HEADER.parentAgency)] : []),
    ...node.agency.map((line) => centredLine(line, HEADER.agency)),
    rule(ruleLengthPt(node.agency, HEADER.agency, HEADER.agencyRuleFraction), left),
  ];
  const national: Content[] = [
    centredLine(TEXTS.nationalTitle, HEADER.nationalTitle),
    centredLine(TEXTS.motto, HEADER.motto),
    rule(ruleLengthPt([TEXTS.motto], HEADER.motto, HEADER.mottoRuleFraction), right),
  ];
  const before: [number, number, number, number] = [0, HEADER.numberLineSpaceBeforePt, 0, 0];
  return [
    layoutTable([left, right], [
      [{ stack: agency }, { stack: national }],
      [centredLine(node.numberLine, HEADER.numberLine, before), centredLine(node.placeDateLine, HEADER.placeDate, before)],
    ]),
  ];
}

// ---------- title and trích yếu ----------
export function titleBlock(node: Title, textWidth: number): Content[] {
  return [
    centredLine(node.kind, TITLE.kind, [0, TITLE.spaceBeforePt, 0, 0]),
    ...node.summary.map((line) => centredLine(line, TITLE.summary)),
    rule(ruleLengthPt(node.summary, TITLE.summary, TITLE.summaryRuleFraction), textWidth, TITLE.spaceAfterPt),
  ];
}

// ---------- Kính gửi ----------
/** One recipient on the label's line; several as `- …;` lines with the dashes under the colon. */
export function recipientsBlock(node: Recipients, textWidth: number): Content[] {
  const after: [number, number, number, number] = [0, 0, 0, RECIPIENTS.spaceAfterPt];
  if (node.items.length <= 1) {
    return [centredLine(`${TEXTS.recipientsLabel} ${singleLine(node.items[0] ?? '')}`, RECIPIENTS.items, after)];
  }
  const lines = listLines(node.items);
  const gap = RECIPIENTS.label.sizePt / 2;
  const labelWidth = textWidthPt(TEXTS.recipientsLabel, RECIPIENTS.label.sizePt) + gap;
  const itemsWidth = Math.min(textWidth - labelWidth, Math.max(...lines.map((l) => textWidthPt(l, RECIPIENTS.items.sizePt))) + gap);
  const side = (textWidth - labelWidth - itemsWidth) / 2;
  return [
    layoutTable(
      [side, labelWidth, itemsWidth, side],
      [['', styled(TEXTS.recipientsLabel, RECIPIENTS.label), { stack: lines.map((l) => styled(l, RECIPIENTS.items)) }, '']],
      { margin: after },
    ),
  ];
}

// ---------- appendix heading ----------
export function appendixHeadingBlock(node: AppendixHeading, textWidth: number): Content[] {
  return [
    centredLine(node.label, APPENDIX.label),
    ...node.title.map((line) => centredLine(line, APPENDIX.title)),
    centredLine(node.note, APPENDIX.note),
    rule(ruleLengthPt(node.title, APPENDIX.title, APPENDIX.ruleFraction), textWidth, APPENDIX.spaceAfterPt),
  ];
}

// ---------- signature beside Nơi nhận ----------
export function signatureBlock(node: Signature, textWidth: number): Content[] {
  const [left, right] = split(textWidth, SIGNATURE.columns);
  const distribution: Content[] = [
    styled(TEXTS.distributionLabel, SIGNATURE.distributionLabel),
    ...distributionLines(node.distribution).map((line) => styled(line, SIGNATURE.distributionItems)),
  ];
  const authority: Content[] = [
    ...node.authority.map((line) => centredLine(line, SIGNATURE.authority)),
    centredLine(node.name, SIGNATURE.name, [0, mmToPt(SIGNATURE.signatureSpaceMm), 0, 0]),
  ];
  return [
    layoutTable([left, right], [[{ stack: distribution, lineHeight: pdfLineHeight(SIGNATURE.lineSpacing, SIGNATURE.distributionItems.sizePt) }, { stack: authority }]], {
      margin: [0, SIGNATURE.spaceBeforePt, 0, 0],
      unbreakable: true,
    }),
  ];
}
