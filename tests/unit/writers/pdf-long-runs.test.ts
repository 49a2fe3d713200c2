// A run without spaces longer than a line is cut by the PDF writer itself, at once, into pieces
// narrower than a line and wider than half of one: the layout stays linear in the text's length
// (pdfmake breaking a 20 000-character run itself took 30 s and 1 GB), and nothing is lost.
import { describe, expect, it } from 'vitest';
import { cutLongRuns, plainInlines, wordInlines } from '../../../src/writers/pdf/inlines.js';
import { textWidthPt } from '../../../src/writers/metrics.js';
import { writePdf } from '../../../src/writers/pdf/index.js';
import type { Root } from '../../../src/doctree/types.js';
import { sampleTree } from './sample.js';

describe('cutLongRuns', () => {
  it('leaves words and ordinary text alone', () => {
    expect(cutLongRuns('Quyết định số 4365/QĐ-UBND ngày 12/3/2024')).toEqual(['Quyết định số 4365/QĐ-UBND ngày 12/3/2024']);
    expect(cutLongRuns('https://example.gov.vn/van-ban/2024')).toEqual(['https://example.gov.vn/van-ban/2024']);
  });

  it('cuts a long run into pieces between half a line and a line wide, losing nothing', () => {
    const run = 'Đ'.repeat(3000);
    const pieces = cutLongRuns(`trước ${run} sau`);
    expect(pieces.join('')).toBe(`trước ${run} sau`);
    const cut = pieces.filter((p) => /^Đ+$/.test(p));
    expect(cut.length).toBeGreaterThan(10);
    for (const p of cut.slice(0, -1)) {
      expect(textWidthPt(p, 14)).toBeLessThanOrEqual(320);
      expect(textWidthPt(p, 14)).toBeGreaterThan(240);
    }
  });

  it('in a body paragraph each piece takes a line of its own (no justify gap inside the run)', () => {
    const inlines = wordInlines([{ type: 'text', value: `a ${'Đ'.repeat(3000)} b` }], {}, true);
    const pieces = inlines.filter((i) => /^Đ+ ?$/.test(i.text));
    expect(pieces.every((p) => p.noWrap)).toBe(true);
    // Between two pieces, a line break; nowhere two pieces side by side.
    inlines.forEach((inl, i) => {
      if (/^Đ+$/.test(inl.text)) expect(inlines[i + 1]?.text).toBe('\n');
    });
  });

  it('applies to justified words and to plain (centred, table cell) text alike', () => {
    const run = 'x'.repeat(5000);
    for (const inlines of [wordInlines([{ type: 'text', value: `a ${run} b` }]), plainInlines([{ type: 'text', value: `a ${run} b` }])]) {
      expect(inlines.map((i) => i.text).join('').replace(/ /g, '')).toBe(`a${run}b`);
      expect(Math.max(...inlines.map((i) => i.text.length))).toBeLessThan(100);
    }
  });
});

describe('the PDF writer on a 100 000-character run', () => {
  it('finishes (the test timeout is the hang guard)', async () => {
    const tree: Root = sampleTree();
    tree.children = [{ type: 'paragraph', children: [{ type: 'text', value: `Mở đầu ${'x'.repeat(100_000)} kết thúc.` }] }] as Root['children'];
    const r = await writePdf(tree);
    expect(r.value.length).toBeGreaterThan(1000);
  }, 120_000);
});
