// parseInline's shortcut for text without emphasis or line breaks (most table cells) gives the
// same inlines as markdown-it: escaped data, figure and footnote markers, stray backslashes.
import { describe, expect, it } from 'vitest';
import { escapeMarkup, figureMarker, footnoteMarker } from '../../../src/render/escape.js';
import { parseInline, parseInlineMarkdown } from '../../../src/render/markup.js';

const DATA = [
  '',
  ' ',
  'Cải tạo, nâng cấp đường trục xã An Lão, hạng mục số 12 (lĩnh vực 3)',
  '1.234.567 triệu đồng',
  'Dự án #1 <x> [y] {z} ~w~ `c` "q" \'s\' a|b ^2 >2 100% a+b=c a/b @ $ ! ? ;:',
  'C:\\đường\\dẫn \\ cuối \\',
  '  đầu và cuối có dấu cách  ',
  'Thường Thọ – “trích dẫn”',
];

const SAMPLES = [
  ...DATA.map(escapeMarkup),
  ...DATA.map((d) => `Tổng: ${figureMarker('investment.area.x-1', d)} (ghi chú)`),
  `Câu có chú thích${footnoteMarker('Ghi chú *đậm* và\n- một dòng')} ở giữa`,
  `${figureMarker('a', '12,5 ha')}${figureMarker('b', '3 %')}`,
  '\\a \\1 \\é \\\\\\, \\\\',
  'a \\',
];

describe('parseInline', () => {
  it.each(SAMPLES.map((s) => [s]))('reads %j as markdown-it does', (markup) => {
    expect(parseInline(markup)).toEqual(parseInlineMarkdown(markup));
  });

  it('still parses emphasis and line breaks', () => {
    expect(parseInline('a *b* _c_\nd')).toEqual(parseInlineMarkdown('a *b* _c_\nd'));
    expect(parseInline('**đậm** \\*không\\*')).toEqual([{ type: 'strong', children: [{ type: 'text', value: 'đậm' }] }, { type: 'text', value: ' *không*' }]);
  });

  it('unescapes data', () => {
    expect(parseInline(escapeMarkup('Dự án *A* _B_ #1, <x>'))).toEqual([{ type: 'text', value: 'Dự án *A* _B_ #1, <x>' }]);
    expect(parseInline(escapeMarkup('1.234 ha'))).toEqual([{ type: 'text', value: '1.234 ha' }]);
  });
});
