/**
 * Text helpers: rich text and content blocks from the model rendered as escaped markup, lists of
 * names joined the Vietnamese way, dates, and small case changes. Structure (paragraph breaks,
 * list markers) is produced here; the words come from data.
 */
import type { RichBlock, RichItem, RichSection, RichStatTable, RichTable, RichText } from '../../aggregate/index.js';
import { formatCell, formatFigure } from '../../aggregate/index.js';
import { formatDate } from '../../numbers/index.js';
import { escapeMarkup, figureMarker } from '../escape.js';
import { safe } from './util.js';
import { roman as romanNumeral } from '../markup.js';

export function richMarkup(text: RichText): string {
  return text.map((s) => {
    switch (s.type) {
      case 'text': return escapeMarkup(s.value);
      case 'figure': return figureMarker(s.figure.id, formatFigure(s.figure));
      case 'quote': return `"*${escapeMarkup(s.value)}*"`;
    }
  }).join('');
}

/** `{{rich text}}`: one piece of rich text, inline. */
export function rich(text: RichText): unknown {
  if (!Array.isArray(text)) throw new Error('helper "rich" cần một đoạn văn bản của mô hình');
  return safe(richMarkup(text));
}

function itemMarkup(item: RichItem, depth: number): string {
  const marker = depth === 0 ? '-' : '+';
  const indent = '  '.repeat(depth);
  const sub = item.items.map((i) => itemMarkup(i, depth + 1)).join('');
  return `${indent}${marker} ${richMarkup(item.text)}\n${sub}`;
}

/** A declared table as the markup's `table` block: columns, unit, header row, rows, total. */
function tableMarkup(t: RichTable): string {
  const align = { left: 'l', center: 'c', right: 'r' } as const;
  const cells = (row: RichText[]) => row.map((c) => richMarkup(c)).join(' | ');
  return [
    '```table',
    `columns: ${t.columns.map((c) => `${c.width}${align[c.align]}`).join(' ')}`,
    ...(t.unit ? [`unit: ${escapeMarkup(t.unit)}`] : []),
    `header: ${t.columns.map((c) => escapeMarkup(c.title)).join(' | ')}`,
    ...t.rows.map((r) => `row: ${cells(r)}`),
    ...(t.total ? [`total: ${cells(t.total)}`] : []),
    '```',
    '',
  ].join('\n');
}

/**
 * A statistical table: caption (centred, bold) and its italic line, then STT | label | unit |
 * value columns | note; parent rows (bold in data, or with sub-rows) print as bold group rows.
 * Cells print here, from typed values: the bare number with its written places, "-", or empty.
 * Value columns are marked numeric (`14r#`) and a declared total carries `sum:` with the STT of
 * the rows it sums, so a spreadsheet writes them typed and as a SUM. A table of several parts
 * prints each part under its title (`part:`), with its own columns and header rows.
 */
function statTableMarkup(t: RichStatTable): string {
  return [
    '```table',
    ...(t.caption ? [`caption: ${escapeMarkup(t.caption)}`] : []),
    ...(t.subtitle ? [`subtitle: ${escapeMarkup(t.subtitle)}`] : []),
    // Optional fields are read with `in`: the model templates see refuses a field it lacks.
    ...('parts' in t && t.parts ? t.parts.flatMap((p) => [`part: ${escapeMarkup('title' in p ? p.title ?? '' : '')}`, ...statBodyMarkup(p)]) : statBodyMarkup(t)),
    '```',
    '',
  ].join('\n');
}

/** The columns, header rows and rows of a table or of one of its parts. */
function statBodyMarkup(t: RichStatTable): string[] {
  const cell = (s: string | undefined) => escapeMarkup(s ?? '');
  const values = t.columns.map(() => '14r#').join(' ');
  // Several value columns: a header over them ("Số liệu"), the other headers spanning both rows.
  const header = t.columns.length > 1
    ? [`header: STT ^2 | ${cell(t.labelTitle)} ^2 | Đơn vị tính ^2 | ${cell(t.columnsTitle)} >${t.columns.length} | Ghi chú ^2`,
      `header: ${t.columns.map((c) => cell(c.title)).join(' | ')}`]
    : [`header: STT | ${cell(t.labelTitle)} | Đơn vị tính | ${cell(t.columns[0]!.title)} | Ghi chú`];
  // A note merged over several rows: the rows under it have no note cell of their own.
  let covered = 0;
  const note = (r: RichStatTable['rows'][number]): string[] => {
    if (covered > 0) { covered--; return []; }
    if (r.noteSpan > 1) { covered = r.noteSpan - 1; return [`${cell(r.note)} ^${r.noteSpan}`]; }
    return [cell(r.note)];
  };
  const row = (r: RichStatTable['rows'][number]) => [
    cell(r.stt), cell(r.label), cell(r.unit),
    ...t.columns.map((c) => cell(formatCell(Object.hasOwn(r.values, c.key) ? r.values[c.key] : undefined))),
    ...note(r),
  ].join(' | ');
  return [
    `columns: 7c ${Math.max(30, 62 - 14 * t.columns.length)}l 14c ${values} 16l`,
    ...header,
    ...t.rows.flatMap((r) => [`${r.bold ? 'group' : 'row'}: ${row(r)}`, ...('sumOf' in r && r.sumOf?.length ? [`sum: ${r.sumOf.map(cell).join(' ')}`] : [])]),
  ];
}

