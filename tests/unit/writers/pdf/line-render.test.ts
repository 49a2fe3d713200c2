// The line renderer (src/writers/pdf/line-render.ts) draws a plain line as one text object. It
// must put exactly the glyphs pdfmake's own renderLine puts, in the same fonts and at the same
// positions: every report of the golden cases (agencies, tables, landscape appendices, notes) is
// drawn both ways and every glyph run of its content streams is compared. It must also fail
// loudly when a pdfmake upgrade changes the method it replaces.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../../src/pipeline/compile.js';
import { writePdf } from '../../../../src/writers/pdf/index.js';
import { RENDER_SOURCE_HASH, Renderer, installLineRenderer, isPlain, originalRenderLine, renderSourceHash } from '../../../../src/writers/pdf/line-render.js';

const ROOT = path.resolve(__dirname, '../../../..');

/** The decoded content of every Flate stream of a PDF, in file order. */
function streams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/\/Filter \/FlateDecode[^]*?>>\nstream\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('\nendstream', start);
    out.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
  }
  return out;
}

/** Every glyph run drawn: font, size, text matrix, and the TJ operand. */
function glyphRuns(pdf: Uint8Array): string[] {
  const runs: string[] = [];
  for (const content of streams(pdf)) {
    let font = '';
    let matrix = '';
    for (const line of content.split('\n')) {
      if (line.endsWith(' Tf')) font = line;
      else if (line.endsWith(' Tm')) matrix = line;
      else if (line.endsWith(' TJ')) runs.push(`${font} | ${matrix} | ${line}`);
    }
  }
  return runs;
}

const textObjects = (pdf: Uint8Array): number => streams(pdf).reduce((n, s) => n + (s.match(/^BT$/gm)?.length ?? 0), 0);

describe('the line renderer', () => {
  it('replaces the exact pdfmake method it was written against', () => {
    expect(renderSourceHash(), 'Renderer.prototype.renderLine changed: re-read it and update src/writers/pdf/line-render.ts').toBe(RENDER_SOURCE_HASH);
    installLineRenderer();
    const hooked = Renderer.prototype.renderLine;
    installLineRenderer();
    expect(Renderer.prototype.renderLine).toBe(hooked);
    expect(hooked).not.toBe(originalRenderLine);
  });

  const CASES = path.join(ROOT, 'tests/fixtures/valid');
  const dataOf = (caseDir: string): string => {
    const pointer = path.join(caseDir, 'data.path');
    return existsSync(pointer) ? path.resolve(caseDir, readFileSync(pointer, 'utf8').trim()) : path.join(caseDir, 'data');
  };

  it.each(readdirSync(CASES).sort())('draws %s with the same glyphs, fonts and positions as pdfmake, in far fewer text objects', async (name) => {
    const c = await compile({ dataDir: dataOf(path.join(CASES, name)), cwd: ROOT, templatesDir: path.join(ROOT, 'templates') });
    const ours = (await writePdf(c.tree!)).value;
    const hooked = Renderer.prototype.renderLine;
    // A stand-in that is not the original keeps installLineRenderer from replacing it.
    Renderer.prototype.renderLine = function renderLine(this: unknown, ...args: unknown[]) {
      return originalRenderLine.apply(this, args as Parameters<typeof originalRenderLine>);
    };
    let theirs: Uint8Array;
    try {
      theirs = (await writePdf(c.tree!)).value;
    } finally {
      Renderer.prototype.renderLine = hooked;
    }
    const runs = glyphRuns(ours);
    expect(runs.length).toBeGreaterThan(300);
    expect(runs).toEqual(glyphRuns(theirs));
    // Lines with a raised footnote marker are still drawn by pdfmake, one object per inline.
    expect(textObjects(ours)).toBeLessThan(textObjects(theirs) / 3);
  });

  it('leaves to pdfmake every line that is more than text in one colour', () => {
    const word = (extra: object = {}) => ({ text: 'chữ ', color: 'black', opacity: 1, ...extra });
    expect(isPlain({ inlines: [word(), word({ bold: true })] })).toBe(true);
    expect(isPlain({ inlines: [] })).toBe(false);
    expect(isPlain({ inlines: [word()], id: 'heading' })).toBe(false);
    expect(isPlain({ inlines: [word()], _outline: {} })).toBe(false);
    for (const extra of [{ sup: true }, { sub: true }, { link: 'https://x.vn' }, { linkToPage: 2 }, { decoration: 'underline' }, { background: 'yellow' }, { characterSpacing: 1 }, { fontFeatures: ['smcp'] }, { color: 'red' }, { opacity: 0.5 }]) {
      expect(isPlain({ inlines: [word(), word(extra)] }), JSON.stringify(extra)).toBe(false);
    }
  });
});
