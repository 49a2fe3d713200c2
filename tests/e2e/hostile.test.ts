// Hostile inputs (issue 18): what a data repository's pull request can bring to a CI runner. Each
// `tests/fixtures/hostile/<case>/case.yaml` changes a copy of data/2024 — `edits` (find/replace),
// `write` (a file made of text parts and repeated parts, for the big inputs), `entries` (a FIFO,
// a symbolic link: made at run time, git cannot hold them) — runs the real CLI and states what
// must come out: the exit status and the codes at file:line:col. A child that does not finish in
// time is killed (the hang guard; how fast each case is refused is `npm run bench`'s business).
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import sax from 'sax';
import { CLI, ROOT } from '../helpers/outputs.js';

const CASES = path.join(ROOT, 'tests/fixtures/hostile');
/** The hang guard: a child still running after this is killed and the case fails. */
const KILL_AFTER_MS = 60_000;

interface Part { text?: string; repeat?: string; times?: number }
interface Entry { name: string; fifo?: boolean; link?: string }
interface Expected { code: string; at: string; severity?: string }
interface CaseSpec {
  description: string;
  args?: string[];
  /** Find/replace once; `parts` builds a big replacement from text and repeated parts. */
  edits?: { file: string; find: string; replace?: string; parts?: Part[] }[];
  /** A file made of parts; with `prepend`, put before the file's own text. */
  write?: { file: string; parts: Part[]; prepend?: boolean }[];
  entries?: Entry[];
  expect: { status: number; diagnostics?: Expected[]; absent?: string[]; only?: boolean };
}

const temps: string[] = [];
afterAll(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

function joinParts(parts: Part[]): string {
  return parts.map((p) => p.text ?? (p.repeat ?? '').repeat(p.times ?? 1)).join('');
}

/** A temporary folder holding `data/` (a changed copy of data/2024), made world-readable. */
export function prepareCase(spec: Pick<CaseSpec, 'edits' | 'write' | 'entries'>, label: string): string {
  const work = mkdtempSync(path.join(tmpdir(), `baocao-hostile-${label}-`));
  temps.push(work);
  chmodSync(work, 0o755);
  const data = path.join(work, 'data');
  cpSync(path.join(ROOT, 'data/2024'), data, { recursive: true });
  for (const e of spec.edits ?? []) {
    const file = path.join(data, e.file);
    const text = readFileSync(file, 'utf8');
    if (text.split(e.find).length !== 2) throw new Error(`edit of ${e.file}: "${e.find}" must occur once`);
    writeFileSync(file, text.replace(e.find, () => e.replace ?? joinParts(e.parts ?? [])));
  }
  for (const w of spec.write ?? []) {
    const file = path.join(data, w.file);
    const text = joinParts(w.parts);
    writeFileSync(file, w.prepend ? text + readFileSync(file, 'utf8') : text);
  }
  for (const e of spec.entries ?? []) {
    const at = path.join(data, e.name);
    if (e.fifo) execFileSync('mkfifo', [at]);
    else if (e.link !== undefined) symlinkSync(e.link, at);
  }
  return work;
}

export function runCliAsync(args: string[], cwd: string, options: { uid?: number; env?: NodeJS.ProcessEnv } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd, env: { ...process.env, BAOCAO_DEBUG: '', ...options.env }, timeout: KILL_AFTER_MS, killSignal: 'SIGKILL',
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status: signal ? null : status, stdout, stderr }));
  });
}

interface JsonDiagnostic { code: string; severity: string; file: string; line: number; column: number; message: string; hint?: string }

/** The diagnostics of a JSON run: `validate --format json` prints them on stdout, `build --diagnostics json` on stderr. */
function diagnosticsOf(r: { stdout: string; stderr: string }): JsonDiagnostic[] {
  const text = `${r.stdout}\n${r.stderr}`;
  if (/^\[\]$/m.test(text)) return [];
  const start = text.search(/^\[$/m);
  const end = text.search(/^\]$/m);
  if (start < 0 || end < 0) throw new Error(`no JSON diagnostics in:\n${text}`);
  return JSON.parse(text.slice(start, end + 1)) as JsonDiagnostic[];
}

const names = existsSync(CASES) ? readdirSync(CASES).filter((n) => existsSync(path.join(CASES, n, 'case.yaml'))).sort() : [];

