// `report new <folder> --from <folder>` from each example under examples/: the new folder keeps
// the structure (section ids and titles, tables' columns, units and row labels, block ids), every
// figure is a "__" blank that validate reports as V150 and nothing else, and no literal year of
// the source is left in the prose — its years are `{year}` tokens, which print the new report's
// year once the blanks are filled and the report is built. Cited documents dated before the new
// year are flagged (V612).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, docxParagraphs, docxXml, runCli } from '../helpers/outputs.js';

type Tree = Record<string, unknown>;
// Every example, those with statistical tables (biểu mẫu) included.
const EXAMPLES = readdirSync(path.join(ROOT, 'examples')).sort();
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'baocao-new-folder-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const load = (dir: string, file: string): Tree => parse(readFileSync(path.join(dir, file), 'utf8')) as Tree;

/** Every value found under a key named `key`, anywhere in the tree. */
function under(tree: unknown, key: string): unknown[] {
  if (Array.isArray(tree)) return tree.flatMap((v) => under(v, key));
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => [...(k === key ? [v] : []), ...under(v, key)]);
}

/** Every string in the tree, except figure values (kept apart: they are the blanks). */
function strings(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (Array.isArray(tree)) return tree.flatMap(strings);
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => (k === 'figures' ? [] : strings(v)));
}

/** A statistical table's row without its values: STT, label, unit, note, sumOf and sub-rows. */
function statRow(row: Tree): unknown {
  const { value: _value, values, rows, ...kept } = row;
  return { ...kept, columns: Object.keys((values ?? {}) as Tree), rows: ((rows ?? []) as Tree[]).map(statRow) };
}

/** A statistical table's rows, or the rows of each of its parts. */
const tableRows = (t: unknown): Tree[] => ((t as Tree).rows as Tree[] | undefined) ?? ((t as Tree).parts as Tree[] ?? []).flatMap((p) => p.rows as Tree[]);

/** Every value cell of the statistical tables (`value`, or each of `values`). */
function statValues(doc: Tree): unknown[] {
  const cells = (row: Tree): unknown[] => [
    ...(row.value !== undefined ? [row.value] : []), ...Object.values((row.values ?? {}) as Tree), ...((row.rows ?? []) as Tree[]).flatMap(cells),
  ];
  return under(doc, 'statTable').flatMap((t) => tableRows(t).flatMap(cells));
}

/** The document's skeleton: ids, titles (years as tokens), table columns, units, row labels, statistical rows. */
function skeleton(doc: Tree, tokenise: (s: string) => string): unknown {
  return {
    ids: under(doc, 'id'),
    titles: under(doc, 'title').map((t) => (typeof t === 'string' ? tokenise(t) : (t as string[]).map(tokenise))),
    units: under(doc, 'unit'),
    rows: under(doc, 'table').map((t) => ((t as Tree).rows as unknown[]).map((r) => (Array.isArray(r) ? r.slice(0, 2) : (r as Tree).cells))),
    // Labels and notes are prose: compared with their years as tokens.
    statRows: tokenise(JSON.stringify(under(doc, 'statTable').map((t) => tableRows(t).map(statRow)))),
  };
}

