/**
 * Load: read the YAML files of a data folder and keep, for every value, where it came from.
 * Files are read as bytes and checked as UTF-8 (a BOM is dropped, CRLF accepted), text is
 * normalised to NFC (a note, not an error), and YAML is parsed with the failsafe schema so every
 * scalar stays the exact text the clerk typed: `676.373` is never silently turned into a float
 * here — the validator decides what a scalar means from the schema. YAML's alias limit stays on,
 * duplicate keys, tabs in indentation, type tags, control characters and absurd nesting are
 * errors, and YAML's own (English) syntax errors are explained in Vietnamese. Plain data — the
 * bulk of a large file — is read first by plain-yaml.ts in one pass, which gives exactly this
 * path's values and positions or gives up; what it gives up on comes here. Which files may be
 * read, and how, is files.ts's job.
 */
import path from 'node:path';
import { CST, LineCounter, Parser, parseDocument, visit, isScalar, isCollection, type Document, type Node as YamlNode } from 'yaml';
import { PositionIndex } from './positions.js';
import { readPlainYaml, type PlainYaml } from './plain-yaml.js';
import { mergeParts } from './parts.js';
import type { Diagnostic, SourcePosition, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { expandSheets, sheetPosition, type SheetOrigin } from './sheets/index.js';
import { MAX_FILE_BYTES, fileName, listDataFolder, readDataFile } from './files.js';
import { checkCharacters } from './characters.js';
import { MAX_DEPTH, MAX_EXPANDED, MAX_VALUES, capSyntaxErrors, prescan, expansionProblem } from './limits.js';

export { MAX_FILE_BYTES, MAX_DEPTH };

export interface SourceFile {
  /** Path as shown to users (relative to the working directory when possible); for a file split into parts, its folder. */
  path: string;
  /** Base name without extension: `report`, `investment`, … */
  name: string;
  /** The file's text (NFC, LF); empty for a file split into parts (each part keeps its own). */
  text: string;
  /** Plain JS value of the document: objects, arrays and strings only (failsafe schema). */
  data: unknown;
  /** Where its values were written: the file itself, or each part of a split file in file-name order. */
  parts: SourcePart[];
  /** Record lists read from spreadsheets, by the pointer of the list (see sheets/). */
  sheets?: Map<string, SheetOrigin>;
}

/** One YAML file with its compact position index (positions.ts). */
export interface SourcePart {
  path: string;
  text: string;
  index: PositionIndex;
  /** For a part of a split file: where each top-level list's items of this part start in the merged list. */
  lists?: Map<string, { from: number; length: number }>;
  /** For a part of a split file: its top-level keys. */
  keys?: ReadonlySet<string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-16 or UTF-32 (Notepad's "Unicode", Excel's "Unicode text"): by the byte-order mark, or by
 * the zero bytes every ASCII character then carries. Such a file is intact, only not UTF-8, so
 * it gets its own message rather than the old-code-page hint of L002.
 */
export function wideEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  const n = Math.min(b.length, 400) & ~3;
  if (n < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros[i % 4]++;
  const quarter = n / 4;
  if (zeros[1] === quarter && zeros[2] === quarter && zeros[3] === quarter) return 'UTF-32LE';
  if (zeros[0] === quarter && zeros[1] === quarter && zeros[2] === quarter) return 'UTF-32BE';
  if (zeros[1] + zeros[3] >= quarter * 1.5 && zeros[0] + zeros[2] === 0) return 'UTF-16LE';
  if (zeros[0] + zeros[2] >= quarter * 1.5 && zeros[1] + zeros[3] === 0) return 'UTF-16BE';
  return undefined;
}

/** Decode bytes as UTF-8 or report the first bad byte, at the line and column where it sits. */
function decode(bytes: Uint8Array, file: string): StageResult<string | null> {
  const wide = wideEncoding(bytes);
  if (wide) return { value: null, diagnostics: [makeDiagnostic('L030', { file, line: 1, column: 1 }, { encoding: wide })] };
  try {
    return { value: utf8.decode(bytes), diagnostics: [] };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = utf8.decode(bytes.subarray(0, offset));
    const at = positionInText(before, before.length, file);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { value: null, diagnostics: [makeDiagnostic('L002', at, { offset, byte })] };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (one linear scan). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!extra || i + extra >= b.length) return i;
    // The second byte's range excludes overlong forms and surrogates (RFC 3629 table).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= extra; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return b.length;
}

/** Tabs inside leading indentation are not YAML; report each such line once. */
function findIndentTabs(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^[ ]*\t/.exec(line);
    if (m) out.push(makeDiagnostic('L006', { file, line: i + 1, column: m[0].length }));
  });
  return out;
}

