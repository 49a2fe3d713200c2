// Characters a DOCX cannot hold are errors (L021) and invisible ones warnings (L022), each at
// the character itself when it is written raw, else at its value.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/load/index.js';

const codes = (text: string) => parseSource(text, 'x.yaml').diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);

describe('characters', () => {
  it.each([
    ['U+FFFE raw', 'a: xy\uFFFE\n', 'L021 1:6'],
    ['U+FFFF escaped', 'a: "x\\uFFFF"\n', 'L021 1:4'],
    ['a lone high surrogate', 'a: "x\\uD800y"\n', 'L021 1:4'],
    ['a lone low surrogate', 'a: "\\uDC00"\n', 'L021 1:4'],
    ['U+0085 (C1)', 'a: x\u0085\n', 'L021 1:5'],
    ['U+2028', 'a: "x\u2028y"\n', 'L021 1:6'],
    ['U+2029 in a key', 'k\u2029: v\n', 'L021 1:2'],
    ['U+FDD0', 'a: \uFDD0\n', 'L021 1:4'],
    ['U+1FFFE', 'a: "\\U0001FFFE"\n', 'L021 1:4'],
    ['U+FEFF inside', 'a: An\uFEFFLão\n', 'L022 1:6'],
    ['U+200B', 'b: ok\na: x\u200B\n', 'L022 2:5'],
  ])('%s', (_, text, expected) => {
    expect(codes(text)).toContain(expected);
  });

  it('accepts a surrogate pair, emoji and Vietnamese', () => {
    expect(codes('a: "😀 \\U0001F600 Tiếng Việt"\nb: 𝔸\n')).toEqual([]);
  });

  it('refuses the file on an error, keeps it on a warning', () => {
    expect(parseSource('a: \uFFFE\n', 'x.yaml').value).toBeNull();
    expect(parseSource('a: \u200B\n', 'x.yaml').value).not.toBeNull();
  });
});
