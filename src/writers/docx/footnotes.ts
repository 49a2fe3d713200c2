/**
 * Footnotes in the DOCX: real Word footnotes. Each footnote node of the tree becomes an entry of
 * the Document's `footnotes` option (word/footnotes.xml), keyed by its label — the number the
 * marker's `FootnoteReferenceRun` (paragraphs.ts) points at, in body text and table cells alike.
 * A note's blocks become paragraphs in the FootnoteText style; a list inside a note becomes one
 * paragraph per item, opening with its dash, since a footnote holds paragraphs only.
 */
import type { Paragraph } from 'docx';
import type { Block, Inline } from '../../doctree/types.js';
import { walkFootnotes } from '../../doctree/text.js';
import { LIST } from '../theme.js';
import { inlineRuns, styledParagraph } from './paragraphs.js';
import { STYLE } from './styles.js';

export function docxFootnotes(blocks: readonly Block[]): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const note of walkFootnotes(blocks)) {
    const paragraphs: Paragraph[] = [];
    for (const block of note.children) {
      // Word puts the note's number before its first paragraph; a space parts it from the text.
      if (block.type === 'paragraph') paragraphs.push(noteParagraph(paragraphs.length === 0 ? [{ type: 'text', value: ' ' }, ...block.children] : block.children));
      else for (const item of block.children) {
        for (const b of item.children) {
          if (b.type === 'paragraph') paragraphs.push(noteParagraph([{ type: 'text', value: `${block.marker}${LIST.markerSeparator}` }, ...b.children]));
        }
      }
    }
    out[note.label] = { children: paragraphs.length ? paragraphs : [noteParagraph([])] };
  }
  return out;
}

const noteParagraph = (inlines: Inline[]): Paragraph => styledParagraph(STYLE.footnote, inlineRuns(inlines));