/** Parse one file's text; returns the SourceFile or null when it cannot be used. */
export function parseSource(rawText: string, displayPath: string): StageResult<SourceFile | null> {
  const diagnostics: Diagnostic[] = [];
  let text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  text = text.replace(/\r\n?/g, '\n');
  const nfc = text.normalize('NFC');
  if (nfc !== text) {
    const idx = firstDifference(text, nfc);
    diagnostics.push(makeDiagnostic('L008', positionInText(text, idx, displayPath)));
    text = nfc;
  }
  const tabs = findIndentTabs(text, displayPath);
  if (tabs.length) return { value: null, diagnostics: [...diagnostics, ...tabs] };

  // Absurd nesting is refused before the parser (which recurses) ever sees it.
  const scan = prescan(text);
  if (scan.deepest >= 0) {
    return { value: null, diagnostics: [...diagnostics, syntaxError(positionInText(text, scan.deepest, displayPath), 'DEPTH', `nesting deeper than ${MAX_DEPTH}`)] };
  }
  // The parser's memory follows the number of values: too many is refused before it starts.
  if (scan.tooManyAt >= 0) {
    return { value: null, diagnostics: [...diagnostics, makeDiagnostic('L063', positionInText(text, scan.tooManyAt, displayPath), { limit: MAX_VALUES.toLocaleString('vi-VN'), limitEn: MAX_VALUES.toLocaleString('en-US'), name: fileName(displayPath) })] };
  }
  // Plain data is read fast; anything the full path could report on goes the full path.
  const plain = readPlainYaml(text, MAX_DEPTH);
  const read = plain ? { value: plain, diagnostics: [] } : parseWithModel(text, displayPath);
  diagnostics.push(...read.diagnostics);
  if (!read.value) return { value: null, diagnostics };
  const { data, index } = read.value;
  return { value: { path: displayPath, name: fileName(displayPath), text, data, parts: [{ path: displayPath, text, index }] }, diagnostics };
}


/**
 * The full path: the `yaml` library's document model, the checks on it, its values and the
 * position index; every diagnostic of a data file's syntax is made here. Exported for the test
 * that holds plain-yaml.ts to it.
 */
