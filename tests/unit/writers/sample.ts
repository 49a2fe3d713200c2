/**
 * The sample document tree the writer tests share (tests/fixtures/sample-tree.json): a district
 * report with the page-1 header, title, one recipient, headings of all three depths, paragraphs
 * with strong/emphasis/figure inlines, nested `-`/`+` lists, the signature with its distribution
 * list, and a landscape appendix with a two-row merged table header, group, body and total rows.
 * It is typeset as the pipeline hands trees to writers (doctree/typeset.ts: no-break spaces,
 * quotation marks), the district's name among the names kept whole.
 */
import { readFileSync } from 'node:fs';
import type { Root } from '../../../src/doctree/types.js';
import { typeset } from '../../../src/doctree/typeset.js';

export function sampleTree(): Root {
  const url = new URL('../../fixtures/sample-tree.json', import.meta.url);
  return typeset(JSON.parse(readFileSync(url, 'utf8')) as Root, { names: ['An Lão'] });
}
