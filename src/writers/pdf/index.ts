/**
 * The PDF writer's entry points: `toPdfDefinition` (tree → pdfmake definition, pure, for tests)
 * and `writePdf` (tree → bytes). This folder is the only place that imports pdfmake, and the
 * writer table loads it with a dynamic import, so commands that make no PDF never pay for it.
 * pdfmake's font and access settings are global: they are set on every call, fonts only from
 * the four Tinos files, no URL and no other local file.
 */
import pdfmake from 'pdfmake';
import type { StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import { toPdfDefinition } from './definition.js';
import { FONTS, isAllowedFontPath } from './fonts.js';

export { toPdfDefinition };

export async function writePdf(root: Root): Promise<StageResult<Uint8Array>> {
  const { value: definition, diagnostics } = toPdfDefinition(root);
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(isAllowedFontPath);
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return { value: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), diagnostics };
}
