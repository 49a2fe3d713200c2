// The fast reader (src/load/plain-yaml.ts) against the full path (the `yaml` library's model,
// src/load/index.ts parseWithModel): on every YAML file of the repository and on thousands of
// mutations of them, it either gives up or gives the same values and the same position index,
// and it only reads files on which the full path reports nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../../src/load/plain-yaml.js';
import { MAX_DEPTH, parseWithModel } from '../../../src/load/index.js';
import { random } from '../../helpers/random.js';

const root = path.resolve(import.meta.dirname, '../../..');

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** The texts as the loader hands them to the reader (no BOM, LF, NFC). */
const texts = yamlFiles(root).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC') }));

/** Same answer both ways, or the fast reader gave up. Returns whether it read the text. */
function agree(text: string, label: string): boolean {
  const fast = readPlainYaml(text, MAX_DEPTH);
  if (!fast) return false;
  const full = parseWithModel(text, 'f.yaml');
  expect(full.diagnostics, `${label}: the fast reader read a text the full path reports on`).toEqual([]);
  expect(full.value, label).not.toBeNull();
  expect(fast.data, label).toStrictEqual(full.value!.data);
  expect(fast.index.snapshot(), label).toStrictEqual(full.value!.index.snapshot());
  return true;
}


const PIECES = [' ', '  ', ':', ': ', '-', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '>', '>-', '|+', '&a', '*a', '!', '?', '\n', '\n\n', '\n  ', '\n- ', 'x', 'ệ', '---', '...', '%', '@', '`', '<<', '\t', '\\', '\u200b', '~', '0'];

