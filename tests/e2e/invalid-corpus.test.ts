// The invalid-input corpus: each `tests/fixtures/invalid/<case>/` is a small mistake a clerk (or
// a template author) can make, and `expected.txt` is exactly what `report validate` prints for
// it, ending with the exit status. A case is a copy of data/2024 changed by the `edits` and
// `remove` of its `case.yaml` and the files of its `overlay/` (or a whole data set in `data/`),
// plus `templates/` files and `templateEdits` over a copy of the templates. The real CLI runs in
// a temporary folder holding `data/` (and `templates/`), so paths print as `data/x.yaml:12:7`.
// `UPDATE_GOLDEN=1 npm test` rewrites the expected files; a case without one, or a stray file,
// fails. Every diagnostic printed must name file:line:col and carry a hint. Besides the recorded
// output, each case states its intent in `expect.yaml` — the exit status and the `CODE
// file:line:col` it must produce — written by hand and never by UPDATE_GOLDEN, so a regenerated
// `expected.txt` that lost the case's point still fails. A build of the case
// with three errors in three files writes nothing and leaves an existing out/ untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CLI, ROOT, runCli } from '../helpers/outputs.js';
import { compile } from '../../src/pipeline/compile.js';

const CORPUS = path.join(ROOT, 'tests/fixtures/invalid');
const update = process.env.UPDATE_GOLDEN === '1';
const CASE_ENTRIES = new Set(['case.yaml', 'expect.yaml', 'expected.txt', 'data', 'overlay', 'templates']);

/** A case's intent: its exit status and the diagnostics (`CODE file:line:col`) it must print. */
interface Expectation { exit: number; diagnostics: string[] }

/** Every `CODE file:line:col` a transcript shows, in text, JSON or GitHub-annotation form. */
function printedDiagnostics(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(\S+):(\d+):(\d+): (?:error|warning|note) ([A-Z]\d{3}):/gm)) out.push(`${m[4]} ${m[1]}:${m[2]}:${m[3]}`);
  for (const m of text.matchAll(/^::(?:error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([A-Z]\d{3})::/gm)) out.push(`${m[4]} ${m[1]}:${m[2]}:${m[3]}`);
  const json = /\[stdout\]\n(\[\]|\[[\s\S]*?\n\])\n/.exec(text);
  if (json) {
    for (const d of JSON.parse(json[1]) as { code: string; file: string; line: number; column: number }[]) out.push(`${d.code} ${d.file}:${d.line}:${d.column}`);
  }
  return out;
}

/** What the transcript lacks of the expectation (empty when the case did what it is for). */
function unmet(expectation: Expectation, transcriptText: string): string[] {
  const printed = new Set(printedDiagnostics(transcriptText));
  const exit = /\[exit (\d+)\]\n$/.exec(transcriptText)?.[1];
  return [
    ...(Number(exit) === expectation.exit ? [] : [`exit ${expectation.exit} (got ${exit})`]),
    ...expectation.diagnostics.filter((d) => !printed.has(d)),
  ];
}

interface Edit { file: string; find: string; replace: string; all?: boolean }
interface CaseSpec {
  description: string;
  args?: string[];
  edits?: Edit[];
  remove?: string[];
  grow?: { file: string; bytes: number };
  templateEdits?: Edit[];
}