describe('hostile inputs', () => {
  it('has cases', () => expect(names.length).toBeGreaterThan(0));

  it.concurrent.each(names)('%s', async (name) => {
    const spec = parse(readFileSync(path.join(CASES, name, 'case.yaml'), 'utf8')) as CaseSpec;
    expect(spec.description, `${name}: description`).toBeTruthy();
    const work = prepareCase(spec, name);
    const r = await runCliAsync(spec.args ?? ['validate', 'data', '--format', 'json'], work);
    const shown = `${r.stderr}\n${r.stdout}`;
    expect(r.status, `${name}: killed after ${KILL_AFTER_MS} ms, or exit status\n${shown}`).toBe(spec.expect.status);
    expect(shown).not.toMatch(/lỗi nội bộ|internal error|\n\s+at |FATAL ERROR/);
    if (!spec.expect.diagnostics) return;
    const found = diagnosticsOf(r);
    const where = (d: JsonDiagnostic) => `${d.code} ${d.file}:${d.line}:${d.column}`;
    for (const e of spec.expect.diagnostics) {
      expect(found.map(where), `${name}: expected ${e.code} at ${e.at}`).toContain(`${e.code} ${e.at}`);
      const d = found.find((x) => where(x) === `${e.code} ${e.at}`)!;
      if (e.severity) expect(d.severity).toBe(e.severity);
      expect(d.hint, `${e.code} has a hint`).toBeTruthy();
    }
    for (const code of spec.expect.absent ?? []) expect(found.map((d) => d.code)).not.toContain(code);
    if (spec.expect.only) {
      const errors = found.filter((d) => d.severity === 'error').map(where);
      expect(errors.sort()).toEqual(spec.expect.diagnostics.filter((e) => (e.severity ?? 'error') === 'error').map((e) => `${e.code} ${e.at}`).sort());
    }
  }, KILL_AFTER_MS + 30_000);
});

describe('the data folder as a whole', () => {
  it('build --all builds every other year and reports the looping link and the broken year', async () => {
    const work = prepareCase({}, 'all');
    const data = path.join(work, 'data');
    // data/2024 is the good year; 2025 is a link to itself; 2026 holds a report.yaml that loops.
    cpSync(path.join(data), path.join(work, 'years', '2024'), { recursive: true });
    rmSync(data, { recursive: true });
    cpSync(path.join(work, 'years'), data, { recursive: true });
    symlinkSync('2025', path.join(data, '2025'));
    mkdirSync(path.join(data, '2026'));
    symlinkSync('report.yaml', path.join(data, '2026', 'report.yaml'));
    const r = await runCliAsync(['build', '--all', '--format', 'docx', '--jobs', '1'], work);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^2024: đã dựng/m);
    expect(r.stdout).toMatch(/^2025: LỖI — data\/2025: liên kết tượng trưng lặp vòng/m);
    expect(r.stdout).toMatch(/^2026: LỖI/m);
    expect(r.stderr).toContain('data/2026/report.yaml:1:1: error L017');
    expect(existsSync(path.join(work, 'out/2024/bao-cao-chu-de-nam-2024.docx'))).toBe(true);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/lỗi nội bộ/);
  }, KILL_AFTER_MS + 30_000);

  // A year too big for the memory a worker thread has: the machine's limit, said as one — the
  // year fails with what to do, not as an internal error. (BAOCAO_FAULT=heap:16 gives the worker
  // threads a 16 MB heap, so the seed year runs out of memory for real.)
  it('build --all: a year that runs out of memory fails saying so and what to do, exit 1', async () => {
    const work = prepareCase({}, 'oom');
    const data = path.join(work, 'data');
    cpSync(data, path.join(work, 'years', '2024'), { recursive: true });
    rmSync(data, { recursive: true });
    cpSync(path.join(work, 'years'), data, { recursive: true });
    const r = await runCliAsync(['build', '--all', '--format', 'pdf', '--jobs', '1'], work, { env: { BAOCAO_FAULT: 'heap:16' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^2024: LỖI — hết bộ nhớ khi dựng năm này; dựng riêng năm này \(report build <năm>\), hoặc cho Node dùng nhiều bộ nhớ hơn: NODE_OPTIONS=--max-old-space-size=4096 — \d+ ms \(luồng [1-9]\d*\)$/m);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/lỗi nội bộ|FATAL ERROR/);
  }, KILL_AFTER_MS + 30_000);

  it('an unreadable data folder is one positioned error (L020), exit 1, for validate and build', async () => {
    const work = prepareCase({}, 'unreadable');
    chmodSync(path.join(work, 'data'), 0o000);
    // root reads everything: run the CLI as nobody then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    for (const args of [['validate', 'data', '--format', 'json'], ['build', 'data', '--out', path.join(tmpdir(), 'never'), '--diagnostics', 'json']]) {
      const r = await runCliAsync(args, work, { uid });
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(1);
      const found = diagnosticsOf(r);
      expect(found.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['L020 data:1:1']);
      expect(found[0].message).toContain('không có quyền đọc thư mục');
    }
    const en = await runCliAsync(['validate', 'data', '--lang', 'en'], work, { uid });
    expect(en.stderr).toContain('no permission to read the folder');
    chmodSync(path.join(work, 'data'), 0o755);
  }, KILL_AFTER_MS + 30_000);

  it('a year folder that is a looping link is L020 naming it, exit 1 (not "create it with report new")', async () => {
    const work = prepareCase({}, 'year-loop');
    symlinkSync('2025', path.join(work, 'data', '2025'));
    const r = await runCliAsync(['validate', '2025', '--data', 'data', '--format', 'json'], work);
    expect(r.status, r.stderr).toBe(1);
    const found = diagnosticsOf(r);
    expect(found.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['L020 data/2025:1:1']);
    expect(found[0].message).toContain('liên kết tượng trưng lặp vòng');
  }, KILL_AFTER_MS + 30_000);

  it('a data file without read permission is L019, the other files still checked', async () => {
    const work = prepareCase({}, 'perm');
    chmodSync(path.join(work, 'data', 'urban.yaml'), 0o000);
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const r = await runCliAsync(['validate', 'data', '--format', 'json'], work, { uid });
    expect(r.status).toBe(1);
    expect(diagnosticsOf(r).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['L019 data/urban.yaml:1']);
  }, KILL_AFTER_MS + 30_000);
});

