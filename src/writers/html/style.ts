/**
 * The report's stylesheet, written from the theme's constants so that HTML agrees with DOCX and
 * PDF: A4 sheets (210 × 297 mm, landscape 297 × 210 mm) with the Decree 30 margins as padding on
 * screen and as `@page` margins in print, body text 14 pt justified with the 12.7 mm first-line
 * indent and 6 pt after, the 40/60 header grid with its short rules, title, Kính gửi, headings,
 * the 45/55 signature block beside Nơi nhận, the appendix heading, bordered tables, and the draft
 * mark. Nothing here is a layout literal of its own except the font's line height (below) and
 * the on-screen desk around the sheets.
 */
import {
  APPENDIX, BODY, DRAFT, FONT, FOOTNOTE, HEADER, HEADINGS, PAGE, PAGE_NUMBER, PART, RECIPIENTS, SIGNATURE, TABLE, TITLE,
  linePitchPt, pageSizeMm, type TextStyle,
} from '../theme.js';
import { FONT_STACK } from './fonts.js';

/**
 * CSS line-height as the theme's explicit pitch (theme.ts, LINE) over the body size: unitless,
 * so smaller text (tables, Nơi nhận) keeps the same share, as the DOCX and PDF set it.
 */
const lh = (multiple: number): string => (linePitchPt(BODY.sizePt, multiple) / BODY.sizePt).toFixed(4);
const mm = (n: number): string => `${n}mm`;
const pt = (n: number): string => `${Number(n.toFixed(2))}pt`;
const pct = (share: number): string => `${Number((share * 100).toFixed(3))}%`;

/** A theme text style as CSS declarations. */
export function textCss(s: TextStyle): string {
  return `font-size: ${pt(s.sizePt)}; font-weight: ${s.bold ? 700 : 400}; font-style: ${s.italic ? 'italic' : 'normal'};`;
}

const M = PAGE.marginMm;
const portrait = pageSizeMm('portrait');
const landscape = pageSizeMm('landscape');
const pageMargins = `${mm(M.top)} ${mm(M.right)} ${mm(M.bottom)} ${mm(M.left)}`;