const temps: string[] = [];
afterAll(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

function applyEdits(dir: string, edits: Edit[] = []): void {
  for (const e of edits) {
    const file = path.join(dir, e.file);
    const text = readFileSync(file, 'utf8');
    const count = text.split(e.find).length - 1;
    if (e.all ? count < 1 : count !== 1) throw new Error(`edit of ${e.file}: "${e.find}" occurs ${count} times`);
    writeFileSync(file, e.all ? text.split(e.find).join(e.replace) : text.replace(e.find, () => e.replace));
  }
}

/** A temporary folder with the case's `data/` (and `templates/` when the case changes them). */
function prepare(name: string): { work: string; spec: CaseSpec } {
  const caseDir = path.join(CORPUS, name);
  const spec = parse(readFileSync(path.join(caseDir, 'case.yaml'), 'utf8')) as CaseSpec;
  const work = mkdtempSync(path.join(tmpdir(), `baocao-invalid-${name}-`));
  temps.push(work);
  const data = path.join(work, 'data');
  cpSync(existsSync(path.join(caseDir, 'data')) ? path.join(caseDir, 'data') : path.join(ROOT, 'data/2024'), data, { recursive: true });
  if (existsSync(path.join(caseDir, 'overlay'))) cpSync(path.join(caseDir, 'overlay'), data, { recursive: true });
  applyEdits(data, spec.edits);
  for (const f of spec.remove ?? []) rmSync(path.join(data, f));
  if (spec.grow) {
    const file = path.join(data, spec.grow.file);
    const line = `# ${'x'.repeat(97)}\n`;
    const size = statSync(file).size;
    appendFileSync(file, line.repeat(Math.ceil((spec.grow.bytes - size) / line.length) + 1));
  }
  if (existsSync(path.join(caseDir, 'templates')) || spec.templateEdits) {
    const templates = path.join(work, 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    if (existsSync(path.join(caseDir, 'templates'))) cpSync(path.join(caseDir, 'templates'), templates, { recursive: true });
    applyEdits(templates, spec.templateEdits);
  }
  return { work, spec };
}

/** The CLI in a child process, without blocking, so cases run side by side. */
function runCliAsync(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, BAOCAO_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** What the user sees: stderr, then stdout if any, then the exit status. */
function transcript(r: { status: number | null; stdout: string; stderr: string }, work: string): string {
  const text = `${r.stderr}${r.stdout ? `[stdout]\n${r.stdout}` : ''}[exit ${r.status}]\n`;
  return text.split(work).join('<case>');
}

/** Compiler-style lines `file:line:col: severity CODE: message`, each followed by its hint. */
function checkPositionsAndHints(text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!/^\S+:\d+:\d+: (error|warning|note) [A-Z]\d{3}: /.test(line)) {
      if (/^\S+\.(yaml|yml|hbs):/.test(line)) throw new Error(`diagnostic without file:line:col: ${line}`);
      return;
    }
    expect(lines[i + 1], `no hint after: ${line}`).toMatch(/^ {4}(gợi ý|hint): \S/);
  });
}

const names = readdirSync(CORPUS).filter((n) => statSync(path.join(CORPUS, n)).isDirectory()).sort();

