/**
 * `report build <year>`: compile, render each asked-for format in memory, and only when every
 * format succeeded write them all atomically to `out/<year>/`, with `manifest.json` beside them.
 * With errors nothing is written and existing outputs stay as they were.
 *
 * This module is the light half of the command. Before anything heavy is imported it reads the
 * year's manifest and hashes the inputs (data files, templates, tool, output settings); when
 * nothing changed and the outputs are intact the build is skipped in a few milliseconds. Only
 * otherwise does it import `build-year.ts` (the compile pipeline and the writers). `--check`
 * always rebuilds in memory and compares with the files on disk; `--all` hands every year under
 * `data/` to a pool of worker threads (`build-all.ts`).
 */
import { PACKAGE_ROOT } from '../pipeline/paths.js';
import path from 'node:path';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rmdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { DiagnosticFormat, Lang } from '../diagnostics/format.js';
import { extensions, writers, type OutputFormat } from '../writers/index.js';
import { parseDate, formatDate, type FullDate } from '../numbers/index.js';
import type { GlobalOptions } from './run.js';
import { MachineError, UsageError, resolveDataDir, humanSize } from './io.js';
import { acquireLock, interrupted, machineFault, recover, type Lock } from './output-set.js';
import { injectedWriterFault } from './faults.js';
import {
  compareInputs, dataFiles, displayPath, fontFiles, hashFiles, readManifest, sha256, templateFiles,
  toolId, unchanged, type BuildSettings, type Manifest,
} from './manifest.js';

export const DEFAULT_FORMATS = 'docx,pdf';

export interface BuildOptions extends GlobalOptions {
  /** Unset means "docx,pdf", or with --check the formats recorded in the manifest. */
  format?: string;
  out: string;
  draft?: boolean;
  number?: string;
  date?: string;
  fontDir?: string;
  diagnostics: DiagnosticFormat;
  check?: boolean;
  all?: boolean;
  force?: boolean;
  jobs?: string;
}

/** Everything one year's build needs; plain data, so it can be posted to a worker thread. */
export interface BuildJob {
  target: string;
  cwd: string;
  data: string;
  templates?: string;
  out: string;
  format?: string;
  draft?: boolean;
  number?: string;
  date?: string;
  /** `--font-dir`, as given (relative to `cwd`). */
  fontDir?: string;
  strict: boolean;
  check: boolean;
  force: boolean;
  diagnostics: DiagnosticFormat;
  lang: Lang;
}

/** Where a build's messages go: the console for one year, a buffer in a worker. */
export interface Sink {
  out(text: string): void;
  err(text: string): void;
}

export type BuildStatus = 'built' | 'skipped' | 'fresh' | 'stale' | 'failed';

export interface BuildResult {
  year: string;
  status: BuildStatus;
  outputs: { path: string; bytes: number }[];
  errors: number;
  warnings: number;
  ms: number;
  /** For stale outputs (`--check`): which files, and why. */
  stale?: string[];
  /** A usage error, for `--all` (a single build throws it). */
  message?: string;
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const known = Object.keys(writers);
  for (const f of formats) {
    if (!known.includes(f)) throw new UsageError(`định dạng "${f}" không được hỗ trợ (có: ${known.join(', ')})`, `format "${f}" is not supported (there are: ${known.join(', ')})`);
  }
  if (!formats.length) throw new UsageError('cần ít nhất một định dạng, ví dụ --format docx,pdf', 'give at least one format, e.g. --format docx,pdf');
  return [...new Set(formats)] as OutputFormat[];
}

/** `5` → `05`: Decree 30 writes numbers below 10 with a leading zero. */
export function parseNumberOption(n: string | undefined): string | undefined {
  if (n === undefined) return undefined;
  if (!/^\d{1,6}$/.test(n.trim()) || Number(n) === 0) throw new UsageError(`--number "${n}" không hợp lệ: cần một số nguyên dương, ví dụ --number 5`, `--number "${n}" is invalid: give a positive whole number, e.g. --number 5`);
  return String(Number(n)).padStart(2, '0');
}

export function parseDateOption(d: string | undefined): FullDate | undefined {
  if (d === undefined) return undefined;
  const r = parseDate(d.trim());
  if (!r.ok) {
    throw r.reason === 'impossible'
      ? new UsageError(`--date "${d}": ngày không tồn tại`, `--date "${d}": no such day`)
      : new UsageError(`--date "${d}" không hợp lệ: dùng yyyy-mm-dd hoặc dd/mm/yyyy`, `--date "${d}" is invalid: use yyyy-mm-dd or dd/mm/yyyy`);
  }
  return r.value;
}

