/**
 * The DOCX's named styles, made from the Decree 30 theme, so a clerk who edits the file in Word
 * works with the official format rather than against it: Normal is the body text (justified,
 * first-line indent, the theme's spacing), so a new paragraph typed after pressing Enter is
 * already right; Heading 1–3 carry outline levels, so Word's navigation pane shows the I., 1.,
 * a) outline; every other part of the format (header block, title and trích yếu, Kính gửi,
 * Nơi nhận, signature, table text, footnotes, appendix heading, page-number header) has a style
 * named for what it is. Every style is black; docx's built-in styles that the document does not
 * use (Heading 4–6, Title's large size, caption, hyperlink) are redefined black in the theme's
 * sizes, so applying one cannot break the layout. Handlers set a paragraph's `style` and add
 * direct formatting only for what a style cannot know (a column's alignment, a rule's length).
 */
import { AlignmentType, BorderStyle, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import {
  APPENDIX,
  BODY,
  FONT,
  FOOTNOTE,
  HEADER,
  HEADINGS,
  PART,
  PAGE_NUMBER,
  RECIPIENTS,
  SIGNATURE,
  TABLE,
  TITLE,
  linePitchPt,
  mmToPt,
  mmToTwip,
  ptToEighths,
  ptToHalfPt,
  ptToTwip,
  type TextStyle,
} from '../theme.js';

/** The style ids the handlers use. Ids are ASCII; the names Word shows are Vietnamese. */
export const STYLE = {
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' },
  partLabel: 'PhanLabel',
  partTitle: 'PhanTitle',
  parentAgency: 'CoQuanChuQuan',
  agency: 'CoQuanBanHanh',
  nationalTitle: 'QuocHieu',
  motto: 'TieuNgu',
  numberLine: 'SoKyHieu',
  placeDate: 'DiaDanhNgayThang',
  rule: 'DuongKe',
  title: 'Title',
  summary: 'TrichYeu',
  recipients: 'KinhGui',
  distributionLabel: 'NoiNhan',
  distributionItem: 'NoiNhanDanhSach',
  authority: 'ThamQuyenKy',
  signer: 'NguoiKy',
  tableText: 'BangBieu',
  tableHeading: 'BangBieuTieuDe',
  tableTotal: 'BangBieuTong',
  appendixLabel: 'PhuLuc',
  appendixTitle: 'TenPhuLuc',
  appendixNote: 'KemTheoPhuLuc',
  pageHeader: 'Header',
  footnote: 'FootnoteText',
} as const;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

type LineRule = (typeof LineRuleType)[keyof typeof LineRuleType];

/**
 * Line spacing as the theme's explicit pitch for text of `sizePt` (theme.ts, LINE): exact for
 * body text, so LibreOffice and Word set the lines the PDF sets; at least that pitch for the
 * single-spaced lines of the official blocks and tables, whose text may be set larger than the
 * style's size (a table's `fontSize`) and must then not be clipped.
 */
export function lineSpacing(multiple: number, sizePt: number, exact = true): { line: number; lineRule: LineRule } {
  return { line: ptToTwip(linePitchPt(sizePt, multiple)), lineRule: exact ? LineRuleType.EXACT : LineRuleType.AT_LEAST };
}

/** Run properties of a theme text style: size, weight, slant, capitals, always black. */
function runOf(s: TextStyle): IParagraphStyleOptions['run'] {
  return {
    size: ptToHalfPt(s.sizePt),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.upper ? { allCaps: true } : {}),
    color: FONT.color,
  };
}

interface LineOptions {
  align?: Align;
  beforePt?: number;
  afterPt?: number;
  keepNext?: boolean;
}

/** A paragraph style based on Normal (so it follows the document's font), with its own paragraph properties and run. */
function basedOnNormal(id: string, name: string, s: TextStyle, paragraph: IParagraphStyleOptions['paragraph']): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph, run: runOf(s) };
}

/**
 * A style for the single-spaced, unindented lines of the official blocks, resetting Normal's
 * justification, indent and spacing.
 */
function line(id: string, name: string, s: TextStyle, o: LineOptions = {}): IParagraphStyleOptions {
  return basedOnNormal(id, name, s, {
    alignment: o.align ?? AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: ptToTwip(o.beforePt ?? 0), after: ptToTwip(o.afterPt ?? 0), ...lineSpacing(HEADER.lineSpacing, s.sizePt, false) },
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** Heading 1–3: the body paragraph with the level's weight and case, an outline level, kept with the next. */
function heading(depth: 1 | 2 | 3): IParagraphStyleOptions {
  return basedOnNormal(STYLE.heading[depth], `heading ${depth}`, HEADINGS[depth], { outlineLevel: depth - 1, keepNext: true });
}

/**
 * Phần: `Phần I` and its title, centred body paragraphs without the first-line indent, bold,
 * the title in upper case and an outline entry (level 0, as Heading 1), both kept with the next.
 */
function part(id: string, name: string, s: TextStyle, o: { beforePt: number; afterPt: number; outline?: boolean }): IParagraphStyleOptions {
  return basedOnNormal(id, name, s, {
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: ptToTwip(o.beforePt), after: ptToTwip(o.afterPt) },
    keepNext: true,
    ...(o.outline ? { outlineLevel: 0 } : {}),
  });
}

/**
 * At least two lines of a paragraph at the foot and at the head of a page; every style inherits
 * it from Normal. docx writes it for a style's paragraph properties as for a paragraph's, though
 * its style type leaves it out, hence a spread rather than a literal key.
 */
const WIDOW_CONTROL = { widowControl: true };

const normal: IParagraphStyleOptions = {
  id: 'Normal',
  name: 'Normal',
  quickFormat: true,
  paragraph: {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwip(BODY.firstLineIndentMm) },
    ...WIDOW_CONTROL,
    spacing: { before: ptToTwip(BODY.spaceBeforePt), after: ptToTwip(BODY.spaceAfterPt), ...lineSpacing(BODY.lineSpacing, BODY.sizePt) },
  },
  run: runOf(BODY),
};