/** The stylesheet of the report (without the @font-face rules, which depend on where fonts live). */
export function reportCss(): string {
  return `
.baocao { font-family: ${FONT_STACK}; font-size: ${pt(BODY.sizePt)}; line-height: ${lh(BODY.lineSpacing)}; color: #${FONT.color}; font-kerning: normal; -webkit-font-smoothing: antialiased; }
:where(.baocao) * { box-sizing: border-box; }
:where(.baocao) :where(p, div) { margin: 0; }
.sheet { position: relative; width: ${mm(portrait.width)}; min-height: ${mm(portrait.height)}; padding: ${pageMargins}; background: #fff; overflow-wrap: break-word; }
.sheet.landscape { width: ${mm(landscape.width)}; min-height: ${mm(landscape.height)}; }
@media screen {
  body.baocao-desk { margin: 0; padding: 8mm 0; background: #d4d4d4; }
  .sheet { margin: 0 auto 8mm; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35); }
}
@page { size: A4 portrait; margin: ${pageMargins};
  @top-center { content: counter(page); font-family: ${FONT_STACK}; font-size: ${pt(PAGE_NUMBER.sizePt)}; vertical-align: top; padding-top: ${mm(PAGE.headerDistanceMm)}; }
}
@page :first { @top-center { content: none; } }
@page landscape { size: A4 landscape; margin: ${pageMargins}; @top-center { content: none; } }
@media print {
  body.baocao-desk { margin: 0; padding: 0; background: none; }
  .sheet { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; break-after: page; }
  .sheet:last-child { break-after: auto; }
  .sheet.landscape { page: landscape; }
}

/* body text, headings, list items */
.p { text-align: ${BODY.align}; text-indent: ${mm(BODY.firstLineIndentMm)}; margin: ${pt(BODY.spaceBeforePt)} 0 ${pt(BODY.spaceAfterPt)}; }
.p.no-indent { text-indent: 0; }
/* footnotes: raised markers, the notes of a top-level section after it */
.fn-ref { font-size: 0.7em; line-height: 0; } .fn-ref a { color: inherit; text-decoration: none; }
.footnotes { font-size: ${pt(FOOTNOTE.sizePt)}; } .footnotes ol { list-style: none; padding: 0; margin: 0; }
.footnotes hr.fn-rule { width: 5cm; margin: ${pt(6)} 0; border: 0; border-top: 0.5pt solid black; } .footnotes li { text-align: justify; }
.p.al-left { text-align: left; } .p.al-center { text-align: center; } .p.al-right { text-align: right; } .p.al-justify { text-align: justify; }
.p.keep { break-after: avoid; }
.h1 { ${textCss(HEADINGS[1])} } .h2 { ${textCss(HEADINGS[2])} } .h3 { ${textCss(HEADINGS[3])} }
.heading { break-after: avoid; }
.part-label { ${textCss(PART.label)} margin-top: ${PART.spaceBeforePt}pt; break-after: avoid; }
.part-title { ${textCss(PART.title)} break-after: avoid; }
.nw { white-space: nowrap; }
.baocao strong { font-weight: 700; } .baocao em { font-style: italic; }

/* centred single-spaced lines and the short rules under them */
.line { text-align: center; line-height: ${lh(HEADER.lineSpacing)}; white-space: pre-wrap; }
.rule { height: 0; margin: ${pt(HEADER.ruleGapPt)} auto 0; border-top: ${pt(HEADER.ruleWidthPt)} solid #000; }

/* header of page 1 */
.doc-header { display: grid; grid-template-columns: ${pct(HEADER.columns[0])} ${pct(HEADER.columns[1])}; }
.doc-header .parent-agency { ${textCss(HEADER.parentAgency)} }
.doc-header .agency { ${textCss(HEADER.agency)} }
.doc-header .national { ${textCss(HEADER.nationalTitle)} }
.doc-header .motto { ${textCss(HEADER.motto)} }
.doc-header .number { ${textCss(HEADER.numberLine)} margin-top: ${pt(HEADER.numberLineSpaceBeforePt)}; }
.doc-header .place-date { ${textCss(HEADER.placeDate)} margin-top: ${pt(HEADER.numberLineSpaceBeforePt)}; }

/* title, trích yếu, Kính gửi */
.title .kind { ${textCss(TITLE.kind)} margin-top: ${pt(TITLE.spaceBeforePt)}; }
.title .summary { ${textCss(TITLE.summary)} }
.title .rule { margin-bottom: ${pt(TITLE.spaceAfterPt)}; }
.recipients { margin-bottom: ${pt(RECIPIENTS.spaceAfterPt)}; ${textCss(RECIPIENTS.items)} }
.recipients.many { display: flex; justify-content: center; line-height: ${lh(HEADER.lineSpacing)}; }
.recipients.many .label { ${textCss(RECIPIENTS.label)} padding-right: ${pt(RECIPIENTS.label.sizePt / 2)}; white-space: nowrap; }

/* signature beside Nơi nhận */
.signature { display: grid; grid-template-columns: ${pct(SIGNATURE.columns[0])} ${pct(SIGNATURE.columns[1])}; padding-top: ${pt(SIGNATURE.spaceBeforePt)}; line-height: ${lh(SIGNATURE.lineSpacing)}; break-inside: avoid; }
.signature .distribution-label { ${textCss(SIGNATURE.distributionLabel)} }
.signature .distribution-item { ${textCss(SIGNATURE.distributionItems)} }
.signature .authority { ${textCss(SIGNATURE.authority)} text-align: center; }
.signature .name { ${textCss(SIGNATURE.name)} text-align: center; margin-top: ${mm(SIGNATURE.signatureSpaceMm)}; }

/* appendix heading */
.appendix-heading .label { ${textCss(APPENDIX.label)} }
.appendix-heading .title-line { ${textCss(APPENDIX.title)} }
.appendix-heading .note { ${textCss(APPENDIX.note)} }
.appendix-heading .rule { margin-bottom: ${pt(APPENDIX.spaceAfterPt)}; }

/* declared tables */
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: ${pt(TABLE.sizePt)}; line-height: ${lh(TABLE.lineSpacing)}; margin-bottom: ${pt(TABLE.spaceAfterPt)}; }
table.grid th, table.grid td { border: ${pt(TABLE.borderPt)} solid #000; padding: ${pt(TABLE.cellPaddingYPt)} ${mm(TABLE.cellPaddingXMm)}; vertical-align: middle; font-weight: 400; text-align: left; }
table.grid tr.row-header > * { font-weight: ${TABLE.headerBold ? 700 : 400}; }
table.grid tr.row-group > * { font-weight: ${TABLE.groupBold ? 700 : 400}; }
table.grid tr.row-total > * { font-weight: ${TABLE.totalBold ? 700 : 400}; }
table.grid tr > .cell-body { font-weight: 400; }
table.grid tr { break-inside: avoid; }
table.grid .al-left { text-align: left; } table.grid .al-center { text-align: center; } table.grid .al-right { text-align: right; } table.grid .al-justify { text-align: justify; }

/* draft: the mark in the top margin, and the diagonal watermark once per page height */
.draft-mark { position: absolute; top: ${mm(PAGE.headerDistanceMm)}; right: ${mm(M.right)}; ${textCss(DRAFT.mark)} line-height: 1; }
.sheet.draft { background-image: ${watermark('portrait')}; background-repeat: repeat-y; background-size: ${mm(portrait.width)} ${mm(portrait.height)}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet.draft.landscape { background-image: ${watermark('landscape')}; background-size: ${mm(landscape.width)} ${mm(landscape.height)}; }
`.trim();
}

/** The draft watermark as an SVG data URL one page in size: the text across the diagonal. */
function watermark(orientation: 'portrait' | 'landscape'): string {
  const { width, height } = pageSizeMm(orientation);
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}">`
    + `<text x="${width / 2}" y="${height / 2}" transform="rotate(${angle.toFixed(1)} ${width / 2} ${height / 2})" text-anchor="middle" dominant-baseline="middle"`
    + ` font-family="Tinos, 'Times New Roman', serif" font-weight="bold" font-size="${(Math.hypot(width, height) / 8).toFixed(1)}"`
    + ` fill="#${DRAFT.watermarkColor}" fill-opacity="${DRAFT.watermarkOpacity}">${DRAFT.text}</text></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}