export function isoDate(d: FullDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The output file's name, from the document: `bao-cao-<kind>-<year>` (the kind's name alone
 * when it already starts with "bao-cao"), then `-so-<number>` when the document has a number,
 * so two reports of one year never share a name.
 */
export function outputName(kind: string, year: number, format: OutputFormat, number?: string | null): string {
  const base = kind.startsWith('bao-cao') ? kind : `bao-cao-${kind}`;
  const no = number ? `-so-${number.replace(/[^0-9A-Za-z]+/g, '-')}` : '';
  return `${base}-${year}${no}${extensions[format]}`;
}

/**
 * The settings that shape the output. Options given on the command line win; with `--check`
 * the rest come from the manifest (the committed outputs are checked as they were built).
 */
export function resolveSettings(job: Pick<BuildJob, 'format' | 'draft' | 'number' | 'date' | 'fontDir' | 'cwd'>, recorded: Manifest | null): BuildSettings {
  const date = parseDateOption(job.date);
  const fontDir = job.fontDir !== undefined ? displayPath(job.cwd, path.resolve(job.cwd, job.fontDir)) : recorded?.settings.fontDir;
  return {
    formats: job.format !== undefined ? parseFormats(job.format) : recorded ? recorded.settings.formats : parseFormats(DEFAULT_FORMATS),
    draft: job.draft ? true : recorded ? recorded.settings.draft : false,
    number: job.number !== undefined ? parseNumberOption(job.number)! : recorded ? recorded.settings.number : null,
    date: date ? isoDate(date) : recorded ? recorded.settings.date : null,
    // Recorded only when given, so manifests of builds without it keep their shape.
    ...(fontDir ? { fontDir } : {}),
  };
}

/**
 * Hash the current inputs of a year; templates of the kind the manifest recorded, and the font
 * files of the font folder it recorded (a `fonts:` folder changes report.yaml when renamed).
 */
export function currentInputs(dataDir: string, kind: string, job: Pick<BuildJob, 'cwd' | 'templates'>, fonts?: string): Record<string, string> {
  return {
    ...hashFiles(dataFiles(dataDir), job.cwd),
    ...hashFiles(templateFiles(job.cwd, dataDir, job.templates, kind), job.cwd),
    ...(fonts ? hashFiles(fontFiles(fonts.startsWith('baocao:') ? path.join(PACKAGE_ROOT, fonts.slice(7)) : path.resolve(job.cwd, fonts)), job.cwd) : {}),
  };
}

/** True when the manifest describes exactly these inputs and settings and the outputs are intact. */
export function upToDate(manifest: Manifest, dataDir: string, outDir: string, settings: BuildSettings, job: BuildJob): boolean {
  if (job.strict && (manifest.diagnostics.warnings > 0 || manifest.diagnostics.errors > 0)) return false;
  const now = { tool: toolId(), settings, inputs: currentInputs(dataDir, manifest.kind, job, settings.fontDir ?? manifest.fonts) };
  if (!unchanged(compareInputs(manifest, now))) return false;
  if (interrupted(outDir) || unvouched(outDir, Object.keys(manifest.outputs)).length) return false;
  return Object.entries(manifest.outputs).every(([name, o]) => {
    const file = path.join(outDir, name);
    return existsSync(file) && sha256(readFileSync(file)) === o.sha256;
  });
}

/**
 * Report files in the output folder that a set does not list (`names`):
 * left by a build with other formats, they may show older figures than the set beside them.
 */
export function unvouched(outDir: string, names: readonly string[]): string[] {
  // The folder belongs to one data folder, so any report file in it that the set does not name
  // (another --number, another format) is not vouched for by the manifest.
  const report = new RegExp(`^[^.].*(${Object.values(extensions).map((e) => e.replace('.', '\\.')).join('|')})$`, 'i');
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir).filter((name) => report.test(name) && !names.includes(name)).sort();
}

/** `1,5 s` in Vietnamese, `1.5 s` in English. */
function seconds(ms: number, lang: 'vi' | 'en' = 'vi'): string {
  const s = (ms / 1000).toFixed(1);
  return ms < 1000 ? `${Math.round(ms)} ms` : `${lang === 'en' ? s : s.replace('.', ',')} s`;
}

