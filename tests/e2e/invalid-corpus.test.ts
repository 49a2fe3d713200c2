// The invalid-input corpus: each `tests/fixtures/invalid/<case>/` is a small mistake a clerk (or
// a template author) can make, and `expected.txt` is exactly what `report validate` prints for
// it, ending with the exit status. A case is a copy of data/2024 changed by the `edits` and
// `remove` of its `case.yaml` and the files of its `overlay/` (or a whole data set in `data/`),
// plus `templates/` files and `templateEdits` over a copy of the templates. The real CLI runs in
// a temporary folder holding `data/` (and `templates/`), so paths print as `data/x.yaml:12:7`.
// `UPDATE_GOLDEN=1 npm test` rewrites the expected files; a case without one, or a stray file,
// fails. Every diagnostic printed must name file:line:col and carry a hint. A build of the case
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
const CASE_ENTRIES = new Set(['case.yaml', 'expected.txt', 'data', 'overlay', 'templates']);

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
    expect(actual).toBe(readFileSync(target, 'utf8'));
    if (!spec.args?.includes('--format')) checkPositionsAndHints(actual);
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
  it('an alias bomb and a file over 2 MB are refused', async () => {
    for (const name of ['alias-bomb', 'file-too-large']) {
      const { work } = prepare(name);
      const c = await compile({ dataDir: path.join(work, 'data'), cwd: work, skipRender: true });
      expect(c.diagnostics.some((d) => d.code === (name === 'alias-bomb' ? 'L007' : 'L003'))).toBe(true);
    }
  });
});
