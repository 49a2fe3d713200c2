// Font subsets made without decoding the outlines (src/writers/pdf/subset.ts): the subset of each
// Tinos face for a text full of Vietnamese letters — many of them composite glyphs, whose
// components join the subset renumbered — must be byte for byte fontkit's own, and the method
// replaced must be the one it was written against.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prepareFont } from '../../../../src/writers/pdf/fonts.js';
import { SUBSET_SOURCE_HASH, componentIdOffsets, installFastSubset, originalAddGlyph, subsetSourceHash } from '../../../../src/writers/pdf/subset.js';

const require = createRequire(import.meta.url);
type Glyph = { id: number };
type Subset = { includeGlyph(g: number | Glyph): number; encode(): Uint8Array; _addGlyph(gid: number): number };
type Font = { createSubset(): Subset; glyphsForString(text: string): Glyph[]; loca: { offsets: number[] }; _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array } };
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): Font };
const face = (name: string): Font => fontkit.create(prepareFont(readFileSync(require.resolve(`@expo-google-fonts/tinos/${name}/Tinos_${name}.ttf`))));
const TEXT = 'ỦY BAN NHÂN DÂN TỈNH — Báo cáo kết quả thực hiện: ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳỷỹỵ đĐ 1.234,56 tỷ đồng (100%)';

/** A subset of the glyphs of TEXT, encoded, with `_addGlyph` as given. */
function subset(font: Font, addGlyph: Subset['_addGlyph']): Buffer {
  const s = font.createSubset();
  s._addGlyph = addGlyph;
  for (const g of font.glyphsForString(TEXT)) s.includeGlyph(g.id);
  return Buffer.from(s.encode());
}

describe('font subsets', () => {
  it('replace the exact fontkit method they were written against', () => {
    const font = face('400Regular');
    expect(subsetSourceHash(Object.getPrototypeOf(font.createSubset())), "fontkit's TTFSubset._addGlyph changed: re-read it and update src/writers/pdf/subset.ts").toBe(SUBSET_SOURCE_HASH);
  });

  it("are byte for byte fontkit's, composites and all, in every face", () => {
    installFastSubset(face('400Regular'));
    const ours = Object.getPrototypeOf(face('400Regular').createSubset())._addGlyph as Subset['_addGlyph'];
    const theirs = originalAddGlyph()!;
    expect(ours).not.toBe(theirs);
    for (const name of ['400Regular', '700Bold', '400Regular_Italic', '700Bold_Italic']) {
      const font = face(name);
      const composites = font.glyphsForString(TEXT).filter((g) => {
        const stream = font._getTableStream('glyf');
        stream.pos += font.loca.offsets[g.id]!;
        return componentIdOffsets(stream.readBuffer(font.loca.offsets[g.id + 1]! - font.loca.offsets[g.id]!)).length > 0;
      });
      expect(composites.length, `${name}: composite glyphs in the sample`).toBeGreaterThan(10);
      expect(subset(font, ours).equals(subset(font, theirs)), name).toBe(true);
    }
  });

  it('find the component ids of a composite glyph, whatever its argument and scale sizes', () => {
    const composite = (records: Array<{ flags: number; id: number; extra: number }>): Uint8Array => {
      const bytes: number[] = [0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]; // numberOfContours -1, bbox
      records.forEach((r, i) => {
        const flags = r.flags | (i < records.length - 1 ? 0x20 : 0);
        bytes.push(flags >> 8, flags & 0xff, r.id >> 8, r.id & 0xff, ...new Array<number>(r.extra).fill(0));
      });
      return Uint8Array.from(bytes);
    };
    // Arguments as bytes (2) or words (4); no scale, one (2), x and y (4), two by two (8).
    const glyph = composite([{ flags: 0x0000, id: 7, extra: 2 }, { flags: 0x0001, id: 8, extra: 4 }, { flags: 0x0008, id: 9, extra: 4 }, { flags: 0x0041, id: 10, extra: 8 }, { flags: 0x0080, id: 11, extra: 10 }]);
    const at = componentIdOffsets(glyph);
    expect(at.map((o) => (glyph[o]! << 8) | glyph[o + 1]!)).toEqual([7, 8, 9, 10, 11]);
    expect(componentIdOffsets(Uint8Array.from([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual([]);
    expect(componentIdOffsets(new Uint8Array(0))).toEqual([]);
  });
});
