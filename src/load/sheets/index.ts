/**
 * Record lists kept in spreadsheets: wherever a data file holds, instead of a list, a mapping
 * `{ from: <file>.xlsx|.csv, sheet?, header?, columns }`, the sheet's rows replace it in the
 * file's parsed data — the schemas, rules and templates never know the difference — and every
 * value remembers its cell, so a diagnostic about it reads `data/2024/du-an.xlsx!Danh mục!D12`
 * (the YAML line of the mapping stays on it too, for tools that can only point into text files).
 * The spreadsheet must be a regular file inside the data folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { makeDiagnostic } from '../../diagnostics/catalogue.js';
import type { CellRef, Diagnostic, SourcePosition } from '../../diagnostics/types.js';
import { readCsvSheet } from './csv.js';
import { readMapping, recordsFromSheet } from './records.js';
import { readXlsxSheet } from './xlsx.js';
import type { Sheet } from './sheet.js';

/** Where one record list came from: the YAML mapping's position and each value's cell. */
export interface SheetOrigin {
  at: SourcePosition;
  cells: Map<string, CellRef>;
}

/** Largest spreadsheet read (bytes on disk); its parts are further limited when unzipped. */
export const MAX_SHEET_FILE_BYTES = 32 * 1024 * 1024;

export function isSheetMapping(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
    && typeof (value as Record<string, unknown>).from === 'string' && /\.(xlsx|csv)$/i.test((value as Record<string, string>).from);
}

interface Found { pointer: string; holder: Record<string, unknown> | unknown[]; key: string | number; mapping: Record<string, unknown> }

/** Every sheet mapping in a parsed value, with the pointer of the list it stands for. */
function findMappings(value: unknown, pointer = ''): Found[] {
  if (!value || typeof value !== 'object') return [];
  const out: Found[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const p = `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (isSheetMapping(child)) out.push({ pointer: p, holder: value as Record<string, unknown>, key, mapping: child });
    else out.push(...findMappings(child, p));
  }
  return out;
}

/**
 * Replace every sheet mapping in `data` by its records. `position(pointer)` gives the YAML
 * position of a pointer in the data file; `displayDir` is the data folder as shown to users.
 */
export async function expandSheets(
  data: unknown,
  dataDir: string,
  displayDir: string,
  position: (pointer: string) => SourcePosition,
): Promise<{ origins: Map<string, SheetOrigin>; diagnostics: Diagnostic[] }> {
  const origins = new Map<string, SheetOrigin>();
  const diagnostics: Diagnostic[] = [];
  for (const found of findMappings(data)) {
    const at = position(`${found.pointer}/from`);
    const { mapping, problems } = readMapping(found.mapping);
    if (!mapping) {
      diagnostics.push(...problems.map((problem) => makeDiagnostic('L052', at, { problem })));
      continue;
    }
    const shownFile = `${displayDir}/${mapping.from}`.replace(/^\.\//, '');
    const sheet = await openSheet(dataDir, mapping.from, mapping.sheet, shownFile, at);
    if ('diagnostics' in sheet) { diagnostics.push(...sheet.diagnostics); continue; }
    const where = (ref: string): SourcePosition & { cell: CellRef } => ({ ...at, cell: { file: shownFile, sheet: sheet.name, ref } });
    const result = recordsFromSheet(sheet, mapping, where);
    diagnostics.push(...result.diagnostics);
    (found.holder as Record<string | number, unknown>)[found.key] = result.records;
    origins.set(found.pointer, { at, cells: result.cells });
  }
  return { origins, diagnostics };
}

async function openSheet(dataDir: string, from: string, sheetName: string | undefined, shownFile: string, at: SourcePosition): Promise<Sheet | { diagnostics: Diagnostic[] }> {
  const fail = (reason: string, reasonEn: string): { diagnostics: Diagnostic[] } => ({ diagnostics: [makeDiagnostic('L050', at, { sheetFile: from, reason, reasonEn })] });
  const abs = path.resolve(dataDir, from);
  let bytes: Uint8Array;
  try {
    const [real, root] = await Promise.all([realpath(abs), realpath(dataDir)]);
    if (real !== root && !real.startsWith(root + path.sep)) return fail('tệp nằm ngoài thư mục dữ liệu', 'the file is outside the data folder');
    const info = await stat(real);
    if (!info.isFile()) return fail('không phải tệp thường', 'not a regular file');
    if (info.size > MAX_SHEET_FILE_BYTES) {
      return { diagnostics: [makeDiagnostic('L042', at, { sheetFile: from, what: 'kích thước tệp', whatEn: 'file size', size: `${info.size} byte`, limit: `${MAX_SHEET_FILE_BYTES} byte` })] };
    }
    bytes = await readFile(real);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? fail('không có tệp này', 'no such file') : fail(`không mở được (${code ?? 'lỗi'})`, `cannot open it (${code ?? 'error'})`);
  }
  const args = { sheetFile: shownFile };
  if (/\.csv$/i.test(from)) {
    const csv = readCsvSheet(bytes, path.basename(from));
    if (csv.ok) return csv.sheet;
    if (csv.reason === 'encoding') {
      const detail = csv.utf16 ? ' (tệp là UTF-16)' : ` (byte ở vị trí ${csv.offset} không thuộc ký tự UTF-8 nào)`;
      const detailEn = csv.utf16 ? ' (the file is UTF-16)' : ` (the byte at offset ${csv.offset} is not UTF-8)`;
      return { diagnostics: [makeDiagnostic('L043', at, { ...args, detail, detailEn })] };
    }
    if (csv.reason === 'syntax') return { diagnostics: [makeDiagnostic('L044', { ...at, cell: { file: shownFile, sheet: path.basename(from), ref: `A${csv.line}` } }, { reason: csv.message })] };
    return { diagnostics: [makeDiagnostic('L042', at, { ...args, what: 'số ô', whatEn: 'cell count', size: csv.count, limit: csv.limit })] };
  }
  const book = readXlsxSheet(bytes, sheetName);
  if (book.ok) return book.sheet;
  switch (book.reason) {
    case 'not-a-workbook': return { diagnostics: [makeDiagnostic('L040', at, { ...args, reason: 'không phải tệp .xlsx hợp lệ', reasonEn: 'not a valid .xlsx file' })] };
    case 'no-sheet': return { diagnostics: [makeDiagnostic('L041', at, { ...args, sheet: book.sheet, sheets: book.sheets.map((s) => `"${s}"`).join(', ') })] };
    case 'too-large': return { diagnostics: [makeDiagnostic('L042', at, { ...args, what: 'dung lượng giải nén', whatEn: 'uncompressed size', size: `${book.size} byte`, limit: `${book.limit} byte` })] };
    case 'too-many-cells': return { diagnostics: [makeDiagnostic('L042', at, { ...args, what: 'số ô', whatEn: 'cell count', size: book.count, limit: book.limit })] };
  }
}

/** The cell behind a pointer into an expanded list, or the list's mapping position. */
export function sheetPosition(origins: Map<string, SheetOrigin> | undefined, pointer: string): SourcePosition | undefined {
  if (!origins) return undefined;
  for (const [list, origin] of origins) {
    if (pointer !== list && !pointer.startsWith(`${list}/`)) continue;
    let rest = pointer.slice(list.length);
    while (rest) {
      const cell = origin.cells.get(rest);
      if (cell) return { ...origin.at, cell };
      rest = rest.slice(0, rest.lastIndexOf('/'));
    }
    return origin.at;
  }
  return undefined;
}
