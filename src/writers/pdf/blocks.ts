/**
 * The PDF block walker: one handler per block type, chosen by an exhaustive `switch`, so a new
 * node type fails the type check here until it has a handler — the same shape as the DOCX
 * walker, producing pdfmake content instead of docx objects. A block the writer cannot place is
 * reported (W001; a nested section is inlined, and the tree check reports it as W002), never dropped in silence.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Block, Heading, Inline, List, ListItem, PartHeading, Position } from '../../doctree/types.js';
import { BODY, HEADINGS, LIST, PART, SIGNATURE, linePitchPt } from '../theme.js';
import { walkFootnotes } from '../../doctree/text.js';
import { headingKeptWithNext, isRunInSubhead, writerDiagnostic } from '../structure.js';
import { appendixHeadingBlock, headerBlock, recipientsBlock, signatureBlock, titleBlock } from './official.js';
import { bodyParagraph, KEEP_WITH_NEXT_PT } from './paragraphs.js';
import { tableBlock } from './table.js';

export interface PdfContext {
  /** Width of the text block of the current page run, in points. */
  textWidth: number;
  diagnostics: Diagnostic[];
}

export function renderBlocks(blocks: readonly Block[], ctx: PdfContext): Content[] {
  const out: Content[] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    // (A paragraph with a footnote is left free: an unbreakable block is laid out off the page.)
    if (block.type === 'signature' && SIGNATURE.keepWithPreviousParagraph && previous?.type === 'paragraph' && walkFootnotes([previous]).length === 0) {
      // The paragraph before the signature goes with it: a page never holds the signature alone.
      out.push({ stack: [out.pop()!, ...renderBlock(block, ctx)], unbreakable: true });
    } else {
      out.push(...renderBlock(block, ctx));
    }
  });
  return out;
}

export function renderBlock(block: Block, ctx: PdfContext): Content[] {
  switch (block.type) {
    case 'paragraph':
      // A run-in sub-head (`*Xã Quốc Tuấn:*`), a table's caption or part title never ends a page, as a heading does not (layout-hook.ts).
      return [bodyParagraph(block.children, { align: block.align, indent: block.indent, ...(block.keepWithNext || isRunInSubhead(block) ? { headlineLevel: 4 } : {}) })];
    case 'partHeading':
      return [partHeading(block)];
    case 'heading':
      return [heading(block)];
    case 'list':
      return list(block, ctx);
    case 'listItem':
      return listItem(block, '-', ctx);
    case 'table':
      return tableBlock(block, ctx.textWidth, ctx.diagnostics);
    case 'header':
      return headerBlock(block, ctx.textWidth);
    case 'title':
      return titleBlock(block, ctx.textWidth);
    case 'recipients':
      return recipientsBlock(block, ctx.textWidth);
    case 'signature':
      return signatureBlock(block, ctx.textWidth);
    case 'appendixHeading':
      return appendixHeadingBlock(block, ctx.textWidth);
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
    case 'section':
      // Only top-level sections become pdfmake sections (see definition.ts); a nested one is inlined.
      return renderBlocks(block.children, ctx);
    default:
      return unknown(block, ctx);
  }
}

function unknown(block: never, ctx: PdfContext): Content[] {
  // Reachable only with unvalidated JSON: the type check proves every known type has a handler.
  const node = block as { type?: unknown; position?: Position };
  ctx.diagnostics.push(writerDiagnostic('W001', node, { format: 'PDF', type: String(node.type) }));
  return [];
}

const prefixed = (prefix: string, inlines: readonly Inline[]): Inline[] => [{ type: 'text', value: prefix }, ...inlines];

/**
 * `I. …` bold upper, `1. …` bold, `a) …` upright: body paragraphs; those kept with what follows
 * (structure.ts, as the DOCX keeps them) never end a page.
 */
function heading(node: Heading): Content {
  const style = HEADINGS[node.depth];
  return bodyParagraph(prefixed(`${node.label} `, node.children), headingKeptWithNext(node) ? { headlineLevel: node.depth } : {}, style);
}

/**
 * `Phần I` and its title, centred and bold, kept together and never the last lines of a page
 * (the stack carries the heading level that definition.ts keeps with what follows).
 */
function partHeading(node: PartHeading): Content {
  const centred = { align: 'center' as const, indent: false };
  // The label keeps its title with it (up to two lines), the title keeps two lines of what follows:
  // both decided by the layout hook (layout-hook.ts), as for a heading.
  const label = bodyParagraph([{ type: 'text', value: node.label }], { ...centred, headlineLevel: 1 }, PART.label);
  const title = bodyParagraph(node.children, { ...centred, headlineLevel: 1 }, PART.title);
  const titleLinesPt = 2 * linePitchPt(BODY.sizePt, BODY.lineSpacing);
  return {
    stack: [
      { ...label, margin: [0, PART.spaceBeforePt, 0, 0], keepWithNextPt: KEEP_WITH_NEXT_PT + titleLinesPt } as Content,
      { ...title, margin: [0, 0, 0, BODY.spaceAfterPt] },
    ],
  };
}

function list(node: List, ctx: PdfContext): Content[] {
  return node.children.flatMap((item) => listItem(item, node.marker, ctx));
}

/** The marker and a space open the item's first paragraph; further blocks follow it as they are. */
function listItem(item: ListItem, marker: string, ctx: PdfContext): Content[] {
  const [first, ...rest] = item.children;
  const markerText = `${marker}${LIST.markerSeparator}`;
  if (first?.type === 'paragraph') {
    return [bodyParagraph(prefixed(markerText, first.children), { align: first.align, indent: first.indent }), ...renderBlocks(rest, ctx)];
  }
  return [bodyParagraph(prefixed(markerText, [])), ...renderBlocks(item.children, ctx)];
}
