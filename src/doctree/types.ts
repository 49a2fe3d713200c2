/**
 * The document tree: the one closed, JSON-safe representation between templates and writers.
 * Shaped like unist/mdast ({ type, children?, value? }) plus the blocks the official Decree 30
 * layout needs (header, title, recipients, signature, appendix heading, landscape section,
 * declared tables). Numbers arrive here already formatted as strings; document metadata sits
 * on the root. Writers switch over `Block['type']` and `Inline['type']`, so adding a node type
 * without a handler fails the type check.
 */

/** Where a node came from: the template line that wrote it (or the data value it prints). */
export interface Position {
  file: string;
  line: number;
  column: number;
}

// ---------- inlines ----------
export interface Text { type: 'text'; value: string }
export interface Strong { type: 'strong'; children: Inline[] }
export interface Emphasis { type: 'emphasis'; children: Inline[] }
/** A figure from the model: printed as its value, traceable by id (preview shows provenance). */
export interface Figure { type: 'figure'; id: string; value: string }
/** A hard line break inside a paragraph or cell. */
export interface Break { type: 'break' }
export type Inline = Text | Strong | Emphasis | Figure | Break;

// ---------- blocks ----------
export type Align = 'left' | 'center' | 'right' | 'justify';

/** Body paragraph: justified with a first-line indent unless `align`/`indent` say otherwise. */
export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  align?: Align;
  /** false: no first-line indent (centred captions, notes). Default true. */
  indent?: boolean;
  /** Kept on the page of what follows (a table's caption and part titles). */
  keepWithNext?: boolean;
  position?: Position;
}

/**
 * A numbered heading. depth 1 = Mục (`I.` upper bold), 2 = Khoản (`1.` bold),
 * 3 = Điểm (`a)` upright). `label` is produced by section numbering, never typed.
 */
export interface Heading {
  type: 'heading';
  depth: 1 | 2 | 3;
  label: string;
  children: Inline[];
  position?: Position;
}

/**
 * A Phần (nd30 §3, the level above Mục): `Phần I` on its own centred line, the title in upper
 * case on the next; the Mục under it are numbered from I. again. `label` comes from numbering.
 */
export interface PartHeading {
  type: 'partHeading';
  label: string;
  children: Inline[];
  position?: Position;
}

/** A bulleted list: `-` at the first level, `+` below, as in administrative practice. */
export interface List {
  type: 'list';
  marker: '-' | '+';
  children: ListItem[];
  position?: Position;
}
export interface ListItem { type: 'listItem'; children: Block[]; position?: Position }

export interface TableColumn {
  /** Relative width; writers scale the sum to the text width. */
  width: number;
  align: Align;
  /** Its body cells are printed numbers (a statistical table's value columns): a spreadsheet types them. */
  numeric?: boolean;
}
export type RowKind = 'header' | 'group' | 'body' | 'total';
export interface TableCell {
  type: 'tableCell';
  children: Inline[];
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
  position?: Position;
}
export interface TableRow {
  type: 'tableRow'; kind: RowKind; children: TableCell[];
  /** Indexes (in the table's rows) of the rows this row is declared to total (`sumOf`): a spreadsheet writes a SUM over them. */
  sumOf?: number[];
  position?: Position;
}
/** A declared table: header rows repeat on every page; group and total rows are bold. */
export interface Table {
  type: 'table';
  columns: TableColumn[];
  children: TableRow[];
  /** Table text size in points (appendix tables are smaller than body text). */
  fontSize?: number;
  /** The caption and its italic line printed above (as paragraphs), plain, for writers that name or head a table (XLSX). */
  caption?: string;
  subtitle?: string;
  /** One part of several under one caption: its title (printed above it as a paragraph); `continues` on every part after the first. */
  part?: string;
  continues?: boolean;
  position?: Position;
}

/** The two-column header of page 1: agency and number left, quốc hiệu and place-date right. */
export interface Header {
  type: 'header';
  /** Parent agency (chủ quản), printed upright, not bold; absent for top-level agencies. */
  parentAgency?: string;
  /** Issuing agency, one entry per printed line, upper case, bold, with a short rule under it. */
  agency: string[];
  /** e.g. `Số: 05/BC-UBND` or `Số:      /BC-UBND` (room for the văn thư). */
  numberLine: string;
  /** e.g. `<địa danh>, ngày 05 tháng 12 năm 2024`. */
  placeDateLine: string;
  position?: Position;
}

/** `BÁO CÁO` and the summary (trích yếu) with its short rule. */
export interface Title {
  type: 'title';
  kind: string;
  summary: string[];
  position?: Position;
}

/** `Kính gửi: …` — one recipient on the same line, several as `- …;` lines. */
export interface Recipients {
  type: 'recipients';
  items: string[];
  position?: Position;
}

/** `Nơi nhận:` with its items beside the signature block (authority, title, room, name). */
export interface Signature {
  type: 'signature';
  distribution: string[];
  /** e.g. ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] or ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']. */
  authority: string[];
  name: string;
  position?: Position;
}

/** Appendix heading: `Phụ lục I`, its title, the `(Kèm theo …)` line and a short rule. */
export interface AppendixHeading {
  type: 'appendixHeading';
  label: string;
  title: string[];
  note: string;
  position?: Position;
}

export interface PageBreak { type: 'pageBreak'; position?: Position }

/** A run of blocks on pages of their own orientation (the landscape appendix). */
export interface Section {
  type: 'section';
  orientation: 'portrait' | 'landscape';
  /** Page numbers restart at 1 in this section (appendices, nd30 §4). */
  restartNumbering?: boolean;
  children: Block[];
  position?: Position;
}

export type Block =
  | Paragraph
  | PartHeading
  | Heading
  | List
  | ListItem
  | Table
  | Header
  | Title
  | Recipients
  | Signature
  | AppendixHeading
  | PageBreak
  | Section;

/** The four font files a document is set in (absolute paths; a missing face repeats another). */
export interface FontFaces {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

export interface DocumentMeta {
  /** Document title for file properties, e.g. `Báo cáo Kết quả thực hiện Chủ đề năm 2024`. */
  title: string;
  /** Issuing agency, for file properties. */
  author: string;
  /** ISO date used for every document timestamp (deterministic output). */
  date: string;
  /** Mark every page "DỰ THẢO". */
  draft?: boolean;
  /**
   * The agency's own font (from `fonts:` or `--font-dir`): the PDF embeds these files, the DOCX
   * names the family. Absent: the bundled default (Tinos in the PDF, Times New Roman named).
   */
  font?: { family: string; faces: FontFaces };
}

export interface Root {
  type: 'root';
  meta: DocumentMeta;
  children: Block[];
}

export type Node = Root | Block | Inline | TableRow | TableCell;
