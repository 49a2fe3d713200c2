// Random edits of valid data never crash the tool: fast-check applies one to three clerk-like
// mistakes — delete or duplicate a line, replace a value by random text, a number or arbitrary
// Unicode, insert a tab, truncate a file — to a temporary copy of data/2024, and the whole
// pipeline (load → validate → aggregate → render) must end either in a document tree or in
// error diagnostics, each with a catalogue code and a real file:line:col; it must never throw.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '../../src/pipeline/compile.js';
import { catalogue } from '../../src/diagnostics/catalogue.js';
import { hasErrors } from '../../src/diagnostics/types.js';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'data/2024');
const FILES = readdirSync(SOURCE).filter((f) => f.endsWith('.yaml')).sort();
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(path.join(SOURCE, f), 'utf8')]));
const work = mkdtempSync(path.join(tmpdir(), 'baocao-edits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Edit =
  | { kind: 'delete'; file: number; line: number }
  | { kind: 'duplicate'; file: number; line: number }
  | { kind: 'value'; file: number; line: number; value: string }
  | { kind: 'tab'; file: number; line: number; column: number }
  | { kind: 'truncate'; file: number; at: number };

/** Values a clerk (or a mangled paste) might put after `key: `. */
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom(
    '1.234', '676.373', '-5 triệu đồng', '0,3 tỷ đồng', '82.03 ha', '150%', '18/17', '5/0', '31/02/2024', '13/2024',
    '[', '{', '"', "'", '&a', '*a', '!!float 1.5', '~', 'null', 'true', '- x', '[a, b]', '{ stated: 9 }', '{ stated: x }',
    '{ref:khong-co}', '{kpi:x}', '{#}', '{x|count}', 'An Thai', 'Quốc Tuấn', 'Quốc Tuấn'.normalize('NFD'), '\u0007', '\ufeff',
  ),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), file: fc.nat(), line: fc.nat(), value }),
  fc.record({ kind: fc.constant('tab' as const), file: fc.nat(), line: fc.nat(), column: fc.nat({ max: 12 }) }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

function apply(texts: Map<string, string>, e: Edit): void {
  const name = FILES[e.file % FILES.length];
  const text = texts.get(name)!;
  if (e.kind === 'truncate') {
    texts.set(name, text.slice(0, Math.floor(text.length * e.at)));
    return;
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  switch (e.kind) {
    case 'delete': lines.splice(i, 1); break;
    case 'duplicate': lines.splice(i, 0, lines[i]); break;
    case 'tab': lines[i] = `${lines[i].slice(0, e.column)}\t${lines[i].slice(e.column)}`; break;
    case 'value': {
      const m = /^(\s*(?:- )?[^:#]+:\s)/.exec(lines[i]);
      lines[i] = m ? `${m[1]}${e.value}` : `${lines[i]}${e.value}`;
      break;
    }
  }
  texts.set(name, lines.join('\n'));
}

describe('random edits of data/2024', () => {
  it('end in a document tree or in error diagnostics, never in an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const texts = new Map(ORIGINAL);
        for (const e of edits) apply(texts, e);
        for (const [name, text] of texts) writeFileSync(path.join(work, name), text);
        const c = await compile({ dataDir: work, cwd: work, templatesDir: path.join(ROOT, 'templates') });
        expect(c.tree !== null || hasErrors(c.diagnostics), 'neither a tree nor an error').toBe(true);
        for (const d of c.diagnostics) {
          expect(d.code in catalogue, `unknown code ${d.code}`).toBe(true);
          expect(d.line >= 1 && d.column >= 1, `${d.file}:${d.line}:${d.column} ${d.code}`).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  }, 120_000);
});
