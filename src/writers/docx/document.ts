/**
 * The pure step of the DOCX writer: the document tree becomes a `docx` Document object that
 * tests can inspect before any byte is written. Each page run (portrait body, landscape
 * appendix) becomes a DOCX section with its own page setup; the document defaults carry the
 * Decree 30 font (Times New Roman 14 pt, black) and the Vietnamese language tag, so spelling and
 * hyphenation tools treat the text as vi-VN, and the named styles of styles.ts carry the layout.
 */
import { Document } from 'docx';
import type { Diagnostic, StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import { FONT, mmToTwip, textWidthMm } from '../theme.js';
import { documentSubject, pageRuns } from '../structure.js';
import { nfc } from '../text.js';
import { renderBlocks } from './blocks.js';
import { sectionOptions } from './page.js';
import { documentStyles } from './styles.js';
import { docxFootnotes } from './footnotes.js';

export function toDocxDocument(root: Root): StageResult<Document> {
  // An unreadable date is reported by the tree check (W004), not here.
  const diagnostics: Diagnostic[] = [];
  const family = root.meta.font?.family ?? FONT.family;
  const sections = pageRuns(root).map((run, i) => {
    const children = renderBlocks(run.children, { textWidth: mmToTwip(textWidthMm(run.orientation)), diagnostics });
    return sectionOptions(run, i, children, root.meta.draft ?? false, family);
  });
  const document = new Document({
    title: nfc(root.meta.title),
    subject: documentSubject(root),
    creator: nfc(root.meta.author),
    lastModifiedBy: nfc(root.meta.author),
    styles: documentStyles(family),
    footnotes: docxFootnotes(root.children),
    sections,
  });
  return { value: document, diagnostics };
}
