// A minimal .xlsx writer for tests: the parts Excel itself writes (workbook, relationships,
// shared strings, styles with a date, a percent and a two-decimal format, one part per sheet,
// merged ranges), so the reader is tested on files shaped like real ones — including what real
// files can hold and the clean writers never produce: formulas without a cached value, error
// values, numbers with float noise.
import { strToU8, zipSync } from 'fflate';
import { columnName } from '../../src/load/sheets/xlsx.js';

export type CellSpec =
  | string | number | boolean | null
  | { formula: string; cached?: number }
  | { date: number }
  | { percent: number }
  | { fixed2: number }
  | { error: string };

export interface SheetSpec { name: string; rows: CellSpec[][]; merges?: string[] }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function makeXlsx(sheets: SheetSpec[]): Uint8Array {
  const strings: string[] = [];
  const stringIndex = (s: string): number => { let i = strings.indexOf(s); if (i < 0) { i = strings.length; strings.push(s); } return i; };
  const sheetXml = sheets.map((sheet) => {
    const rows = sheet.rows.map((row, r) => {
      const cells = row.map((spec, c) => {
        const ref = `${columnName(c)}${r + 1}`;
        if (spec === null) return '';
        if (typeof spec === 'string') return `<c r="${ref}" t="s"><v>${stringIndex(spec)}</v></c>`;
        if (typeof spec === 'number') return `<c r="${ref}"><v>${spec}</v></c>`;
        if (typeof spec === 'boolean') return `<c r="${ref}" t="b"><v>${spec ? 1 : 0}</v></c>`;
        if ('formula' in spec) return `<c r="${ref}"><f>${esc(spec.formula)}</f>${spec.cached === undefined ? '' : `<v>${spec.cached}</v>`}</c>`;
        if ('date' in spec) return `<c r="${ref}" s="1"><v>${spec.date}</v></c>`;
        if ('percent' in spec) return `<c r="${ref}" s="2"><v>${spec.percent}</v></c>`;
        if ('fixed2' in spec) return `<c r="${ref}" s="3"><v>${spec.fixed2}</v></c>`;
        return `<c r="${ref}" t="e"><v>${esc(spec.error)}</v></c>`;
      }).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    }).join('');
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
  });
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    'xl/styles.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>'),
  };
  sheetXml.forEach((xml, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml); });
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`);
  return zipSync(files);
}