function blockMarkup(b: RichBlock): string {
  switch (b.type) {
    case 'paragraph': return `${richMarkup(b.text)}\n`;
    case 'list': return b.items.map((i) => itemMarkup(i, 0)).join('');
    case 'table': return tableMarkup(b.table);
    case 'statTable': return statTableMarkup(b.table);
    case 'pageBreak': return '```pagebreak\n```\n';
  }
}

/** `{{content blocks}}`: paragraphs, `-`/`+` lists, tables and page breaks, separated by blank lines. */
export function content(blocks: RichBlock[]): unknown {
  if (!Array.isArray(blocks)) throw new Error('helper "content" cần danh sách khối nội dung của mô hình');
  return safe(blocks.map(blockMarkup).join('\n'));
}

/**
 * `{{sections document.sections}}`: a tree of sections, numbered as Decree 30 does — headings
 * I., 1., a) for the first three levels (the markup numbers them), then `-` and `+` items. A
 * top-level section marked as a part is a `part` block (`Phần I` and its title, numbered by the
 * markup); its sub-sections start again at I.
 */
export function sections(list: RichSection[]): unknown {
  if (!Array.isArray(list)) throw new Error('helper "sections" cần danh sách mục của mô hình');
  const out: string[] = [];
  const visit = (s: RichSection, depth: number): void => {
    const title = escapeMarkup(s.title);
    out.push(depth <= 3 ? `${'#'.repeat(depth)} ${title}\n` : `${depth === 4 ? '-' : '+'} ${title}\n`);
    for (const b of s.content) out.push(blockMarkup(b));
    for (const c of s.sections) visit(c, depth + 1);
  };
  for (const s of list) {
    // `in` first: the templates' strict model refuses to read a field an object lacks.
    if (!('part' in s && s.part)) { visit(s, 1); continue; }
    out.push(`\`\`\`part\ntitle: ${escapeMarkup(s.title)}\n\`\`\`\n`);
    for (const b of s.content) out.push(blockMarkup(b));
    for (const c of s.sections) visit(c, 1);
  }
  return safe(out.join('\n'));
}

/** `{{join list ", "}}`: escaped strings joined. */
export function join(list: unknown, sep: unknown): unknown {
  if (!Array.isArray(list)) throw new Error('helper "join" cần một danh sách');
  return safe(list.map((s) => escapeMarkup(String(s))).join(typeof sep === 'string' ? sep : ', '));
}

/** `{{date d "long"}}` / `{{date d "short"}}`. */
export function date(d: { year: number; month?: number; day?: number }, style: unknown): unknown {
  return safe(escapeMarkup(formatDate(d, style === 'short' ? 'short' : 'long')));
}

/** `{{upper s}}`, `{{cap s}}`: Vietnamese-aware case changes of a data string. */
export function upper(s: unknown): unknown {
  return safe(escapeMarkup(String(s).toLocaleUpperCase('vi')));
}
export function cap(s: unknown): unknown {
  const t = String(s);
  return safe(escapeMarkup(t.charAt(0).toLocaleUpperCase('vi') + t.slice(1)));
}


/** `{{lower s}}`: first letter lower-cased (a summary quoted inside a sentence). */
export function lower(s: unknown): unknown {
  const t = String(s);
  return safe(escapeMarkup(t.charAt(0).toLocaleLowerCase('vi') + t.slice(1)));
}

/** `{{stt @index}}` → 1, 2, …; `{{roman @index}}` → I, II, … (table numbering is produced). */
export function stt(index: unknown): unknown {
  return safe(String(Number(index) + 1));
}
export function roman(index: unknown): unknown {
  return safe(romanNumeral(Number(index) + 1));
}