describe.each(EXAMPLES)('report new <folder> --from examples/%s', (name) => {
  const from = path.join(ROOT, 'examples', name);
  const fromYear = Number(load(from, 'report.yaml').year);
  const literal = new RegExp(`(?<![\\d/.\\-–])${fromYear}(?![\\d/\\-–])`);
  // The source's year and the ones either side of it, as the tokens `report new` writes.
  const tokenise = (s: string): string => s.replace(/(?<![\d/.\-–])(\d{4})(?![\d/\-–])/g, (y) => {
    const d = Number(y) - fromYear;
    return d === 0 ? '{year}' : d === 1 ? '{year+1}' : d === -1 ? '{year-1}' : y;
  });
  let to: string;
  let created: ReturnType<typeof runCli>;

  beforeAll(() => {
    to = path.join(work, `${name}-tiep`);
    created = runCli(['new', to, '--from', from, '--year', String(fromYear + 1)], { cwd: work });
  });

  it('creates the folder with the same files', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(readdirSync(to).sort()).toEqual(readdirSync(from).filter((f) => f.endsWith('.yaml')).sort());
  });

  // The content files: noi-dung.yaml, and any further one (phu-luc.yaml), in order.
  const contents = readdirSync(from).filter((f) => f.endsWith('.yaml') && f !== 'report.yaml').sort();

  it.each(contents)('keeps the structure of %s: ids, section and appendix titles, table units, STT and row labels', (file) => {
    const source = load(from, file);
    const scaffold = load(to, file);
    expect(skeleton(scaffold, (s) => s)).toEqual(skeleton(source, tokenise));
    expect(JSON.stringify(under(scaffold, 'columns'))).toEqual(tokenise(JSON.stringify(under(source, 'columns'))));
  });

  it('blanks every figure and every number written in a table', () => {
    const source = load(from, 'noi-dung.yaml');
    const scaffold = load(to, 'noi-dung.yaml');
    const figures = under(scaffold, 'figures').flatMap((f) => Object.values(f as Tree));
    expect(figures.length).toBe(under(source, 'figures').flatMap((f) => Object.values(f as Tree)).length);
    expect(figures.length).toBeGreaterThan(0);
    for (const file of contents.slice(1)) expect(statValues(load(to, file)), file).toEqual(statValues(load(from, file)).map(() => '__'));
    // A plain figure is the blank itself; a linked one keeps its link (sameAs, ratioOf), value blank.
    expect(figures.filter((v) => v !== '__' && (v as Tree).value !== '__')).toEqual([]);
    const cells = under(scaffold, 'table').flatMap((t) => ((t as Tree).rows as unknown[][]).flatMap((r) => (Array.isArray(r) ? r.slice(1) : [])));
    expect(cells.filter((c) => /^[\d.,]+%?$/.test(String(c)))).toEqual([]);
    // Statistical tables: as many value cells as the source, every one blank.
    expect(statValues(scaffold)).toEqual(statValues(source).map(() => '__'));
  });

  it('leaves no literal year of the source in the prose: the years are tokens', () => {
    const prose = strings(load(to, 'noi-dung.yaml'));
    expect(prose.filter((s) => literal.test(s))).toEqual([]);
    expect(prose.some((s) => s.includes('{year}'))).toBe(true);
    const summary = (load(to, 'report.yaml').document as Tree).summary;
    expect(strings(summary).filter((s) => literal.test(s))).toEqual([]);
  });

  it('moves the year on, and flags the cited documents dated before it (V612)', () => {
    expect(load(to, 'report.yaml').year).toBe(fromYear + 1);
    const references = (load(from, 'report.yaml').references ?? []) as Tree[];
    const prose = readFileSync(path.join(from, 'noi-dung.yaml'), 'utf8');
    const basis = (load(from, 'report.yaml').basis ?? []) as string[];
    const cited = references.filter((r) => prose.includes(`{ref:${String(r.id)}`) || basis.includes(String(r.id)));
    const older = cited.filter((r) => Number(/(\d{4})\s*$/.exec(String(r.date))?.[1]) < fromYear + 1);
    expect(older.length).toBeGreaterThan(0);
    const warned = [...created.stderr.matchAll(/report\.yaml:\d+:\d+: warning V612: Văn bản "([^"]+)"/g)].map((m) => m[1]);
    expect(warned).toEqual(older.map((r) => String(r.id)));
  });

  it('is reported by validate as blanks only (V150), and builds with the new year once filled', () => {
    const validated = runCli(['validate', to, '--format', 'json'], { cwd: work });
    const list = JSON.parse(validated.stdout) as unknown;
    const diags = (Array.isArray(list) ? list : (list as { diagnostics: { code: string; severity: string }[] }).diagnostics) as { code: string; severity: string; message: string }[];
    expect([...new Set(diags.filter((d) => d.severity === 'error').map((d) => d.code))]).toEqual(['V150']);
    // A blank cell of a statistical table is a missing figure, not missing text.
    const cells = diags.filter((d) => d.code === 'V150' && /statTable\.rows/.test(d.message));
    for (const d of cells) expect(d.message).toContain('chưa điền số liệu');
    if (name === 'bao-cao-cchc') expect(cells.length).toBeGreaterThan(20);

    // Fill each blank with the source's value at the same place (else "1"), in every content file, then build.
    for (const name of contents) {
      const file = path.join(to, name);
      const source = readFileSync(path.join(from, name), 'utf8');
      const values = [...source.matchAll(/^(\s+\w+): (.+)$/gm)];
      let text = readFileSync(file, 'utf8');
      for (const [, key, value] of values) text = text.replace(`${key}: "__"`, `${key}: ${value}`);
      text = text.replace(/"__"/g, '"1"');
      writeFileSync(file, text);
    }
    const out = path.join(work, `${name}-out`);
    const built = runCli(['build', to, '--out', out, '--format', 'docx'], { cwd: work });
    expect(built.status, built.stderr).toBe(0);
    const docx = readdirSync(out, { recursive: true }).map(String).find((f) => f.endsWith('.docx'))!;
    const paragraphs = docxParagraphs(docxXml(path.join(out, docx))).join('\n');
    expect(paragraphs).toMatch(new RegExp(`(năm|NĂM) ${fromYear + 1}`));
    expect(paragraphs).not.toContain('{year');
  });
});

describe('a blank for a field with a fixed list of values', () => {
  it('lists the allowed values in its V150 hint', () => {
    const from = path.join(ROOT, 'examples', EXAMPLES[0]!);
    const to = path.join(work, 'enum-blank');
    expect(runCli(['new', to, '--from', from], { cwd: work }).status).toBe(0);
    const file = path.join(to, 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+type:) (Kế hoạch|Nghị quyết)$/m, '$1 "__"'));
    const validated = runCli(['validate', to, '--format', 'json'], { cwd: work });
    const diags = JSON.parse(validated.stdout) as { code: string; file: string; hint?: string }[];
    const blank = diags.find((d) => d.code === 'V150' && d.file.endsWith('report.yaml'));
    expect(blank?.hint).toMatch(/một trong: .*"Nghị quyết".*"Kế hoạch".*"Phương án"/);
  });
});
