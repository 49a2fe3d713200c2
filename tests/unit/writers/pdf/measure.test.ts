// pdfmake's text measurement made cheaper (src/writers/pdf/measure.ts): the inlines it measures
// must come out as pdfmake's own `measure` leaves them — every property, every width, except that
// the rarely used ones pdfmake sets to null are left unset —
// on generated nodes and style stacks (named styles, overrides, inlines with style names of
// their own, sup/sub, spaces to cut); a width is pdfkit's own to the bit for every string, font
// and size; and the methods replaced are the ones it was written against.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prepareFont } from '../../../../src/writers/pdf/fonts.js';
import { MEASURE_SOURCE_HASH, TextInlines, installMeasure, measureSourceHash, originalMeasure, originalWidthOfText, widthOfString } from '../../../../src/writers/pdf/measure.js';
import { installStyleLookup } from '../../../../src/writers/pdf/style-lookup.js';
import { random } from '../../../helpers/random.js';

const require = createRequire(import.meta.url);
const StyleContextStack = require('pdfmake/js/StyleContextStack.js').default as new (dictionary: object, defaultStyle: object | null) => { push(entry: unknown): void };
type Font = { widthOfString(text: string, size: number, features: unknown): number; lineHeight(size: number): number };
const PDFDocument = createRequire(require.resolve('pdfmake'))('pdfkit') as new (options?: object) => { font(src: Buffer): { _font: Font } };
const face = (name: string): Buffer => prepareFont(readFileSync(require.resolve(`@expo-google-fonts/tinos/${name}/Tinos_${name}.ttf`)));

/** The four faces in one pdfkit document, served as pdfmake's provideFont serves them. */
function fonts(): { provideFont(family: string, bold: boolean, italics: boolean): Font } {
  const faces = ['400Regular', '700Bold', '400Regular_Italic', '700Bold_Italic'].map((name) => new PDFDocument().font(face(name))._font);
  return { provideFont: (_family, bold, italics) => faces[(bold ? 1 : 0) + (italics ? 2 : 0)]! };
}

/** The properties measure.ts leaves unset rather than null (every reader takes both alike). */
const SPARSE = /^(fontFeatures|decoration|decorationColor|decorationStyle|decorationThickness|background|link|linkToPage|linkToDestination)$/;
const withoutNulls = (inline: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(inline).filter(([k, v]) => !(SPARSE.test(k) && v === null)));

describe('the text measurement', () => {
  it('replaces the exact pdfmake methods it was written against', () => {
    expect(measureSourceHash(), 'TextInlines.prototype.measure or widthOfText changed: re-read them and update src/writers/pdf/measure.ts').toBe(MEASURE_SOURCE_HASH);
    installMeasure();
    const hooked = [TextInlines.prototype.measure, TextInlines.prototype.widthOfText];
    installMeasure();
    expect([TextInlines.prototype.measure, TextInlines.prototype.widthOfText]).toEqual(hooked);
    expect(hooked[0]).not.toBe(originalMeasure);
  });

  it('leaves every inline as pdfmake does, on generated nodes and style stacks', () => {
    installStyleLookup();
    installMeasure();
    const rnd = random(20261130);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const maybe = (p: number, o: Record<string, unknown>): Record<string, unknown> => (rnd() < p ? o : {});
    const styleProps = (): Record<string, unknown> => ({
      ...maybe(0.3, { bold: pick([true, false, null]) }),
      ...maybe(0.2, { italics: pick([true, false]) }),
      ...maybe(0.3, { fontSize: pick([11, 13, 14, 12.5]) }),
      ...maybe(0.1, { color: pick(['red', '#333333']) }),
      ...maybe(0.1, { decoration: 'underline' }),
      ...maybe(0.1, { sup: true }),
      ...maybe(0.05, { sub: true }),
      ...maybe(0.1, { lineHeight: pick([1, 1.2, 1.5]) }),
      ...maybe(0.1, { characterSpacing: pick([0, 0.5]) }),
      ...maybe(0.1, { preserveLeadingSpaces: true }),
      ...maybe(0.1, { preserveTrailingSpaces: true }),
      ...maybe(0.1, { leadingIndent: pick([0, 20]) }),
      ...maybe(0.1, { noWrap: pick([true, false]) }),
      ...maybe(0.05, { opacity: 0.5 }),
    });
    const words = ['Ủy ', ' ban', '  nhân dân  ', 'xã', '1.234,56 ', '(100%) ', 'Đ', '   ', 'tỷ đồng; '];
    const doc = fonts();
    const ourMeasure = new TextInlines(doc);
    const theirMeasure = { pdfDocument: doc, widthOfText: originalWidthOfText };
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const dictionary = { body: styleProps(), note: { ...styleProps(), extends: 'body' }, head: styleProps() };
      const stack = new StyleContextStack(dictionary, rnd() < 0.8 ? { font: 'Tinos', fontSize: 14, ...styleProps() } : null);
      for (let i = Math.floor(rnd() * 4); i > 0; i--) stack.push(rnd() < 0.5 ? pick(['body', 'note', 'head', 'nothing']) : styleProps());
      const node = () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => ({
        text: pick(words),
        ...styleProps(),
        ...maybe(0.15, { style: pick(['body', 'note', ['head', 'note']]) }),
      }));
      const items = node();
      const ours = ourMeasure.measure(structuredClone(items), stack);
      const theirs = originalMeasure.call(theirMeasure, structuredClone(items), stack);
      expect(ours.map(withoutNulls)).toEqual(theirs.map(withoutNulls));
      // Only the rarely used properties are left unset, and only where pdfmake sets null.
      for (const [i, inline] of ours.entries()) {
        for (const key of Object.keys(theirs[i]).filter((k) => !(k in inline))) expect([key, theirs[i][key]]).toEqual([expect.stringMatching(SPARSE), null]);
      }
      compared += items.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("gives pdfkit's width to the bit, per font and size, asked once or many times", () => {
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

  it('adds letter spacing as pdfmake does', () => {
    installMeasure();
    const font = new PDFDocument().font(face('400Regular'))._font;
    const inline = { font, fontSize: 13, characterSpacing: 0.5 };
    const measure = new TextInlines(null);
    expect(measure.widthOfText('Báo cáo', inline)).toBe(originalWidthOfText.call(measure, 'Báo cáo', inline));
  });
});
