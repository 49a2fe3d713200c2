// Load: every value keeps its position (JSON pointer → file:line:col), text stays exact
// (failsafe schema: no float trap), BOM/CRLF accepted, NFD normalised with a note, YAML errors positioned.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSource, positionOf, keyPositionOf, isPlainScalar, pointerSegments, loadFile, MAX_FILE_BYTES } from '../../../src/load/index.js';

const src = [
  'plan:',
  '  total: 676.373',
  '  quoted: "676.373"',
  '  sources:',
  '    - name: Vốn đầu tư công phân cấp',
  '      amount: 181.766 triệu đồng',
  '    - name: "a/b~c"',
  '      amount: 493.227 triệu đồng',
  'a/b: slash key',
].join('\n');

function parsed(text = src) {
  const r = parseSource(text, 'data/2024/x.yaml');
  if (!r.value) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('positions', () => {
  it.each([
    ['/plan/total', 2, 10],
    ['/plan/sources/0/amount', 6, 15],
    ['/plan/sources/1/name', 7, 13],
    ['/plan/sources/1', 7, 7],
    ['', 1, 1],
  ])('%s → line %i col %i', (pointer, line, column) => {
    expect(positionOf(parsed(), pointer)).toEqual({ file: 'data/2024/x.yaml', line, column });
  });

  it('maps a missing key to its nearest existing parent', () => {
    expect(positionOf(parsed(), '/plan/sources/0/missing')).toMatchObject({ line: 5, column: 7 });
  });

  it('decodes ~1 and ~0 in pointers', () => {
    expect(pointerSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(positionOf(parsed(), '/a~1b')).toMatchObject({ line: 9, column: 6 });
  });

  it('finds the position of a key (for unknown keys)', () => {
    expect(keyPositionOf(parsed(), '/plan', 'quoted')).toMatchObject({ line: 3, column: 3 });
  });
});

describe('exactness', () => {
  it('keeps an unquoted 676.373 as the exact text, never a float', () => {
    const data = parsed().data as { plan: { total: unknown; quoted: unknown } };
    expect(data.plan.total).toBe('676.373');
    expect(data.plan.quoted).toBe('676.373');
  });

  it('keeps trailing zeros and leading zeros', () => {
    const data = parsed('a: 676.3730\nb: 0123\nc: no\n').data as Record<string, unknown>;
    expect(data).toEqual({ a: '676.3730', b: '0123', c: 'no' });
  });

  it('knows which scalars were written without quotes', () => {
    expect(isPlainScalar(parsed(), '/plan/total')).toBe(true);
    expect(isPlainScalar(parsed(), '/plan/quoted')).toBe(false);
    expect(isPlainScalar(parsed(), '/plan/nothing')).toBe(false);
  });
});

describe('text hygiene', () => {
  it('accepts a BOM and CRLF line ends with the same positions', () => {
    const f = parsed('\ufeff' + src.replace(/\n/g, '\r\n'));
    expect(positionOf(f, '/plan/sources/0/amount')).toMatchObject({ line: 6, column: 15 });
  });

  it('normalises NFD to NFC and says so in a note', () => {
    const nfd = 'name: Quốc Tuấn\n'.normalize('NFD');
    const r = parseSource(nfd, 'x.yaml');
    expect((r.value!.data as { name: string }).name).toBe('Quốc Tuấn'.normalize('NFC'));
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['L008', 'note', 1]]);
  });
});

describe('text lost to a YAML comment', () => {
  it('warns when " #…" right after an unquoted value cuts it short', () => {
    const r = parseSource('name: Dự án thôn 1 #1 <x>)\nstage: completed # ghi chú thật\nq: "A #1"\n', 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['L014', 'warning', 1, 20]]);
    expect(r.diagnostics[0].message).toContain('"#1 <x>)"');
    expect((r.value!.data as { q: string }).q).toBe('A #1');
  });
});

