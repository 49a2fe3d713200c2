/**
 * `report build --all`: every year under `data/` (each folder with a report.yaml, whatever its
 * report kind) built in parallel by a pool of worker threads — as many as the machine has cores
 * (`os.availableParallelism()`, or `--jobs n`). Each year prints one summary line as it finishes
 * (its diagnostics too when it failed); on a terminal a progress line shows what is running, in
 * CI (or when output is piped) there are only the plain lines. Exit status 1 if any year failed
 * (or, with `--check`, is stale).
 */
import { say, type Lang } from './lang.js';
import os from 'node:os';
import path from 'node:path';
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { UsageError, humanSize } from './io.js';
import { displayPath } from './manifest.js';
import { jobFrom, seconds, trySkip, type BuildJob, type BuildOptions, type BuildResult } from './build.js';
import type { WorkerReply } from './worker.js';
import { injectedWorkerHeapMb } from './faults.js';

/**
 * Why a worker thread died, for its year's line. Out of memory is the machine's limit, not a bug
 * of the tool: it says what to do (the year alone has the whole process's memory, or Node more).
 */
function threadDied(err: Error, lang: Lang): string {
  if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return `lỗi nội bộ trong luồng: ${err.message}`;
  return say(lang,
    'hết bộ nhớ khi dựng năm này; dựng riêng năm này (report build <năm>), hoặc cho Node dùng nhiều bộ nhớ hơn: NODE_OPTIONS=--max-old-space-size=4096',
    'ran out of memory building this year; build it alone (report build <year>), or give Node more memory: NODE_OPTIONS=--max-old-space-size=4096');
}

/**
 * Folders of `dataRoot` that hold a report.yaml (of any kind: a broken one is the loader's to
 * report), sorted by name — and entries that cannot even be looked at (a link that loops or
 * leads nowhere, no permission), which are years too: they are reported as failed, and the
 * other years are built all the same.
 */
export function discoverYears(dataRoot: string): string[] {
  if (!existsSync(dataRoot)) return [];
  return readdirSync(dataRoot)
    .filter((name) => !name.startsWith('.'))
    .filter((name) => {
      const dir = path.join(dataRoot, name);
      if (unusableEntry(dir)) return true;
      return statSync(dir).isDirectory() && hasEntry(path.join(dir, 'report.yaml'));
    })
    .sort();
}

function hasEntry(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Why an entry of the data root cannot be a year's folder, in words; null when it can be looked at. */
export function unusableEntry(dir: string): string | null {
  try {
    statSync(dir);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'ELOOP') return 'liên kết tượng trưng lặp vòng (trỏ về chính nó): xóa liên kết này';
    if (code === 'ENOENT') return 'liên kết tượng trưng hỏng (đích không còn): xóa liên kết hoặc khôi phục thư mục đích';
    if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc: cấp quyền đọc và mở thư mục (chmod a+rx)';
    return `không đọc được (${code || String(err)})`;
  }
}

export function parseJobs(jobs: string | undefined): number {
  if (jobs === undefined) return os.availableParallelism();
  if (!/^\d{1,3}$/.test(jobs.trim()) || Number(jobs) < 1) throw new UsageError(`--jobs "${jobs}" không hợp lệ: cần một số nguyên dương`, `--jobs "${jobs}" is invalid: give a positive whole number`);
  return Number(jobs);
}

const STATUS_WORD: Record<BuildResult['status'], [string, string]> = {
  built: ['đã dựng', 'built'],
  skipped: ['không đổi, bỏ qua', 'unchanged, skipped'],
  fresh: ['khớp với dữ liệu', 'matches the data'],
  stale: ['ĐÃ CŨ', 'STALE'],
  failed: ['LỖI', 'FAILED'],
};

