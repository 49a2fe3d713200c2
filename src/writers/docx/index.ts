/**
 * The DOCX writer's entry points: `toDocxDocument` (tree → docx objects, pure, for tests) and
 * `writeDocx` (tree → bytes of a .docx file, deterministic). Loaded lazily by the writer table.
 */
import type { StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import { documentDate } from '../structure.js';
import { toDocxDocument } from './document.js';
import { packDocx } from './pack.js';

export { toDocxDocument };

export async function writeDocx(root: Root): Promise<StageResult<Uint8Array>> {
  const { value: document, diagnostics } = toDocxDocument(root);
  const bytes = await packDocx(document, documentDate(root.meta).date);
  return { value: bytes, diagnostics };
}
