// Remembered text widths (src/writers/pdf/text-width.ts): the width given back is pdfkit's own,
// to the bit, for every string, font and size — remembered per font object and size, never
// mixed between them — and the method replaced is the one it was written against.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prepareFont } from '../../../../src/writers/pdf/fonts.js';
import { TextInlines, WIDTH_SOURCE_HASH, installWidthMemo, originalWidthOfText, widthOfString, widthSourceHash } from '../../../../src/writers/pdf/text-width.js';

const require = createRequire(import.meta.url);
const PDFDocument = createRequire(require.resolve('pdfmake'))('pdfkit') as new (options?: object) => { font(src: Buffer): { _font: { widthOfString(text: string, size: number, features: unknown): number } } };
const face = (name: string): Buffer => prepareFont(readFileSync(require.resolve(`@expo-google-fonts/tinos/${name}/Tinos_${name}.ttf`)));

describe('remembered text widths', () => {
  it('replace the exact pdfmake method they were written against', () => {
    expect(widthSourceHash(), 'TextInlines.prototype.widthOfText changed: re-read it and update src/writers/pdf/text-width.ts').toBe(WIDTH_SOURCE_HASH);
    installWidthMemo();
    const hooked = TextInlines.prototype.widthOfText;
    installWidthMemo();
    expect(TextInlines.prototype.widthOfText).toBe(hooked);
    expect(hooked).not.toBe(originalWidthOfText);
  });

  it("give pdfkit's width to the bit, per font and size, asked once or many times", () => {
    const regular = new PDFDocument().font(face('400Regular'))._font;
    const bold = new PDFDocument().font(face('700Bold'))._font;
    const words = ['Ủy ', 'ban ', 'nhân ', 'dân ', '1.234,56 ', '(100%)', 'Đ', ' ', '', 'x'.repeat(50), 'tỷ đồng; '];
    for (let round = 0; round < 2; round++) {
      for (const font of [regular, bold]) {
        for (const size of [11, 13, 14, 12.5]) {
          for (const w of words) expect(widthOfString(font, w, size)).toBe(font.widthOfString(w, size, null));
        }
      }
    }
    expect(widthOfString(bold, 'dân ', 14)).toBeGreaterThan(widthOfString(regular, 'dân ', 14));
    expect(widthOfString(regular, 'dân ', 28)).toBe(2 * widthOfString(regular, 'dân ', 14));
  });

  it('add letter spacing as pdfmake does', () => {
    installWidthMemo();
    const font = new PDFDocument().font(face('400Regular'))._font;
    const inline = { font, fontSize: 13, characterSpacing: 0.5 };
    const measure = new TextInlines(null);
    expect(measure.widthOfText('Báo cáo', inline)).toBe(originalWidthOfText.call(measure, 'Báo cáo', inline));
  });
});
