/**
 * The pure step of the HTML writer: the document tree becomes the markup of the report — one
 * A4 sheet per page run (portrait body, landscape appendix), a new sheet at each top-level page
 * break, the draft mark and a watermark repeated down every sheet of a draft — and, for a whole
 * file, the
 * page around it: language, title, author, the stylesheet from the theme and the Tinos
 * @font-face rules. `htmlFragment` is what the preview swaps in on every change; `toHtml` is the
 * standalone document.
 */
import type { Diagnostic, StageResult } from '../../diagnostics/types.js';
import type { Block, Root } from '../../doctree/types.js';
import { DRAFT, FONT } from '../theme.js';
import { pageRuns } from '../structure.js';
import { blocksHtml } from './blocks.js';
import { withSectionNotes } from './footnotes.js';
import { inlinesHtml } from './inlines.js';
import { escapeAttr, escapeText } from './escape.js';
import { fontFaceCss, type FontSource } from './fonts.js';
import { reportCss } from './style.js';

export interface HtmlOptions {
  /** Where the fonts come from: inline (a self-contained file, the default) or at URLs under a base. */
  fonts?: FontSource;
  /** Markup added at the end of <head> (the preview's stylesheet). */
  head?: string;
  /** Markup added at the end of <body> (the preview's overlay and script). */
  bodyEnd?: string;
}

/** The sheets of the report, inside `<div class="baocao">`: what the preview swaps in on each change. */
export function htmlFragment(root: Root): StageResult<string> {
  const diagnostics: Diagnostic[] = [];
  const draft = root.meta.draft ?? false;
  const sheets = pageRuns(root).flatMap((run, r) =>
    splitAtPageBreaks(run.children).map((blocks, s) => {
      const classes = ['sheet', run.orientation, ...(s === 0 && run.restartNumbering ? ['restart'] : []), ...(draft ? ['draft'] : [])];
      const marks = draft ? `<div class="draft-mark">${escapeText(DRAFT.text)}</div>` : '';
      return `<section class="${classes.join(' ')}" data-run="${r}">${marks}\n${withSectionNotes(blocks, (part) => blocksHtml(part, { diagnostics }), (nodes) => inlinesHtml(nodes, { words: true }, diagnostics))}\n</section>`;
    }),
  );
  return { value: `<div class="baocao" lang="${FONT.language}">\n${sheets.join('\n')}\n</div>`, diagnostics };
}

/** The whole document: head with title, author, fonts and styles; body with the sheets. */
export function toHtml(root: Root, options: HtmlOptions = {}): StageResult<string> {
  const { value: fragment, diagnostics } = htmlFragment(root);
  const fonts = fontFaceCss(options.fonts ?? { embed: true });
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${FONT.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(root.meta.title)}</title>`,
    `<meta name="author" content="${escapeAttr(root.meta.author)}">`,
    `<meta name="date" content="${escapeAttr(root.meta.date)}">`,
    '<meta name="generator" content="baocao">',
    `<style>\n${fonts}\n${reportCss()}\n</style>`,
    options.head ?? '',
    '</head>',
    '<body class="baocao-desk">',
    fragment,
    options.bodyEnd ?? '',
    '</body>',
    '</html>',
    '',
  ].filter((l) => l !== '').join('\n');
  return { value: html, diagnostics };
}

/** A page run's blocks split at top-level page breaks: each part is a sheet of its own. */
function splitAtPageBreaks(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'pageBreak') parts.push([]);
    else parts[parts.length - 1]!.push(block);
  }
  return parts.filter((p, i) => p.length > 0 || i === 0);
}
