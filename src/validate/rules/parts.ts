/**
 * Phần, the level Decree 30 puts above I. (Phụ lục I, II.6đ: phần, mục, khoản, điểm): a content
 * file marks a top-level section `part: true`. Only a top-level section can be one (V614, an
 * error: the section would print as a Phần in the middle of a Mục); and when some top-level
 * sections are parts, one that is not would be numbered I., II. beside Phần I, Phần II — a
 * warning (V615) at the first such section, naming a part. The content files of a document are
 * read in order, as one list of top-level sections.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { makeDiagnostic } from '../../diagnostics/catalogue.js';
import type { ContentDocument, ContentSection } from '../dataset.js';

export function checkParts(documents: readonly ContentDocument[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nested = (list: readonly ContentSection[]): void => {
    for (const s of list) {
      if (s.part) out.push(makeDiagnostic('V614', s.at, { title: s.title }));
      nested(s.sections);
    }
  };
  const top = documents.flatMap((d) => d.sections);
  for (const s of top) nested(s.sections);
  const part = top.find((s) => s.part);
  const plain = top.find((s) => !s.part);
  if (part && plain) out.push(makeDiagnostic('V615', plain.at, { title: plain.title, part: part.title }));
  return out;
}
