/**
 * The HTML writer's entry points: `toHtml` (tree → the document as a string, pure, for tests),
 * `htmlFragment` (the sheets alone, for the preview) and `writeHtml` (tree → bytes of a
 * self-contained .html file with the fonts inline). Loaded lazily by the writer table.
 */
import type { StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import { htmlFragment, toHtml, type HtmlOptions } from './document.js';

export { htmlFragment, toHtml, type HtmlOptions };
export { FONT_ASSETS, fontFaceCss, ttfToWoff, type FontAsset, type FontSource } from './fonts.js';
export { reportCss } from './style.js';

export async function writeHtml(root: Root): Promise<StageResult<Uint8Array>> {
  const { value, diagnostics } = toHtml(root, { fonts: { embed: true } });
  return { value: new TextEncoder().encode(value), diagnostics };
}
