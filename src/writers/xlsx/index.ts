/**
 * The XLSX writer: every table of the document, one sheet each (a table of several parts under
 * one caption is one sheet), for the level above to aggregate. Sheets are laid out and typed in
 * `sheet.ts` (numbers as numbers, totals as SUM formulas, merged headers), stated totals that
 * differ from their parts carry a real cell comment (`comments.ts`), formats are registered in
 * `styles.ts`. The package is written here as plain OOXML parts and zipped with fixed entry
 * times, so the bytes are the same on every run, like the DOCX.
 */
import { strToU8 } from 'fflate';
import { documentDate } from '../structure.js';
import { zipPackage } from '../zip.js';
import type { StageResult } from '../../diagnostics/types.js';
import type { Block, Root, Table } from '../../doctree/types.js';
import { toPlainText as treeText } from '../../doctree/text.js';
import { COMMENTS_TYPE, VML_TYPE, commentsXml, sheetRelsXml, vmlXml } from './comments.js';
import { sheetXml } from './sheet.js';
import { Styles } from './styles.js';

/** A cell's text: a spreadsheet breaks no lines, so the tree's no-break spaces (doctree/typeset.ts) print as spaces. */
const toPlainText = (inlines: Parameters<typeof treeText>[0]): string => treeText(inlines).replace(/\u00a0/g, ' ');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The tables of one sheet (one, or the parts under one caption) and the name it is known by. */
export interface Found { tables: Table[]; caption: string }

/**
 * Every table in reading order, each named by its own caption ("Biểu mẫu 1. …") or else the
 * appendix or heading text just before it; a part that continues a table joins its sheet.
 */
export function findTables(blocks: readonly Block[], out: Found[] = [], context = { caption: '' }): Found[] {
  for (const block of blocks) {
    if (block.type === 'table') {
      const last = out[out.length - 1];
      if (block.continues && last) last.tables.push(block);
      else out.push({ tables: [block], caption: block.caption ?? context.caption });
    } else if (block.type === 'appendixHeading') context.caption = [block.label, ...block.title].join(' ');
    else if (block.type === 'heading') context.caption = `${block.label} ${toPlainText(block.children)}`.trim();
    else if (block.type === 'partHeading') context.caption = `${block.label} ${toPlainText(block.children)}`.trim();
    else if (block.type === 'section' || block.type === 'listItem') findTables(block.children, out, context);
    else if (block.type === 'list') findTables(block.children, out, context);
  }
  return out;
}

/** Sheet names: at most 31 characters, none of []:*?/\, no apostrophe at either end, unique, never empty. */
export function sheetNames(captions: readonly string[]): string[] {
  const used = new Set<string>();
  const clean = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  return captions.map((caption, i) => {
    const full = clean(caption);
    // Cut a long caption at a word where one falls in the second half, not inside a word.
    const cut = full.length > 31 ? full.slice(0, 32).replace(/\s+\S*$/, '') : full;
    const base = clean(cut.length >= 16 ? cut : full.slice(0, 31)) || `Bảng ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean(base.slice(0, 31 - String(n).length - 1))} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A workbook needs one sheet: a report without tables says so plainly. */
const NO_TABLE: Table = { type: 'table', columns: [{ width: 20, align: 'left' }], children: [{ type: 'tableRow', kind: 'body', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Báo cáo không có bảng số liệu.' }] }] }] };

export async function writeXlsx(root: Root): Promise<StageResult<Uint8Array>> {
  const found = findTables(root.children);
  const groups = found.length ? found : [{ tables: [NO_TABLE], caption: 'Bảng' }];
  const names = sheetNames(groups.map((t) => t.caption));
  const styles = new Styles();
  const sheets = groups.map((g, i) => sheetXml(g.tables, styles, names[i]!));
  const date = root.meta.date.slice(0, 10);
  const commented = sheets.map((s, i) => (s.comments.length ? i + 1 : 0)).filter((n) => n > 0);
  const titles = sheets.flatMap((s, i) => (s.printTitles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(s.printTitles)}</definedName>`] : []));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + (commented.length ? `<Default Extension="vml" ContentType="${VML_TYPE}"/>` : '')
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + commented.map((n) => `<Override PartName="/xl/comments${n}.xml" ContentType="${COMMENTS_TYPE}"/>`).join('')
      + '</Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'),
    'docProps/core.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      + `<dc:title>${esc(root.meta.title)}</dc:title><dc:creator>${esc(root.meta.author)}</dc:creator>`
      + `<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:modified></cp:coreProperties>`),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      + `<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`
      + (titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '')
      + '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
  };
  sheets.forEach((s, i) => {
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(s.xml);
    if (!s.comments.length) return;
    files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(sheetRelsXml(n));
    files[`xl/comments${n}.xml`] = strToU8(commentsXml(s.comments));
    files[`xl/drawings/vmlDrawing${n}.vml`] = strToU8(vmlXml(s.comments, n));
  });
  // Styles last: the sheets registered the formats they use.
  files['xl/styles.xml'] = strToU8(styles.xml());
  // An unreadable date is reported by the tree check (W004), not here.
  return { value: zipPackage(files, documentDate(root.meta).date), diagnostics: [] };
}