describe('YAML errors', () => {
  it('reports a duplicate key at its line', () => {
    const r = parseSource('a: 1\nb: 2\na: 3\n', 'x.yaml');
    expect(r.value).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'L005', line: 3, column: 1 });
    expect(r.diagnostics[0].message).toContain('"a"');
  });

  it('reports tabs in indentation', () => {
    const r = parseSource('a:\n\tb: 1\n', 'x.yaml');
    expect(r.diagnostics[0]).toMatchObject({ code: 'L006', line: 2 });
  });

  it('reports a syntax error with its position', () => {
    const r = parseSource('a: [1, 2\nb: 3\n', 'x.yaml');
    expect(r.value).toBeNull();
    expect(r.diagnostics[0].code).toBe('L004');
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(1);
  });

  // How fast it is refused is measured by `npm run bench`, not asserted here.
  it('refuses an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const r = parseSource(lines.join('\n'), 'bomb.yaml');
    expect(r.value).toBeNull();
    expect(r.diagnostics[0].code).toBe('L007');
  });

  it('names invalid UTF-8 with its position', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'load-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    const r = await loadFile(file, 'bad.yaml');
    expect(r.diagnostics[0]).toMatchObject({ code: 'L002', line: 2, column: 4 });
  });

  it('refuses a file over the size limit without parsing it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'load-'));
    const file = path.join(dir, 'big.yaml');
    writeFileSync(file, 'a: ' + 'x'.repeat(MAX_FILE_BYTES + 10));
    const r = await loadFile(file, 'big.yaml');
    expect(r.diagnostics[0].code).toBe('L003');
  });
});

describe('a string left open is reported where it opens', () => {
  const lines = Array.from({ length: 44 }, (_, i) => `k${i + 1}: giá trị ${i + 1}`);

  it.each([
    ['"', 'double'],
    ["'", 'single'],
  ])('an unclosed %s quote on line 20 of a 44-line file is L004 at 20, not past the end', (q) => {
    const text = [...lines.slice(0, 19), `name: ${q}Cải tạo vỉa hè thị trấn`, ...lines.slice(20)].join('\n');
    const r = parseSource(text, 'data/2024/investment.yaml');
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['L004 data/2024/investment.yaml:20:7']);
    expect(r.diagnostics[0].message).toContain('ngoặc');
  });

  it('does not take a closed string with escaped quotes for an open one', () => {
    const text = [...lines.slice(0, 5), 'a: "nói \\"có\\" và \'\'"', "b: 'it''s'", 'c: "mở', ...lines.slice(8)].join('\n');
    const r = parseSource(text, 'x.yaml');
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['L004 8:4']);
  });
});

describe('a file saved as UTF-16 or UTF-32 is told to re-save as UTF-8', () => {
  const text = 'plan:\n  total: 676.373 triệu đồng\n';
  const utf16be = (s: string) => { const le = Buffer.from(s, 'utf16le'); for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]; return le; };
  const utf32le = (s: string) => Buffer.concat([...s].map((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; }));
  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16LE', Buffer.from(text, 'utf16le')],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ['UTF-32LE', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(text)])],
  ])('%s', async (encoding, bytes) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'enc-')), 'x.yaml');
    writeFileSync(file, bytes);
    const r = await loadFile(file, 'data/x.yaml');
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['L030 data/x.yaml:1:1']);
    expect(r.diagnostics[0].message).toContain(encoding);
    expect(r.diagnostics[0].hint).toContain('UTF-8');
    expect(r.diagnostics[0].hint).not.toContain('TCVN3');
  });

  it('a legacy code page still gets the L002 hint', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'enc-')), 'x.yaml');
    writeFileSync(file, Buffer.from([0x61, 0x3a, 0x20, 0xe0, 0x62, 0x0a]));
    const r = await loadFile(file, 'x.yaml');
    expect(r.diagnostics[0].code).toBe('L002');
  });
});
