// Word inlines (src/writers/pdf/inlines.ts): each space-separated word one `noWrap` inline with
// its trailing space — lines break only at ordinary spaces, a style change inside a word splits
// it into styled inlines (unless only punctuation carries the other style), and a no-break space
// never splits a word. Every word of a report passes here.
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../../src/doctree/types.js';
import { wordInlines } from '../../../../src/writers/pdf/inlines.js';

const text = (value: string): Inline => ({ type: 'text', value });
const strong = (value: string): Inline => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): Inline => ({ type: 'emphasis', children: [text(value)] });

describe('word inlines', () => {
  it('split at runs of ordinary spaces, tabs and newlines, dropping leading and trailing ones', () => {
    expect(wordInlines([text('  Hai  từ\tcách\n nhau ')])).toEqual([
      { text: 'Hai ', noWrap: true },
      { text: 'từ ', noWrap: true },
      { text: 'cách ', noWrap: true },
      { text: 'nhau ', noWrap: true },
    ]);
    expect(wordInlines([text('một')])).toEqual([{ text: 'một', noWrap: true }]);
  });

  it('keep a word whole across pieces, split by style only where letters change style', () => {
    expect(wordInlines([text('("'), strong('đậm'), text('") và '), emphasis('nghiêng'), text('ở'), strong('giữa')])).toEqual([
      { text: '("đậm") ', bold: true, noWrap: true },
      { text: 'và ', noWrap: true },
      { text: 'nghiêng', italics: true, noWrap: true },
      { text: 'ở', noWrap: true },
      { text: 'giữa', bold: true, noWrap: true },
    ]);
    expect(wordInlines([strong('Điều '), text('1. Nội'), strong('dung')])).toEqual([
      { text: 'Điều ', bold: true, noWrap: true },
      { text: '1. ', noWrap: true },
      { text: 'Nội', noWrap: true },
      { text: 'dung', bold: true, noWrap: true },
    ]);
  });

  it('bind words joined by a no-break space, which becomes an ordinary one', () => {
    expect(wordInlines([text('Số:\u00a0\u00a0 /BC-UBND')])).toEqual([
      { text: 'Số:   ', noWrap: true },
      { text: '/BC-UBND', noWrap: true },
    ]);
  });

  it('mark a line break between the words of two lines', () => {
    expect(wordInlines([text('dòng một'), { type: 'break' }, text('dòng hai')])).toEqual([
      { text: 'dòng ', noWrap: true },
      { text: 'một', noWrap: true },
      { text: '\n' },
      { text: 'dòng ', noWrap: true },
      { text: 'hai', noWrap: true },
    ]);
  });
});
