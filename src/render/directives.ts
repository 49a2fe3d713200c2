/**
 * Fenced blocks of the markup: the official-format blocks written as `key: value` lines.
 * `header`, `title`, `recipients`, `signature` and `appendix` map their fields onto tree nodes;
 * `table` declares a table — `columns: 6c 44l 16r` (relative widths and alignment), `size: 12`,
 * `caption: Biểu mẫu 3. …` (centred, bold) and `subtitle:` (centred, italic) above it,
 * `unit: ĐVT: triệu đồng`, then `header:`, `group:`, `row:` and `total:` lines whose cells are
 * separated by `|`, a cell ending in `^2` spanning two rows and `>2` two columns. A column
 * written `14r#` holds numbers (a spreadsheet types them); `sum: 5.1 5.2` under a row names the
 * rows (by first cell) it totals; `part: …` starts another part under the same caption, with its
 * own `columns:` and header rows. Values are markup (escaped data, figure markers), parsed as inlines.
 */
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Align, Block, Inline, Position, RowKind, TableCell, TableColumn, TableRow } from '../doctree/types.js';
import { toPlainText } from '../doctree/text.js';
import { parseInline } from './markup.js';

/** One `key: value` line of a fenced block, with where the template wrote it. */
interface Field { key: string; value: string; at: Position }

/** The fields each block knows; any other line is an error at its line (T014), never ignored. */
const KNOWN: Record<string, string[]> = {
  header: ['parent', 'agency', 'number', 'date'],
  title: ['kind', 'summary'],
  recipients: ['to'],
  signature: ['receiver', 'authority', 'name'],
  appendix: ['label', 'title', 'note'],
  table: ['columns', 'size', 'caption', 'subtitle', 'unit', 'part', 'header', 'group', 'row', 'total', 'sum'],
  pagebreak: [],
};

class Fields {
  constructor(readonly list: Field[]) {}
  get(key: string): string[] | undefined {
    const v = this.list.filter((f) => f.key === key).map((f) => f.value);
    return v.length ? v : undefined;
  }
  first(key: string): Field | undefined {
    return this.list.find((f) => f.key === key);
  }
}

function readFields(name: string, content: string, lineAt: (k: number) => Position, diagnostics: Diagnostic[]): Fields {
  const list: Field[] = [];
  content.split('\n').forEach((raw, k) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^([a-z]+):\s?(.*)$/.exec(line);
    if (m && KNOWN[name]!.includes(m[1])) {
      list.push({ key: m[1], value: m[2], at: lineAt(k) });
      return;
    }
    diagnostics.push(makeDiagnostic('T014', lineAt(k), { name, line: line.length > 60 ? `${line.slice(0, 60)}…` : line, known: KNOWN[name]!.join(', ') }));
  });
  return new Fields(list);
}

const plain = (markup: string): string => toPlainText(parseInline(markup));

const ALIGN: Record<string, Align> = { l: 'left', c: 'center', r: 'right', j: 'justify' };

/** Split a row on unescaped `|`, keeping escapes for the inline parser. */
export function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) { cur += ch + line[++i]; continue; }
    if (ch === '|') { cells.push(cur); cur = ''; continue; }
    cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

function cell(raw: string, position: Position): TableCell {
  const span = /(?:^|\s)([\^>])(\d+)$/.exec(raw);
  const text = span ? raw.slice(0, span.index).trim() : raw;
  const out: TableCell = { type: 'tableCell', children: parseInline(text), position };
  if (span?.[1] === '^') out.rowSpan = Number(span[2]);
  if (span?.[1] === '>') out.colSpan = Number(span[2]);
  return out;
}

const ROW_KINDS: Record<string, RowKind> = { header: 'header', group: 'group', row: 'body', total: 'total' };

