/**
 * Load: read the YAML files of a data folder and keep, for every value, where it came from.
 * Files are read as bytes and checked as UTF-8 (a BOM is dropped, CRLF accepted), text is
 * normalised to NFC, and YAML is parsed with the failsafe schema so every scalar stays the exact
 * text the clerk typed: `676.373` is never silently turned into a float here — the validator
 * decides what a scalar means from the schema. YAML's alias limit stays on, duplicate keys and
 * tabs in indentation are errors, and a file over the size limit is refused before parsing.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, SourcePosition, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';

/** Files above this size are refused unread: no real data file comes close. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SourceFile {
  /** Path as shown to users (relative to the working directory when possible). */
  path: string;
  /** Base name without extension: `report`, `investment`, … */
  name: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JS value of the document: objects, arrays and strings only (failsafe schema). */
  data: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8 or report the first bad byte. */
function decode(bytes: Uint8Array, file: string): StageResult<string | null> {
  try {
    return { value: utf8.decode(bytes), diagnostics: [] };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = Buffer.from(bytes.subarray(0, offset)).toString('latin1');
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { value: null, diagnostics: [makeDiagnostic('L002', { file, line, column }, { offset })] };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    try {
      utf8.decode(bytes.subarray(0, i + 1));
    } catch {
      // A truncated multi-byte sequence only fails once complete; step back to its lead byte.
      let j = i;
      while (j > 0 && (bytes[j] & 0xc0) === 0x80) j--;
      try { utf8.decode(bytes.subarray(0, j)); return j; } catch { /* keep scanning */ }
    }
  }
  return bytes.length;
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

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false, keepSourceTokens: true });
  for (const err of doc.errors) diagnostics.push(yamlError(err, lineCounter, displayPath, text));
  if (doc.errors.length) return { value: null, diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const at = { file: displayPath, line: 1, column: 1 };
    if (err instanceof ReferenceError) return { value: null, diagnostics: [...diagnostics, makeDiagnostic('L007', at)] };
    return { value: null, diagnostics: [...diagnostics, makeDiagnostic('L004', at, { reason: (err as Error).message })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { value: null, diagnostics: [...diagnostics, makeDiagnostic('L009', { file: displayPath, line: 1, column: 1 })] };
  }
  const name = path.basename(displayPath).replace(/\.ya?ml$/i, '');
  return { value: { path: displayPath, name, text, doc, lineCounter, data }, diagnostics };
}

function yamlError(err: { code: string; message: string; pos: [number, number] }, lc: LineCounter, file: string, text: string): Diagnostic {
  const { line, col } = lc.linePos(err.pos[0]);
  const at = { file, line, column: col };
  if (err.code === 'DUPLICATE_KEY') {
    // The parser's message does not name the key; the error's range covers it.
    const key = text.slice(err.pos[0], err.pos[1]).split(':')[0].trim() || (/"([^"]*)"/.exec(err.message)?.[1] ?? '');
    return makeDiagnostic('L005', at, { key });
  }
  if (err.code === 'TAB_AS_INDENT') return makeDiagnostic('L006', at);
  const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return makeDiagnostic('L004', at, { reason });
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

/** Read one file from disk with the size limit and UTF-8 check. */
export async function loadFile(absPath: string, displayPath: string): Promise<StageResult<SourceFile | null>> {
  const at = { file: displayPath, line: 1, column: 1 };
  try {
    const info = await stat(absPath);
    if (info.size > MAX_FILE_BYTES) {
      return { value: null, diagnostics: [makeDiagnostic('L003', at, { size: info.size, limit: MAX_FILE_BYTES })] };
    }
    const bytes = await readFile(absPath);
    const decoded = decode(bytes, displayPath);
    if (decoded.value === null) return { value: null, diagnostics: decoded.diagnostics };
    return parseSource(decoded.value, displayPath);
  } catch (err) {
    return { value: null, diagnostics: [makeDiagnostic('L001', at, { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })] };
  }
}

/**
 * Load every `*.yaml` file of a folder (sorted by name, so order is stable). A file that
 * fails is reported and left out; the others still load, so one run reports every file.
 */
export async function loadSources(dir: string, cwd: string = process.cwd()): Promise<StageResult<SourceFile[]>> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const results = await Promise.all(names.map((n) => {
    const abs = path.join(dir, n);
    return loadFile(abs, displayPathOf(abs, cwd));
  }));
  return {
    value: results.flatMap((r) => (r.value ? [r.value] : [])),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
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

/** The YAML node at a pointer, or the deepest existing ancestor (so a missing key maps to its parent). */
export function nodeAt(file: SourceFile, pointer: string): { node: YamlNode | null; exact: boolean } {
  let node: unknown = file.doc.contents;
  for (const seg of pointerSegments(pointer)) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg)?.value;
    else if (isSeq(node)) next = node.items[Number(seg)];
    if (next === undefined || next === null) return { node: node as YamlNode, exact: false };
    node = next;
  }
  return { node: node as YamlNode, exact: true };
}

function posOfOffset(file: SourceFile, offset: number | undefined): SourcePosition {
  if (offset === undefined) return { file: file.path, line: 1, column: 1 };
  const { line, col } = file.lineCounter.linePos(offset);
  return { file: file.path, line, column: col };
}

/** file:line:col of the value a JSON pointer names (or of its nearest existing ancestor). */
export function positionOf(file: SourceFile, pointer: string): SourcePosition {
  const { node } = nodeAt(file, pointer);
  return posOfOffset(file, node?.range?.[0]);
}

/** Position of a key inside the mapping at `pointer` (for unknown keys). */
export function keyPositionOf(file: SourceFile, pointer: string, key: string): SourcePosition {
  const { node } = nodeAt(file, pointer);
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) return posOfOffset(file, pair.key.range?.[0]);
  }
  return posOfOffset(file, node?.range?.[0]);
}

/** True when the scalar at `pointer` was written without quotes (plain style). */
export function isPlainScalar(file: SourceFile, pointer: string): boolean {
  const { node, exact } = nodeAt(file, pointer);
  return exact && isScalar(node) && (node.type === 'PLAIN' || node.type === undefined);
}
