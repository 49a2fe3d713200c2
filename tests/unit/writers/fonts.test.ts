// Reading an agency's font folder: the family and faces come from the font files' own tables
// (the Cousine fixture from Debian's fonts-croscore), a missing face falls back with W012, a
// file that is not a font is skipped with W015, a folder with no regular face is W011.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFontFolder } from '../../../src/writers/fonts.js';

const FIXTURE = path.resolve(__dirname, '../../fixtures/fonts/cousine');
const AT = { file: 'data/report.yaml', line: 40, column: 8 };

describe('font folder', () => {
  it('reads the family and faces from the fonts, falling back for the missing italics', () => {
    const { value, diagnostics } = readFontFolder(FIXTURE, '"fonts"', AT);
    expect(value!.family).toBe('Cousine');
    expect(value!.faces).toEqual({
      normal: path.join(FIXTURE, 'Cousine-Regular.ttf'),
      bold: path.join(FIXTURE, 'Cousine-Bold.ttf'),
      italics: path.join(FIXTURE, 'Cousine-Regular.ttf'),
      bolditalics: path.join(FIXTURE, 'Cousine-Bold.ttf'),
    });
    expect(value!.files.map((f) => path.basename(f))).toEqual(['Cousine-Bold.ttf', 'Cousine-Regular.ttf']);
    // Cousine has every Vietnamese letter: no W013.
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['W012 40:8', 'W012 40:8']);
  });

  it('names faces by the fonts\' tables, not by file names', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-font-'));
    copyFileSync(path.join(FIXTURE, 'Cousine-Bold.ttf'), path.join(dir, 'a.ttf'));
    copyFileSync(path.join(FIXTURE, 'Cousine-Regular.ttf'), path.join(dir, 'b.ttf'));
    writeFileSync(path.join(dir, 'broken.ttf'), 'not a font');
    const { value, diagnostics } = readFontFolder(dir, '"x"', AT);
    expect([path.basename(value!.faces.normal), path.basename(value!.faces.bold)]).toEqual(['b.ttf', 'a.ttf']);
    expect(diagnostics.map((d) => d.code)).toContain('W015');
  });

  it('refuses a missing folder and a folder with no regular face', () => {
    expect(readFontFolder('/nonexistent/fonts', '"x"', AT).diagnostics.map((d) => [d.code, d.severity])).toEqual([['W010', 'error']]);
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-font-'));
    copyFileSync(path.join(FIXTURE, 'Cousine-Bold.ttf'), path.join(dir, 'Cousine-Bold.ttf'));
    const r = readFontFolder(dir, '"x"', AT);
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['W011', 'error']]);
  });

  it('skips a damaged font whose table runs past the end of the file (W015), at the fonts: line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-font-'));
    const font = readFileSync(path.join(FIXTURE, 'Cousine-Regular.ttf'));
    // Point the `post` table (which nothing here reads) past the end: a cut-short or damaged file.
    for (let i = 0; i < font.readUInt16BE(4); i++) {
      if (font.toString('latin1', 12 + i * 16, 16 + i * 16) === 'post') font.writeUInt32BE(font.length + 100, 20 + i * 16);
    }
    writeFileSync(path.join(dir, 'Cousine-Regular.ttf'), font);
    const r = readFontFolder(dir, '"x"', AT);
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => `${d.code} ${d.severity} ${d.file}:${d.line}:${d.column}`)).toEqual(['W015 warning data/report.yaml:40:8', 'W011 error data/report.yaml:40:8']);
  });
});
