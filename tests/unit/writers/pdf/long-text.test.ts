// Long text nodes in linear time (src/writers/pdf/long-text.ts): the flattened text array and
// every line built must be exactly pdfmake's — the same inlines on each line, the same inlines
// left, the same widths after a word is cut — on generated nodes: glued runs (`noNewLine`),
// unbreakable words, words too wide for the line, nested text arrays. And a line leaves a node
// of 20,000 inlines in one move, where pdfmake's own steps copy the rest for every inline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prepareFont } from '../../../../src/writers/pdf/fonts.js';
import { LONG_TEXT_SOURCE_HASH, LayoutBuilder, TextInlines, flattenTextArray, installLongText, longTextSourceHash, originalBuildInlines, originalBuildNextLine } from '../../../../src/writers/pdf/long-text.js';
import { random } from '../../../helpers/random.js';

const require = createRequire(import.meta.url);
const PDFDocument = createRequire(require.resolve('pdfmake'))('pdfkit') as new (options?: object) => { font(src: Buffer): { _font: object } };
const regular = new PDFDocument().font(prepareFont(readFileSync(require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'))))._font;

/** What buildNextLine needs of a LayoutBuilder: the width of the current column. */
const builderOf = (width: number) => ({ writer: { context: () => ({ availableWidth: width }) } });
const lines = (build: (node: object) => { inlines: { text: string; width: number }[]; lastLineInParagraph: boolean } | null, node: { _inlines: object[] }) => {
  const out: string[] = [];
  for (let line = build(node); line; line = build(node)) out.push(`${line.inlines.map((i) => `${i.text}@${i.width.toFixed(6)}`).join('|')}${line.lastLineInParagraph ? ' ¶' : ''}`);
  return out;
};

describe('long text nodes', () => {
  it('replace the exact pdfmake methods they were written against', () => {
    expect(longTextSourceHash(), 'TextInlines.prototype.buildInlines or LayoutBuilder.prototype.buildNextLine changed: re-read them and update src/writers/pdf/long-text.ts').toBe(LONG_TEXT_SOURCE_HASH);
    installLongText();
    expect(TextInlines.prototype.buildInlines).not.toBe(originalBuildInlines);
    expect(LayoutBuilder.prototype.buildNextLine).not.toBe(originalBuildNextLine);
  });

  it('flatten a text array as pdfmake does', () => {
    // pdfmake's own flattening, as it stands in js/TextInlines.js.
    const theirs = (array: unknown): unknown[] => {
      const flatten = (a: any[]): any[] => a.reduce((prev, cur) => {
        const current = Array.isArray(cur.text) ? flatten(cur.text) : cur;
        const more = ([] as unknown[]).concat(current).some(Array.isArray);
        return prev.concat(more ? flatten(current) : current);
      }, []);
      return flatten(Array.isArray(array) ? array : [array]);
    };
    const a = { text: 'a' };
    const cases = ['chữ', a, [a, 'b'], [a, [{ text: 'c' }, ['d', ['e']]], { text: [a, { text: ['f', { text: 'g' }] }], bold: true }], [[], [[]], { text: [] }]];
    for (const c of cases) expect(flattenTextArray(c)).toEqual(theirs(c));
  });

  it('build every line as pdfmake does, on generated nodes', () => {
    installLongText();
    const rnd = random(2026);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const measure = new TextInlines(null);
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const width = pick([60, 150, 400]);
      const inlines = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => {
        const text = pick(['Ủy ', 'ban ', 'nhân ', 'dân', '1.234,56 ', 'xã-Mường-Lát-Thanh-Hóa-Việt-Nam ', 'ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ']);
        const inline: Record<string, unknown> = { text, font: regular, fontSize: pick([11, 14]), characterSpacing: 0, leadingCut: 0, trailingCut: text.endsWith(' ') ? 3 : 0 };
        if (rnd() < 0.3) inline.noWrap = true;
        if (rnd() < 0.25) inline.noNewLine = true;
        inline.width = measure.widthOfText(text, inline);
        delete inline.font;
        return inline;
      });
      const ours = { _inlines: structuredClone(inlines) };
      const theirs = { _inlines: structuredClone(inlines) };
      for (const node of [ours, theirs]) for (const i of node._inlines) i.font = regular;
      const a = lines((n) => LayoutBuilder.prototype.buildNextLine.call(builderOf(width), n), ours);
      const b = lines((n) => originalBuildNextLine.call(builderOf(width), n), theirs);
      expect(a).toEqual(b);
      expect(ours._inlines).toEqual([]);
      compared += a.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('take a line off a long node in one move, never copying the rest for each inline', () => {
    installLongText();
    // An array that counts what pdfmake's own steps do for each inline: copy the rest, shift one.
    const calls = { slice: 0, shift: 0, splice: 0 };
    class Counted<T> extends Array<T> {
      static override get [Symbol.species]() { return Array; }
      override slice(...args: Parameters<T[]['slice']>) { calls.slice++; return super.slice(...args); }
      override shift() { calls.shift++; return super.shift(); }
      override splice(...args: [number, number]) { calls.splice++; return super.splice(...args); }
    }
    const node = { _inlines: Counted.from({ length: 20_000 }, (_, i) => ({ text: `w${i} `, width: 30, leadingCut: 0, trailingCut: 3, noNewLine: i % 7 === 0 })) };
    let count = 0;
    while (LayoutBuilder.prototype.buildNextLine.call(builderOf(400), node)) count++;
    expect(count).toBeGreaterThan(1400);
    expect(calls).toEqual({ slice: 0, shift: 0, splice: count });
    expect(node._inlines.length).toBe(0);
  });
});
