// A table's caption, its italic line and a part's title (`keepWithNext` paragraphs) stay on the
// page of what follows in every paginated writer: keepNext in the DOCX, a headline that never
// ends a page in the PDF, `break-after: avoid` in the HTML — and a plain paragraph does not.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Block, Root } from '../../../src/doctree/types.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { writeHtml } from '../../../src/writers/html/index.js';
import { renderBlocks } from '../../../src/writers/pdf/blocks.js';
import { sampleTree } from './sample.js';

const kept: Block = { type: 'paragraph', align: 'left', indent: false, keepWithNext: true, children: [{ type: 'strong', children: [{ type: 'text', value: 'Phần II. Hạ tầng số' }] }] };
const plain: Block = { type: 'paragraph', children: [{ type: 'text', value: 'Đoạn văn thường.' }] };

function withBlocks(): Root {
  const root = sampleTree();
  root.children.push(plain, kept);
  return root;
}

/** The XML of the paragraph holding `text`. */
function paragraphOf(xml: string, text: string): string {
  const at = xml.indexOf(text);
  return xml.slice(Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at)), at);
}

describe('keepWithNext paragraphs', () => {
  it('DOCX: keepNext on the kept paragraph only', async () => {
    const xml = strFromU8(unzipSync((await writeDocx(withBlocks())).value)['word/document.xml']!);
    expect(paragraphOf(xml, 'Phần II. Hạ tầng số')).toContain('<w:keepNext/>');
    expect(paragraphOf(xml, 'Đoạn văn thường.')).not.toContain('<w:keepNext/>');
  });

  it('PDF: a headline (never the last node on a page) for the kept paragraph only', () => {
    const out = renderBlocks([plain, kept], { textWidth: 400, diagnostics: [] }) as { headlineLevel?: number }[];
    expect(out.map((c) => c.headlineLevel)).toEqual([undefined, 4]);
  });

  it('HTML: the keep class (break-after: avoid) on the kept paragraph only', async () => {
    const html = Buffer.from((await writeHtml(withBlocks())).value).toString('utf8');
    expect(html).toMatch(/<p class="[^"]*\bkeep\b[^"]*"><strong>Phần II\. Hạ tầng số/);
    expect(html).not.toMatch(/<p class="[^"]*\bkeep\b[^"]*">Đoạn văn thường\./);
  });
});
