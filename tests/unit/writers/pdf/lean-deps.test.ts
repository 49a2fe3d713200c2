// pdfkit's dependencies made cheaper to load (src/writers/pdf/lean-deps.ts): the native inflate
// keeps tiny-inflate's contract byte for byte, and a package under node_modules that asks for
// tiny-inflate or @noble gets the stand-ins, while the real modules still work through them.
import { brotliCompressSync, deflateRawSync, inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { inflateInto, installLeanDeps } from '../../../../src/writers/pdf/lean-deps.js';
import { FONTS, installFonts } from '../../../../src/writers/pdf/fonts.js';
import { FONT } from '../../../../src/writers/theme.js';

const require = createRequire(import.meta.url);
const tinyInflate = require('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;

describe('the native inflate', () => {
  it('fills dest as tiny-inflate does, and returns dest or its filled prefix', () => {
    const data = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    const packed = deflateRawSync(data);
    for (const size of [5000, 6000]) {
      const ours = inflateInto(packed, new Uint8Array(size));
      const theirs = tinyInflate(packed, new Uint8Array(size));
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
      expect(ours.length).toBe(5000);
    }
  });

  it('answers a package that asks for tiny-inflate, and only a package', () => {
    installLeanDeps();
    expect(createRequire(require.resolve('unicode-trie'))('tiny-inflate')).toBe(inflateInto);
    expect(createRequire(import.meta.url)('tiny-inflate')).toBe(tinyInflate);
  });

  it('decodes the Unicode tables fontkit loads to the same trie', () => {
    installLeanDeps();
    // unicode-properties required from a package: its trie is inflated by the native inflate.
    const fromPackage = createRequire(require.resolve('fontkit'));
    const props = fromPackage('unicode-properties') as { getCategory(cp: number): string; getScript(cp: number): string };
    expect(props.getCategory('ệ'.codePointAt(0)!)).toBe('Ll');
    expect(props.getScript('Đ'.codePointAt(0)!)).toBe('Latin');
  });
});

describe('the encryption modules', () => {
  it('load on first use, and work through the stand-in', () => {
    installLeanDeps();
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    const sha2 = fromPdfkit('@noble/hashes/sha2') as { sha256(data: Uint8Array): Uint8Array };
    expect(Buffer.from(sha2.sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the WOFF2 decompressor', () => {
  it('loads on first call, and decodes through the stand-in', () => {
    installLeanDeps();
    const decompress = createRequire(require.resolve('fontkit'))('brotli/decompress.js') as (data: Uint8Array, size?: number) => Uint8Array;
    expect(decompress).not.toBe(require('brotli/decompress.js'));
    const text = 'Ủy ban nhân dân xã Mẫu — báo cáo năm 2024. '.repeat(50);
    const packed = brotliCompressSync(Buffer.from(text));
    expect(Buffer.from(decompress(packed)).toString()).toBe(text);
  });
});

describe("pdfmake's SVG and QR code support", () => {
  it('loads on first use, and draws through the stand-ins', async () => {
    installLeanDeps();
    const fromPdfmake = createRequire(require.resolve('pdfmake/js/Renderer.js'));
    const svg = createRequire(require.resolve('pdfmake/js/3rd-party/svg-to-pdfkit.js'))('./svg-to-pdfkit/source.js') as unknown;
    expect(typeof svg).toBe('function');
    expect(svg).not.toBe(require('pdfmake/js/3rd-party/svg-to-pdfkit/source.js'));
    const qr = fromPdfmake('./qrEnc.js') as { __esModule: boolean };
    expect(qr.__esModule).toBe(true);
    expect(qr).not.toBe(require('pdfmake/js/qrEnc.js'));
    const pdfmake = require('pdfmake') as { virtualfs: Parameters<typeof installFonts>[0]; setFonts(f: object): void; createPdf(d: object): { getBuffer(): Promise<Buffer> } };
    installFonts(pdfmake.virtualfs);
    pdfmake.setFonts(FONTS);
    const pdf = await pdfmake.createPdf({
      content: [
        { svg: '<svg width="20" height="20" viewBox="0 0 20 20"><rect width="20" height="20" fill="#c00"/></svg>' },
        { qr: 'baocao' },
        { text: 'Ủy ban nhân dân' },
      ],
      defaultStyle: { font: FONT.pdfFamily },
    }).getBuffer();
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // The rectangle in the SVG's red, and the QR code's modules, are drawn.
    expect(inflatedStreams(pdf).some((s) => s.includes('0.8 0 0 rg') || s.includes('0.8 0 0 scn'))).toBe(true);
    expect(inflatedStreams(pdf).some((s) => (s.match(/ re\b/g)?.length ?? 0) > 50)).toBe(true);
  });
});

function inflatedStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Filter \/FlateDecode[^]*?>>\nstream\n/g)].map((m) => {
    const start = m.index + m[0].length;
    return inflateSync(pdf.subarray(start, text.indexOf('\nendstream', start))).toString('latin1');
  });
}