describe('invalid corpus', () => {
  it('has at least 30 cases and nothing but case folders and its README', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    const stray = readdirSync(CORPUS).filter((n) => n !== 'README.md' && !names.includes(n));
    expect(stray, 'files outside a case folder').toEqual([]);
  });

  it.concurrent.each(names)('%s', async (name) => {
    const caseDir = path.join(CORPUS, name);
    const unexpected = readdirSync(caseDir).filter((f) => !CASE_ENTRIES.has(f));
    expect(unexpected, `unexpected files in ${name}`).toEqual([]);
    expect(existsSync(path.join(caseDir, 'case.yaml')), `${name}/case.yaml missing`).toBe(true);
    const { work, spec } = prepare(name);
    expect(spec.description, `${name}: case.yaml needs a description`).toBeTruthy();
    const r = await runCliAsync(['validate', 'data', ...(spec.args ?? [])], work);
    const actual = transcript(r, work);
    expect([0, 1, 2], `${name}: exit ${r.status}\n${actual}`).toContain(r.status);
    expect(actual).not.toMatch(/lỗi nội bộ|internal error|\n\s+at /);
    const target = path.join(caseDir, 'expected.txt');
    if (update) writeFileSync(target, actual);
    expect(existsSync(target), `${name}/expected.txt missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
    const intent = path.join(caseDir, 'expect.yaml');
    expect(existsSync(intent), `${name}/expect.yaml missing: write the exit status and diagnostics the case must produce`).toBe(true);
    const expectation = parse(readFileSync(intent, 'utf8')) as Expectation;
    expect(unmet(expectation, actual), `${name}: expected by expect.yaml but not printed`).toEqual([]);
    expect(actual).toBe(readFileSync(target, 'utf8'));
    if (!spec.args?.includes('--format')) checkPositionsAndHints(actual);
  });
});

describe('the expectation check', () => {
  const transcript = 'data/urban.yaml:22:32: error L004: Lỗi\n    gợi ý: x\n1 lỗi, 0 cảnh báo\n[exit 1]\n';
  it('passes when the code is printed at the position with the exit status', () => {
    expect(unmet({ exit: 1, diagnostics: ['L004 data/urban.yaml:22:32'] }, transcript)).toEqual([]);
  });
  it('fails when the code, its position or the exit status differ', () => {
    expect(unmet({ exit: 1, diagnostics: ['L004 data/urban.yaml:45:1'] }, transcript)).toEqual(['L004 data/urban.yaml:45:1']);
    expect(unmet({ exit: 1, diagnostics: ['L005 data/urban.yaml:22:32'] }, transcript)).toEqual(['L005 data/urban.yaml:22:32']);
    expect(unmet({ exit: 2, diagnostics: [] }, transcript)).toEqual(['exit 2 (got 1)']);
  });
  it('reads JSON and GitHub annotations too', () => {
    const json = '[stdout]\n[\n  {"code": "V203", "file": "data/c.yaml", "line": 3, "column": 7}\n]\n[exit 1]\n';
    expect(printedDiagnostics(json)).toEqual(['V203 data/c.yaml:3:7']);
    expect(printedDiagnostics('[stdout]\n::error file=data/c.yaml,line=3,col=7,title=V203::x\n[exit 1]\n')).toEqual(['V203 data/c.yaml:3:7']);
  });
});

describe('a run reports every file, and a failed build writes nothing', () => {
  it('three mistakes in three files give three errors in one run', () => {
    const { work } = prepare('three-errors-one-run');
    const r = runCli(['validate', 'data', '--format', 'json'], { cwd: work });
    expect(r.status).toBe(1);
    const errors = (JSON.parse(r.stdout) as { code: string; file: string; severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.file}`)).toEqual([
      'V203 data/communes.yaml', 'L011 data/investment.yaml', 'L004 data/land-clearance.yaml',
    ]);
  });

  it('`report build` exits 1 and leaves an existing out/ byte for byte as it was', () => {
    const { work } = prepare('three-errors-one-run');
    const out = path.join(work, 'out', 'data');
    mkdirSync(out, { recursive: true });
    const before: Record<string, Buffer> = {
      'bao-cao-chu-de-nam-2024.docx': Buffer.from('PK old docx bytes'),
      'bao-cao-chu-de-nam-2024.pdf': Buffer.from('%PDF-1.7 old pdf bytes'),
    };
    for (const [f, bytes] of Object.entries(before)) writeFileSync(path.join(out, f), bytes);
    const r = runCli(['build', 'data', '--out', 'out'], { cwd: work });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('V203');
    expect(readdirSync(out).sort()).toEqual(Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(path.join(out, f)).equals(bytes), f).toBe(true);
  });

  // How fast they are refused is measured by `npm run bench` (speed goals are not asserted in tests).
  it('an alias bomb and a file over the size limit are refused', async () => {
    for (const name of ['alias-bomb', 'file-too-large']) {
      const { work } = prepare(name);
      const c = await compile({ dataDir: path.join(work, 'data'), cwd: work, skipRender: true });
      expect(c.diagnostics.some((d) => d.code === (name === 'alias-bomb' ? 'L007' : 'L003'))).toBe(true);
    }
  });
});
