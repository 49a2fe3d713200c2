/**
 * `report new`: the next year's data folder from an earlier year's. Each data file is read as a
 * YAML document (comments and layout kept) and walked alongside its schema:
 * - kept: the registers and standing facts — agency, units and their standards (with the
 *   decisions that recognised them), signer, recipients, distribution list, references (dated
 *   history), KPI definitions, project and case names;
 * - cleared: every yearly figure (a value whose schema format is money, area, percent,
 *   fraction, count, a figure or KPI value, month/year or a period), the yearly prose (every
 *   `content` list becomes one `- text: "__"` block) and the yearly texts the kind's manifest
 *   lists (`yearly:` in kind.yaml), each replaced by the blank `"__"` that `report validate` reports as V150, one per blank;
 * - kept with its structure, in a file that is the whole document (bao-cao's noi-dung): sections,
 *   titles, ids, tables' columns, units and row labels, statistical tables' rows (STT, label,
 *   unit, note, sumOf); only its figures, the numbers written in table cells and the values of
 *   statistical tables are blanked, and the years in its prose become `{year}` tokens (yearTokens);
 * - moved: `year`, the document date (its year; day and month left for the văn thư), the
 *   document number (emptied) and the year in the trích yếu.
 * Values are replaced in the source text itself, so every comment, quote and line break the
 * clerk wrote stays as it was. Every file starts with its schema modeline (added if missing) and
 * a note saying what "__" means. Nothing is written here: the caller writes the files, into a
 * folder that must not exist yet.
 */
import { readdirSync } from 'node:fs';
import { MAX_FILE_BYTES, readCappedSync } from '../files/capped.js';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node as YamlNode } from 'yaml';
import { BLANK } from '../validate/schema.js';
import { SchemaSet, type At } from './schemas.js';

export { BLANK };

/** Formats whose values are the year's figures. */
const FIGURE_FORMATS = new Set(['money', 'area', 'percent', 'rate', 'fraction', 'count', 'figureValue', 'kpiValue', 'monthYear', 'period']);

export interface ScaffoldOptions {
  fromDir: string;
  toDir: string;
  fromYear: number;
  toYear: number;
  /** Each data file's schema (absolute path), by data file name: the report's kind's. */
  schemas: Readonly<Record<string, string>>;
  /**
   * Yearly texts that are plain strings in the schema, by data file name (JSON pointers; `*`
   * stands for any index): the `yearly` lists of the kind's manifest.
   */
  yearly: Readonly<Record<string, readonly string[]>>;
  /**
   * Data files whose whole structure is content (the manifest's `content: true`, such as
   * bao-cao's noi-dung): their sections, titles, tables and ids are kept, only figures blanked.
   */
  structured?: readonly string[];
  /** How the clerk names the new folder on the command line (`2025`, `xa-q4-2025`). */
  target?: string;
}

export interface ScaffoldFile {
  name: string;
  text: string;
  /** How many blanks the file holds. */
  blanks: number;
  /** Lines (1-based) of kept text that still mention the old year, for the clerk to check. */
  oldYearLines: number[];
  /** Documents the new report cites (basis, `{ref:ID}`) dated before its year (line, id, their year), for V612. */
  staleReferences: { line: number; column: number; id: string; year: number }[];
}