const LEFT = AlignmentType.LEFT;

/** Every paragraph style of the document, Normal first. */
export const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  normal,
  heading(1),
  heading(2),
  heading(3),
  part(STYLE.partLabel, 'Phần', PART.label, { beforePt: PART.spaceBeforePt, afterPt: 0 }),
  part(STYLE.partTitle, 'Tên phần', PART.title, { beforePt: 0, afterPt: BODY.spaceAfterPt, outline: true }),
  line(STYLE.parentAgency, 'Cơ quan chủ quản', HEADER.parentAgency),
  line(STYLE.agency, 'Cơ quan ban hành', HEADER.agency),
  line(STYLE.nationalTitle, 'Quốc hiệu', HEADER.nationalTitle),
  line(STYLE.motto, 'Tiêu ngữ', HEADER.motto),
  line(STYLE.numberLine, 'Số, ký hiệu', HEADER.numberLine, { beforePt: HEADER.numberLineSpaceBeforePt }),
  line(STYLE.placeDate, 'Địa danh, ngày tháng', HEADER.placeDate, { beforePt: HEADER.numberLineSpaceBeforePt }),
  {
    // The short rule: an empty paragraph exactly the theme's gap high, its bottom border the rule.
    id: STYLE.rule,
    name: 'Đường kẻ ngắn',
    basedOn: 'Normal',
    next: 'Normal',
    paragraph: {
      indent: { firstLine: 0 },
      spacing: { before: 0, after: 0, line: ptToTwip(HEADER.ruleGapPt), lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: ptToEighths(HEADER.ruleWidthPt), color: FONT.color, space: 0 } },
      keepNext: true,
    },
    run: { size: 2, color: FONT.color },
  },
  line(STYLE.title, 'Title', TITLE.kind, { beforePt: TITLE.spaceBeforePt, keepNext: true }),
  line(STYLE.summary, 'Trích yếu', TITLE.summary, { keepNext: true }),
  line(STYLE.recipients, 'Kính gửi', RECIPIENTS.items),
  line(STYLE.distributionLabel, 'Nơi nhận', SIGNATURE.distributionLabel, { align: LEFT, beforePt: SIGNATURE.spaceBeforePt }),
  line(STYLE.distributionItem, 'Nơi nhận – danh sách', SIGNATURE.distributionItems, { align: LEFT }),
  line(STYLE.authority, 'Thẩm quyền, chức vụ người ký', SIGNATURE.authority),
  line(STYLE.signer, 'Họ tên người ký', SIGNATURE.name, { beforePt: mmToPt(SIGNATURE.signatureSpaceMm) }),
  line(STYLE.tableText, 'Chữ trong bảng', { sizePt: TABLE.sizePt, bold: false, italic: false }, { align: LEFT }),
  line(STYLE.tableHeading, 'Chữ trong bảng – tiêu đề cột', { sizePt: TABLE.sizePt, bold: TABLE.headerBold, italic: false }),
  line(STYLE.tableTotal, 'Chữ trong bảng – dòng tổng, nhóm', { sizePt: TABLE.sizePt, bold: TABLE.totalBold, italic: false }, { align: LEFT }),
  line(STYLE.appendixLabel, 'Phụ lục', APPENDIX.label, { keepNext: true }),
  line(STYLE.appendixTitle, 'Tên phụ lục', APPENDIX.title, { keepNext: true }),
  line(STYLE.appendixNote, 'Phụ lục – kèm theo', APPENDIX.note, { keepNext: true }),
  { ...line(STYLE.pageHeader, 'header', PAGE_NUMBER), uiPriority: 99, unhideWhenUsed: true },
  {
    ...line(STYLE.footnote, 'footnote text', FOOTNOTE, { align: AlignmentType.JUSTIFIED }),
    link: 'FootnoteTextChar',
    uiPriority: 99,
    unhideWhenUsed: true,
  },
];

const black = { color: FONT.color };

/**
 * The `styles` option of the docx Document: the document defaults (font, body size, black,
 * Vietnamese), docx's built-in styles the document leaves unused redefined black, and ours.
 */
export function documentStyles(family: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: family, size: ptToHalfPt(BODY.sizePt), color: FONT.color, language: { value: FONT.language } } },
      heading4: { run: { ...black, bold: true } },
      heading5: { run: { ...black, bold: true } },
      heading6: { run: { ...black, bold: true } },
      caption: { run: { ...black, italics: true, size: ptToHalfPt(TABLE.sizePt) } },
      hyperlink: { run: { ...black, underline: {} } },
      footnoteTextChar: { run: { ...black, size: ptToHalfPt(FOOTNOTE.sizePt) } },
      // The marker, in the text and before the note: raised, in the size of the text around it.
      footnoteReference: { run: { ...black, superScript: true } },
      endnoteText: { run: { ...black, size: ptToHalfPt(FOOTNOTE.sizePt) } },
      endnoteTextChar: { run: { ...black, size: ptToHalfPt(FOOTNOTE.sizePt) } },
    },
    paragraphStyles: PARAGRAPH_STYLES,
  };
}
