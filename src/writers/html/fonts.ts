/**
 * The web font: the four Tinos TTFs from @expo-google-fonts/tinos (Times New Roman metrics, every
 * Vietnamese letter — the same files the PDF embeds), resolved as plain files with createRequire,
 * never through the package's React Native index. Each has a fixed asset name (`tinos-400.ttf` …)
 * under which the preview serves it, and the `@font-face` rules either point at those assets or,
 * for a self-contained `report build --format html`, carry the fonts inline as WOFF data URLs.
 * WOFF 1.0 is the TTF's tables each zlib-compressed: a lossless repackaging that browsers read
 * natively and that makes the embedded fonts about 45% smaller than the raw TTFs.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { FONT } from '../theme.js';

const require = createRequire(import.meta.url);

export interface FontAsset {
  /** The asset's file name under `/assets/`. */
  name: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** Absolute path of the TTF in node_modules. */
  path: string;
}

const file = (weight: string): string => require.resolve(`@expo-google-fonts/tinos/${weight}/Tinos_${weight}.ttf`);

export const FONT_ASSETS: readonly FontAsset[] = [
  { name: 'tinos-400.ttf', weight: 400, style: 'normal', path: file('400Regular') },
  { name: 'tinos-700.ttf', weight: 700, style: 'normal', path: file('700Bold') },
  { name: 'tinos-400-italic.ttf', weight: 400, style: 'italic', path: file('400Regular_Italic') },
  { name: 'tinos-700-italic.ttf', weight: 700, style: 'italic', path: file('700Bold_Italic') },
];

/** The CSS family every rule of the report uses: Tinos first, then the fonts it stands in for. */
export const FONT_STACK = `"${FONT.pdfFamily}", "${FONT.family}", "Liberation Serif", serif`;

export type FontSource = { embed: true } | { baseUrl: string };

/** `@font-face` rules for the four styles, each from its asset URL or inline as a WOFF data URL. */
export function fontFaceCss(source: FontSource): string {
  return FONT_ASSETS.map((asset) => {
    const src = 'embed' in source
      ? `url(data:font/woff;base64,${embeddedWoff(asset)}) format("woff")`
      : `url("${source.baseUrl}${asset.name}") format("truetype")`;
    return `@font-face { font-family: "${FONT.pdfFamily}"; font-weight: ${asset.weight}; font-style: ${asset.style}; font-display: block; src: ${src}; }`;
  }).join('\n');
}

const woffCache = new Map<string, string>();

function embeddedWoff(asset: FontAsset): string {
  let b64 = woffCache.get(asset.name);
  if (b64 === undefined) {
    b64 = Buffer.from(ttfToWoff(readFileSync(asset.path))).toString('base64');
    woffCache.set(asset.name, b64);
  }
  return b64;
}

/**
 * Repackage an sfnt (TTF) as WOFF 1.0: the same tables in tag order, each zlib-compressed when
 * that makes it smaller, 4-byte aligned, with the original checksums (W3C WOFF 1.0 §3–§5).
 */
export function ttfToWoff(ttf: Uint8Array): Uint8Array {
  const src = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const flavor = src.getUint32(0);
  const numTables = src.getUint16(4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const rec = 12 + i * 16;
    const offset = src.getUint32(rec + 8);
    const length = src.getUint32(rec + 12);
    const data = ttf.subarray(offset, offset + length);
    const packed = deflateSync(data, { level: 9 });
    return {
      tag: src.getUint32(rec),
      checksum: src.getUint32(rec + 4),
      origLength: length,
      body: packed.length < length ? new Uint8Array(packed.buffer, packed.byteOffset, packed.length) : data,
    };
  }).sort((a, b) => a.tag - b.tag);
  const pad4 = (n: number): number => (n + 3) & ~3;
  const headerSize = 44 + 20 * numTables;
  const total = tables.reduce((sum, t) => sum + pad4(t.body.length), headerSize);
  const sfntSize = tables.reduce((sum, t) => sum + pad4(t.origLength), 12 + 16 * numTables);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x774f4646); // 'wOFF'
  view.setUint32(4, flavor);
  view.setUint32(8, total);
  view.setUint16(12, numTables);
  view.setUint32(16, sfntSize);
  view.setUint16(20, 1); // font version 1.0; metadata and private blocks stay empty
  let offset = headerSize;
  tables.forEach((t, i) => {
    const rec = 44 + i * 20;
    view.setUint32(rec, t.tag);
    view.setUint32(rec + 4, offset);
    view.setUint32(rec + 8, t.body.length);
    view.setUint32(rec + 12, t.origLength);
    view.setUint32(rec + 16, t.checksum);
    out.set(t.body, offset);
    offset += pad4(t.body.length);
  });
  return out;
}
