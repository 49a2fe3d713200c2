/**
 * The DOCX block walker: one handler per block type, chosen by an exhaustive `switch`, so a new
 * node type in the tree fails the type check here until it has a handler. Body text and list
 * items are Normal paragraphs (the theme's body style), headings Heading 1–3; the official blocks and tables have
 * handlers of their own. A block the writer cannot place is reported (W001; a nested section is inlined, and the tree check reports it as W002), never dropped
 * in silence.
 */
import { LineRuleType, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Block, Heading, Inline, List, ListItem, PartHeading, Position } from '../../doctree/types.js';
import { HEADINGS, LIST, SIGNATURE } from '../theme.js';
import { headingKeptWithNext, headingRunsIn, isRunInSubhead, writerDiagnostic } from '../structure.js';
import { STYLE } from './styles.js';
import { appendixHeadingBlock, headerBlock, recipientsBlock, signatureBlock, titleBlock } from './official.js';
import { bodyParagraph, inlineRuns } from './paragraphs.js';
import { tableBlock } from './table.js';

export interface DocxContext {
  /** Width of the text block of the current page run, in twips. */
  textWidth: number;
  diagnostics: Diagnostic[];
}

export function renderBlocks(blocks: readonly Block[], ctx: DocxContext): FileChild[] {
  return blocks.flatMap((block, i) =>
    block.type === 'paragraph' && keptWithSignature(blocks[i + 1])
      ? [bodyParagraph(inlineRuns(block.children), { align: block.align, indent: block.indent, keepNext: true })]
      : renderBlock(block, ctx),
  );
}

const keptWithSignature = (next: Block | undefined): boolean => SIGNATURE.keepWithPreviousParagraph && next?.type === 'signature';

export function renderBlock(block: Block, ctx: DocxContext): FileChild[] {
  switch (block.type) {
    case 'paragraph':
      return [bodyParagraph(inlineRuns(block.children), { align: block.align, indent: block.indent, keepNext: block.keepWithNext === true || isRunInSubhead(block) })];
    case 'partHeading':
      return partHeading(block);
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
      // A one-point paragraph: the empty line it leaves at the top of the next page is invisible.
      return [new Paragraph({ children: [new PageBreak()], spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } })];
    case 'section':
      // Only top-level sections become DOCX sections (see document.ts); a nested one is inlined.
      return renderBlocks(block.children, ctx);
    default:
      return unknown(block, ctx);
  }
}

function unknown(block: never, ctx: DocxContext): FileChild[] {
  // Reachable only with unvalidated JSON: the type check proves every known type has a handler.
  const node = block as { type?: unknown; position?: Position };
  ctx.diagnostics.push(writerDiagnostic('W001', node, { format: 'DOCX', type: String(node.type) }));
  return [];
}

/**
 * A heading printed on its own line (`I. …`, `1. …`, `a) …`) is a paragraph in the Heading 1–3
 * style, whose outline level puts it in Word's navigation pane and which keeps it with the next.
 * A run-in heading — a label followed by its text, `a) Mục tiêu chung: …` — is body text: Normal
 * with the level's weight and case as direct formatting, and no outline level; it is a paragraph
 * of its own, so it is not chained to the next one (chained long paragraphs leave gaps) unless
 * it only introduces what follows (`a) Xây dựng nông thôn mới:`).
 */
function heading(node: Heading): Paragraph {
  const level = HEADINGS[node.depth];
  const inlines: Inline[] = [{ type: 'text', value: `${node.label} ` }, ...node.children];
  if (!headingRunsIn(node)) return bodyParagraph(inlineRuns(inlines, { upper: level.upper }), { style: STYLE.heading[node.depth] });
  return bodyParagraph(inlineRuns(inlines, { bold: level.bold, italic: level.italic, upper: level.upper }), { keepNext: headingKeptWithNext(node) });
}

/**
 * `Phần I` and its title: centred, bold, the title in upper case, in the styles PhanLabel and
 * PhanTitle (the title is an outline entry above Heading 1), each kept with the next paragraph.
 */
function partHeading(node: PartHeading): FileChild[] {
  return [
    bodyParagraph(inlineRuns([{ type: 'text', value: node.label }]), { style: STYLE.partLabel }),
    bodyParagraph(inlineRuns(node.children, { upper: true }), { style: STYLE.partTitle }),
  ];
}

function list(node: List, ctx: DocxContext): FileChild[] {
  return node.children.flatMap((item) => listItem(item, node.marker, ctx));
}

/** The marker and a space open the item's first paragraph; further blocks follow it as they are. */
function listItem(item: ListItem, marker: string, ctx: DocxContext): FileChild[] {
  const [first, ...rest] = item.children;
  const markerRun = new TextRun(`${marker}${LIST.markerSeparator}`);
  if (first?.type === 'paragraph') {
    return [bodyParagraph([markerRun, ...inlineRuns(first.children)], { align: first.align, indent: first.indent }), ...renderBlocks(rest, ctx)];
  }
  return [bodyParagraph([markerRun]), ...renderBlocks(item.children, ctx)];
}
