/**
 * The Decree 30/2020/NĐ-CP layout (Phụ lục I) as named constants, shared by every writer so that
 * DOCX, PDF and HTML agree: paper and margins, the font, body text, the two-column header of
 * page 1, title and trích yếu, "Kính gửi", headings, lists, the signature block with "Nơi nhận",
 * page numbers, appendix headings, tables, and the draft mark. Lengths are in millimetres and
 * sizes in points, as the decree states them; the small converters at the end turn them into
 * each format's units. Values the decree leaves open (marked ⚠ in docs/nd30.md) are named
 * settings here, never literals inside a writer.
 */
import { textWidthPt } from './metrics.js';

// ---------- fixed texts ----------
export const TEXTS = {
  /** Quốc hiệu (ô 1). */
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  /** Tiêu ngữ (ô 1): " - " with spaces, each phrase capitalised. */
  motto: 'Độc lập - Tự do - Hạnh phúc',
  recipientsLabel: 'Kính gửi:',
  distributionLabel: 'Nơi nhận:',
  draftMark: 'DỰ THẢO',
} as const;

/** How a run of text is set: size in points, weight, slant, case. */
export interface TextStyle {
  sizePt: number;
  bold: boolean;
  italic: boolean;
  /** Upper-case the text when printing it (Vietnamese rules). */
  upper?: boolean;
}

const style = (sizePt: number, bold = false, italic = false, upper = false): TextStyle => ({ sizePt, bold, italic, upper });

// ---------- page (A I.1–3) ----------
export type Orientation = 'portrait' | 'landscape';

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  /** Same values on landscape pages, bound edge left (⚠ nd30 §4). */
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Distance from the top edge to the page-number line, inside the top margin. */
  headerDistanceMm: 10,
  footerDistanceMm: 10,
} as const;

/** Paper size in mm as laid out for an orientation. */
export function pageSizeMm(orientation: Orientation): { width: number; height: number } {
  return orientation === 'portrait'
    ? { width: PAGE.widthMm, height: PAGE.heightMm }
    : { width: PAGE.heightMm, height: PAGE.widthMm };
}

/** Width of the text block between the left and right margins. */
export function textWidthMm(orientation: Orientation): number {
  return pageSizeMm(orientation).width - PAGE.marginMm.left - PAGE.marginMm.right;
}

// ---------- font and body text (A I.4, A II.6e) ----------
export const FONT = {
  /** The family named in DOCX/HTML. */
  family: 'Times New Roman',
  /** The embedded PDF font: Tinos has Times New Roman's metrics and every Vietnamese letter. */
  pdfFamily: 'Tinos',
  language: 'vi-VN',
  color: '000000',
} as const;

export const BODY = {
  ...style(14),
  align: 'justify',
  firstLineIndentMm: 12.7,
  spaceBeforePt: 0,
  /** At least 6 pt between paragraphs. */
  spaceAfterPt: 6,
  /** Multiple of single spacing (the decree allows single to 1.5). */
  lineSpacing: 1.15,
} as const;

// ---------- line pitch (one for every writer) ----------
/**
 * Lines are set at an explicit pitch (baseline to baseline), the same in every format, so the
 * DOCX (in Word or LibreOffice) and the PDF break pages alike. Left to themselves they differ:
 * Word and LibreOffice make a single line of Times New Roman / Tinos its ascender + descender +
 * line gap (hhea: (1825 + 443 + 87) / 2048 of the size), pdfkit only ascender + descender
 * ((1825 + 443) / 2048), so "1.15 lines" of 14 pt was 18.51 pt in the DOCX and 17.83 pt in the
 * PDF. The pitch keeps Word's measure: `spacing` × Word's single line.
 */
export const LINE = {
  /** Word's and LibreOffice's single line, as a share of the font size. */
  singleEm: 2355 / 2048,
  /** pdfkit's (and so pdfmake's) single line for the embedded Tinos. */
  pdfkitEm: 2268 / 2048,
} as const;

/** Baseline-to-baseline distance for text of `sizePt` at `spacing` × single, in whole twips. */
export function linePitchPt(sizePt: number, spacing: number): number {
  return Math.round(sizePt * spacing * LINE.singleEm * 20) / 20;
}

/** pdfmake's `lineHeight` (a multiple of pdfkit's line) that sets text of `sizePt` at that pitch. */
export function pdfLineHeight(spacing: number, sizePt: number = BODY.sizePt): number {
  return linePitchPt(sizePt, spacing) / (sizePt * LINE.pdfkitEm);
}

// ---------- header of page 1 (ô 1–4) ----------
export const HEADER = {
  /** Left (agency, Số) and right (quốc hiệu, place-date) column shares of the text width (⚠). */
  columns: [0.4, 0.6] as const,
  /** 12 pt (the decree allows 12–13) so a parent name such as "UBND THÀNH PHỐ HẢI PHÒNG" fits one line. */
  parentAgency: style(12),
  agency: style(13, true),
  /** Rule under the agency name: a share of the longest agency line (decree: 1/3–1/2). */
  agencyRuleFraction: 1 / 3,
  nationalTitle: style(12, true),
  motto: style(13, true),
  /** Rule under the tiêu ngữ: as long as the text. */
  mottoRuleFraction: 1,
  numberLine: style(13),
  placeDate: style(13, false, true),
  /** Gap between the rules and the Số / place-date line. */
  numberLineSpaceBeforePt: 6,
  /** Header lines are set single-spaced. */
  lineSpacing: 1,
  /** Thickness of every short rule in the header, title and appendix heading. */
  ruleWidthPt: 0.75,
  /** Gap between a text line and the rule under it. */
  ruleGapPt: 4,
} as const;