/**
 * Why an XML document is not well-formed, or null: sax in strict mode for the structure, plus
 * XML 1.0's Char production, which sax does not check (U+FFFE in a text node passes sax).
 */
function xmlProblem(xml: string): string | null {
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} at offset ${bad.index}`;
  const parser = sax.parser(true);
  let problem: string | null = null;
  parser.onerror = (e: Error) => { problem ??= e.message.split('\n')[0]; (parser as { error: Error | null }).error = null; };
  parser.write(xml).close();
  return problem;
}

describe('every DOCX part the writer produces parses as XML', () => {
  it('for data with markup characters, invisible characters and text from every script plane', async () => {
    const work = prepareCase({
      edits: [
        { file: 'urban.yaml', find: 'khoảng {cost} bằng', replace: 'khoảng {cost} bằng <w:t> & "x" \'y\' ]]> \u200B\uFEFF 𝔸😀 \t tab' },
        { file: 'report.yaml', find: 'place: An Lão', replace: 'place: "An Lão <&>"' },
      ],
    }, 'docx-xml');
    const r = await runCliAsync(['build', 'data', '--out', 'out', '--format', 'docx'], work);
    expect(r.status, r.stderr).toBe(0);
    const files = unzipSync(readFileSync(path.join(work, 'out/data/bao-cao-chu-de-nam-2024.docx')));
    const parts = Object.keys(files).filter((f) => /\.(xml|rels)$/.test(f));
    expect(parts).toContain('word/document.xml');
    for (const part of parts) expect(xmlProblem(strFromU8(files[part])), part).toBeNull();
    expect(strFromU8(files['word/document.xml'])).toContain('&lt;w:t&gt; &amp;');
  }, KILL_AFTER_MS + 30_000);

  it('the check itself refuses what Word refuses', () => {
    expect(xmlProblem('<a>\uFFFE</a>')).toMatch(/U\+FFFE/);
    expect(xmlProblem('<a><b></a>')).not.toBeNull();
    expect(xmlProblem('<a x="1">&amp;</a>')).toBeNull();
  });
});

describe('the templates folder of a data repository', () => {
  it('a FIFO named *.hbs is refused (L015), not opened for a blocking read', async () => {
    const work = prepareCase({}, 'templates-fifo');
    cpSync(path.join(ROOT, 'templates'), path.join(work, 'templates'), { recursive: true });
    execFileSync('mkfifo', [path.join(work, 'templates', 'chu-de-nam', 'extra.hbs')]);
    const r = await runCliAsync(['validate', 'data', '--format', 'json'], work);
    expect(r.status, r.stderr).toBe(1);
    expect(diagnosticsOf(r).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`))
      .toEqual(['L015 templates/chu-de-nam/extra.hbs:1:1']);
  }, KILL_AFTER_MS + 30_000);
});
