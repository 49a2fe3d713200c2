// Phần, the level above Mục (nd30 §3): the markup numbers `Phần I`, `Phần II` and starts the Mục
// under each at I. again; every writer prints the label and the title centred and bold, the title
// in upper case — DOCX in its own styles (the title an outline entry), PDF as one unbreakable stack
// that is never the last thing on a page, HTML as two centred paragraphs; XLSX takes it as the
// caption of a table under it; the plain-text view gives both lines.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, Root } from '../../../src/doctree/types.js';
import { parseMarkup } from '../../../src/render/markup.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { toPdfDefinition } from '../../../src/writers/pdf/index.js';
import { htmlFragment } from '../../../src/writers/html/index.js';
import { findTables } from '../../../src/writers/xlsx/index.js';
import { blockLines } from '../../../src/doctree/text.js';
import { readStyles, effective } from '../../helpers/docx-styles.js';

const MARKUP = [
  '```part', 'title: Kết quả thực hiện', '```', '', '# Công tác chỉ đạo', '', '# Kết quả', '', '## Thể chế', '',
  '```part', 'title: Nhiệm vụ năm tới', '```', '', '# Nhiệm vụ trọng tâm', '',
].join('\n');

const tree = (children: Block[]): Root => ({ type: 'root', meta: { title: 't', author: 'a', date: '2025-07-01T00:00:00Z' }, children });

describe('markup', () => {
  it('numbers the parts and starts the Mục under each at I.', () => {
    const { value, diagnostics } = parseMarkup(MARKUP);
    expect(diagnostics).toEqual([]);
    expect(value.flatMap(blockLines)).toEqual([
      'Phần I', 'Kết quả thực hiện', 'I. Công tác chỉ đạo', 'II. Kết quả', '1. Thể chế', 'Phần II', 'Nhiệm vụ năm tới', 'I. Nhiệm vụ trọng tâm',
    ]);
  });

  it('refuses a line a part block does not know (T014)', () => {
    expect(parseMarkup('```part\ntitle: A\nlabel: Phần một\n```\n').diagnostics.map((d) => d.code)).toEqual(['T014']);
  });
});

describe('writers', () => {
  const blocks = parseMarkup(MARKUP).value;

  it('DOCX: label and title in the Phần styles, centred, bold, the title upper case with an outline level', async () => {
    const files = unzipSync(await writeDocx(tree(blocks)).then((r) => r.value));
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toMatch(/<w:pStyle w:val="PhanLabel"\/>[\s\S]*?Phần I</);
    expect(doc).toMatch(/<w:pStyle w:val="PhanTitle"\/>[\s\S]*?KẾT QUẢ THỰC HIỆN</);
    const sheet = readStyles(strFromU8(files['word/styles.xml']!));
    const paragraphs = doc.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? [];
    for (const id of ['PhanLabel', 'PhanTitle']) {
      const e = effective(paragraphs.find((p) => p.includes(`w:val="${id}"`))!, sheet);
      expect(e.bold, id).toBe(true);
      expect(e.jc, id).toBe('center');
      expect(e.keepNext, id).toBe(true);
    }
    expect(strFromU8(files['word/styles.xml']!)).toMatch(/w:styleId="PhanTitle"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
  });

  it('PDF: one unbreakable stack, bold and centred, kept with what follows', () => {
    const { value, diagnostics } = toPdfDefinition(tree(blocks));
    expect(diagnostics).toEqual([]);
    const content = JSON.stringify(value.content);
    const stacks: { stack?: unknown[] }[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        if ('stack' in o) stacks.push(o as { stack?: unknown[] });
        Object.values(o).forEach(walk);
      }
    };
    walk(value.content);
    const stack = stacks.find((c) => JSON.stringify(c).includes('"Phần "'));
    expect(stack).toMatchObject({ unbreakable: true, headlineLevel: 1 });
    expect(JSON.stringify(stack)).toContain('"alignment":"center"');
    expect(JSON.stringify(stack)).toContain('"bold":true');
    expect(content).toContain('KẾT');
  });

  it('HTML: two centred paragraphs, the title upper case', () => {
    const { value, diagnostics } = htmlFragment(tree(blocks));
    expect(diagnostics).toEqual([]);
    expect(value).toMatch(/<p class="p no-indent al-center part-label">Phần I<\/p>/);
    expect(value).toMatch(/<p class="p no-indent al-center part-title">KẾT QUẢ THỰC HIỆN<\/p>/);
  });

  it('XLSX: a table right under a part takes the part as its caption', () => {
    const table: Block = { type: 'table', columns: [{ width: 1, align: 'left' }], children: [] };
    const [part] = parseMarkup('```part\ntitle: Số liệu\n```\n').value;
    expect(findTables([part!, table]).map((t) => t.caption)).toEqual(['Phần I Số liệu']);
  });
});
