/**
 * Cell comments of the XLSX writer, as Excel itself stores them: a comments part
 * (`xl/commentsN.xml`: author and text per cell) and the legacy VML drawing that gives each
 * comment its yellow box (`xl/drawings/vmlDrawingN.vml`), both tied to the sheet by its
 * relationships part. Excel shows a comment only when both exist; LibreOffice and the readers
 * take the text from the comments part. Everything here is a pure function of the comments, so
 * the bytes are the same on every run.
 */
import { columnName } from '../../load/sheets/xlsx.js';

/** A comment on one cell: 0-based row and column, plain text. */
export interface CellComment { row: number; col: number; text: string }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function commentsXml(comments: readonly CellComment[]): string {
  const list = comments.map((c) => `<comment ref="${columnName(c.col)}${c.row + 1}" authorId="0"><text><r><rPr><sz val="10"/><rFont val="Times New Roman"/></rPr>`
    + `<t xml:space="preserve">${esc(c.text)}</t></r></text></comment>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + `<authors><author>baocao</author></authors><commentList>${list}</commentList></comments>`;
}

/** The VML boxes of sheet `sheet` (1-based): hidden notes anchored to the right of their cells. */
export function vmlXml(comments: readonly CellComment[], sheet: number): string {
  const shapes = comments.map((c, i) => `<v:shape id="_x0000_s${sheet * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`
    + '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
    + '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
    + `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c.col + 1}, 15, ${Math.max(0, c.row - 1)}, 10, ${c.col + 4}, 15, ${c.row + 4}, 4</x:Anchor>`
    + `<x:AutoFill>False</x:AutoFill><x:Row>${c.row}</x:Row><x:Column>${c.col}</x:Column></x:ClientData></v:shape>`).join('');
  return '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
    + `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheet}"/></o:shapelayout>`
    + '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
    + `${shapes}</xml>`;
}

/** The sheet's relationships: its comments part (rId1) and their drawing (rId2). */
export function sheetRelsXml(sheet: number): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + `<Relationship Id="rId1" Type="${REL}/comments" Target="../comments${sheet}.xml"/>`
    + `<Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${sheet}.vml"/></Relationships>`;
}

/** What the sheet itself says: where its comment boxes are drawn. */
export const LEGACY_DRAWING = '<legacyDrawing r:id="rId2"/>';
