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

/**
 * Not `async`: the tree is read only here, before packing, so nothing of this call keeps it
 * alive while `docx` turns the document into XML (at 10,000 rows its heap is then smaller).
 */
export function writeDocx(root: Root): Promise<StageResult<Uint8Array>> {
  const { value: document, diagnostics } = toDocxDocument(root);
  return packDocx(document, documentDate(root.meta).date).then((bytes) => ({ value: bytes, diagnostics }));
}