/**
 * The light half alone: when the year's outputs are up to date (and neither `--check` nor
 * `--force` was asked), say so and return the skipped result; otherwise null.
 */
/** A job's data folder, year, output folder and the manifest found there (read once per build). */
interface Located { dir: string; year: string; outDir: string; manifest: Manifest | null }

function locateDirs(job: BuildJob): Omit<Located, 'manifest'> {
  const { dir, year } = resolveDataDir(job.target, job.data, job.cwd);
  // One output folder per data folder (`out/2024/`, `out/xa-an-tien-q3-2025/`), so two reports
  // of the same year never share a folder or a manifest.
  return { dir, year, outDir: path.resolve(job.cwd, job.out, path.basename(dir)) };
}

function locate(job: BuildJob): Located {
  const where = locateDirs(job);
  return { ...where, manifest: readManifest(where.outDir) };
}

export function trySkip(job: BuildJob, sink: Sink, started = performance.now(), where: Located = locate(job)): BuildResult | null {
  if (job.check || job.force) return null;
  const { dir, year, outDir, manifest } = where;
  if (!manifest || !upToDate(manifest, dir, outDir, resolveSettings(job, null), job)) return null;
  const ms = performance.now() - started;
  const w = manifest.diagnostics.warnings;
  // The time shown is since the process started (performance.now()), launcher and all.
  sink.out(job.lang === 'en'
    ? `${displayPath(job.cwd, outDir)}: data, templates and options unchanged since the last build — skipped after ${seconds(performance.now(), 'en')}` +
      `${w ? ` (that build had ${w} warning(s), see them with: report validate ${job.target})` : ''}. Rebuild with --force.\n`
    : `${displayPath(job.cwd, outDir)}: dữ liệu, mẫu và tùy chọn không đổi từ lần dựng trước — bỏ qua sau ${seconds(performance.now())}` +
      `${w ? ` (lần dựng đó có ${w} cảnh báo, xem bằng: report validate ${job.target})` : ''}. Dựng lại bằng --force.\n`);
  return {
    year, status: 'skipped', errors: 0, warnings: w, ms,
    outputs: Object.entries(manifest.outputs).map(([name, o]) => ({ path: path.join(outDir, name), bytes: o.bytes })),
  };
}

/**
 * Refuse an output path that is a file before anything is written: `--out` at a file is a
 * usage error (exit 2), the year's folder being a file is a fault of the folder (exit 1).
 */
export function checkOutputPath(cwd: string, out: string, outDir: string): void {
  const root = path.resolve(cwd, out);
  for (let p = outDir; ; p = path.dirname(p)) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && p !== path.dirname(p)) continue;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw machineFault(err, p);
    }
    if (isDir) return;
    if (p === outDir && p !== root) throw new MachineError('C105', { path: p });
    throw new MachineError('C104', { path: p }, 2);
  }
}

/** A build that wrote nothing leaves no empty folder behind: `out/<year>` and those it made above it. */
async function removeEmpty(outDir: string, created: string | undefined): Promise<void> {
  if (!created) return;
  for (let p = outDir; p.startsWith(created); p = path.dirname(p)) {
    try {
      await rmdir(p);
    } catch {
      return; // not empty: the build wrote its set here
    }
  }
}

async function say(sink: Sink, lang: Lang, code: string, args: Record<string, string | number>): Promise<void> {
  const { formatMessage } = await import('./machine.js');
  sink.err(formatMessage(code, args, lang));
}

/**
 * Before a build or a check reads the output folder: take its lock (refusing while another
 * build holds it), then finish or undo a build a kill interrupted and sweep its temps — so
 * what follows sees one whole set. A `--check` of a folder it cannot write (a read-only
 * checkout) goes ahead without the lock, unless there is an interrupted set it cannot restore.
 * Returns the release function.
 */
