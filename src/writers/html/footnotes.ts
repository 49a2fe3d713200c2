/**
 * Footnotes in the HTML preview: a marker is a raised link to its note (`#fn-N`), and the notes
 * of each top-level section (from one `I.`-level heading to the next, or to the end of the sheet)
 * follow that section as a small list, each note linking back to its marker (`#fnref-N`).
 */
import type { Block, Footnote, Inline } from '../../doctree/types.js';
import { walkFootnotes } from '../../doctree/text.js';
import { LIST } from '../theme.js';
import { escapeAttr } from './escape.js';

/** The marker: a raised link to the note, and the anchor the note links back to. */
export function footnoteRefHtml(note: Footnote): string {
  const id = escapeAttr(note.label);
  return `<sup class="fn-ref" id="fnref-${id}"><a href="#fn-${id}">${id}</a></sup>`;
}

/** `blocks` rendered by `render`, cut at depth-1 headings, each part followed by its notes. */
export function withSectionNotes(blocks: readonly Block[], render: (part: readonly Block[]) => string, inlines: (nodes: readonly Inline[]) => string): string {
  const parts: Block[][] = [[]];
  for (const b of blocks) {
    if (b.type === 'heading' && b.depth === 1 && parts[parts.length - 1]!.length > 0) parts.push([]);
    parts[parts.length - 1]!.push(b);
  }
  return parts.map((part) => [render(part), notesHtml(walkFootnotes(part), inlines)].filter(Boolean).join('\n')).join('\n');
}

function notesHtml(notes: Footnote[], inlines: (nodes: readonly Inline[]) => string): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => {
    const id = escapeAttr(n.label);
    const body = n.children.flatMap((b) => (b.type === 'paragraph'
      ? [inlines(b.children)]
      : b.children.flatMap((item) => item.children.flatMap((p) => (p.type === 'paragraph' ? [`${b.marker}${LIST.markerSeparator}${inlines(p.children)}`] : [])))));
    return `<li id="fn-${id}"><sup>${id}</sup> ${body.map((t, i) => (i === 0 ? t : `<br>${t}`)).join('')} <a class="fn-back" href="#fnref-${id}" aria-label="Quay lại">↩</a></li>`;
  });
  return `<aside class="footnotes"><hr class="fn-rule"><ol>\n${items.join('\n')}\n</ol></aside>`;
}
