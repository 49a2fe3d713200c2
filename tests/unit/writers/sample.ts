/**
 * The sample document tree the writer tests share (tests/fixtures/sample-tree.json): a district
 * report with the page-1 header, title, one recipient, headings of all three depths, paragraphs
 * with strong/emphasis/figure inlines, nested `-`/`+` lists, the signature with its distribution
 * list, and a landscape appendix with a two-row merged table header, group, body and total rows.
 */
import { readFileSync } from 'node:fs';
import type { Root } from '../../../src/doctree/types.js';

export function sampleTree(): Root {
  const url = new URL('../../fixtures/sample-tree.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Root;
}