export function parseWithModel(text: string, displayPath: string): StageResult<PlainYaml | null> {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    // The parser recurses; absurdly nested input can exhaust the stack.
    const at = { file: displayPath, line: 1, column: 1 };
    return { value: null, diagnostics: [...diagnostics, syntaxError(at, err instanceof RangeError ? 'DEPTH' : 'IMPOSSIBLE', (err as Error).message)] };
  }
  diagnostics.push(...capSyntaxErrors(doc.errors.map((err) => yamlError(err, lineCounter, displayPath, text))));
  if (doc.errors.length) return { value: null, diagnostics };
  const pos = (node: YamlNode | null | undefined): SourcePosition => posIn(lineCounter, displayPath, node?.range?.[0]);
  const shape = checkNodes(doc, pos);
  if (shape.length) return { value: null, diagnostics: [...diagnostics, ...shape] };
  const characters = checkCharacters(doc, text, lineCounter, displayPath);
  diagnostics.push(...characters);
  if (characters.some((d) => d.severity === 'error')) return { value: null, diagnostics };
  diagnostics.push(...swallowedByComments(doc, text, lineCounter, displayPath));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const message = (err as Error).message;
    if (/resource exhaustion/i.test(message)) return { value: null, diagnostics: [...diagnostics, makeDiagnostic('L007', pos(firstAlias(doc)))] };
    const code = /Unresolved alias/i.test(message) ? 'BAD_ALIAS' : err instanceof RangeError ? 'DEPTH' : 'IMPOSSIBLE';
    return { value: null, diagnostics: [...diagnostics, syntaxError(pos(firstAlias(doc) ?? doc.contents), code, message)] };
  }
  // toJS shares an aliased value rather than copying it; what comes after would not.
  const grown = expansionProblem(doc);
  if (grown) {
    const at = pos(grown.node);
    const name = (grown.node as { source?: string }).source ?? '';
    return { value: null, diagnostics: [...diagnostics, grown.kind === 'cycle' ? makeDiagnostic('L024', at, { name }) : makeDiagnostic('L023', at, { name, limit: MAX_EXPANDED.toLocaleString('vi-VN') })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { value: null, diagnostics: [...diagnostics, makeDiagnostic('L009', { file: displayPath, line: 1, column: 1 })] };
  }
  // From here on only positions are needed: the document model (≈33× the file's size) is dropped.
  return { value: { data: data as Record<string, unknown>, index: PositionIndex.build(doc, lineCounter) }, diagnostics };
}

function posIn(lc: LineCounter, file: string, offset: number | undefined): SourcePosition {
  if (offset === undefined) return { file, line: 1, column: 1 };
  const { line, col } = lc.linePos(offset);
  return { file, line, column: col };
}

function firstAlias(doc: Document.Parsed): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, { Alias(_, node) { found = node; return visit.BREAK; } });
  return found;
}

/** C0 controls other than tab and newline (and DEL) have no place in a report. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/u;

/**
 * What the parser accepts but a data file must not contain: type tags (`!!float 676.373`
 * would make YAML decide the number), keys that are lists or mappings, control characters
 * (raw or as `"\x07"` escapes), and nesting deeper than MAX_DEPTH. One diagnostic per kind.
 */
