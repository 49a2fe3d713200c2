// Limits that keep the work bounded by the input: nesting measured before parsing, alias
// expansion and alias cycles measured before the document becomes JavaScript values.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { deepestOpening, expansionProblem, MAX_DEPTH } from '../../../src/load/limits.js';

const ROOT = path.resolve(__dirname, '../../..');

describe('deepestOpening', () => {
  it('finds the bracket that passes the limit, open or closed, at once', () => {
    const text = `a: ${'['.repeat(1_000_000)}`;
    expect(deepestOpening(text)).toBe(3 + MAX_DEPTH - 1);
    expect(deepestOpening(`a: ${'['.repeat(10)}${']'.repeat(10)}`, 5)).toBe(3 + 4);
  });

  it('counts compact dashes and block indentation', () => {
    expect(deepestOpening(`${'- '.repeat(100)}x`, 10)).toBe(2 * 9);
    const block = Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(deepestOpening(block, 10)).toBeGreaterThan(0);
    expect(deepestOpening(block, 20)).toBe(-1);
  });

  it('does not count brackets in prose, in quotes, in comments or in block scalars', () => {
    const text = [
      `name: Dự án [giai đoạn ${'['.repeat(100)}`,
      `quoted: "${'['.repeat(100)}"`,
      `single: '${'{'.repeat(100)}'`,
      `# ${'['.repeat(100)}`,
      'text: >-',
      `  ${'['.repeat(100)}`,
      `  - ${'- '.repeat(100)}`,
      'flow: [a, "[[[[", b]',
    ].join('\n');
    expect(deepestOpening(text, 10)).toBe(-1);
  });

  it('lets every data file of the repository through', () => {
    for (const f of readdirSync(path.join(ROOT, 'data/2024'))) {
      expect(deepestOpening(readFileSync(path.join(ROOT, 'data/2024', f), 'utf8')), f).toBe(-1);
    }
  });
});

describe('expansionProblem', () => {
  it('stops at the alias that takes the expanded size past the limit', () => {
    const doc = parseDocument(`big: &big "${'x'.repeat(1000)}"\nl: [*big, *big, *big, *big]\n`, { schema: 'failsafe' });
    const p = expansionProblem(doc, 2500);
    expect(p?.kind).toBe('size');
    expect(p?.node.range?.[0]).toBe(`big: &big "${'x'.repeat(1000)}"\nl: [*big, `.length);
    expect(expansionProblem(doc, 10_000)).toBeNull();
  });

  it('measures nested aliases without walking them (a billion laughs is one multiplication)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`${'abcdefghijkl'[i]}: &${'abcdefghijkl'[i]} [${Array(10).fill(`*${'abcdefghijkl'[i - 1]}`).join(', ')}]`);
    expect(expansionProblem(parseDocument(lines.join('\n'), { schema: 'failsafe' }))?.kind).toBe('size');
  });

  it('finds an alias inside the value it names', () => {
    const doc = parseDocument('a:\n  b: &l\n    c: [1, *l]\n', { schema: 'failsafe' });
    expect(expansionProblem(doc)?.kind).toBe('cycle');
  });

  it('accepts ordinary aliases', () => {
    expect(expansionProblem(parseDocument('a: &n Tên\nb: *n\nc: [*n, *n]\n', { schema: 'failsafe' }))).toBeNull();
  });
});

describe('syntax errors of one file', () => {
  it('are listed once per place and message, at most 20, then one note with the count', async () => {
    const { parseSource } = await import('../../../src/load/index.js');
    const text = Array.from({ length: 300 }, (_, i) => `a${i}: x: y`).join('\n');
    const d = parseSource(text, 'x.yaml').diagnostics;
    expect(d.filter((x) => x.code === 'L004').length).toBe(20);
    expect(d.filter((x) => x.code === 'L025')).toHaveLength(1);
    expect(d.at(-1)!.message).toMatch(/còn \d+ lỗi cú pháp khác/);
    const keys = d.map((x) => `${x.code} ${x.line}:${x.column} ${x.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