export function summaryLine(r: BuildResult, thread?: number, lang: Lang = 'vi'): string {
  const t = (vi: string, en: string) => say(lang, vi, en);
  const parts = [`${r.year}: ${t(...STATUS_WORD[r.status])}`];
  if (r.status === 'built') {
    parts.push(r.outputs.map((o) => `${path.extname(o.path).slice(1)} ${humanSize(o.bytes, lang)}`).join(', '));
  }
  if (r.status === 'failed') parts.push(r.message ?? t(`${r.errors} lỗi, không ghi tệp nào`, `${r.errors} error(s), nothing written`));
  const stale = r.stale?.filter((s) => s.includes(': ')).length ?? 0;
  if (r.status === 'stale') parts.push(t(`${stale} tệp khác bản dựng lại`, `${stale} file(s) differ from a rebuild`));
  if (r.warnings && r.status !== 'failed') parts.push(t(`${r.warnings} cảnh báo`, `${r.warnings} warning(s)`));
  parts.push(seconds(r.ms, lang));
  return `${parts.join(' — ')}${thread !== undefined ? t(` (luồng ${thread})`, ` (thread ${thread})`) : ''}`;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export async function buildAllCommand(opts: BuildOptions): Promise<void> {
  const started = performance.now();
  const cwd = process.cwd();
  const root = path.resolve(cwd, opts.data);
  const years = discoverYears(root);
  if (!years.length) {
    throw new UsageError(`không có năm nào trong ${displayPath(cwd, root) || '.'}/ (mỗi năm là một thư mục có report.yaml)`, `no years in ${displayPath(cwd, root) || '.'}/ (each year is a folder with a report.yaml)`);
  }
  parseJobs(opts.jobs);
  // A four-digit folder is named by its year (as `report build 2024`), others by their path.
  const jobs: BuildJob[] = years.map((name) => jobFrom(/^\d{4}$/.test(name) ? name : path.join(root, name), opts));
  const total = jobs.length;

  const tty = !!process.stderr.isTTY && !process.env.CI;
  const running = new Map<Worker, string>();
  let done = 0;
  let frame = 0;
  let maxInFlight = 0;
  const drawProgress = () => {
    if (!tty) return;
    const names = [...running.values()].map((t) => path.basename(t)).join(', ');
    process.stderr.write(`\r\x1b[K${SPINNER[frame++ % SPINNER.length]} [${done}/${total}] ${say(opts.lang, 'đang dựng', 'building')}: ${names || '…'}`);
  };
  const clearProgress = () => { if (tty) process.stderr.write('\r\x1b[K'); };
  const ticker = tty ? setInterval(drawProgress, 100) : undefined;

  const results: BuildResult[] = [];
  // Each line names the folder it is about: a province's communes all report the same year.
  const report = (reply: WorkerReply, target?: string) => {
    clearProgress();
    const r = target ? { ...reply.result, year: path.basename(target) } : reply.result;
    results.push(r);
    process.stdout.write(`${summaryLine(r, reply.threadId || undefined, opts.lang)}\n`);
    // Details for what went wrong; with GitHub annotations, warnings are annotated too.
    if (r.status === 'failed' || r.status === 'stale' || (opts.diagnostics === 'github' && reply.err)) {
      process.stderr.write(reply.err);
    }
    drawProgress();
  };

  // Years whose outputs are up to date are settled here in milliseconds; the rest go to the pool.
  const queue: BuildJob[] = [];
  for (const job of jobs) {
    const unusable = unusableEntry(path.resolve(cwd, job.data, job.target));
    if (unusable) {
      done++;
      const result: BuildResult = { year: path.basename(job.target), status: 'failed', outputs: [], errors: 1, warnings: 0, ms: 0, message: `${displayPath(cwd, path.resolve(cwd, job.data, job.target))}: ${unusable}` };
      report({ result, out: '', err: '', threadId: 0 });
      continue;
    }
    let skipped: BuildResult | null = null;
    try {
      skipped = trySkip(job, { out: () => {}, err: () => {} });
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
    }
    if (skipped) {
      done++;
      report({ result: skipped, out: '', err: '', threadId: 0 }, job.target);
    } else {
      queue.push(job);
    }
  }
  const size = Math.min(queue.length, parseJobs(opts.jobs));

  if (size) await new Promise<void>((resolve) => {
    let live = 0;
    const next = (worker: Worker) => {
      const job = queue.shift();
      if (!job) {
        running.delete(worker);
        void worker.terminate();
        if (--live === 0) resolve();
        return;
      }
      running.set(worker, job.target);
      maxInFlight = Math.max(maxInFlight, running.size);
      drawProgress();
      worker.postMessage({ job });
    };
    const heapMb = injectedWorkerHeapMb();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : undefined);
      // Read now: a thread that has died reports -1.
      const threadId = worker.threadId;
      live++;
      worker.on('message', (reply: WorkerReply) => {
        const target = running.get(worker);
        running.delete(worker);
        done++;
        report(reply, target);
        next(worker);
      });
      worker.on('error', (err) => {
        // The thread died: its year fails; the others carry on with the remaining years.
        const target = running.get(worker) ?? '?';
        running.delete(worker);
        done++;
        report({
          result: { year: path.basename(target), status: 'failed', outputs: [], errors: 1, warnings: 0, ms: 0, message: threadDied(err, opts.lang) },
          out: '', err: '', threadId,
        });
        if (--live === 0) {
          for (const job of queue.splice(0)) {
            report({ result: { year: path.basename(job.target), status: 'failed', outputs: [], errors: 1, warnings: 0, ms: 0, message: 'không chạy được: mọi luồng đã dừng' }, out: '', err: '', threadId: 0 });
          }
          resolve();
        }
      });
      next(worker);
    }
  });
  if (ticker) clearInterval(ticker);
  clearProgress();

  const count = (s: BuildResult['status']) => results.filter((r) => r.status === s).length;
  const bad = count('failed') + count('stale');
  const t = (vi: string, en: string) => say(opts.lang, vi, en);
  const tally = [
    count('built') && t(`${count('built')} đã dựng`, `${count('built')} built`),
    count('skipped') && t(`${count('skipped')} bỏ qua`, `${count('skipped')} skipped`),
    count('fresh') && t(`${count('fresh')} khớp`, `${count('fresh')} match`),
    count('stale') && t(`${count('stale')} đã cũ`, `${count('stale')} stale`),
    count('failed') && t(`${count('failed')} lỗi`, `${count('failed')} failed`),
  ].filter(Boolean).join(', ');
  const threads = size ? t(` — ${size} luồng, tối đa ${maxInFlight} năm cùng lúc`, ` — ${size} threads, at most ${maxInFlight} years at once`) : '';
  const took = seconds(performance.now() - started, opts.lang);
  process.stdout.write(t(`xong ${total} năm sau ${took}: ${tally}${threads}\n`, `done ${total} year(s) in ${took}: ${tally}${threads}\n`));
  process.exitCode = bad ? 1 : 0;
}
