/**
 * The XLSX writer: every table of the document, one sheet each, for the level above to
 * aggregate. Header rows are bold and keep their merged cells; a cell whose printed text is a
 * Vietnamese number ("47.670", "121,042") becomes a number with a `#,##0` or `#,##0.00…` format of
 * the decimals it printed; group and total rows are bold; a total cell is a `SUM` formula over the
 * body (or group) rows above it when that sum is the printed value — with the value cached, so
 * readers that do not calculate see it too — and the printed constant otherwise (a stated figure
 * that differs from its parts), with a note in the sheet's last column saying so. The package is
 * written here as plain OOXML parts and zipped with fixed entry times, so the bytes are the same
 * on every run, like the DOCX.
 */
import { strToU8, zipSync } from 'fflate';
import type { Decimal } from 'decimal.js';
import type { StageResult } from '../../diagnostics/types.js';
import type { Block, Root, Table, TableRow } from '../../doctree/types.js';
import { toPlainText } from '../../doctree/text.js';
import { parseVietnameseNumber } from '../../numbers/parse.js';
import { Exact } from '../../numbers/exact.js';
import { columnName } from '../../load/sheets/xlsx.js';

/** Decimals of a printed number get their own format, up to this many. */
const MAX_DECIMALS = 6;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Found { table: Table; caption: string }

/** A cell's text: a spreadsheet breaks no lines, so the tree's no-break spaces print as spaces. */
const cellText = (inlines: Parameters<typeof toPlainText>[0]): string => toPlainText(inlines).replace(/\u00a0/g, ' ');

