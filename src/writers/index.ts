/**
 * The one writer table: each output format maps to a loader that imports its writer on demand,
 * so a run that makes only a DOCX never loads pdfmake. Every writer has the same shape,
 * tree in, bytes and diagnostics out. `OutputFormat` is derived from the table, so adding a
 * format (the HTML writer adds `html` here) is one entry and every `switch` over formats
 * learns of it from the type checker.
 */
import type { StageResult } from '../diagnostics/types.js';
import type { Root } from '../doctree/types.js';

export type Writer = (root: Root) => Promise<StageResult<Uint8Array>>;

export const writers = {
  docx: (): Promise<Writer> => import('./docx/index.js').then((m) => m.writeDocx),
  pdf: (): Promise<Writer> => import('./pdf/index.js').then((m) => m.writePdf),
  html: (): Promise<Writer> => import('./html/index.js').then((m) => m.writeHtml),
  xlsx: (): Promise<Writer> => import('./xlsx/index.js').then((m) => m.writeXlsx),
} satisfies Record<string, () => Promise<Writer>>;

export type OutputFormat = keyof typeof writers;

/** File extension of each format's output. */
export const extensions: Readonly<Record<OutputFormat, string>> = { docx: '.docx', pdf: '.pdf', html: '.html', xlsx: '.xlsx' };

/** Load the writer for `format`. */
export function loadWriter(format: OutputFormat): Promise<Writer> {
  return writers[format]();
}