/** `columns: 6c 44l 16r`: each column a relative width and an alignment letter, or T011. */
function columnsOf(spec: Field, diagnostics: Diagnostic[]): TableColumn[] {
  return spec.value.split(/\s+/).filter(Boolean).map((c) => {
    const m = /^(\d+(?:\.\d+)?)([lcrj]?)(#?)$/.exec(c);
    if (!m || Number(m[1]) <= 0) {
      diagnostics.push(makeDiagnostic('T011', spec.at, {
        reason: `cột "${c}" phải là một độ rộng dương và chữ căn lề l, c, r hoặc j (ví dụ 44l)`,
        reasonEn: `column "${c}" must be a positive width and an alignment letter l, c, r or j (e.g. 44l)`,
      }));
    }
    return { width: m ? Number(m[1]) : 1, align: ALIGN[m?.[2] || 'l'], ...(m?.[3] ? { numeric: true } : {}) };
  });
}

/** One part of a table: its title (none for the first part of a table without parts), columns and rows. */
interface Part { title?: Field; columns?: Field; rows: TableRow[]; sums: { row: number; field: Field }[] }

/** Cut the fields at each `part:` line; a `sum:` line belongs to the row just above it. */
function partsOf(fields: Fields, diagnostics: Diagnostic[]): Part[] {
  const parts: Part[] = [{ rows: [], sums: [] }];
  for (const f of fields.list) {
    const part = parts[parts.length - 1]!;
    if (f.key === 'part') parts.push({ title: f, rows: [], sums: [] });
    else if (f.key === 'columns') part.columns ??= f;
    else if (Object.hasOwn(ROW_KINDS, f.key)) {
      part.rows.push({ type: 'tableRow', kind: ROW_KINDS[f.key]!, children: splitCells(f.value).map((c) => cell(c, f.at)), position: f.at });
    } else if (f.key === 'sum') {
      if (part.rows.length) part.sums.push({ row: part.rows.length - 1, field: f });
      else diagnostics.push(makeDiagnostic('T011', f.at, { reason: '"sum:" phải đứng sau dòng tổng của nó', reasonEn: '"sum:" must follow its total row' }));
    }
  }
  // Columns declared before the first part serve every part that declares none.
  if (parts.length > 1 && !parts[0]!.rows.length) {
    const first = parts.shift()!;
    for (const p of parts) p.columns ??= first.columns;
  }
  return parts;
}

/**
 * `sum: 5.1 5.2` under a row: the rows of the same part whose first cell reads 5.1, 5.2 are the
 * ones it totals (a statistical table's `sumOf`, kept for spreadsheets to write a SUM).
 */
function resolveSums(part: Part, diagnostics: Diagnostic[]): void {
  const keys = part.rows.map((r) => (r.children[0] ? toPlainText(r.children[0].children).trim() : ''));
  for (const { row, field } of part.sums) {
    const refs = field.value.split(/\s+/).filter(Boolean).map((k) => plain(k).trim());
    const rows = refs.map((k) => keys.indexOf(k));
    const missing = refs.filter((_, i) => rows[i]! < 0);
    if (missing.length) {
      diagnostics.push(makeDiagnostic('T011', field.at, { reason: `"sum:" nêu dòng không có: ${missing.join(', ')}`, reasonEn: `"sum:" names rows that do not exist: ${missing.join(', ')}` }));
    }
    part.rows[row]!.sumOf = rows.filter((i) => i >= 0);
  }
}

const heading = (align: 'center' | 'left', mark: 'strong' | 'emphasis', f: Field): Block => ({
  type: 'paragraph', align, indent: false, keepWithNext: true, children: [{ type: mark, children: parseInline(f.value) }], position: f.at,
});

function table(fields: Fields, at: Position, diagnostics: Diagnostic[]): StageResult<Block[]> {
  const parts = partsOf(fields, diagnostics);
  if (!parts[0]!.columns) return { value: [], diagnostics: [...diagnostics, makeDiagnostic('T012', at, { name: 'table', field: 'columns' })] };
  const columns = parts.map((p) => columnsOf(p.columns ?? parts[0]!.columns!, diagnostics));
  const blocks: Block[] = [];
  const caption = fields.first('caption');
  if (caption) blocks.push(heading('center', 'strong', caption));
  const subtitle = fields.first('subtitle');
  if (subtitle) blocks.push(heading('center', 'emphasis', subtitle));
  const unit = fields.first('unit');
  if (unit) blocks.push({ type: 'paragraph', align: 'right', indent: false, children: [{ type: 'emphasis', children: parseInline(unit.value) }], position: unit.at });
  const sizeField = fields.first('size');
  const size = Number(sizeField?.value);
  if (sizeField && !(size > 0)) {
    diagnostics.push(makeDiagnostic('T011', sizeField.at, { reason: `cỡ chữ "${sizeField.value}" phải là một số dương (điểm), ví dụ size: 12`, reasonEn: `size "${sizeField.value}" must be a positive number of points, e.g. size: 12` }));
  }
  parts.forEach((part, i) => {
    resolveSums(part, diagnostics);
    if (part.title) blocks.push(heading('left', 'strong', part.title));
    blocks.push({
      type: 'table', columns: columns[i]!, children: part.rows,
      ...(size > 0 ? { fontSize: size } : {}),
      ...(caption ? { caption: plain(caption.value) } : {}), ...(subtitle ? { subtitle: plain(subtitle.value) } : {}),
      ...(part.title ? { part: plain(part.title.value) } : {}), ...(i > 0 ? { continues: true } : {}),
      position: part.title?.at ?? at,
    });
  });
  return { value: blocks, diagnostics };
}

function required(fields: Fields, name: string, field: string, at: Position, diagnostics: Diagnostic[]): string[] {
  const v = fields.get(field);
  if (!v?.length) diagnostics.push(makeDiagnostic('T012', at, { name, field }));
  return v ?? [];
}

/**
 * A fenced block `name` whose fence opens at `at`; `lineAt(k)` is where its k-th content line
 * was written, so a missing field is reported at the fence and a bad line at that line.
 */
export function parseDirective(name: string, content: string, at: Position, lineAt: (k: number) => Position): StageResult<Block[]> {
  if (!Object.hasOwn(KNOWN, name)) return { value: [], diagnostics: [makeDiagnostic('T010', at, { name })] };
  const diagnostics: Diagnostic[] = [];
  const fields = readFields(name, content, lineAt, diagnostics);
  const req = (field: string) => required(fields, name, field, at, diagnostics);
  let value: Block[];
  switch (name) {
    case 'header':
      value = [{
        type: 'header',
        ...(fields.get('parent')?.[0] ? { parentAgency: plain(fields.get('parent')![0]) } : {}),
        agency: req('agency').map(plain),
        numberLine: plain(req('number')[0] ?? ''),
        placeDateLine: plain(req('date')[0] ?? ''),
        position: at,
      }];
      break;
    case 'title':
      value = [{ type: 'title', kind: plain(req('kind')[0] ?? ''), summary: req('summary').map(plain), position: at }];
      break;
    case 'recipients':
      value = [{ type: 'recipients', items: req('to').map(plain), position: at }];
      break;
    case 'signature':
      value = [{
        type: 'signature',
        distribution: fields.get('receiver')?.map(plain) ?? [],
        authority: req('authority').map(plain),
        name: plain(req('name')[0] ?? ''),
        position: at,
      }];
      break;
    case 'appendix':
      value = [{ type: 'appendixHeading', label: plain(req('label')[0] ?? ''), title: req('title').map(plain), note: plain(fields.get('note')?.[0] ?? ''), position: at }];
      break;
    case 'pagebreak':
      value = [{ type: 'pageBreak', position: at }];
      break;
    default:
      return table(fields, at, diagnostics);
  }
  return { value, diagnostics };
}

export type { Inline };