/** Every table in reading order, with the appendix or heading text just before it as caption. */
export function findTables(blocks: readonly Block[], out: Found[] = [], context = { caption: '' }): Found[] {
  for (const block of blocks) {
    if (block.type === 'table') out.push({ table: block, caption: context.caption });
    else if (block.type === 'appendixHeading') context.caption = [block.label, ...block.title].join(' ');
    else if (block.type === 'heading') context.caption = `${block.label} ${cellText(block.children)}`.trim();
    else if (block.type === 'section' || block.type === 'listItem') findTables(block.children, out, context);
    else if (block.type === 'list') findTables(block.children, out, context);
  }
  return out;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique, never empty. */
export function sheetNames(captions: readonly string[]): string[] {
  const used = new Set<string>();
  return captions.map((caption, i) => {
    const base = (caption.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim() || `Bảng ${i + 1}`).slice(0, 31).trim();
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

interface CellOut { ref: string; xml: string }

/** A printed cell as a number: exactly the digits printed, and how many decimals. */
function asNumber(text: string): { value: Decimal; decimals: number } | undefined {
  const t = text.trim();
  if (!/^-?\d/.test(t)) return undefined;
  const parsed = parseVietnameseNumber(t);
  if (!parsed.ok) return undefined;
  const comma = t.indexOf(',');
  return { value: parsed.value, decimals: comma < 0 ? 0 : t.length - comma - 1 };
}

/** Style index: 0 text, 1 bold text, then (decimals d, bold b) at 2 + 2d + b. */
function style(bold: boolean, decimals?: number): number {
  return decimals === undefined ? (bold ? 1 : 0) : 2 + 2 * Math.min(decimals, MAX_DECIMALS) + (bold ? 1 : 0);
}

function sheetXml(table: Table): string {
  const grid = placeCells(table.children);
  const rows: string[] = [];
  const merges: string[] = [];
  const notes: string[] = [];
  const width = table.columns.length;
  const noteColumn = columnName(width);
  grid.forEach((row, r) => {
    const kind = table.children[r]!.kind;
    const bold = kind !== 'body';
    const cells: CellOut[] = [];
    for (const placed of row) {
      const ref = `${columnName(placed.col)}${r + 1}`;
      const text = cellText(placed.cell.children).normalize('NFC');
      if ((placed.cell.colSpan ?? 1) > 1 || (placed.cell.rowSpan ?? 1) > 1) {
        merges.push(`${ref}:${columnName(placed.col + (placed.cell.colSpan ?? 1) - 1)}${r + (placed.cell.rowSpan ?? 1)}`);
      }
      const number = kind === 'header' ? undefined : asNumber(text);
      if (!number) {
        if (text) cells.push({ ref, xml: `<c r="${ref}" t="inlineStr" s="${style(bold)}"><is><t xml:space="preserve">${esc(text)}</t></is></c>` });
        continue;
      }
      const s = style(bold, number.decimals);
      const formula = kind === 'total' ? sumFormula(table.children, grid, placed.col, r, number.value) : undefined;
      if (kind === 'total' && !formula) notes.push(`${ref}: số in là số đã nêu ${text}, khác tổng các dòng bên trên`);
      cells.push({ ref, xml: `<c r="${ref}" s="${s}">${formula ? `<f>${formula}</f>` : ''}<v>${number.value.toFixed()}</v></c>` });
    }
    if (kind === 'total' && notes.length) cells.push({ ref: `${noteColumn}${r + 1}`, xml: `<c r="${noteColumn}${r + 1}" t="inlineStr" s="0"><is><t>${esc(notes.splice(0).join('; '))}</t></is></c>` });
    rows.push(`<row r="${r + 1}">${cells.map((c) => c.xml).join('')}</row>`);
  });
  // Relative widths scaled to about a landscape page of characters.
  const total = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const cols = table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(6, Math.round((c.width / total) * 150))}" customWidth="1"/>`).join('');
  const header = table.children.findIndex((row) => row.kind !== 'header');
  const pane = header > 0 ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${header}" topLeftCell="A${header + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` : '';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `${pane}<cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>`
    + (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '')
    + '</worksheet>';
}

interface Placed { col: number; cell: TableRow['children'][number] }

/** Each row's cells at their grid columns, after the row and column spans above and before them. */
function placeCells(rows: readonly TableRow[]): Placed[][] {
  const taken = new Map<number, Set<number>>();
  return rows.map((row, r) => {
    const busy = taken.get(r) ?? new Set<number>();
    let col = 0;
    return row.children.map((cell) => {
      while (busy.has(col)) col++;
      const placed = { col, cell };
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        const set = taken.get(r + dr) ?? new Set<number>();
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) set.add(col + dc);
        taken.set(r + dr, set);
      }
      col += cell.colSpan ?? 1;
      return placed;
    });
  });
}

/**
 * `SUM(D5:D14)` over the body rows (else the group rows) above a total row, in this column,
 * since the previous total — when that sum is the printed total; undefined otherwise.
 */
function sumFormula(rows: readonly TableRow[], grid: Placed[][], col: number, at: number, printed: Decimal): string | undefined {
  let start = at - 1;
  while (start >= 0 && rows[start]!.kind !== 'total' && rows[start]!.kind !== 'header') start--;
  for (const kind of ['body', 'group'] as const) {
    const refs: number[] = [];
    let sum = new Exact(0);
    for (let r = start + 1; r < at; r++) {
      if (rows[r]!.kind !== kind) continue;
      const placed = grid[r]!.find((p) => p.col === col);
      const n = placed && asNumber(toPlainText(placed.cell.children));
      if (!n) continue;
      refs.push(r + 1);
      sum = sum.plus(n.value);
    }
    if (refs.length && sum.equals(printed)) {
      const letter = columnName(col);
      const contiguous = refs.every((r, i) => i === 0 || r === refs[i - 1]! + 1);
      return contiguous ? `SUM(${letter}${refs[0]}:${letter}${refs[refs.length - 1]})` : `SUM(${refs.map((r) => `${letter}${r}`).join(',')})`;
    }
  }
  return undefined;
}

function stylesXml(): string {
  const formats = Array.from({ length: MAX_DECIMALS }, (_, d) => `<numFmt numFmtId="${165 + d}" formatCode="#,##0.${'0'.repeat(d + 1)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" applyFont="1"/>', '<xf numFmtId="0" fontId="1" applyFont="1"/>'];
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const id = d === 0 ? 3 : 164 + d;
    for (const font of [0, 1]) xfs.push(`<xf numFmtId="${id}" fontId="${font}" applyNumberFormat="1" applyFont="1"/>`);
  }
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + `<numFmts count="${MAX_DECIMALS}">${formats}</numFmts>`
    + '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
}

export async function writeXlsx(root: Root): Promise<StageResult<Uint8Array>> {
  const tables = findTables(root.children);
  const names = tables.length ? sheetNames(tables.map((t) => t.caption)) : ['Bảng'];
  const date = root.meta.date.slice(0, 10);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '</Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'),
    'docProps/core.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      + `<dc:title>${esc(root.meta.title)}</dc:title><dc:creator>${esc(root.meta.author)}</dc:creator>`
      + `<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:modified></cp:coreProperties>`),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      + `<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(stylesXml()),
  };
  tables.forEach((t, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(t.table)); });
  if (!tables.length) {
    // A workbook needs one sheet; say plainly that the report has no table.
    files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml({ type: 'table', columns: [{ width: 20, align: 'left' }], children: [{ type: 'tableRow', kind: 'body', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Báo cáo không có bảng số liệu.' }] }] }] }));
  }
  // Local-time constructor: the same DOS timestamp in every time zone (as for the DOCX).
  const mtime = new Date(2025, 0, 1);
  const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime }]])));
  return { value: bytes, diagnostics: [] };
}