describe('the fast YAML reader', () => {
  it('reads the repository’s data as the full path does', () => {
    let read = 0;
    for (const { file, text } of texts) if (agree(text, file)) read++;
    // It is only worth having if it reads the data it was made for.
    expect(read).toBeGreaterThan(texts.length / 2);
    for (const file of ['data/2024/investment.yaml', 'data/2024/communes.yaml', 'data/2024/digital.yaml']) {
      expect(readPlainYaml(texts.find((t) => t.file === file)!.text, MAX_DEPTH), file).not.toBeNull();
    }
  });

  it('gives up or agrees on mutations of that data', () => {
    const rnd = random(31);
    const sources = texts.filter((t) => t.text.length < 60_000);
    let read = 0;
    for (let round = 0; round < 4000; round++) {
      const { file, text } = sources[Math.floor(rnd() * sources.length)]!;
      let t = text;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const at = Math.floor(rnd() * (t.length + 1));
        const op = rnd();
        if (op < 0.4) t = t.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + t.slice(at);
        else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
        else {
          // Re-indent a line: the commonest slip in hand-edited YAML.
          const ls = t.split('\n');
          const i = Math.floor(rnd() * ls.length);
          ls[i] = rnd() < 0.5 ? ` ${ls[i]}` : ls[i]!.replace(/^ /, '');
          t = ls.join('\n');
        }
      }
      if (agree(t, `${file} mutation ${round}`)) read++;
    }
    expect(read).toBeGreaterThan(400);
  });

  it('gives up or agrees on generated documents in every style it reads', () => {
    const rnd = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const WORDS = ['a', 'Tân Dân', 'x-1', '676.373 triệu đồng', '-5', ':x', '?y', 'a:b', 'a #b', "it's", 'q"q', '', ' ', 'ệ ố', 'true', '~', '1,5', 'a, b', '[x]', '{y}', 'k: v', '#', 'x  ', '- z', '|', '>', '&a', '*a', '!t', '@', '%', 'a\\b'];
    const scalar = (): string => {
      const w = pick(WORDS);
      const r = rnd();
      if (r < 0.6) return w;
      if (r < 0.8) return `'${w.replace(/'/g, "''")}'`;
      return `"${w}"`;
    };
    const flow = (depth: number): string => {
      if (depth > 2 || rnd() < 0.5) return scalar();
      if (rnd() < 0.5) return `[${Array.from({ length: Math.floor(rnd() * 3) }, () => flow(depth + 1)).join(pick([', ', ',', ' , ']))}]`;
      return `{${pick(['', ' '])}${Array.from({ length: Math.floor(rnd() * 3) }, () => `${scalar()}: ${flow(depth + 1)}`).join(', ')}${pick(['', ' '])}}`;
    };
    const block = (indent: number, depth: number, lines: string[], seq: boolean): void => {
      const pad = ' '.repeat(indent);
      const n = 1 + Math.floor(rnd() * 3);
      const keys = new Set<string>();
      for (let k = 0; k < n; k++) {
        let head = pad;
        if (seq) head += pick(['- ', '-  ', '-']);
        else {
          let key = scalar();
          while (keys.has(key)) key += 'k';
          keys.add(key);
          head += `${key}:${pick([' ', '  ', ''])}`;
        }
        const r = rnd();
        if (depth < 3 && r < 0.3) {
          lines.push(head.replace(/ +$/, pick(['', ' '])));
          if (rnd() < 0.1) lines.push(pick(['', `${pad}  # note`, '#']));
          block(indent + pick([1, 2, 4]), depth + 1, lines, rnd() < 0.5);
        } else if (r < 0.45) {
          lines.push(`${head}${pick(['|', '>', '|-', '>-', '|+', '>+', '|2'])}`);
          const inner = ' '.repeat(indent + pick([1, 2, 3]));
          for (let l = 1 + Math.floor(rnd() * 3); l > 0; l--) lines.push(rnd() < 0.2 ? '' : `${inner}${rnd() < 0.1 ? ' ' : ''}${pick(WORDS)}`);
        } else if (r < 0.6) {
          lines.push(`${head}${flow(0)}${pick(['', ' '])}`);
        } else {
          lines.push(`${head}${scalar()}${pick(['', '', ' ', ' # c'])}`);
        }
      }
    };
    let read = 0;
    for (let round = 0; round < 4000; round++) {
      const lines: string[] = [];
      if (rnd() < 0.3) lines.push('# đầu tệp');
      block(0, 0, lines, false);
      const text = lines.join('\n') + pick(['\n', '', '\n\n']);
      if (agree(text, `generated ${round}: ${JSON.stringify(text)}`)) read++;
    }
    expect(read).toBeGreaterThan(100);
  });

  it('reads block scalars, flow collections and empty values at the ends of files as the full path does', () => {
    const cases = [
      'a: |\n  x\n  y\n', 'a: |\n  x', 'a: |-\n  x\n\n', 'a: |+\n  x\n\n', 'a: >\n  x\n  y\n\n  z\n', 'a: >+\n  x\n', 'a: >-\n  x\n  y',
      'a:\n', 'a:', 'a:\nb:\n  - \n  -\n', 'a: { b: c, d: [e, f] }\n', 'a: []\nb: {}\n', "a: 'it''s'\n", 'a: "x y"  \n', 'a:\n- x\n- y\nb: z\n',
      '- a\n', '', '# only a comment\n', 'a: b # c\n', 'a: b\n  c\n', 'a: -1\nb: ?x\nc: :y\n', "'k': v\n\"q\": w\n", 'a:\n  # note\n  b: c\n',
      'a  : b\n', 'a: b  \n', '- a: 1\n  b: 2\n', 'a:\n  - b: 1\n    c: 2\n  - d\n', 'a: "x" \n', "a: 'x'y\n", 'a: x:y\n', 'a: x: y\n',
      '"a b": c\n', 'a: [x, "y, z"]\n', "a: {'k': v}\n", 'a: { k: }\n', 'a: [ ]\n', 'a: -\n', 'a: - b\n', 'a: ? b\n', 'a: !b\n', 'a: %b\n',
      'a: @b\n', 'a: b\n\n\nc: d\n', '   \na: b\n', '\na: b', 'a: b\n  # c\n', 'a: >\n\n  x\n', 'a: |\n  x\n # c\n', 'a: |\n  x\n  # c\n',
      'a: >-\n  x\n\n\n  y\n', 'a:\n  b:\n    c: d\n  e: f\ng: h\n', 'a: [a, [b, {c: d}]]\n', 'a: {b: [c, d], e: f}\n', 'a: [a,b]\n', 'a: {b: c,d: e}\n',
      'a: [a]x\n', 'a: x # y\n', 'a: "x" # y\n', 'a: b\r\n', 'a:\tb\n', 'a: b\nb: c\na: d\n', 'a: {b: 1, b: 2}\n', '<<: x\n', '__proto__: x\n',
      'a: # c\n  b: 1\n', '- # c\n  - x\n', 'a: # c\n- x\n', 'a: "x" # c\n', 'a: [x] # c\n', 'a: {b: c} # d\n', 'a: b #c\n', 'a: b #\n', 'a: # c\n',
      "a: 'x'# c\n", 'a: b  #  c\n', 'a: >- # c\n  x\n', 'a: b # c: d\n', '- a # b: c\n', 'a:\n  - x # c\n  - y\n', 'a: b # c\n  d\n',
    ];
    for (const c of cases) agree(c, JSON.stringify(c));
    expect(readPlainYaml('a: |\n  x\n  y\n', MAX_DEPTH)?.data).toEqual({ a: 'x\ny\n' });
    expect(readPlainYaml('a: b # c\n', MAX_DEPTH)?.data).toEqual({ a: 'b' });
    // A `#` glued to a value is the full path's to warn about (L014).
    expect(readPlainYaml('a: b #c\n', MAX_DEPTH)).toBeNull();
  });
});
