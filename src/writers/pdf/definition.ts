/**
 * The pure step of the PDF writer: the document tree becomes a pdfmake document definition that
 * tests can inspect before any byte is written. Page runs become sections (portrait body,
 * landscape appendix); the default style is the embedded font at the body size (Tinos, or the
 * agency's font when the tree names one); the document info carries the tree's title, author,
 * subject (the trích yếu) and its one date, so two builds are byte-identical; a draft gets a
 * watermark (real text, so text extraction finds it) on every page.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Diagnostic, StageResult } from '../../diagnostics/types.js';
import type { Root } from '../../doctree/types.js';
import { BODY, DRAFT, FONT, HEADER, mmToPt, pdfLineHeight, textWidthMm } from '../theme.js';
import { documentDate, documentSubject, pageRuns } from '../structure.js';
import { nfc } from '../text.js';
import { renderBlocks } from './blocks.js';
import { PAGE_MARGINS, pageHeaders, runSection } from './page.js';

export function toPdfDefinition(root: Root): StageResult<TDocumentDefinitions> {
  // An unreadable date is reported by the tree check (W004), not here.
  const { date } = documentDate(root.meta);
  const diagnostics: Diagnostic[] = [];
  const draft = root.meta.draft ?? false;
  const runs = pageRuns(root);
  // The agency's own font when the report names one, else the bundled Tinos.
  const family = root.meta.font?.family ?? FONT.pdfFamily;
  const headers = pageHeaders(runs, draft);
  const content = runs.map((run, i) =>
    runSection(run, headers[i]!, renderBlocks(run.children, { textWidth: mmToPt(textWidthMm(run.orientation)), diagnostics })),
  );
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: FONT.language,
    info: {
      title: nfc(root.meta.title),
      author: nfc(root.meta.author),
      subject: documentSubject(root),
      creator: 'baocao',
      producer: 'baocao',
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { font: family, fontSize: BODY.sizePt, lineHeight: pdfLineHeight(HEADER.lineSpacing) },
    content,
    // No pageBreakBefore: every `true` re-runs the whole layout. Headings stay with what follows,
    // and paragraphs keep two lines at a page's foot and head, in the one pass of layout-hook.ts.
    ...(draft ? { watermark: { text: DRAFT.text, color: `#${DRAFT.watermarkColor}`, opacity: DRAFT.watermarkOpacity, bold: true, font: family } } : {}),
  };
  return { value: definition, diagnostics };
}
