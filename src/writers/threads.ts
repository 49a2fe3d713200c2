/**
 * Writers started ahead of the tree. The PDF writer is by far the slowest stage, so a
 * single-year build starts it on a worker thread before compiling: the thread loads pdfmake
 * and its fonts and lays out a small warm-up document while the main thread reads, checks and
 * renders the data; then the real tree is laid out there while the main thread writes the DOCX.
 * On this 2-core machine that overlaps about half of the work. Output is identical either way:
 * the writer is the same function, and each document is laid out from a fresh pdfmake state.
 * Formats not named in `threaded` run in this thread, loaded only when asked for.
 */
import { Worker } from 'node:worker_threads';
import type { StageResult } from '../diagnostics/types.js';
import type { Root } from '../doctree/types.js';
import { loadWriter, type OutputFormat } from './index.js';

export interface StartedWriter {
  format: OutputFormat;
  threaded: boolean;
  write(root: Root): Promise<StageResult<Uint8Array>>;
  /** Stop the thread when the tree will never come (the data had errors). */
  close(): void;
}

function inThread(format: OutputFormat): StartedWriter {
  const worker = new Worker(new URL('./thread.js', import.meta.url), { workerData: { format, warmUp: true } });
  // The thread must not keep the process alive on its own, nor outlive a failed build.
  worker.unref();
  let failure: Error | undefined;
  worker.once('error', (e) => { failure = e; });
  return {
    format,
    threaded: true,
    write: (root) => new Promise((resolve, reject) => {
      if (failure) { reject(failure); return; }
      worker.once('message', (r: StageResult<Uint8Array>) => {
        void worker.terminate();
        resolve(r);
      });
      worker.once('error', reject);
      worker.postMessage(root);
    }),
    close: () => { void worker.terminate(); },
  };
}

function here(format: OutputFormat): StartedWriter {
  return { format, threaded: false, write: async (root) => (await loadWriter(format))(root), close: () => {} };
}

/** Start a writer for each format; those in `threaded` on their own worker thread. */
export function startWriters(formats: readonly OutputFormat[], threaded: ReadonlySet<OutputFormat>): StartedWriter[] {
  return formats.map((f) => (threaded.has(f) ? inThread(f) : here(f)));
}

/**
 * Run every writer on the tree: threaded ones are handed the tree first, so they work while
 * this thread runs the others. Results come back in the order of `started`.
 */
export async function writeAll(started: readonly StartedWriter[], root: Root): Promise<StageResult<Uint8Array>[]> {
  const pending = new Map<StartedWriter, Promise<StageResult<Uint8Array>>>();
  for (const s of started.filter((w) => w.threaded)) pending.set(s, s.write(root));
  for (const s of started.filter((w) => !w.threaded)) pending.set(s, s.write(root));
  return Promise.all(started.map((s) => pending.get(s)!));
}
