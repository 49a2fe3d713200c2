/**
 * The HTML handlers for the blocks of the official format: the two-column header of page 1
 * (agency and Số left; quốc hiệu, tiêu ngữ and place-date right, 40/60), the title with its
 * trích yếu, "Kính gửi", the appendix heading, and the signature block beside "Nơi nhận"
 * (45/55). Column splits, sizes and rule lengths come from the theme (the same Times New Roman
 * metrics the DOCX and PDF writers use), so the rules are as long as in print.
 */
import type { AppendixHeading, Header, Recipients, Signature, Title } from '../../doctree/types.js';
import { APPENDIX, HEADER, SIGNATURE, TEXTS, TITLE, applyCase, ruleLengthPt, type TextStyle } from '../theme.js';
import { distributionLines, listLines, singleLine } from '../text.js';
import { escapeText } from './escape.js';

/** A centred single-spaced line of fixed text, upper-cased when its style says so. */
function line(cls: string, text: string, s: Pick<TextStyle, 'upper'>): string {
  return `<p class="line ${cls}">${escapeText(applyCase(text, s))}</p>`;
}

/** A short centred rule, `lengthPt` long. */
function rule(lengthPt: number): string {
  return `<div class="rule" style="width: ${lengthPt.toFixed(2)}pt"></div>`;
}

// ---------- header of page 1 ----------
export function headerHtml(node: Header): string {
  const agency = [
    ...(node.parentAgency ? [line('parent-agency', node.parentAgency, HEADER.parentAgency)] : []),
    ...node.agency.map((l) => line('agency', l, HEADER.agency)),
    rule(ruleLengthPt(node.agency, HEADER.agency, HEADER.agencyRuleFraction)),
  ];
  const national = [
    line('national', TEXTS.nationalTitle, HEADER.nationalTitle),
    line('motto', TEXTS.motto, HEADER.motto),
    rule(ruleLengthPt([TEXTS.motto], HEADER.motto, HEADER.mottoRuleFraction)),
  ];
  return [
    '<div class="doc-header">',
    `<div class="header-agency">${agency.join('')}</div>`,
    `<div class="header-national">${national.join('')}</div>`,
    line('number', node.numberLine, HEADER.numberLine),
    line('place-date', node.placeDateLine, HEADER.placeDate),
    '</div>',
  ].join('');
}

// ---------- title and trích yếu ----------
export function titleHtml(node: Title): string {
  return [
    '<div class="title">',
    line('kind', node.kind, TITLE.kind),
    ...node.summary.map((l) => line('summary', l, TITLE.summary)),
    rule(ruleLengthPt(node.summary, TITLE.summary, TITLE.summaryRuleFraction)),
    '</div>',
  ].join('');
}

// ---------- Kính gửi ----------
/** One recipient on the label's line; several as `- …;` lines with the dashes under the colon. */
export function recipientsHtml(node: Recipients): string {
  if (node.items.length <= 1) {
    return `<p class="line recipients one">${escapeText(`${TEXTS.recipientsLabel} ${singleLine(node.items[0] ?? '')}`)}</p>`;
  }
  const items = listLines(node.items).map((l) => `<p>${escapeText(l)}</p>`).join('');
  return `<div class="recipients many"><p class="label">${escapeText(TEXTS.recipientsLabel)}</p><div class="items">${items}</div></div>`;
}

// ---------- appendix heading ----------
export function appendixHeadingHtml(node: AppendixHeading): string {
  return [
    '<div class="appendix-heading">',
    line('label', node.label, APPENDIX.label),
    ...node.title.map((l) => line('title-line', l, APPENDIX.title)),
    line('note', node.note, APPENDIX.note),
    rule(ruleLengthPt(node.title, APPENDIX.title, APPENDIX.ruleFraction)),
    '</div>',
  ].join('');
}

// ---------- signature beside Nơi nhận ----------
export function signatureHtml(node: Signature): string {
  const distribution = [
    `<p class="distribution-label">${escapeText(TEXTS.distributionLabel)}</p>`,
    ...distributionLines(node.distribution).map((l) => `<p class="distribution-item">${escapeText(l)}</p>`),
  ];
  const authority = [
    ...node.authority.map((l) => `<p class="authority">${escapeText(applyCase(l, SIGNATURE.authority))}</p>`),
    `<p class="name">${escapeText(applyCase(node.name, SIGNATURE.name))}</p>`,
  ];
  return `<div class="signature"><div class="distribution">${distribution.join('')}</div><div class="signer">${authority.join('')}</div></div>`;
}