// ---------- title, trích yếu, Kính gửi (ô 5a, 9a) ----------
export const TITLE = {
  kind: style(14, true, false, true),
  summary: style(14, true),
  /** Rule under the trích yếu: a share of its longest line (decree: 1/3–1/2). */
  summaryRuleFraction: 1 / 3,
  spaceBeforePt: 18,
  spaceAfterPt: 12,
} as const;

export const RECIPIENTS = {
  label: style(14),
  items: style(14),
  spaceAfterPt: 12,
} as const;

// ---------- Phần (A II.6đ, nd30 §3): the level above Mục ----------
/** `Phần I` (normal case, bold) centred on its own line, the title (upper, bold) centred under it. */
export const PART = {
  label: style(14, true),
  title: style(14, true, false, true),
  /** Room above the label, setting a part apart from the text before it. */
  spaceBeforePt: 12,
} as const;

// ---------- headings (A II.6đ, nd30 §3) ----------
export const HEADINGS: Readonly<Record<1 | 2 | 3, TextStyle>> = {
  1: style(14, true, false, true),
  2: style(14, true),
  3: style(14),
};

// ---------- lists ----------
/** `-` then `+` items: body paragraphs starting with the marker and a space (⚠ convention). */
export const LIST = {
  markerSeparator: ' ',
} as const;

// ---------- signature block and Nơi nhận (ô 7, 9b) ----------
export const SIGNATURE = {
  /** Nơi nhận (left) and signature (right) column shares of the text width. */
  columns: [0.45, 0.55] as const,
  distributionLabel: style(12, true, true),
  distributionItems: style(11),
  authority: style(14, true, false, true),
  name: style(14, true),
  /**
   * Room for the hand or digital signature and the seal, between the title and the name: a seal
   * is 33 mm across and overlaps the title a little; a real signed report leaves 31 mm (at least 30).
   */
  signatureSpaceMm: 31,
  spaceBeforePt: 12,
  lineSpacing: 1,
  /** The paragraph just before the signature goes with it, so a page never holds the signature alone. */
  keepWithPreviousParagraph: true,
} as const;

// ---------- page numbers (A I.7) ----------
export const PAGE_NUMBER = {
  ...style(14),
  align: 'center',
  /** Never printed on the first page of the document or of a section that restarts at 1. */
  hideOnFirstPage: true,
} as const;

// ---------- appendices (A III.1, nd30 §4) ----------
export const APPENDIX = {
  label: style(14, true),
  title: style(14, true, false, true),
  note: style(14, false, true),
  /** Rule under the note: a share of the longest title line (⚠ D Mẫu 2.1 shows a short rule). */
  ruleFraction: 1 / 3,
  spaceAfterPt: 12,
} as const;

// ---------- declared tables ----------
export const TABLE = {
  /** Table text size unless the node sets `fontSize`. */
  sizePt: 12,
  borderPt: 0.5,
  cellPaddingXMm: 1.5,
  cellPaddingYPt: 2,
  lineSpacing: 1,
  headerBold: true,
  groupBold: true,
  totalBold: true,
  spaceAfterPt: 6,
} as const;

// ---------- footnotes ----------
/** Footnote text (⚠ the decree sets no size): smaller than the body, single-spaced. */
export const FOOTNOTE = style(12);

// ---------- draft mark ----------
export const DRAFT = {
  text: TEXTS.draftMark,
  /** The small mark printed in the top margin of every page. */
  mark: style(12, true),
  /** The large diagonal watermark behind the text. */
  watermarkColor: 'A6A6A6',
  watermarkOpacity: 0.2,
} as const;

// ---------- converters ----------
export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
/** Twentieths of a point, rounded the way Word rounds (20 mm → 1134). */
export const mmToTwip = (mm: number): number => Math.round(mmToPt(mm) * 20);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
/** DOCX font sizes are in half-points. */
export const ptToHalfPt = (pt: number): number => Math.round(pt * 2);
/** DOCX border widths are in eighths of a point. */
export const ptToEighths = (pt: number): number => Math.round(pt * 8);

/** Length of a short rule under `lines` set in `s`: `fraction` of the longest line. */
export function ruleLengthPt(lines: readonly string[], s: TextStyle, fraction: number): number {
  const longest = Math.max(0, ...lines.map((l) => textWidthPt(applyCase(l, s), s.sizePt, s.bold)));
  return longest * fraction;
}

/** Upper-case for styles that require it, with Vietnamese rules. */
export function applyCase(text: string, s: Pick<TextStyle, 'upper'>): string {
  return s.upper ? text.toLocaleUpperCase('vi') : text;
}

export { textWidthPt };
