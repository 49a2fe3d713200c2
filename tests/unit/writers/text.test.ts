import { describe, expect, it } from 'vitest';
import { segments } from '../../../src/writers/text.js';
import { typesetText as bindUnitsInText, typeset } from '../../../src/doctree/typeset.js';
import type { Inline, Root } from '../../../src/doctree/types.js';
import { wordInlines } from '../../../src/writers/pdf/inlines.js';

const NBSP = '\u00a0';

describe('a number and its unit', () => {
  it('are joined by no-break spaces, multi-word units included', () => {
    expect(bindUnitsInText('tổng 47.670 triệu đồng, 22,63 ha và 2.340.390.000 đồng')).toBe(
      `tổng 47.670${NBSP}triệu${NBSP}đồng, 22,63${NBSP}ha và 2.340.390.000${NBSP}đồng`,
    );
    expect(bindUnitsInText('đạt 85,5 % và 8.948 m²')).toBe(`đạt 85,5${NBSP}% và 8.948${NBSP}m²`);
  });

  it('leave numbers followed by ordinary words, and words that merely start like a unit, alone', () => {
    expect(bindUnitsInText('06 hộ dân, 5 mặt hàng, 12 hàng rào, năm 2024 đã')).toBe('06 hộ dân, 5 mặt hàng, 12 hàng rào, năm 2024 đã');
  });

  it('are joined across inline nodes (a figure, then its unit in the text)', () => {
    const children: Inline[] = [
      { type: 'text', value: 'Tổng vốn ' },
      { type: 'figure', id: 'x', value: '47.670' },
      { type: 'text', value: ' triệu đồng.' },
    ];
    const root: Root = { type: 'root', meta: { title: '', author: '', date: '2024-12-05' }, children: [{ type: 'paragraph', children }] };
    const p = typeset(root).children[0]!;
    const segs = segments(p.type === 'paragraph' ? p.children : []);
    expect(segs.map((s) => (s.kind === 'text' ? s.text : '|')).join('')).toBe(`Tổng vốn 47.670${NBSP}triệu${NBSP}đồng.`);
  });

  it('become one noWrap group of ordinary spaces in the PDF', () => {
    const inlines = wordInlines([{ type: 'text', value: bindUnitsInText('diện tích 22,63 ha đất') }], {}, true);
    expect(inlines.map((i) => i.text)).toEqual(['diện ', 'tích ', '22,63 ha ', 'đất']);
    expect(inlines.every((i) => i.noWrap)).toBe(true);
  });
});
