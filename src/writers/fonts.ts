/**
 * An agency's own font folder (opt-in: `fonts:` in report.yaml or `--font-dir`), read once so
 * every writer agrees on it: the PDF embeds the family, the DOCX names it. Without a folder the
 * writers use the bundled default (Tinos embedded in the PDF, "Times New Roman" named in the
 * DOCX). The folder's TrueType/OpenType files are identified from their own tables — the family
 * from the `name` table, bold and italic from `head.macStyle` — never from file names; each of
 * the four faces a report uses (regular, bold, italic, bold italic) is taken from the family, a
 * missing face falls back to the nearest one with a warning, and a font without the Vietnamese
 * letters (Decree 30 asks for a Unicode Vietnamese font, TCVN 6909:2001) is reported. The files
 * read are returned so the build can record their hashes in its manifest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SourcePosition, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { FontFaces } from '../doctree/types.js';

export type Face = keyof FontFaces;
const FACES: readonly Face[] = ['normal', 'bold', 'italics', 'bolditalics'];
/** Where a missing face is taken from, nearest first. */
const FALLBACK: Readonly<Record<Face, readonly Face[]>> = {
  normal: [],
  bold: ['normal'],
  italics: ['normal'],
  bolditalics: ['bold', 'italics', 'normal'],
};

/** The font files of a folder, by name order (the manifest lists the same files). */
export function fontFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((n) => /\.(ttf|otf)$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

export interface FontFolder {
  family: string;
  faces: FontFaces;
  /** Every font file of the folder (read, hashed), absolute. */
  files: string[];
}

interface FontInfo {
  file: string;
  family: string;
  face: Face;
  /** Vietnamese letters the font has no glyph for. */
  missing: string[];
}

/**
 * Read a font folder. `at` is where the folder was named (the `fonts:` line, or report.yaml for
 * `--font-dir`); `shown` is how messages name the folder.
 */
export function readFontFolder(dir: string, shown: string, at: SourcePosition): StageResult<FontFolder | null> {
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { value: null, diagnostics: [makeDiagnostic('W010', at, { dir: shown })] };
  }
  const files = fontFilesIn(dir);
  const fonts: FontInfo[] = [];
  for (const file of files) {
    const info = readFontInfo(file);
    if (info) fonts.push(info);
    else diagnostics.push(makeDiagnostic('W015', at, { file: path.basename(file), dir: shown }));
  }
  const families = [...new Set(fonts.filter((f) => f.face === 'normal').map((f) => f.family))].sort();
  const family = families[0];
  if (family === undefined) {
    diagnostics.push(makeDiagnostic('W011', at, { dir: shown }));
    return { value: null, diagnostics };
  }
  if (families.length > 1) diagnostics.push(makeDiagnostic('W014', at, { dir: shown, family, families: families.join(', ') }));
  const own = fonts.filter((f) => f.family === family);
  const faces = {} as FontFaces;
  for (const face of FACES) {
    const found = own.find((f) => f.face === face) ?? FALLBACK[face].map((alt) => own.find((f) => f.face === alt)).find(Boolean);
    faces[face] = found!.file;
    if (found!.face !== face) diagnostics.push(makeDiagnostic('W012', at, { family, face: FACE_NAMES[face], used: FACE_NAMES[found!.face] }));
  }
  const missing = [...new Set(own.flatMap((f) => f.missing))];
  if (missing.length) diagnostics.push(makeDiagnostic('W013', at, { family, letters: missing.slice(0, 12).join(' '), count: missing.length }));
  return { value: { family, faces, files }, diagnostics };
}

const FACE_NAMES: Readonly<Record<Face, string>> = { normal: 'thường', bold: 'đậm', italics: 'nghiêng', bolditalics: 'đậm nghiêng' };

// ---------- reading a TrueType/OpenType file ----------

/** The letters a Vietnamese document needs beyond ASCII: every precomposed vowel with its marks, and đ Đ. */
const VIETNAMESE = [
  ...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
].flatMap((c) => [c, c.toLocaleUpperCase('vi')]);

