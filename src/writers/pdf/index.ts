/**
 * The PDF writer's entry points: `toPdfDefinition` (tree → pdfmake definition, pure, for tests)
 * and `writePdf` (tree → bytes). This folder is the only place that imports pdfmake, and the
 * writer table loads it with a dynamic import, so commands that make no PDF never pay for it.
 * pdfmake's font and access settings are global: they are set on every call; the fonts come
 * from its in-memory file system, and no URL and no local file may be read.
 */
import { createRequire } from 'node:module';
import './lean-deps.js';
import type { StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { toPdfDefinition } from './definition.js';
import { FONTS, installFamily, installFonts } from './fonts.js';
import { collectFootnotes } from './footnotes.js';
import { installLayoutHook } from './layout-hook.js';
import { installLineRenderer } from './line-render.js';
import { installLongText } from './long-text.js';
import { installStyleLookup } from './style-lookup.js';
import { installMeasure } from './measure.js';

export { toPdfDefinition };

// pdfmake is required, not imported, so that it loads after lean-deps.ts has changed how its
// dependencies load (a bundler hoists an import of an external package above everything else).
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof import('pdfmake');

/**
 * No URL, no local file. Made once, out here: pdfmake keeps the policy, and a closure made inside
 * writePdf would share its context, the tree with it, for as long as pdfmake lives.
 */
const deny = (): boolean => false;

/**
 * Not `async`: the tree is read only here, before the layout starts, so nothing of this call
 * keeps it alive while pdfmake works (a background writer's tree is then free to be collected).
 */
export function writePdf(root: Root): Promise<StageResult<Uint8Array>> {
  installLayoutHook();
  installStyleLookup();
  installLineRenderer();
  installMeasure();
  installLongText();
  const notes = collectFootnotes(() => toPdfDefinition(root));
  // The typings omit pdfmake 0.3's in-memory file system, which the fonts are read from.
  const vfs = (pdfmake as unknown as { virtualfs: Parameters<typeof installFonts>[0] }).virtualfs;
  installFonts(vfs);
  pdfmake.setFonts(root.meta.font ? installFamily(vfs, root.meta.font) : FONTS);
  pdfmake.setUrlAccessPolicy(deny);
  pdfmake.setLocalAccessPolicy(deny);
  return render(notes);
}

/**
 * The definition is handed to pdfmake and not kept here: pdfmake lets it go once the pages are
 * drawn, and pdfkit then finishes the file — at 10,000 projects the definition is some 100 MB
 * that would otherwise stay through that last step.
 */
async function render(notes: ReturnType<typeof collectFootnotes<StageResult<TDocumentDefinitions>>>): Promise<StageResult<Uint8Array>> {
  const { diagnostics } = notes.value;
  const output = pdfmake.createPdf(takeDefinition(notes.value));
  const buffer = await output.getBuffer();
  return { value: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), diagnostics: [...diagnostics, ...notes.report()] };
}

/** The definition out of its stage result, which keeps no reference to it. */
function takeDefinition(result: StageResult<TDocumentDefinitions>): TDocumentDefinitions {
  const definition = result.value;
  (result as { value: TDocumentDefinitions | null }).value = null;
  return definition;
}
