// Figure ids and labels from the data: `<file>:<nearest id>.<figure name>` whatever the position
// of the block, a list item's own id, V613 when two declarations in one scope share a name, and
// labels made of the words around the figure.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '../../../src/pipeline/compile.js';
import { contextLabel } from '../../../src/aggregate/content.js';

const root = path.resolve(__dirname, '../../..');
const base = mkdtempSync(path.join(tmpdir(), 'baocao-ids-'));
let n = 0;
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The figures (id → label) and diagnostic codes of a bao-cao folder whose noi-dung.yaml is `doc`. */
async function run(doc: string) {
  const dir = path.join(base, `r${++n}`);
  mkdirSync(dir);
  copyFileSync(path.join(root, 'examples/xa-tien-thang-q3-2025/report.yaml'), path.join(dir, 'report.yaml'));
  writeFileSync(path.join(dir, 'noi-dung.yaml'), doc);
  const c = await compile({ dataDir: dir, cwd: root, skipRender: true });
  const figures = new Map((c.model?.figures ?? []).map((f) => [f.id, f.label]));
  return { figures, codes: c.diagnostics.map((d) => `${d.code}@${d.line}`) };
}

const SECTION = (body: string) => `sections:\n  - id: kinh-te\n    title: Về kinh tế\n    content:\n${body}`;

describe('figure ids', () => {
  it('are <file>:<nearest id>.<name>: a block id, else the section id, else the section title', async () => {
    const r = await run(`${SECTION(`      - id: lua
        text: Gieo cấy {dienTich} lúa.
        figures: { dienTich: "412,5 ha" }
      - text: Thu {thu} ngân sách.
        figures: { thu: "8.215 triệu đồng" }
`)}  - title: Văn hóa xã hội
    content:
      - list:
          - text: Khai giảng tại {truong} trường.
            figures: { truong: "3" }
          - id: tro-cap
            text: Chi trả cho {doiTuong} đối tượng.
            figures: { doiTuong: "186" }
`);
    expect(r.codes).toEqual([]);
    expect([...r.figures.keys()]).toEqual(['noi-dung:lua.dienTich', 'noi-dung:kinh-te.thu', 'noi-dung:van-hoa-xa-hoi.truong', 'noi-dung:tro-cap.doiTuong']);
  });

  it('V613 when two blocks of one scope declare the same name; ids on the blocks make it go away', async () => {
    const twin = (ids: boolean) => SECTION(`      - ${ids ? 'id: quy-3\n        ' : ''}text: Thu quý III đạt {thu}.
        figures: { thu: 2.100 triệu đồng }
      - ${ids ? 'id: quy-4\n        ' : ''}text: Thu quý IV đạt {thu}.
        figures: { thu: 2.400 triệu đồng }
`);
    const clash = await run(twin(false));
    expect(clash.codes).toEqual(['V613@8']);
    expect([...clash.figures.keys()]).toEqual(['noi-dung:kinh-te.thu', 'noi-dung:kinh-te.thu#2']);
    const named = await run(twin(true));
    expect(named.codes).toEqual([]);
    expect([...named.figures.keys()]).toEqual(['noi-dung:quy-3.thu', 'noi-dung:quy-4.thu']);
  });
});

describe('figure labels', () => {
  it('are the words around the figure in its clause, other figures shown as …', () => {
    const text = 'Tổng thu ngân sách trên địa bàn 9 tháng đạt {thu}, chi ngân sách {chi} (chi tiết tại Phụ lục).';
    expect(contextLabel(text, text.indexOf('{thu}'))).toBe('ngân sách trên địa bàn 9 tháng đạt …');
    expect(contextLabel(text, text.indexOf('{chi}'))).toBe('bàn 9 tháng đạt …, chi ngân sách …');
    expect(contextLabel('{thu}', 0)).toBe('');
  });

  it('of a table cell: its row and column when the cell is only the figure', async () => {
    const r = await run(`${SECTION(`      - id: bang
        table:
          columns:
            - { title: STT, width: "8", align: center }
            - { title: Nội dung, width: "52" }
            - { title: Thực hiện, width: "20", align: right }
          rows:
            - ["1", "Thu ngân sách", "{thu}"]
          figures: { thu: "8215" }
`)}`);
    expect(r.figures.get('noi-dung:bang.thu')).toBe('Thu ngân sách – Thực hiện');
  });
});
