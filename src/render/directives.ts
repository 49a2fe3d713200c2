/**
 * Fenced blocks of the markup: the official-format blocks written as `key: value` lines.
 * `header`, `title`, `recipients`, `signature` and `appendix` map their fields onto tree nodes;
 * `table` declares a table — `columns: 6c 44l 16r` (relative widths and alignment), `size: 12`,
 * `unit: ĐVT: triệu đồng`, then `header:`, `group:`, `row:` and `total:` lines whose cells are
 * separated by `|`, a cell ending in `^2` spanning two rows and `>2` two columns. Values are
 * markup (escaped data, figure markers), parsed as inlines.
 */
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Align, Block, Inline, RowKind, TableCell, TableColumn, TableRow } from '../doctree/types.js';
import { toPlainText } from '../doctree/text.js';
import { parseInline } from './markup.js';

type Fields = Map<string, string[]>;

function readFields(content: string): Fields {
  const fields: Fields = new Map();
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([a-z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    fields.set(m[1], [...(fields.get(m[1]) ?? []), m[2]]);
  }
  return fields;
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

function cell(raw: string): TableCell {
  const span = /(?:^|\s)([\^>])(\d+)$/.exec(raw);
  const text = span ? raw.slice(0, span.index).trim() : raw;
  const out: TableCell = { type: 'tableCell', children: parseInline(text) };
  if (span?.[1] === '^') out.rowSpan = Number(span[2]);
  if (span?.[1] === '>') out.colSpan = Number(span[2]);
  return out;
}

function table(fields: Fields, line: number): StageResult<Block[]> {
  const at = { file: '(markup)', line, column: 1 };
  const spec = fields.get('columns')?.[0];
  if (!spec) return { value: [], diagnostics: [makeDiagnostic('T012', at, { name: 'table', field: 'columns' })] };
  const columns: TableColumn[] = spec.split(/\s+/).map((c) => {
    const m = /^(\d+(?:\.\d+)?)([lcrj]?)$/.exec(c);
    return { width: m ? Number(m[1]) : 1, align: ALIGN[m?.[2] || 'l'] };
  });
  const rows: TableRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const kinds: Record<string, RowKind> = { header: 'header', group: 'group', row: 'body', total: 'total' };
  // Walk the lines in order so header, group, body and total rows keep their sequence.
  for (const [key, kind] of orderedRows(fields, kinds)) {
    const cells = splitCells(key).map(cell);
    rows.push({ type: 'tableRow', kind, children: cells });
  }
  const blocks: Block[] = [];
  const unit = fields.get('unit')?.[0];
  if (unit) blocks.push({ type: 'paragraph', align: 'right', indent: false, children: [{ type: 'emphasis', children: parseInline(unit) }] });
  const size = Number(fields.get('size')?.[0]);
  blocks.push({ type: 'table', columns, children: rows, ...(size ? { fontSize: size } : {}) });
  return { value: blocks, diagnostics };
}

/** Rows must come back in source order across the four row keys. */
function orderedRows(fields: Fields, kinds: Record<string, RowKind>): [string, RowKind][] {
  const order = (fields as Fields & { order?: [string, string][] }).order ?? [];
  return order.filter(([k]) => Object.hasOwn(kinds, k)).map(([k, v]) => [v, kinds[k]]);
}

function readOrderedFields(content: string): Fields {
  const fields = readFields(content);
  const order: [string, string][] = [];
  for (const raw of content.split('\n')) {
    const m = /^([a-z]+):\s?(.*)$/.exec(raw.trim());
    if (m) order.push([m[1], m[2]]);
  }
  (fields as Fields & { order?: [string, string][] }).order = order;
  return fields;
}

function required(fields: Fields, name: string, field: string, line: number, diagnostics: Diagnostic[]): string[] {
  const v = fields.get(field);
  if (!v?.length) diagnostics.push(makeDiagnostic('T012', { file: '(markup)', line, column: 1 }, { name, field }));
  return v ?? [];
}

export function parseDirective(name: string, content: string, line: number): StageResult<Block[]> {
  const fields = readOrderedFields(content);
  const diagnostics: Diagnostic[] = [];
  const req = (field: string) => required(fields, name, field, line, diagnostics);
  let value: Block[];
  switch (name) {
    case 'header':
      value = [{
        type: 'header',
        ...(fields.get('parent')?.[0] ? { parentAgency: plain(fields.get('parent')![0]) } : {}),
        agency: req('agency').map(plain),
        numberLine: plain(req('number')[0] ?? ''),
        placeDateLine: plain(req('date')[0] ?? ''),
      }];
      break;
    case 'title':
      value = [{ type: 'title', kind: plain(req('kind')[0] ?? ''), summary: req('summary').map(plain) }];
      break;
    case 'recipients':
      value = [{ type: 'recipients', items: req('to').map(plain) }];
      break;
    case 'signature':
      value = [{
        type: 'signature',
        distribution: fields.get('receiver')?.map(plain) ?? [],
        authority: req('authority').map(plain),
        name: plain(req('name')[0] ?? ''),
      }];
      break;
    case 'appendix':
      value = [{ type: 'appendixHeading', label: plain(req('label')[0] ?? ''), title: req('title').map(plain), note: plain(fields.get('note')?.[0] ?? '') }];
      break;
    case 'table':
      return table(fields, line);
    default:
      return { value: [], diagnostics: [makeDiagnostic('T010', { file: '(markup)', line, column: 1 }, { name })] };
  }
  return { value, diagnostics };
}

export type { Inline };
