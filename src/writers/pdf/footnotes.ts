/**
 * Footnotes in the PDF: each footnote node becomes a mark the marker inline carries (inlines.ts)
 * — the note as pdfmake content in the footnote style (smaller than the body, single-spaced, the
 * raised label first, a list's items as `- ` lines) — which the layout hook (layout-hook.ts)
 * places at the foot of the page its marker lands on. The marks of one document are collected so
 * that a note taller than half a page, known only once laid out, is reported (W020).
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Footnote, FootnoteBlock, Inline } from '../../doctree/types.js';
import { FOOTNOTE, LIST, pdfLineHeight } from '../theme.js';
import { writerDiagnostic } from '../structure.js';
import { wordInlines } from './inlines.js';
import type { FootnoteMark } from './layout-hook.js';

let collected: { mark: FootnoteMark; note: Footnote; tallPt?: number }[] | null = null;

/** The mark of a footnote, for its marker inline. */
export function footnoteMark(note: Footnote): FootnoteMark {
  const entry: { mark: FootnoteMark; note: Footnote; tallPt?: number } = {
    note,
    mark: {
      label: note.label,
      content: noteContent(note),
      onTall: (_label, heightPt) => { entry.tallPt = heightPt; },
    },
  };
  collected?.push(entry);
  return entry.mark;
}

/** Run `build` collecting the marks it makes; `report` afterwards gives W020 for the tall ones. */
export function collectFootnotes<T>(build: () => T): { value: T; report: () => Diagnostic[] } {
  const entries: NonNullable<typeof collected> = [];
  const saved = collected;
  collected = entries;
  try {
    const value = build();
    return {
      value,
      report: () => entries.filter((e) => e.tallPt !== undefined).map((e) =>
        writerDiagnostic('W020', e.note, { label: e.note.label, height: (e.tallPt! * 25.4 / 72).toFixed(0) })),
    };
  } finally {
    collected = saved;
  }
}

const raised = (label: string): Inline[] => [{ type: 'text', value: label }];

/** The note's blocks: its first paragraph opens with the raised label, list items as `- ` lines. */
function noteContent(note: Footnote): Record<string, unknown> {
  const lines: Record<string, unknown>[] = [];
  note.children.forEach((block: FootnoteBlock, i) => {
    if (block.type === 'paragraph') lines.push(noteParagraph(block.children, i === 0 ? note.label : undefined));
    else for (const item of block.children) {
      for (const b of item.children) if (b.type === 'paragraph') lines.push(noteParagraph([{ type: 'text', value: `${block.marker}${LIST.markerSeparator}` }, ...b.children]));
    }
  });
  if (lines.length === 0) lines.push(noteParagraph(raised(''), note.label));
  return {
    stack: lines,
    fontSize: FOOTNOTE.sizePt,
    lineHeight: pdfLineHeight(1, FOOTNOTE.sizePt),
  };
}

function noteParagraph(inlines: Inline[], label?: string): Record<string, unknown> {
  return {
    text: [...(label ? [{ text: `${label} `, sup: true }] : []), ...wordInlines(inlines)],
    alignment: 'justify',
  };
}
