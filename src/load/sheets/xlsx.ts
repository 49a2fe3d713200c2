/**
 * Reading an .xlsx workbook, just enough to take record lists from it: sheet names, cell values
 * with their types, the formula behind a cell and whether its cached value is there, number
 * formats (to tell dates, percents and the decimals a column shows), and merged ranges. Written on
 * fflate (already used for DOCX) instead of a spreadsheet library because the checks baocao makes
 * — a merged cell where a value is expected, a formula with no cached value — need exactly what
 * the small readers hide, and the heavy ones are unmaintained. Work is bounded: the declared
 * uncompressed size of every part and the number of cells are checked before anything is parsed.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { attr, decodeXml, elements, innerText } from './xml.js';
import { columnIndex, type Cell, type Sheet } from './sheet.js';

export interface WorkbookLimits {
  /** Sum of the uncompressed sizes of the parts read. */
  maxUncompressedBytes: number;
  /** Cells in one sheet. */
  maxCells: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { maxUncompressedBytes: 64 * 1024 * 1024, maxCells: 1_000_000 };

export type WorkbookFailure =
  | { reason: 'not-a-workbook' }
  | { reason: 'too-large'; size: number; limit: number }
  | { reason: 'too-many-cells'; count: number; limit: number }
  | { reason: 'no-sheet'; sheet: string; sheets: string[] };

export type WorkbookResult = { ok: true; sheet: Sheet } | ({ ok: false } & WorkbookFailure);

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%' };

/** Read one sheet (by name, or the first) of a workbook's bytes. */
export function readXlsxSheet(bytes: Uint8Array, sheetName: string | undefined, limits = DEFAULT_WORKBOOK_LIMITS): WorkbookResult {
  let parts: Record<string, Uint8Array>;
  let declared = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name === 'xl/sharedStrings.xml'
          || f.name === 'xl/styles.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name);
        if (wanted) declared += f.originalSize;
        return wanted && declared <= limits.maxUncompressedBytes;
      },
    });
  } catch {
    return { ok: false, reason: 'not-a-workbook' };
  }
  if (declared > limits.maxUncompressedBytes) return { ok: false, reason: 'too-large', size: declared, limit: limits.maxUncompressedBytes };
  const workbook = parts['xl/workbook.xml'];
  if (!workbook) return { ok: false, reason: 'not-a-workbook' };

  const sheets = elements(strFromU8(workbook), 'sheet').map((tag) => ({ name: decodeXml(attr(tag.open, 'name') ?? ''), rid: attr(tag.open, 'r:id') ?? '' }));
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name.normalize('NFC') === sheetName.normalize('NFC'));
  if (!chosen) return { ok: false, reason: 'no-sheet', sheet: sheetName ?? '', sheets: sheets.map((s) => s.name) };
  const rels = parts['xl/_rels/workbook.xml.rels'] ? strFromU8(parts['xl/_rels/workbook.xml.rels']) : '';
  const target = elements(rels, 'Relationship').find((r) => attr(r.open, 'Id') === chosen.rid);
  const partName = target ? `xl/${(attr(target.open, 'Target') ?? '').replace(/^\/?xl\//, '').replace(/^\//, '')}` : '';
  const sheetXml = parts[partName];
  if (!sheetXml) return { ok: false, reason: 'not-a-workbook' };

  const strings = parts['xl/sharedStrings.xml'] ? sharedStrings(strFromU8(parts['xl/sharedStrings.xml'])) : [];
  const formats = parts['xl/styles.xml'] ? cellFormats(strFromU8(parts['xl/styles.xml'])) : [];
  return readSheet(strFromU8(sheetXml), chosen.name, strings, formats, limits);
}

function sharedStrings(xml: string): string[] {
  // Rich text runs are concatenated; phonetic runs (<rPh>) are not part of the value.
  return elements(xml, 'si').map((si) => elements(si.body.replace(/<rPh[\s\S]*?<\/rPh>/g, ''), 't').map((t) => decodeXml(t.body)).join(''));
}

/** The number format code of each cell style index (`s` attribute). */
function cellFormats(xml: string): string[] {
  const custom = new Map(elements(xml, 'numFmt').map((f) => [Number(attr(f.open, 'numFmtId')), decodeXml(attr(f.open, 'formatCode') ?? '')]));
  const xfs = elements(xml, 'cellXfs')[0];
  if (!xfs) return [];
  return elements(xfs.body, 'xf').map((xf) => {
    const id = Number(attr(xf.open, 'numFmtId') ?? 0);
    return custom.get(id) ?? (DATE_FORMAT_IDS.has(id) ? 'dd/mm/yyyy' : BUILTIN_FORMATS[id] ?? 'General');
  });
}

function readSheet(xml: string, name: string, strings: string[], formats: string[], limits: WorkbookLimits): WorkbookResult {
  const cells = new Map<string, Cell>();
  let count = 0;
  for (const c of elements(xml, 'c')) {
    if (++count > limits.maxCells) return { ok: false, reason: 'too-many-cells', count, limit: limits.maxCells };
    const ref = attr(c.open, 'r');
    if (!ref) continue;
    const type = attr(c.open, 't') ?? 'n';
    const format = formats[Number(attr(c.open, 's') ?? 0)] ?? 'General';
    const formula = elements(c.body, 'f')[0];
    const v = elements(c.body, 'v')[0];
    const raw = v ? decodeXml(v.body) : undefined;
    cells.set(ref, toCell(ref, type, raw, c.body, strings, format, formula ? decodeXml(formula.body) || '(shared)' : undefined));
  }
  const merges = elements(xml, 'mergeCell').map((m) => attr(m.open, 'ref') ?? '').filter((r) => r.includes(':'));
  return { ok: true, sheet: { name, cells, merges } };
}

function toCell(ref: string, type: string, raw: string | undefined, body: string, strings: string[], format: string, formula?: string): Cell {
  const base = { ref, format, formula };
  if (type === 'inlineStr') return { ...base, kind: 'text', text: innerText(body).normalize('NFC') };
  if (raw === undefined) return { ...base, kind: formula ? 'uncached' : 'empty' };
  switch (type) {
    case 's': return { ...base, kind: 'text', text: (strings[Number(raw)] ?? '').normalize('NFC') };
    case 'str': return { ...base, kind: 'text', text: raw.normalize('NFC') };
    case 'b': return { ...base, kind: 'boolean', value: raw === '1' };
    case 'e': return { ...base, kind: 'error', text: raw };
    case 'd': return { ...base, kind: 'date', iso: raw.slice(0, 10) };
    default: {
      const value = Number(raw);
      if (!Number.isFinite(value)) return { ...base, kind: 'error', text: raw };
      return isDateFormat(format) ? { ...base, kind: 'date', iso: serialToIso(value) } : { ...base, kind: 'number', value };
    }
  }
}

/** A number format shows a date when it has day/month/year codes outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || /m/i.test(bare) && !/[#0]/.test(bare);
}

/** Excel's 1900 date system (with its phantom 29/02/1900) to yyyy-mm-dd. */
export function serialToIso(serial: number): string {
  const days = Math.floor(serial) - (serial >= 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Every cell of a merged range but its top-left one, mapped to that anchor. */
export function mergedFollowers(sheet: Sheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const range of sheet.merges) {
    const [a, b] = range.split(':');
    const from = splitRef(a!);
    const to = splitRef(b!);
    if (!from || !to) continue;
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) out.set(`${columnName(c)}${r}`, a!);
    }
  }
  return out;
}

export function splitRef(ref: string): { col: number; row: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? { col: columnIndex(m[1]!), row: Number(m[2]) } : undefined;
}

export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