async function guardOutputs(job: BuildJob, outDir: string, sink: Sink): Promise<() => Promise<void>> {
  const command = `build ${job.target}${job.check ? ' --check' : ''}`;
  /** The outermost folder this build made (`out/` itself on a first build), if any. */
  let created: string | undefined;
  let lock: Lock;
  let staleLockPid: number | undefined;
  try {
    if (job.check) {
      if (!existsSync(outDir)) return async () => {};
    } else {
      try {
        created = await mkdir(outDir, { recursive: true });
      } catch (err) {
        throw machineFault(err, outDir);
      }
    }
    ({ lock, staleLockPid } = await acquireLock(outDir, command));
  } catch (err) {
    await removeEmpty(outDir, created);
    if (job.check && err instanceof MachineError && (err.code === 'C102' || err.code === 'C103')) {
      if (interrupted(outDir)) throw new MachineError('C117', { path: outDir, errno: err.code === 'C102' ? 'EROFS' : String(err.args.errno) });
      return async () => {};
    }
    throw err;
  }
  const release = async () => {
    await lock.release();
    await removeEmpty(outDir, created);
  };
  try {
    if (staleLockPid) await say(sink, job.lang, 'C112', { path: outDir, pid: staleLockPid });
    const r = await recover(outDir);
    if (r.set) await say(sink, job.lang, r.set === 'completed' ? 'C110' : 'C111', { path: outDir });
    if (r.swept) await say(sink, job.lang, 'C113', { path: outDir, count: r.swept });
  } catch (err) {
    await release();
    throw err;
  }
  return release;
}

/**
 * Whether this runs on the main thread (not in a `--all` worker). Asked only once a build is
 * not skipped: loading worker_threads is a cost the unchanged-rebuild path need not pay.
 */
const onMainThread = (): boolean => process.getBuiltinModule('node:worker_threads').isMainThread;

/** One year: skip when up to date, else build (or check) with the heavy half. */
export async function runBuild(job: BuildJob, sink: Sink): Promise<BuildResult> {
  const started = performance.now();
  const { dir, year, outDir } = locateDirs(job);
  checkOutputPath(job.cwd, job.out, outDir);
  const release = await guardOutputs(job, outDir, sink);
  try {
    // The manifest is read under the lock, after any interrupted set was put right.
    const where: Located = { dir, year, outDir, manifest: readManifest(outDir) };
    const skipped = trySkip(job, sink, started, where);
    if (skipped) return skipped;
    const { manifest } = where;
    const settings = resolveSettings(job, job.check ? manifest : null);
    // The PDF writer starts in its own process now, before the pipeline is even loaded (see
    // writers/background.ts) — except inside a `--all` worker, where every core already has a year.
    const { startWriters } = await import('../writers/background.js');
    const mainThread = onMainThread();
    const writers = startWriters(settings.formats as OutputFormat[], new Set<OutputFormat>(mainThread ? ['pdf'] : []), injectedWriterFault);
    // A long single build says which stage it is in (not in a `--all` worker: the batch has its own progress).
    const { StageReporter, afterMsFromEnv } = await import('./stages.js');
    const stages = mainThread
      ? new StageReporter({ tty: !!process.stderr.isTTY && !process.env.CI, write: (s) => process.stderr.write(s), lang: job.lang, afterMs: afterMsFromEnv(), startedAt: 0 })
      : undefined;
    try {
      const { buildYear } = await import('./build-year.js');
      return await buildYear({ job, dataDir: dir, year, outDir, manifest, settings, started, writers }, sink, stages);
    } finally {
      stages?.stop();
      for (const w of writers) w.close();
    }
  } finally {
    await release();
  }
}

const stdio: Sink = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export function jobFrom(target: string, opts: BuildOptions): BuildJob {
  return {
    target,
    cwd: process.cwd(),
    data: opts.data,
    templates: opts.templates,
    out: opts.out,
    format: opts.format,
    draft: opts.draft,
    number: opts.number,
    date: opts.date,
    fontDir: opts.fontDir,
    strict: !!opts.strict,
    check: !!opts.check,
    force: !!opts.force,
    diagnostics: opts.diagnostics,
    lang: opts.lang,
  };
}

export async function buildCommand(year: string | undefined, opts: BuildOptions): Promise<void> {
  // Option mistakes are usage errors before any work, for one year or for all.
  if (opts.format !== undefined) parseFormats(opts.format);
  parseNumberOption(opts.number);
  parseDateOption(opts.date);
  if (opts.all) {
    if (year) throw new UsageError(`dùng hoặc một năm hoặc --all, không dùng cả hai (đã cho "${year}")`, `give either a year or --all, not both (got "${year}")`);
    const { buildAllCommand } = await import('./build-all.js');
    return buildAllCommand(opts);
  }
  if (!year) throw new UsageError('cần chỉ rõ năm, ví dụ: report build 2024 (hoặc report build --all)', 'name the year, e.g. report build 2024 (or report build --all)');
  const result = await runBuild(jobFrom(year, opts), stdio);
  process.exitCode = result.status === 'failed' || result.status === 'stale' ? 1 : 0;
}

export { formatDate, humanSize, seconds };
