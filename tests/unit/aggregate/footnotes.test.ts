// Footnotes in the content model, through the real pipeline on small data folders: `{fn:name}`
// places a note declared under `notes` of the same block (a table's notes for its cells, a stat
// row's `footnote`), the notes are numbered in reading order in the tree, a note holding a list
// keeps it, a note's figures are checked like any other (V312), and the slips are reported:
// undeclared (V700), unused (V701), used twice (V702).
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../../src/pipeline/compile.js';
import { ROOT, contentFolders } from '../../helpers/content-folder.js';
import { toPlainText, walkFootnotes } from '../../../src/doctree/text.js';

const folders = contentFolders('baocao-fn-');
afterAll(folders.remove);

async function run(prose: string) {
  const dir = folders.make(prose, 'rows:\n  - { label: Tổng số, value: "120", footnote: Theo số liệu của Sở Nội vụ. }');
  const c = await compile({ dataDir: dir, cwd: ROOT });
  return { c, codes: c.diagnostics.map((d) => `${d.code}@${d.line}`) };
}

describe('footnotes in the content model', () => {
  it('numbers the notes in reading order, in prose, lists, table cells and stat rows', async () => {
    const { c, codes } = await run(`
- text: Tổng số {tong} hồ sơ.{fn:a}
  figures: { tong: { value: "120", sameAs: "bm1[1]" } }
  notes:
    a:
      text: "Gồm:"
      items: [Hồ sơ trực tuyến;, Hồ sơ trực tiếp.]
- list:
    - text: Mục có chú thích{fn:b}
      notes: { b: Chú thích của mục. }
- table:
    columns: [{ title: Nội dung }]
    rows: [["Ô có chú thích{fn:c}"]]
    notes: { c: Chú thích trong ô bảng. }
`);
    expect(codes).toEqual([]);
    const notes = [...walkFootnotes(c.tree!.children)];
    expect(notes.map((f) => f.label)).toEqual(['1', '2', '3', '4']);
    expect(notes.map((f) => f.children.map((b) => (b.type === 'paragraph' ? toPlainText(b.children) : `${b.children.length} items`)))).toEqual([
      ['Gồm:', '2 items'], ['Chú thích của mục.'], ['Chú thích trong ô bảng.'], ['Theo số liệu của Sở Nội vụ.'],
    ]);
  });

  it("checks a note's figures like any other", async () => {
    const { codes } = await run(`
- text: Tổng số hồ sơ.{fn:a}
  notes:
    a:
      text: Trong đó {tong} hồ sơ.
      figures: { tong: { value: "121", sameAs: "bm1[1]" } }
`);
    expect(codes).toEqual(['V312@8']); // at the note's figure
  });

  it('reports an undeclared, an unused and a twice-used footnote', async () => {
    const { codes } = await run(`
- text: Câu một{fn:x} và câu hai{fn:a}{fn:a}.
  notes: { a: Chú thích a., b: Chú thích b. }
`);
    expect(codes.sort()).toEqual(['V700@4', 'V701@5', 'V702@4']);
  });
});
