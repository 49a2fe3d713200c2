// The compact position index answers exactly as the YAML document model did: for every value of
// every data file of data/2024 (and each key of each mapping), the line and column found through
// the index equal those found by walking the parsed document. The document model is not kept.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseSource, positionOf, keyPositionOf, isPlainScalar } from '../../../src/load/index.js';
import { MAX_VALUES, prescan } from '../../../src/load/limits.js';
import { MAX_FILE_BYTES, PARSE_BUDGET_BYTES, PARSE_COST_PER_BYTE } from '../../../src/files/capped.js';

const DATA = path.resolve(__dirname, '../../../data/2024');

/** Every pointer of a document, with the node it names (the document model's answer). */
function pointers(node: unknown, pointer: string, out: [string, YamlNode, string | undefined][] = []): [string, YamlNode, string | undefined][] {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const p = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out.push([p, pair.value as YamlNode, key]);
      pointers(pair.value, p, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => { out.push([`${pointer}/${i}`, item as YamlNode, undefined]); pointers(item, `${pointer}/${i}`, out); });
  }
  return out;
}

describe('position index', () => {
  const files = readdirSync(DATA).filter((f) => f.endsWith('.yaml'));
  it.each(files)('%s: every value and key at the same line and column as the document model', (name) => {
    const text = readFileSync(path.join(DATA, name), 'utf8');
    const source = parseSource(text, name).value!;
    expect(source).not.toHaveProperty('doc');
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, schema: 'failsafe' });
    const all = pointers(doc.contents, '');
    expect(all.length).toBeGreaterThan(10);
    for (const [pointer, node, key] of all) {
      const { line, col } = lc.linePos(node.range![0]);
      expect(positionOf(source, pointer), pointer).toEqual({ file: name, line, column: col });
      expect(isPlainScalar(source, pointer), pointer).toBe(isScalar(node) && node.type === 'PLAIN');
      if (key !== undefined) {
        const parent = pointer.slice(0, pointer.lastIndexOf('/'));
        const pair = (doc.getIn(parent === '' ? [] : parent.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')), true) as { items: { key: YamlNode }[] } | undefined)
          ?? (doc.contents as unknown as { items: { key: YamlNode }[] });
        const keyNode = pair.items.find((p) => isScalar(p.key) && String(p.key.value) === key)!.key;
        const at = lc.linePos(keyNode.range![0]);
        expect(keyPositionOf(source, parent, key), `${parent} key ${key}`).toEqual({ file: name, line: at.line, column: at.col });
      }
    }
  });

  it('a missing key or index stops at the nearest existing value', () => {
    const source = parseSource('a:\n  b:\n    - x\n    - y\n', 'x.yaml').value!;
    expect(positionOf(source, '/a/b/7')).toEqual({ file: 'x.yaml', line: 3, column: 5 });
    expect(positionOf(source, '/a/zz/0')).toEqual({ file: 'x.yaml', line: 2, column: 3 });
    expect(positionOf(source, '/a/b/1/deeper')).toEqual({ file: 'x.yaml', line: 4, column: 7 });
    expect(isPlainScalar(source, '/a/b/9')).toBe(false);
  });
});

describe('limits from the memory budget', () => {
  it('the size limit is the parse budget over the measured cost per byte, in whole MiB', () => {
    expect(MAX_FILE_BYTES).toBe(Math.floor(PARSE_BUDGET_BYTES / PARSE_COST_PER_BYTE / 2 ** 20) * 2 ** 20);
    // A 10,000-project investment file is about 2.4 MB; 20,000 projects about 4.7 MB.
    expect(MAX_FILE_BYTES).toBeGreaterThan(4.8e6);
  });

  it('counts values before parsing, roughly: each block line, each `- ` item, each flow item', () => {
    // 5 lines, 2 items, 4 flow values ([ , , {).
    expect(prescan('a: 1\nb:\n  - x\n  - y\nc: [1, 2, {d: 3}]\n').values).toBe(5 + 2 + 4);
    expect(prescan('# only a comment\n\n').values).toBe(0);
    expect(prescan('t: |\n  - not\n  - items\n').values).toBe(1);
    expect(prescan('x: [a, b, c, d]\n', 64, 3)).toMatchObject({ tooManyAt: 8 });
  });

  it('a flow list of tiny values is refused before the parser sees it (L063), at the place the count passed the limit', () => {
    const text = `x: [${'a,'.repeat(MAX_VALUES + 5)}a]\n`;
    const r = parseSource(text, 'data/investment.yaml');
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['L063']);
    // The line counts 1 and `[` 1; the (MAX_VALUES - 1)th comma passes the limit, at offset 3 + 2k.
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 3 + 2 * (MAX_VALUES - 1) + 1 });
    expect(r.diagnostics[0].hint).toContain('investment/01.yaml');
  });
});
