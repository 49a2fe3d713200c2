/**
 * The fonts the PDF embeds: the four Tinos TTFs from @expo-google-fonts/tinos (Times New Roman
 * metrics, every Vietnamese letter), read as plain files — never through the package's index.js,
 * which is React Native code — and handed to pdfmake through its in-memory file system, so
 * pdfmake reads no local file and no URL at all. Before that, the OpenType layout tables
 * (GSUB, GPOS, GDEF) are left out of each font's table directory: text is NFC, so every
 * Vietnamese letter is one precomposed glyph and needs no shaping, and without those tables
 * fontkit skips its shaping engine, which was a third of the PDF writer's time. Word does not
 * kern by default either, so the two formats set lines alike. The `post` table is cut to its
 * header (version 3: no glyph names): pdfkit reads only the italic angle there, and decoding the
 * names of 3,000 glyphs cost some 10 ms per font in every document. The embedded subsets are
 * made from the glyph outlines and metrics, which are untouched (a subset has no `post` table).
 * An agency's own font (a `fonts:` folder, see writers/fonts.ts, which refuses a damaged file)
 * is installed the same way, beside Tinos, when a document names it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT } from '../theme.js';
import { installFastSubset } from './subset.js';

const require = createRequire(import.meta.url);
const file = (weight: string): string => require.resolve(`@expo-google-fonts/tinos/${weight}/Tinos_${weight}.ttf`);

const STYLES = {
  normal: '400Regular',
  bold: '700Bold',
  italics: '400Regular_Italic',
  bolditalics: '700Bold_Italic',
} as const;

type Style = keyof typeof STYLES;
const DROPPED_TABLES = new Set(['GSUB', 'GPOS', 'GDEF']);

/**
 * `font` (a buffer the caller owns, changed in place) prepared for the layout: its table
 * directory no longer lists `drop`, and its `post` table is only the header. Table data stays at
 * its offsets (only the directory shrinks), so every other table reads exactly as before.
 */
export function prepareFont(font: Buffer, drop: ReadonlySet<string> = DROPPED_TABLES): Buffer {
  const count = font.readUInt16BE(4);
  const directory = Buffer.from(font.subarray(12, 12 + count * 16));
  const records = Array.from({ length: count }, (_, i) => directory.subarray(i * 16, i * 16 + 16));
  const kept = records.filter((r) => !drop.has(r.toString('latin1', 0, 4)));
  const post = kept.find((r) => r.toString('latin1', 0, 4) === 'post');
  // Only a whole header within the file is rewritten (writers/fonts.ts refuses a table that runs
  // past the end, so this holds for every font that gets here).
  if (post && post.readUInt32BE(12) >= POST_HEADER_BYTES && post.readUInt32BE(8) + POST_HEADER_BYTES <= font.length) {
    font.writeUInt32BE(0x00030000, post.readUInt32BE(8));
    post.writeUInt32BE(POST_HEADER_BYTES, 12);
  }
  const entrySelector = Math.floor(Math.log2(kept.length));
  const searchRange = 16 * 2 ** entrySelector;
  font.writeUInt16BE(kept.length, 4);
  font.writeUInt16BE(searchRange, 6);
  font.writeUInt16BE(entrySelector, 8);
  font.writeUInt16BE(kept.length * 16 - searchRange, 10);
  kept.forEach((r, i) => r.copy(font, 12 + i * 16));
  font.fill(0, 12 + kept.length * 16, 12 + count * 16);
  return font;
}

/** The `post` table's header: version, italic angle, underline, fixed pitch, memory hints. */
const POST_HEADER_BYTES = 32;

/** Virtual file names pdfmake reads the fonts from. */
export const TINOS: Record<Style, string> = {
  normal: 'tinos-normal.ttf',
  bold: 'tinos-bold.ttf',
  italics: 'tinos-italics.ttf',
  bolditalics: 'tinos-bolditalics.ttf',
};

export const FONTS: Record<string, Record<Style, string>> = { [FONT.pdfFamily]: TINOS, [FONT.family]: TINOS };

/** Put the four prepared fonts into pdfmake's in-memory file system (once per process). */
let installed = false;
export function installFonts(vfs: { writeFileSync(name: string, data: Buffer): void }): void {
  if (installed) return;
  for (const style of Object.keys(STYLES) as Style[]) {
    const font = prepareFont(readFileSync(file(STYLES[style])));
    vfs.writeFileSync(TINOS[style], font);
    // fontkit as pdfkit loads it: the same module, so its subset class is the one pdfkit uses.
    if (style === 'normal') installFastSubset((createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): unknown }).create(font));
  }
  installed = true;
}

/** The agency's font files already in the file system, by path (a background writer serves one document). */
const agencyFaces = new Map<string, string>();

/**
 * Put an agency's font family (root.meta.font) into pdfmake's file system and return the fonts
 * table pdfmake needs for it, beside Tinos. Each file is read once per process, its layout tables
 * prepared as Tinos is; the virtual names are numbered in the order files are first seen.
 */
export function installFamily(
  vfs: { writeFileSync(name: string, data: Buffer): void },
  font: { family: string; faces: Record<Style, string> },
): Record<string, Record<Style, string>> {
  const faces = {} as Record<Style, string>;
  for (const style of Object.keys(STYLES) as Style[]) {
    const file = font.faces[style];
    let name = agencyFaces.get(file);
    if (name === undefined) {
      name = `agency-${agencyFaces.size + 1}.ttf`;
      vfs.writeFileSync(name, prepareFont(readFileSync(file)));
      agencyFaces.set(file, name);
    }
    faces[style] = name;
  }
  return { ...FONTS, [font.family]: faces };
}
