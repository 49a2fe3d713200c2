/**
 * Inline nodes as HTML: one handler per inline type (exhaustive switch), text NFC-normalised and
 * escaped, strong/emphasis as <strong>/<em>, a hard break as <br>, and a figure as
 * `<span class="figure" data-figure="ID">value</span>` so the preview can show where it came
 * from. In body text a word holding `-` or `/` (`4365/QĐ-UBND`, `kinh tế - xã hội` excepted: a
 * lone dash is its own word) is kept on one line, as the PDF writer keeps it: browsers would
 * otherwise break after the hyphen or slash.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Inline } from '../../doctree/types.js';
import { writerDiagnostic } from '../structure.js';
import { nfc } from '../text.js';
import { escapeAttr, escapeText } from './escape.js';

export interface InlineOptions {
  /** Upper-case every text (depth-1 headings, appendix titles), with Vietnamese rules. */
  upper?: boolean;
  /** Body text: words with an inner `-` or `/` never break (the PDF's noWrap words). */
  words?: boolean;
}

/** Words longer than this may still break inside (a URL must not run off the page), as in the PDF. */
const MAX_UNBREAKABLE = 40;
const BREAKS_INSIDE = /[-/‐–]/u;

export function inlinesHtml(nodes: readonly Inline[], opts: InlineOptions, diagnostics: Diagnostic[]): string {
  return nodes.map((node) => inlineHtml(node, opts, diagnostics)).join('');
}

function inlineHtml(node: Inline, opts: InlineOptions, diagnostics: Diagnostic[]): string {
  switch (node.type) {
    case 'text':
      return textHtml(node.value, opts);
    case 'strong':
      return `<strong>${inlinesHtml(node.children, opts, diagnostics)}</strong>`;
    case 'emphasis':
      return `<em>${inlinesHtml(node.children, opts, diagnostics)}</em>`;
    case 'figure':
      return `<span class="figure" data-figure="${escapeAttr(node.id)}">${textHtml(node.value, opts)}</span>`;
    case 'break':
      return '<br>';
    default:
      return unknownInline(node, opts, diagnostics);
  }
}

function unknownInline(node: never, opts: InlineOptions, diagnostics: Diagnostic[]): string {
  // Reachable only with unvalidated JSON: keep whatever text the node carries, and say so.
  const n = node as { type?: unknown; value?: unknown };
  diagnostics.push(writerDiagnostic('W001', undefined, { format: 'HTML', type: String(n.type) }));
  return typeof n.value === 'string' ? textHtml(n.value, opts) : '';
}

/** Escaped text, upper-cased if asked, with body-text words that must not break wrapped in `.nw`. */
export function textHtml(value: string, opts: InlineOptions = {}): string {
  // Spaces that must not break arrive as U+00A0 from the tree (doctree/typeset.ts).
  const text = opts.upper ? nfc(value).toLocaleUpperCase('vi') : nfc(value);
  if (!opts.words) return escapeText(text);
  return text
    .split(/([ \t\r\n]+)/)
    .map((part, i) => {
      if (i % 2 === 1 || part.length < 3) return escapeText(part);
      const inner = BREAKS_INSIDE.test(part.slice(1, -1));
      return inner && [...part].length <= MAX_UNBREAKABLE ? `<span class="nw">${escapeText(part)}</span>` : escapeText(part);
    })
    .join('');
}
