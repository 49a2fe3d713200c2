// Phần only on top-level sections (V614, an error) and, when some top-level section is a part,
// on all of them (V615, a warning at the first that is not), through the real pipeline; and the
// part's sub-sections printed as Mục I., II. again in each part.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '../../../../src/pipeline/compile.js';
import { documentText } from '../../../../src/doctree/text.js';

const root = path.resolve(__dirname, '../../../..');
const base = mkdtempSync(path.join(tmpdir(), 'baocao-parts-'));
let n = 0;
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(sections: string, render = false) {
  const dir = path.join(base, `r${++n}`);
  mkdirSync(dir);
  copyFileSync(path.join(root, 'examples/xa-tien-thang-q3-2025/report.yaml'), path.join(dir, 'report.yaml'));
  writeFileSync(path.join(dir, 'noi-dung.yaml'), `sections:\n${sections}`);
  const c = await compile({ dataDir: dir, cwd: root, skipRender: !render });
  return { c, codes: c.diagnostics.map((d) => `${d.code}@${d.line}`) };
}

const TWO_PARTS = `  - part: "true"
    title: KẾT QUẢ
    sections:
      - title: CHỈ ĐẠO
        content: [{ text: Chỉ đạo. }]
      - title: THỰC HIỆN
        content: [{ text: Thực hiện. }]
  - part: "true"
    title: NHIỆM VỤ
    sections:
      - title: TRỌNG TÂM
        content: [{ text: Nhiệm vụ. }]
`;

describe('parts', () => {
  it('print as Phần I, Phần II, each with its Mục from I.', async () => {
    const { c, codes } = await run(TWO_PARTS, true);
    expect(codes).toEqual([]);
    const text = documentText(c.tree!);
    expect(text).toContain('Phần I\nKẾT QUẢ\nI. CHỈ ĐẠO\nChỉ đạo.\nII. THỰC HIỆN\nThực hiện.\nPhần II\nNHIỆM VỤ\nI. TRỌNG TÂM\nNhiệm vụ.');
  });

  it('V614: a nested section cannot be a part', async () => {
    const { codes } = await run(`  - title: KẾT QUẢ
    sections:
      - part: "true"
        title: CHỈ ĐẠO
        content: [{ text: Chỉ đạo. }]
`);
    expect(codes).toEqual(['V614@5']);
  });

  it('V615: a top-level section that is not a part beside one that is', async () => {
    const { codes } = await run(`${TWO_PARTS}  - title: KIẾN NGHỊ
    content: [{ text: Kiến nghị. }]
`);
    expect(codes).toEqual(['V615@14']);
  });
});
