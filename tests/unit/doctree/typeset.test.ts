// The typographic decisions made once in the tree (doctree/typeset.ts): the spaces that must not
// break (a number and its unit, a dash inside a sentence, a name from the data) and the
// Vietnamese quotation marks, across inline nodes and whatever strong/emphasis nesting.
import { describe, expect, it } from 'vitest';
import { curlyQuotes, namePatterns, typeset, typesetText } from '../../../src/doctree/typeset.js';
import type { Block, Inline, Root } from '../../../src/doctree/types.js';

const NB = '\u00a0';
const root = (children: Block[]): Root => ({ type: 'root', meta: { title: '', author: '', date: '2024-12-05' }, children });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });

describe('a spaced dash inside a sentence', () => {
  it('binds to the word before it, never to the word after', () => {
    expect(typesetText('Thường trực Huyện ủy - HĐND - UBND huyện')).toBe(`Thường trực Huyện ủy${NB}- HĐND${NB}- UBND huyện`);
    expect(typesetText('kinh tế - xã hội, quốc phòng – an ninh')).toBe(`kinh tế${NB}- xã hội, quốc phòng${NB}– an ninh`);
  });
  it('leaves a list marker at the start of a line, a hyphen and a lone dash alone', () => {
    expect(typesetText('- Hoàn thành công tác GPMB')).toBe('- Hoàn thành công tác GPMB');
    expect(typesetText('a\n- b')).toBe('a\n- b');
    expect(typesetText('4365/QĐ-UBND, 107-NQ/HU')).toBe('4365/QĐ-UBND, 107-NQ/HU');
  });
});

describe('names from the data', () => {
  it('stay whole, whatever their case, but never inside a longer word', () => {
    const names = namePatterns(['An Lão', 'Hà Thế Vinh', 'Tân Dân', 'Ủy ban nhân dân huyện An Lão xã']);
    expect(typesetText('thị trấn An Lão, HUYỆN AN LÃO, ông Hà Thế Vinh', names)).toBe(`thị trấn An${NB}Lão, HUYỆN AN${NB}LÃO, ông Hà${NB}Thế${NB}Vinh`);
    expect(typesetText('Tân Dânh', names)).toBe('Tân Dânh');
    // A name of more than four words is a description, not a name: it may break.
    expect(typesetText('Ủy ban nhân dân huyện An Lão xã', names)).toBe(`Ủy ban nhân dân huyện An${NB}Lão xã`);
  });

  it('are one pattern, or none: a single word is no name to keep whole, and signs in a name are literal', () => {
    expect(namePatterns(['Lão', '  '])).toBeUndefined();
    const names = namePatterns(['Tổ (1) A.B', 'Ngõ 5+6']);
    expect(typesetText('Tổ (1) A.B và Ngõ 5+6, Tổ 1 AxB', names)).toBe(`Tổ${NB}(1)${NB}A.B và Ngõ${NB}5+6, Tổ 1 AxB`);
  });

  it('overlapping names each bind their spaces, found by the one search that rules texts out', () => {
    const names = namePatterns(['Xã An', 'An Lão', 'Tân Dân']);
    expect(typesetText('Xã An Lão và Tân Dân', names)).toBe(`Xã${NB}An${NB}Lão và Tân${NB}Dân`);
    expect(typesetText('không có tên nào', names)).toBe('không có tên nào');
  });
});

describe('quotation marks', () => {
  it('become “…” around a quoted title, opening after a space or bracket', () => {
    expect(curlyQuotes('Chủ đề năm 2024 "Đẩy mạnh" cụ thể ("05")')).toBe('Chủ đề năm 2024 “Đẩy mạnh” cụ thể (“05”)');
  });
});

describe('the tree pass', () => {
  it('works across inline nodes and nesting, in paragraphs, headings, lists and table cells', () => {
    const t = typeset(root([
      para({ type: 'text', value: 'Chủ đề năm 2024 "' }, { type: 'emphasis', children: [{ type: 'text', value: 'Đẩy mạnh' }] }, { type: 'text', value: '" vốn ' }, { type: 'strong', children: [{ type: 'figure', id: 'f', value: '47.670' }] }, { type: 'text', value: ' triệu đồng.' }),
      { type: 'list', marker: '-', children: [{ type: 'listItem', children: [para({ type: 'text', value: 'kinh tế - xã hội' })] }] },
      { type: 'table', columns: [{ width: 1, align: 'left' }], children: [{ type: 'tableRow', kind: 'body', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'thị trấn An Lão' }] }] }] },
    ]), { names: ['An Lão'] });
    expect(t.children[0]).toEqual(para(
      { type: 'text', value: 'Chủ đề năm 2024 “' },
      { type: 'emphasis', children: [{ type: 'text', value: 'Đẩy mạnh' }] },
      { type: 'text', value: '” vốn ' },
      { type: 'strong', children: [{ type: 'figure', id: 'f', value: '47.670' }] },
      { type: 'text', value: `${NB}triệu${NB}đồng.` },
    ));
    expect(JSON.stringify(t.children[1])).toContain(`kinh tế${NB}- xã hội`);
    expect(JSON.stringify(t.children[2])).toContain(`An${NB}Lão`);
    // Idempotent: a typeset tree is left as it is.
    expect(typeset(t, { names: ['An Lão'] })).toEqual(t);
  });
});