/** A source file that is not a readable regular file within the size limit. */
export class UnreadableSource extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a readable regular data file`);
  }
}

/** The new year's files, in memory. */
export function scaffoldYear(opts: ScaffoldOptions): ScaffoldFile[] {
  const schemas = new SchemaSet(opts.schemas);
  const modelines = Object.fromEntries(Object.entries(opts.schemas).map(([n, f]) => [n, path.relative(opts.toDir, f).split(path.sep).join('/')]));
  const scaffold = (file: string, name: string, lines: Readonly<Record<string, string>>): ScaffoldFile => {
    // Capped and non-blocking: the source folder may hold a FIFO or a link to a device.
    const bytes = readCappedSync(path.join(opts.fromDir, file));
    if (!bytes || bytes.length > MAX_FILE_BYTES) throw new UnreadableSource(file);
    const text = bytes.toString('utf8');
    const structured = opts.structured?.includes(name) ?? false;
    return { ...scaffoldFile(text, name, schemas, { ...opts, modelines: lines, yearly: opts.yearly[name] ?? [], structured }), name: file };
  };
  const yaml = (f: string): boolean => /\.ya?ml$/i.test(f) && !f.startsWith('.');
  const entries = readdirSync(opts.fromDir, { withFileTypes: true });
  const files = entries.filter((e) => yaml(e.name)).map((e) => e.name).sort().map((f) => scaffold(f, f.replace(/\.ya?ml$/i, ''), modelines));
  // A data file written as a folder of parts (load/parts.ts): each part is scaffolded as a file
  // of that data file, its modeline (when it has none) relative to the part's folder.
  for (const dir of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort()) {
    const parts = readdirSync(path.join(opts.fromDir, dir)).filter(yaml).sort();
    const schema = opts.schemas[dir];
    const lines = schema ? { [dir]: path.relative(path.join(opts.toDir, dir), schema).split(path.sep).join('/') } : {};
    files.push(...parts.map((f) => scaffold(`${dir}/${f}`, dir, lines)));
  }
  // Only the documents the new report still cites — its `basis`, and `{ref:ID}` in the text it
  // keeps — are worth a warning; a register's dated history (recognition decisions) is not.
  const cited = citedReferences(files);
  return files.map((f) => ({ ...f, staleReferences: f.staleReferences.filter((r) => cited.has(r.id)) }));
}

/** Ids of the references the new folder cites: report.yaml's `basis` and every `{ref:ID}` left in the files. */
function citedReferences(files: readonly ScaffoldFile[]): Set<string> {
  const ids = new Set<string>();
  for (const f of files) {
    const text = f.text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
    for (const m of text.matchAll(/\{\s*ref:([^|}\s]+)/g)) ids.add(m[1]!);
    if (/^report\.ya?ml$/i.test(f.name)) {
      const basis = (parseDocument(f.text).toJS() as { basis?: unknown } | null)?.basis;
      if (Array.isArray(basis)) for (const b of basis) ids.add(String(b));
    }
  }
  return ids;
}

export interface FileOptions {
  fromYear: number;
  toYear: number;
  /** Path from the new folder to each file's schema, for a modeline the source file lacks. */
  modelines: Readonly<Record<string, string>>;
  /** The file's yearly plain-string fields (JSON pointers, `*` for any index). */
  yearly: readonly string[];
  /** Keep the content's structure (titles, tables, ids), blanking only its figures. */
  structured?: boolean;
  target?: string;
}

/** A replacement of the source text between two offsets. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Kept values that may still speak of the old year, except the dated history that should. */
const HISTORY = /^\/(references|basis)(\/|$)/;

/**
 * One data file for the new year (pure: text in, text out). The file is edited in place, value
 * by value, so its comments, order, quoting and line breaks stay exactly as the clerk wrote them.
 */
export function scaffoldFile(text: string, name: string, schemas: SchemaSet, opts: FileOptions): Omit<ScaffoldFile, 'name'> {
  const src = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(src, { schema: 'failsafe' });
  const root = schemas.root(name);
  const edits: Edit[] = [];
  const mentions: string[][] = [];
  let blanks = 0;
  const yearly = opts.yearly.map((p) => new RegExp(`^${p.replace(/\*/g, '\\d+')}$`));
  const oldYear = new RegExp(`\\b${opts.fromYear}\\b`);

  /** Replace `node` by `replacement`; after a key's colon, a flow value moves up beside it. */
  const replace = (node: YamlNode, replacement: string, colon?: number): void => {
    const [start, end] = node.range!;
    const newline = src.slice(start, end).endsWith('\n') ? '\n' : '';
    const block = /^- |^[^"'{[][^:]*: /.test(replacement);
    if (colon !== undefined && !block && !replacement.includes('\n') && /^[ \t\r\n]*$/.test(src.slice(colon, start))) {
      edits.push({ start: colon, end, text: ` ${replacement}${newline}` });
      return;
    }
    const column = start - (src.lastIndexOf('\n', start - 1) + 1);
    edits.push({ start, end, text: replacement.split('\n').join(`\n${' '.repeat(column)}`) + newline });
  };
  const blank = (node: YamlNode, colon?: number): void => {
    blanks++;
    replace(node, `"${BLANK}"`, colon);
  };

  const visit = (node: YamlNode | null, at: At | undefined, path: string[], colon?: number): void => {
    if (!node) return;
    const pointer = path.map((p) => `/${p}`).join('');
    const moved = name === 'report' ? movedValue(pointer, node, opts) : undefined;
    if (moved !== undefined) return replace(node, moved, colon);
    if (opts.structured && at?.refs.some((r) => r.endsWith('#/$defs/table')) && isMap(node)) return visitTable(node, at, path);
    if (!opts.structured && at?.refs.some((r) => r.endsWith('#/$defs/content'))) {
      blanks++;
      return replace(node, isSeq(node) && !node.flow ? `- text: "${BLANK}"` : `[{ text: "${BLANK}" }]`, colon);
    }
    // A statistical table's cell (`value`, or one of `values`) is the year's number; its row's
    // STT, label, unit, note and sumOf are structure and stay.
    const statCell = opts.structured && isScalar(node) && at?.refs.some((r) => r.endsWith('#/$defs/statValue'));
    const figure = statCell || (at && (FIGURE_FORMATS.has(String(at.node['x-format'])) || (isScalar(node) && schemas.formats(at).some((f) => FIGURE_FORMATS.has(f)))));
    if (figure || (at && yearly.some((re) => re.test(pointer)))) return blank(node, colon);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const keyEnd = pair.key.range![1];
        const colonAt = src.indexOf(':', keyEnd);
        visit(pair.value as YamlNode | null, at && schemas.child(at, key), [...path, key], colonAt >= 0 ? colonAt + 1 : undefined);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as YamlNode | null, at && schemas.child(at, i), [...path, String(i)]));
    } else if (opts.structured && isScalar(node) && typeof node.value === 'string' && yearTokens(node.value, opts.fromYear) !== node.value) {
      // Prose of a structured file: its years become tokens the new report's year resolves.
      retoken(node);
    } else if (isScalar(node) && typeof node.value === 'string' && oldYear.test(node.value) && !HISTORY.test(pointer)) {
      mentions.push(path);
    }
  };
  /**
   * A text's years as tokens, edited in the source: a quoted or block scalar keeps its style and
   * line breaks; a plain one becomes double-quoted, since a brace may not start a plain scalar
   * or stand inside a flow list.
   */
  const retoken = (node: YamlNode): void => {
    const [start, end] = node.range!;
    const raw = src.slice(start, end);
    const plain = isScalar(node) && node.type === 'PLAIN';
    edits.push({ start, end, text: plain ? JSON.stringify(yearTokens(String(node.value), opts.fromYear)) + raw.slice(raw.trimEnd().length) : yearTokens(raw, opts.fromYear) });
  };
  /**
   * A declared table: columns, unit and row labels kept; a row's cells after the first (the STT)
   * that hold a number written out are the year's values and blanked; `{name}` cells stay, their
   * figures being blanked where they are declared.
   */
  const visitTable = (node: YamlNode, at: At, path: string[]): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const value = pair.value as YamlNode | null;
      const rows = key === 'rows' && isSeq(value) ? value.items : key === 'total' && value ? [value] : undefined;
      if (!rows) {
        const colonAt = src.indexOf(':', pair.key.range![1]);
        visit(value, schemas.child(at, key), [...path, key], colonAt >= 0 ? colonAt + 1 : undefined);
        continue;
      }
      for (const row of rows) {
        const inner: unknown = isMap(row) ? row.get('cells', true) : undefined;
        const cells = isSeq(row) ? row.items : isSeq(inner) ? inner.items : [];
        cells.forEach((cell, k) => {
          if (k > 0 && isScalar(cell) && /^[-+]?[\d.,]+%?$/.test(String(cell.value).trim())) blank(cell as YamlNode);
          else if (isScalar(cell) && typeof cell.value === 'string' && yearTokens(cell.value, opts.fromYear) !== cell.value) {
            retoken(cell as YamlNode);
          }
        });
      }
    }
  };
  visit(doc.contents as YamlNode | null, root, []);
  const stale = name === 'report' ? staleReferences(doc, opts.toYear) : [];

  let out = src;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = withHeader(out, name, opts, root !== undefined);
  const staleLines = linesOf(out, stale.map((r) => ['references', String(r.index), 'date']), true);
  return {
    text: out, blanks, oldYearLines: linesOf(out, mentions),
    staleReferences: stale.map((r, i) => ({ ...staleLines[i]!, id: r.id, year: r.year })),
  };
}

/**
 * A text's years as tokens relative to the source report's year: `2025` in a 2025 report is
 * `{year}`, `2024` is `{year-1}`, `2026` is `{year+1}`. A year inside a date (18/12/2024), a
 * document number (30/2020/NĐ-CP) or a period (2021-2025) is a fixed fact and stays.
 */
export function yearTokens(text: string, fromYear: number): string {
  // A token (`{nam2024}`, `{ref:KH-2024}`) names something: only the text between tokens is prose.
  return text.split(/(\{[^{}]*\})/).map((piece, i) => (i % 2 ? piece : piece.replace(/(?<![\p{L}\d_/.\-–])(\d{4})(?![\p{L}\d_/\-–])/gu, (whole, y: string) => {
    const d = Number(y) - fromYear;
    return d === 0 ? '{year}' : d === 1 ? '{year+1}' : d === -1 ? '{year-1}' : whole;
  }))).join('');
}

/** report.yaml's cited documents dated before `year` (their date's last four digits). */
function staleReferences(doc: ReturnType<typeof parseDocument>, year: number): { index: number; id: string; year: number }[] {
  const refs = doc.get('references', true);
  if (!isSeq(refs)) return [];
  return refs.items.flatMap((r, index) => {
    if (!isMap(r)) return [];
    const dated = /(\d{4})\s*$/.exec(String(r.get('date') ?? ''));
    const y = dated ? Number(dated[1]) : NaN;
    return y < year ? [{ index, id: String(r.get('id') ?? index), year: y }] : [];
  });
}

/** report.yaml: the year, the document date and number, and the year in the trích yếu move on. */
function movedValue(pointer: string, node: YamlNode, opts: FileOptions): string | undefined {
  switch (pointer) {
    case '/year':
      return String(opts.toYear);
    case '/document/date':
      return isMap(node) && !node.flow ? `year: ${opts.toYear}` : `{ year: ${opts.toYear} }`;
    case '/document/number':
      return '""';
    case '/document/summary':
      return isScalar(node) && typeof node.value === 'string'
        ? stringify(node.value.replace(new RegExp(`\\b${opts.fromYear}\\b`, 'g'), String(opts.toYear)), { lineWidth: 0 }).trimEnd()
        : undefined;
    default:
      // A trích yếu given as several lines: each line's year moves on.
      return /^\/document\/summary\/\d+$/.test(pointer) && isScalar(node) && typeof node.value === 'string'
        ? stringify(node.value.replace(new RegExp(`\\b${opts.fromYear}\\b`, 'g'), String(opts.toYear)), { lineWidth: 0 }).trimEnd()
        : undefined;
  }
}

/** The modeline first (added if the file has none), then a note on what "__" means. */
function withHeader(text: string, name: string, opts: FileOptions, known: boolean): string {
  const note = [
    `# Dữ liệu năm ${opts.toYear}, tạo từ năm ${opts.fromYear} bằng \`report new\`: "${BLANK}" đánh dấu chỗ cần điền số liệu`,
    `# hoặc nội dung của năm ${opts.toYear}; \`report validate ${opts.target ?? opts.toYear}\` liệt kê từng chỗ (V150).`,
  ].join('\n');
  const firstLineEnd = text.indexOf('\n');
  const first = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  if (/^#\s*yaml-language-server:/.test(first)) return `${first}\n${note}${text.slice(first.length)}`;
  const modeline = known && opts.modelines[name] ? `# yaml-language-server: $schema=${opts.modelines[name]}\n` : '';
  return `${modeline}${note}\n${text}`;
}

/** Lines (1-based) of the values at `paths` in `text`. */
function linesOf(text: string, paths: string[][]): number[];
/** Lines and columns (1-based) of the values at `paths` in `text`, one per path. */
function linesOf(text: string, paths: string[][], withColumns: true): { line: number; column: number }[];
function linesOf(text: string, paths: string[][], withColumns = false): (number | { line: number; column: number })[] {
  if (!paths.length) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter });
  return paths.flatMap((p): (number | { line: number; column: number })[] => {
    const node = doc.getIn(p, true) as YamlNode | undefined;
    if (withColumns) {
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
      return [{ line: pos.line, column: pos.col }];
    }
    return node?.range ? [lineCounter.linePos(node.range[0]).line] : [];
  });
}
