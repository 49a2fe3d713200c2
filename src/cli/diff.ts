/**
 * `report diff <a> <b>`: what the change from <a> (old) to <b> (new) does to the report's
 * figures — old, new, difference, and the data lines behind each — as a terminal table or as
 * Markdown for a pull-request comment (`--format markdown`), or as JSON for tools (`--format json`). A side is a year (`2024`, under
 * `--data`), a data folder, or a git revision and a year or path (`HEAD~1:2024`,
 * `origin/main:data/2024`): that folder's YAML files are read from git into a temporary folder.
 * Both sides are compiled up to the model (no rendering); errors on either side are printed and
 * the exit status is 1, otherwise 0 whether or not figures changed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../pipeline/compile.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/types.js';
import type { Figure } from '../aggregate/index.js';
import { diffFigures, formatDiffJson, formatDiffMarkdown, formatDiffTable } from '../diff/figures.js';
import type { GlobalOptions } from './run.js';
import { UsageError, resolveDataDir } from './io.js';

export interface DiffOptions extends GlobalOptions {
  format: 'table' | 'markdown' | 'json';
}

/** One side of the comparison: a data folder to compile, and how its files are shown. */
interface Side {
  spec: string;
  dir: string;
  /** The folder file paths are shown relative to. */
  displayRoot: string;
  /** Prefix for shown paths (`HEAD~1:`), empty for a folder on disk. */
  prefix: string;
  cleanup(): void;
}

function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new UsageError('cần git để đọc một phiên bản (REV:năm), nhưng không tìm thấy lệnh git', 'git is needed to read a revision (REV:year), but the git command was not found');
    throw new UsageError(`git ${args.join(' ')}: ${e.stderr?.toString('utf8').trim() || e.message}`);
  }
}

/** `HEAD~1:2024` → rev `HEAD~1`, path `2024`; a Windows drive (`C:\…`) or an existing path is not a revision. */
export function parseRevSpec(spec: string, cwd: string): { rev: string; target: string } | null {
  const m = /^([^:]{2,}):(.+)$/.exec(spec);
  if (!m || existsSync(path.resolve(cwd, spec))) return null;
  return { rev: m[1], target: m[2] };
}

function fromGit(spec: string, rev: string, target: string, opts: DiffOptions, cwd: string): Side {
  const top = git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim();
  const prefix = git(['rev-parse', '--show-prefix'], cwd).toString('utf8').trim();
  const rel = /^\d{4}$/.test(target) ? path.join(opts.data, target) : target;
  if (path.isAbsolute(rel)) throw new UsageError(`"${spec}": sau "${rev}:" cần một năm hoặc đường dẫn tương đối trong kho git`, `"${spec}": after "${rev}:" give a year or a relative path in the git repository`);
  const repoPath = path.posix.normalize(path.posix.join(prefix, rel.split(path.sep).join('/'))).replace(/\/$/, '');
  if (repoPath.startsWith('..')) throw new UsageError(`"${spec}": đường dẫn phải nằm trong kho git (${top})`, `"${spec}": the path must be inside the git repository (${top})`);
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top);
  } catch {
    throw new UsageError(`"${spec}": không có phiên bản git "${rev}"`, `"${spec}": there is no git revision "${rev}"`);
  }
  const names = git(['ls-tree', '--name-only', rev, '--', `${repoPath}/`], top).toString('utf8')
    .split('\n').filter((n) => /\.ya?ml$/i.test(n));
  if (!names.length) throw new UsageError(`"${spec}": không có tệp dữ liệu nào trong ${repoPath}/ ở phiên bản ${rev}`, `"${spec}": no data files in ${repoPath}/ at revision ${rev}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'baocao-diff-'));
  for (const name of names) {
    const file = path.join(tmp, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, git(['cat-file', 'blob', `${rev}:${name}`], top));
  }
  return {
    spec,
    dir: path.join(tmp, ...repoPath.split('/')),
    displayRoot: tmp,
    prefix: `${rev}:`,
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

export function openSide(spec: string, opts: DiffOptions, cwd: string): Side {
  const revSpec = parseRevSpec(spec, cwd);
  if (revSpec) return fromGit(spec, revSpec.rev, revSpec.target, opts, cwd);
  const { dir } = resolveDataDir(spec, opts.data, cwd);
  return { spec, dir, displayRoot: cwd, prefix: '', cleanup: () => {} };
}

async function figuresOf(side: Side, opts: DiffOptions): Promise<Figure[] | null> {
  const c = await compile({ dataDir: side.dir, cwd: side.displayRoot, skipRender: true, strict: opts.strict });
  const shownPath = (f: string) => `${side.prefix}${f}`;
  if (hasErrors(c.diagnostics) || !c.model) {
    const errors = c.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file: shownPath(d.file) }));
    process.stderr.write(`${formatDiagnostics(errors, 'text', opts.lang)}\n`);
    process.stderr.write(opts.lang === 'en' ? `report: cannot compare: ${side.spec} has errors.\n` : `report: không so sánh được vì ${side.spec} có lỗi.\n`);
    return null;
  }
  return c.model.figures.map((f) => ({ ...f, sources: f.sources.map((s) => ({ ...s, file: shownPath(s.file) })) }));
}

export async function diffCommand(a: string, b: string, opts: DiffOptions): Promise<void> {
  const cwd = process.cwd();
  const sides: Side[] = [];
  try {
    sides.push(openSide(a, opts, cwd));
    sides.push(openSide(b, opts, cwd));
    const before = await figuresOf(sides[0], opts);
    const after = await figuresOf(sides[1], opts);
    if (!before || !after) { process.exitCode = 1; return; }
    const diff = diffFigures(before, after);
    const names = { before: a, after: b };
    process.stdout.write(opts.format === 'markdown' ? formatDiffMarkdown(diff, names, opts.lang)
      : opts.format === 'json' ? formatDiffJson(diff, names) : `${formatDiffTable(diff, names, opts.lang)}\n`);
    process.exitCode = 0;
  } finally {
    for (const s of sides) s.cleanup();
  }
}
