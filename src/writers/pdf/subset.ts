/**
 * The embedded font subsets made without decoding the outlines. fontkit's `TTFSubset._addGlyph`
 * copies each glyph's bytes into the subset as they are, and only needs to know whether the glyph
 * is a composite and where its components' glyph ids stand (they are renumbered); to learn that
 * it decoded the whole glyph — every point of every contour — for every glyph of every font of
 * every document: some 30 ms of a cold build. Here the header and the component records are read
 * straight from the bytes (the TrueType `glyf` layout: flags, glyph id, two arguments of one or
 * two bytes each, then a scale of 0, 2, 4 or 8 bytes, while MORE_COMPONENTS is set), and the rest
 * is fontkit's own code. A variable font (whose outlines fontkit transforms) is left to fontkit.
 *
 * fontkit is pinned through pdfkit and `SUBSET_SOURCE_HASH` records the method replaced:
 * tests/unit/writers/pdf/subset.test.ts fails loudly when it changes, and compares the subsets
 * made both ways, byte for byte.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';

/* eslint-disable @typescript-eslint/no-explicit-any -- fontkit's internals have no types */
type Any = any;

/** The sha-256 of `TTFSubset.prototype._addGlyph`'s source in fontkit 2 (dist/main.cjs). */
export const SUBSET_SOURCE_HASH = '625b34b9ae3d405374ddc1ffbce146e8df948ae432701e5f4772a50ffbfc3288';

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Where each component's glyph id stands in a composite glyph's bytes (none for a simple glyph). */
export function componentIdOffsets(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return [];
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (view.getInt16(0) >= 0) return [];
  const offsets: number[] = [];
  let pos = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(pos);
    offsets.push(pos + 2);
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
  }
  return offsets;
}

let original: ((this: Any, gid: number) => number) | undefined;

export function subsetSourceHash(prototype: Any): string {
  return createHash('sha256').update(String(original ?? prototype._addGlyph)).digest('hex');
}

/** Install once, on the TrueType subset class of `font` (a fontkit font). */
export function installFastSubset(font: Any): void {
  const prototype = Object.getPrototypeOf(font.createSubset());
  if (original || typeof prototype._addGlyph !== 'function') return;
  original = prototype._addGlyph;
  prototype._addGlyph = function addGlyph(this: Any, gid: number): number {
    if (this.font._variationProcessor) return original!.call(this, gid);
    const glyph = this.font.getGlyph(gid);
    // The glyph's bytes, as fontkit reads them.
    const curOffset = this.font.loca.offsets[gid];
    const nextOffset = this.font.loca.offsets[gid + 1];
    const stream = this.font._getTableStream('glyf');
    stream.pos += curOffset;
    let buffer = stream.readBuffer(nextOffset - curOffset);
    const components = componentIdOffsets(buffer);
    if (components.length > 0) {
      // A composite glyph: its components join the subset, renumbered.
      buffer = new Uint8Array(buffer);
      const view = new DataView(buffer.buffer);
      for (const at of components) view.setUint16(at, this.includeGlyph(view.getUint16(at)));
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}

/** fontkit's method, for the test that compares both. */
export const originalAddGlyph = (): ((this: Any, gid: number) => number) | undefined => original;
