/**
 * The pure step of the DOCX writer: the document tree becomes a `docx` Document object that
 * tests can inspect before any byte is written. Each page run (portrait body, landscape
 * appendix) becomes a DOCX section with its own page setup; the default style carries the
 * Decree 30 font (Times New Roman 14 pt) and the Vietnamese language tag, so spelling and
 * hyphenation tools treat the text as vi-VN.
 */
import { Document } from 'docx';
import type { Diagnostic, StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import { BODY, FONT, mmToTwip, ptToHalfPt, textWidthMm } from '../theme.js';
import { pageRuns } from '../structure.js';
import { nfc } from '../text.js';
import { renderBlocks } from './blocks.js';
import { sectionOptions } from './page.js';

export function toDocxDocument(root: Root): StageResult<Document> {
  // An unreadable date is reported by the tree check (W004), not here.
  const diagnostics: Diagnostic[] = [];
  const sections = pageRuns(root).map((run, i) => {
    const children = renderBlocks(run.children, { textWidth: mmToTwip(textWidthMm(run.orientation)), diagnostics });
    return sectionOptions(run, i, children, root.meta.draft ?? false);
  });
  const document = new Document({
    title: nfc(root.meta.title),
    creator: nfc(root.meta.author),
    lastModifiedBy: nfc(root.meta.author),
    styles: {
      default: {
        document: {
          run: { font: FONT.family, size: ptToHalfPt(BODY.sizePt), color: FONT.color, language: { value: FONT.language } },
        },
      },
    },
    sections,
  });
  return { value: document, diagnostics };
}