function checkNodes(doc: Document.Parsed, pos: (node: YamlNode) => SourcePosition): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const once = (kind: string, d: () => Diagnostic): void => {
    if (!seen.has(kind)) { seen.add(kind); out.push(d()); }
  };
  visit(doc, {
    Node(_, node, path) {
      if (node.tag) once('tag', () => makeDiagnostic('L012', pos(node), { tag: String(node.tag).replace('tag:yaml.org,2002:', '!!') }));
      if (isScalar(node) && typeof node.value === 'string') {
        const m = CONTROL.exec(node.value);
        if (m) once('control', () => makeDiagnostic('L013', pos(node), { code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` }));
      }
      if (isCollection(node) && path.filter(isCollection).length >= MAX_DEPTH) {
        once('depth', () => syntaxError(pos(node), 'DEPTH', `nesting deeper than ${MAX_DEPTH}`));
        return visit.SKIP;
      }
      return undefined;
    },
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key) && typeof pair.key === 'object') {
        once('key', () => syntaxError(pos(pair.key as YamlNode), 'NON_STRING_KEY', 'a key must be a plain name'));
      }
    },
  });
  return out;
}

/** Vietnamese for YAML's error codes (the parser's English message is kept for `--lang en`). */
const YAML_REASONS: Record<string, string> = {
  BAD_INDENT: 'thụt lề không đều — các trường cùng cấp phải bắt đầu ở cùng một cột',
  BLOCK_AS_IMPLICIT_KEY: 'có hai dấu ":" trên một dòng — nếu giá trị chứa ": ", đặt cả giá trị trong ngoặc kép',
  MULTILINE_IMPLICIT_KEY: 'tên trường bị ngắt sang dòng sau, hoặc dòng trước thiếu dấu ":"',
  MULTIPLE_DOCS: 'tệp chứa nhiều tài liệu YAML (dòng "---" hoặc "..."); mỗi tệp dữ liệu chỉ có một',
  BAD_DQ_ESCAPE: 'ký tự thoát "\\…" không hợp lệ trong chuỗi ngoặc kép — viết "\\\\" cho dấu \\, hoặc dùng ngoặc đơn',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này (@, `, %, …) — đặt giá trị trong ngoặc kép',
  BLOCK_IN_FLOW: 'không viết khối nhiều dòng bên trong [ … ] hay { … }',
  KEY_OVER_1024_CHARS: 'tên trường dài quá 1024 ký tự — có lẽ thiếu dấu ":" sau tên trường',
  UNEXPECTED_TOKEN: 'có ký tự không mong đợi ở đây',
  BAD_ALIAS: 'bí danh (*tên) trỏ tới một neo (&tên) chưa khai báo',
  ALIAS_PROPS: 'bí danh (*tên) không được kèm neo hay thẻ',
  MULTIPLE_ANCHORS: 'một giá trị có nhiều neo (&tên)',
  MULTIPLE_TAGS: 'một giá trị có nhiều thẻ kiểu (!…)',
  BAD_PROP_ORDER: 'neo (&) và thẻ (!) phải đứng trước giá trị',
  BAD_DIRECTIVE: 'chỉ thị "%…" không hợp lệ',
  BAD_COLLECTION_TYPE: 'kiểu danh sách hoặc nhóm trường không hợp lệ',
  NON_STRING_KEY: 'tên trường phải là một chữ, không phải danh sách hay nhóm trường',
  DEPTH: `các mức lồng nhau quá sâu (giới hạn ${MAX_DEPTH}) — tệp có thể bị hỏng`,
  IMPOSSIBLE: 'cú pháp không hợp lệ',
};

function missingCharReason(message: string): string {
  if (/quote/i.test(message)) return 'thiếu dấu ngoặc kép (hoặc ngoặc đơn) đóng chuỗi';
  if (/\]/.test(message)) return 'danh sách [ … ] thiếu dấu "]" đóng, hoặc thiếu dấu phẩy giữa các mục';
  if (/\}/.test(message)) return 'nhóm { … } thiếu dấu "}" đóng, hoặc thiếu dấu phẩy giữa các trường';
  if (/:/.test(message)) return 'thiếu dấu ":" sau tên trường';
  return 'thiếu một ký tự cần có (ngoặc đóng, dấu ":" hoặc dấu phẩy)';
}

function syntaxError(at: SourcePosition, code: string, message: string): Diagnostic {
  const reasonEn = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const reason = code === 'MISSING_CHAR' ? missingCharReason(message) : YAML_REASONS[code] ?? YAML_REASONS.IMPOSSIBLE;
  return makeDiagnostic('L004', at, { reason, reasonEn });
}

function yamlError(err: { code: string; message: string; pos: [number, number] }, lc: LineCounter, file: string, text: string): Diagnostic {
  // The parser notices a missing closing quote where the file ends; the clerk needs the opening one.
  const opening = err.code === 'MISSING_CHAR' && /quote/i.test(err.message) ? unclosedQuote(text) : undefined;
  const at = posIn(lc, file, opening ?? err.pos[0]);
  if (err.code === 'DUPLICATE_KEY') {
    // The parser's message does not name the key; the error points at its first character.
    const eol = text.indexOf('\n', err.pos[0]);
    const line = text.slice(err.pos[0], eol < 0 ? undefined : eol);
    const key = /^("[^"]*"|'[^']*'|.*?)\s*:(\s|$)/.exec(line)?.[1] ?? line.trim();
    return makeDiagnostic('L005', at, { key: key.replace(/^(["'])(.*)\1$/, '$2') });
  }
  if (err.code === 'TAB_AS_INDENT') return makeDiagnostic('L006', at);
  return syntaxError(at, /call stack/i.test(err.message) ? 'DEPTH' : err.code, err.message);
}

/** Offset of the first quoted scalar in the concrete syntax tree that has no closing quote. */
export function unclosedQuote(text: string): number | undefined {
  let found: number | undefined;
  const check = (t: CST.Token | undefined): void => {
    if (found !== undefined || !t || (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar')) return;
    const body = t.source.slice(1);
    const closed = t.type === 'double-quoted-scalar' ? /^(?:[^"\\]|\\[\s\S])*"$/.test(body) : /^(?:[^']|'')*'$/.test(body);
    if (t.source.length < 2 || !closed) found = t.offset;
  };
  for (const token of new Parser().parse(text)) {
    if (found !== undefined) break;
    if (token.type !== 'document') continue;
    check(token.value);
    CST.visit(token, (item) => { check(item.key ?? undefined); check(item.value ?? undefined); });
  }
  return found;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

function positionInText(text: string, offset: number, file: string): SourcePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - before.lastIndexOf('\n') };
}

/**
 * ` #1` after an unquoted value starts a YAML comment, so `Dự án thôn 1 #1` silently loses its
 * end. A comment written right against the `#` (no space after it, as people write numbers,
 * never comments) is almost surely such lost text: warn, at the `#`.
 */
function swallowedByComments(doc: Document.Parsed, text: string, lc: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      const comment = node.comment;
      if (comment === undefined || comment === null || /^\s/.test(comment) || node.type !== 'PLAIN' || !node.range) return;
      const end = text.indexOf('\n', node.range[1]);
      const rest = text.slice(node.range[1], end === -1 ? undefined : end);
      const hash = /^[ \t]+#/.exec(rest);
      if (!hash) return;
      out.push(makeDiagnostic('L014', posIn(lc, file, node.range[1] + hash[0].length - 1), {
        comment: comment.split('\n')[0], value: String(node.value),
      }));
    },
  });
  return out;
}

/**
 * Read one file from disk (a regular file inside `root`, the data folder; see files.ts) with
 * the size limit and the UTF-8 check, then parse it.
 */
export async function loadFile(absPath: string, displayPath: string, root: string = path.dirname(absPath)): Promise<StageResult<SourceFile | null>> {
  const read = await readDataFile(absPath, displayPath, { root });
  if (read.value === null) return { value: null, diagnostics: read.diagnostics };
  const decoded = decode(read.value, displayPath);
  if (decoded.value === null) return { value: null, diagnostics: decoded.diagnostics };
  return parseSource(decoded.value, displayPath);
}

/** What loading a data folder gives: the files, which of them are folders of parts, and the folder's listing. */
export interface Loaded extends StageResult<SourceFile[]> {
  /** Display paths of the data files written as folders of parts (`data/2024/investment`). */
  split: string[];
  /** Every name in the data folder as listed (any kind of entry), for checks on file names. */
  entries: string[];
}

/**
 * Load every `*.yaml` file of a folder (sorted by name, so order is stable), and every data file
 * written in parts (`investment/*.yaml`, see parts.ts). A file that fails is reported and left
 * out; the others still load, so one run reports every file. A folder that cannot be listed is
 * one diagnostic, not a crash.
 */
export async function loadSources(dir: string, cwd: string = process.cwd()): Promise<Loaded> {
  const displayDir = displayPathOf(dir, cwd);
  const listing = await listDataFolder(dir, displayDir);
  if (!listing.value) return { value: [], diagnostics: listing.diagnostics, split: [], entries: [] };
  const { names, entries, root, folders } = listing.value;
  const diagnostics = [...listing.diagnostics];
  const files = await loadEach(names.map((n) => path.join(dir, n)), root, cwd, diagnostics);
  const split: string[] = [];
  for (const folder of folders) {
    const shown = displayPathOf(path.join(dir, folder.name), cwd);
    const single = files.find((f) => f.name === folder.name) ?? names.find((n) => n.replace(/\.ya?ml$/i, '') === folder.name);
    if (single) {
      diagnostics.push(makeDiagnostic('L062', { file: `${shown}/${folder.parts[0]}`, line: 1, column: 1 }, { name: folder.name, folder: shown }));
      continue;
    }
    split.push(shown);
    const errorsBefore = diagnostics.length;
    const parts = await loadEach(folder.parts.map((n) => path.join(dir, folder.name, n)), root, cwd, diagnostics);
    if (parts.length < folder.parts.length || diagnostics.slice(errorsBefore).some((d) => d.severity === 'error')) continue;
    const merged = mergeParts(folder.name, shown, parts);
    diagnostics.push(...merged.diagnostics);
    if (merged.value) files.push(merged.value);
  }
  // In file-name order, a folder of parts where its single file would be.
  const order = (f: SourceFile): string => (f.parts.length > 1 || split.includes(f.path) ? `${f.name}.yaml` : path.basename(f.path));
  files.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  // Record lists kept in spreadsheets replace their mappings (sheets/).
  for (const file of files) {
    const sheets = await expandSheets(file.data, dir, displayDir, (pointer) => positionOf(file, pointer));
    if (sheets.origins.size) file.sheets = sheets.origins;
    diagnostics.push(...sheets.diagnostics);
  }
  return { value: files, diagnostics, split, entries };
}

/**
 * Load files a few at a time: a folder of ten thousand files must not open ten thousand at once,
 * and only one file's document model is alive while it is parsed (each is reduced to its
 * position index before the next is parsed), so memory follows the largest file, not the sum.
 */
async function loadEach(abs: readonly string[], root: string, cwd: string, diagnostics: Diagnostic[]): Promise<SourceFile[]> {
  const results: StageResult<SourceFile | null>[] = [];
  for (let i = 0; i < abs.length; i += 16) {
    results.push(...await Promise.all(abs.slice(i, i + 16).map((f) => loadFile(f, displayPathOf(f, cwd), root))));
  }
  for (const r of results) diagnostics.push(...r.diagnostics);
  return results.flatMap((r) => (r.value ? [r.value] : []));
}

/** Paths are shown relative to the working directory, with forward slashes, when inside it. */
export function displayPathOf(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}

// ---------- positions ----------

/** Split a JSON pointer (`/projects/0/amount`) into YAML path segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The part of a file a pointer falls in, and the pointer's segments inside that part. */
function locate(file: SourceFile, pointer: string): { part: SourcePart; segments: string[] } {
  const segments = pointerSegments(pointer);
  if (file.parts.length === 1 || !segments.length) return { part: file.parts[0], segments };
  const [key, item, ...rest] = segments;
  const i = Number(item);
  for (const part of file.parts) {
    const list = part.lists?.get(key);
    if (list && item !== undefined && Number.isInteger(i) && i >= list.from && i < list.from + list.length) {
      return { part, segments: [key, String(i - list.from), ...rest] };
    }
  }
  // The list itself, or an index past its end: the last part that continues it.
  const lists = file.parts.filter((p) => p.lists?.has(key));
  const list = item === undefined ? lists[0] : lists.pop();
  if (list) return { part: list, segments: [key] };
  const holder = file.parts.find((p) => p.keys?.has(key));
  return holder ? { part: holder, segments } : { part: file.parts[0], segments: [] };
}

function posOfOffset(part: SourcePart, offset: number | undefined): SourcePosition {
  if (offset === undefined) return { file: part.path, line: 1, column: 1 };
  const { line, col } = part.index.linePos(offset);
  return { file: part.path, line, column: col };
}

/** file:line:col of the value a JSON pointer names (or of its nearest existing ancestor). */
export function positionOf(file: SourceFile, pointer: string): SourcePosition {
  const cell = sheetPosition(file.sheets, pointer);
  if (cell) return cell;
  const { part, segments } = locate(file, pointer);
  return posOfOffset(part, part.index.offsetOf(part.index.find(segments).node));
}

/** Position of a key inside the mapping at `pointer` (for unknown keys). */
export function keyPositionOf(file: SourceFile, pointer: string, key: string): SourcePosition {
  // A field of a record from a spreadsheet is named by the mapping's `columns`.
  const list = file.sheets && [...file.sheets.keys()].find((l) => /^\/\d+(\/|$)/.test(pointer.slice(l.length)) && pointer.startsWith(l));
  if (list) return keyPositionOf(file, `${list}/columns`, key);
  const { part, segments } = locate(file, pointer);
  const { node } = part.index.find(segments);
  return posOfOffset(part, part.index.keyOffset(node, key) ?? part.index.offsetOf(node));
}

/** True when the scalar at `pointer` was written without quotes (plain style). */
export function isPlainScalar(file: SourceFile, pointer: string): boolean {
  const { part, segments } = locate(file, pointer);
  const { node, exact } = part.index.find(segments);
  return exact && part.index.isPlainScalar(node);
}
