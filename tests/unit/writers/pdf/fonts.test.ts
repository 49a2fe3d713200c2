// The fonts as the PDF writer hands them to pdfkit (src/writers/pdf/fonts.ts): the layout tables
// gone from the directory, the `post` table cut to its header — and everything the layout and the
// embedded subset read unchanged: metrics, glyphs, names, the italic angle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prepareFont } from '../../../../src/writers/pdf/fonts.js';

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): Font };

interface Font {
  directory: { tables: Record<string, { offset: number; length: number }> };
  post: { version: number; italicAngle: number; underlinePosition: number; underlineThickness: number };
  postscriptName: string;
  italicAngle: number;
  numGlyphs: number;
  layout(text: string): { advanceWidth: number; glyphs: Array<{ id: number; advanceWidth: number }> };
  getGlyph(id: number): { path: { toSVG(): string } };
}

const file = (face: string): string => require.resolve(`@expo-google-fonts/tinos/${face}/Tinos_${face}.ttf`);
const SAMPLE = 'Ủy ban nhân dân xã Mường Lát — Báo cáo số 01/BC-UBND; tổng 1.234,56 tỷ đồng (100%).';

describe('the fonts prepared for the PDF layout', () => {
  for (const face of ['400Regular', '700Bold_Italic']) {
    it(`${face}: no layout tables, post header only, the same metrics and outlines`, () => {
      const bytes = readFileSync(file(face));
      const original = fontkit.create(Buffer.from(bytes));
      const prepared = fontkit.create(prepareFont(bytes));
      expect(Object.keys(original.directory.tables)).toEqual(expect.arrayContaining(['GSUB', 'GPOS', 'GDEF']));
      expect(Object.keys(prepared.directory.tables).sort()).toEqual(Object.keys(original.directory.tables).filter((t) => !['GSUB', 'GPOS', 'GDEF'].includes(t)).sort());
      expect(original.post.version).toBe(2);
      expect(prepared.post.version).toBe(3);
      expect(prepared.directory.tables.post!.length).toBe(32);
      for (const key of ['italicAngle', 'underlinePosition', 'underlineThickness'] as const) expect(prepared.post[key]).toBe(original.post[key]);
      expect(prepared.postscriptName).toBe(original.postscriptName);
      expect(prepared.numGlyphs).toBe(original.numGlyphs);
      // NFC Vietnamese needs no shaping: the same glyphs and advances with or without GSUB/GPOS.
      const [a, b] = [original.layout(SAMPLE), prepared.layout(SAMPLE)];
      expect(b.glyphs.map((g) => [g.id, g.advanceWidth])).toEqual(a.glyphs.map((g) => [g.id, g.advanceWidth]));
      expect(b.advanceWidth).toBe(a.advanceWidth);
      for (const g of b.glyphs.slice(0, 12)) expect(prepared.getGlyph(g.id).path.toSVG()).toBe(original.getGlyph(g.id).path.toSVG());
    });
  }
});
