/**
 * The HTML block walker: one handler per block type, chosen by an exhaustive `switch`, so a new
 * node type in the tree fails the type check here until it has a handler — the same shape as
 * the DOCX and PDF walkers. Body text, headings and list items are `.p` paragraphs in the body
 * style; the official blocks and tables have handlers of their own. A block the writer cannot
 * place is reported (W001; a nested section is inlined, and the tree check reports it as W002), never dropped in silence.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Align, Block, Heading, Inline, List, ListItem, Paragraph, PartHeading, Position } from '../../doctree/types.js';
import { HEADINGS, LIST, PART, SIGNATURE } from '../theme.js';
import { writerDiagnostic } from '../structure.js';
import { appendixHeadingHtml, headerHtml, recipientsHtml, signatureHtml, titleHtml } from './official.js';
import { inlinesHtml, textHtml } from './inlines.js';
import { tableHtml } from './table.js';

export interface HtmlContext {
  diagnostics: Diagnostic[];
}

export function blocksHtml(blocks: readonly Block[], ctx: HtmlContext): string {
  return blocks
    .map((block, i) =>
      block.type === 'paragraph' && keptWithSignature(blocks[i + 1]) ? paragraph(block, ctx, ['keep']) : blockHtml(block, ctx),
    )
    .join('\n');
}

/** The paragraph just before the signature goes with it: a page never holds the signature alone. */
const keptWithSignature = (next: Block | undefined): boolean => SIGNATURE.keepWithPreviousParagraph && next?.type === 'signature';

export function blockHtml(block: Block, ctx: HtmlContext): string {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block, ctx, block.keepWithNext ? ['keep'] : []);
    case 'partHeading':
      return partHeading(block, ctx);
    case 'heading':
      return heading(block, ctx);
    case 'list':
      return list(block, ctx);
    case 'listItem':
      return listItem(block, '-', ctx);
    case 'table':
      return tableHtml(block, ctx.diagnostics);
    case 'header':
      return headerHtml(block);
    case 'title':
      return titleHtml(block);
    case 'recipients':
      return recipientsHtml(block);
    case 'signature':
      return signatureHtml(block);
    case 'appendixHeading':
      return appendixHeadingHtml(block);
    case 'pageBreak':
      // Top-level breaks start a new sheet (see document.ts); one nested in a list breaks in print only.
      return '<div class="page-break" style="break-after: page"></div>';
    case 'section':
      // Only top-level sections become sheets of their own; a nested one is inlined.
      return blocksHtml(block.children, ctx);
    default:
      return unknown(block, ctx);
  }
}

function unknown(block: never, ctx: HtmlContext): string {
  // Reachable only with unvalidated JSON: the type check proves every known type has a handler.
  const node = block as { type?: unknown; position?: Position };
  ctx.diagnostics.push(writerDiagnostic('W001', node, { format: 'HTML', type: String(node.type) }));
  return '';
}

/** A body paragraph: justified with the first-line indent unless the node says otherwise. */
function bodyParagraph(inner: string, opts: { align?: Align; indent?: boolean; extra?: string[] } = {}): string {
  const classes = ['p', ...(opts.indent === false ? ['no-indent'] : []), ...(opts.align ? [`al-${opts.align}`] : []), ...(opts.extra ?? [])];
  return `<p class="${classes.join(' ')}">${inner}</p>`;
}

function paragraph(node: Paragraph, ctx: HtmlContext, extra: string[] = []): string {
  return bodyParagraph(inlinesHtml(node.children, { words: true }, ctx.diagnostics), { align: node.align, indent: node.indent, extra });
}

/** `I. …` bold upper, `1. …` bold, `a) …` upright: body paragraphs kept with the next one. */
function heading(node: Heading, ctx: HtmlContext): string {
  const opts = { words: true, upper: HEADINGS[node.depth].upper };
  const inner = `${textHtml(`${node.label} `, opts)}${inlinesHtml(node.children, opts, ctx.diagnostics)}`;
  return bodyParagraph(inner, { extra: ['heading', `h${node.depth}`] });
}

/** `Phần I` and its title: two centred, bold body paragraphs, the title in upper case. */
function partHeading(node: PartHeading, ctx: HtmlContext): string {
  const label = bodyParagraph(textHtml(node.label, { words: true, upper: PART.label.upper }), { align: 'center', indent: false, extra: ['part-label'] });
  const title = bodyParagraph(inlinesHtml(node.children, { words: true, upper: PART.title.upper }, ctx.diagnostics), { align: 'center', indent: false, extra: ['part-title'] });
  return `${label}\n${title}`;
}

function list(node: List, ctx: HtmlContext): string {
  return node.children.map((item) => listItem(item, node.marker, ctx)).join('\n');
}

/** The marker and a space open the item's first paragraph; further blocks follow it as they are. */
function listItem(item: ListItem, marker: string, ctx: HtmlContext): string {
  const [first, ...rest] = item.children;
  const markerText = textHtml(`${marker}${LIST.markerSeparator}`);
  if (first?.type === 'paragraph') {
    const inner = markerText + inlinesHtml(first.children as Inline[], { words: true }, ctx.diagnostics);
    return [bodyParagraph(inner, { align: first.align, indent: first.indent }), blocksHtml(rest, ctx)].filter(Boolean).join('\n');
  }
  return [bodyParagraph(markerText), blocksHtml(item.children, ctx)].filter(Boolean).join('\n');
}