function readFontInfo(file: string): FontInfo | null {
  try {
    const font = readFileSync(file);
    const tables = tableDirectory(font);
    const head = tables.get('head');
    const name = tables.get('name');
    const cmap = tables.get('cmap');
    if (!head || !name || !cmap) return null;
    const family = familyName(font, name);
    if (!family) return null;
    const macStyle = font.readUInt16BE(head + 44);
    const bold = (macStyle & 1) !== 0;
    const italic = (macStyle & 2) !== 0;
    const face: Face = bold ? (italic ? 'bolditalics' : 'bold') : italic ? 'italics' : 'normal';
    const has = unicodeLookup(font, cmap);
    return { file, family, face, missing: VIETNAMESE.filter((c) => !has(c.codePointAt(0)!)) };
  } catch {
    return null;
  }
}

/**
 * Table tag → offset, from an sfnt table directory (TrueType `\0\1\0\0`/`true`, OpenType `OTTO`).
 * A table that runs past the end of the file makes the font unreadable here: the PDF writer and
 * its font library read every table the directory lists, and a damaged file must be refused with
 * the folder's message (W015), not fail inside the writer.
 */
function tableDirectory(font: Buffer): Map<string, number> {
  const version = font.toString('latin1', 0, 4);
  if (!['\0\x01\0\0', 'true', 'OTTO'].includes(version)) throw new Error('not an sfnt font');
  const count = font.readUInt16BE(4);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = font.toString('latin1', record, record + 4);
    const offset = font.readUInt32BE(record + 8);
    if (offset + font.readUInt32BE(record + 12) > font.length) throw new Error(`table ${tag} runs past the end of the file`);
    out.set(tag, offset);
  }
  return out;
}

/** The typographic family (name id 16), else the family (id 1), preferring Windows Unicode names. */
function familyName(font: Buffer, table: number): string | null {
  const count = font.readUInt16BE(table + 2);
  const strings = table + font.readUInt16BE(table + 4);
  const found = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const r = table + 6 + i * 12;
    const platform = font.readUInt16BE(r);
    const nameId = font.readUInt16BE(r + 6);
    if (nameId !== 1 && nameId !== 16) continue;
    const bytes = font.subarray(strings + font.readUInt16BE(r + 10), strings + font.readUInt16BE(r + 10) + font.readUInt16BE(r + 8));
    if (platform !== 1 && bytes.length % 2 !== 0) continue;
    // Unicode and Windows names are UTF-16BE (swapped on a copy); Macintosh names are 8-bit.
    const text = platform === 1 ? bytes.toString('latin1') : Buffer.from(bytes).swap16().toString('utf16le');
    found.set(`${nameId}/${platform === 1 ? 'mac' : 'win'}`, text.trim());
  }
  return found.get('16/win') ?? found.get('1/win') ?? found.get('16/mac') ?? found.get('1/mac') ?? null;
}

/** Whether the font maps a code point to a glyph: its Unicode cmap subtable (format 4 or 12). */
function unicodeLookup(font: Buffer, table: number): (cp: number) => boolean {
  const count = font.readUInt16BE(table + 2);
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const r = table + 4 + i * 8;
    const platform = font.readUInt16BE(r);
    const encoding = font.readUInt16BE(r + 2);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      const offset = table + font.readUInt32BE(r + 4);
      subtables.push({ format: font.readUInt16BE(offset), offset });
    }
  }
  const full = subtables.find((s) => s.format === 12);
  if (full) return (cp) => format12Has(font, full.offset, cp);
  const bmp = subtables.find((s) => s.format === 4);
  if (bmp) return (cp) => format4Has(font, bmp.offset, cp);
  return () => false;
}

function format12Has(font: Buffer, at: number, cp: number): boolean {
  const groups = font.readUInt32BE(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    if (cp >= font.readUInt32BE(g) && cp <= font.readUInt32BE(g + 4)) return true;
  }
  return false;
}

function format4Has(font: Buffer, at: number, cp: number): boolean {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let i = 0; i < segments; i++) {
    if (cp > font.readUInt16BE(ends + i * 2)) continue;
    const start = font.readUInt16BE(starts + i * 2);
    if (cp < start) return false;
    const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
    if (rangeOffset === 0) return ((cp + font.readInt16BE(deltas + i * 2)) & 0xffff) !== 0;
    const glyph = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2);
    return glyph !== 0;
  }
  return false;
}
