#!/usr/bin/env node
// One library alone on a dumped document (register.mjs): `docx` rebuilds the Document from its
// recorded constructor and factory calls and packs it (Packer.toBuffer, its own zip); pdfmake lays
// out and renders baocao's definition with the same fonts (Tinos), without baocao's
// pageBreakBefore (the library alone lays the document out once). Prints one JSON line: the time
// spent in the library (reading the dump and, for the PDF, baocao's tree → definition step
// excluded: parsedMs and convertMs) and the bytes written. The dump is let go before the library
// runs, so the process's peak RSS is the library's with its document, not the dump's.
// Usage: node scripts/dump/alone.mjs docx <docx.json> <out.docx> | pdf <tree.json> <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [format, dumpFile, outFile] = process.argv.slice(2);

/** The dump read and parsed (not the library's work: timed apart, and let go before the library runs). */
function readDump() {
  const started = performance.now();
  const dump = JSON.parse(readFileSync(dumpFile, 'utf8'));
  return { dump, parsedMs: performance.now() - started };
}

function revive(value, lib, fn) {
  if (Array.isArray(value)) return value.map((v) => revive(v, lib, fn));
  if (!value || typeof value !== 'object') return value;
  if (value.$date) return new Date(value.$date);
  if (value.$bytes) return Buffer.from(value.$bytes, 'base64');
  if (value.$fn) return fn(value.$fn);
  if (value.$new) return new lib[value.$new](...value.args.map((a) => revive(a, lib, fn)));
  if (value.$call) return lib[value.$call](...value.args.map((a) => revive(a, lib, fn)));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, lib, fn)]));
}

// Only the library's own document stays alive while it works: the dump's text and parsed JSON
// (and, for the PDF, baocao's tree) are dropped first, so the baseline's peak RSS is the
// library's, not the dump's.
let bytes;
let parsedMs;
let convertMs = 0;
let t0 = performance.now();
if (format === 'docx') {
  const docx = await import('docx');
  const doc = (() => {
    const read = readDump();
    parsedMs = read.parsedMs;
    // Building the Document from its constructors is what a user of `docx` does: the library's time.
    return revive(read.dump, docx, () => undefined);
  })();
  bytes = new Uint8Array(await docx.Packer.toBuffer(doc));
} else {
  // pdf: the dump is the writer's tree (tree.json): the definition is rebuilt by baocao's own
  // step (functions and all; timed apart as convertMs, not the library's), then pdfmake alone
  // lays it out and renders it once.
  const { default: pdfmake } = await import('pdfmake');
  const { FONTS, installFonts } = await import('../../dist/writers/pdf/fonts.js');
  const { toPdfDefinition } = await import('../../dist/writers/pdf/definition.js');
  const def = (() => {
    const read = readDump();
    parsedMs = read.parsedMs;
    const c0 = performance.now();
    const made = toPdfDefinition(revive(read.dump, {}, () => undefined)).value;
    convertMs = performance.now() - c0;
    return made;
  })();
  delete def.pageBreakBefore;
  installFonts(pdfmake.virtualfs);
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  t0 = performance.now();
  const buffer = await pdfmake.createPdf(def).getBuffer();
  bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
const libraryMs = performance.now() - t0 - (format === 'docx' ? parsedMs : 0);
writeFileSync(outFile, bytes);
console.log(JSON.stringify({ format, parsedMs: Math.round(parsedMs), convertMs: Math.round(convertMs), libraryMs: Math.round(libraryMs), bytes: bytes.length }));
