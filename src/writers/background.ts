/**
 * Writers started ahead of the tree. The PDF writer is by far the slowest stage, so a
 * single-year build starts it in a child process before compiling: the child loads pdfmake and
 * its fonts and lays out small warm-up documents while this process reads, checks and renders
 * the data; then the child lays out the real tree while this process writes the DOCX. A child
 * process rather than a worker thread, because two V8 isolates in one process share the
 * allocator and slow each other by half on allocation-heavy work like layout; two processes on
 * this 2-core machine run side by side. Output is identical either way: the writer is the same
 * function, and each document is laid out from a fresh pdfmake state. Formats not named in
 * `background` run in this process, loaded only when asked for.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StageResult } from '../diagnostics/types.js';
import type { Root } from '../doctree/types.js';
import { loadWriter, type OutputFormat } from './index.js';
import { collectGarbage } from './collect.js';
import { TREE_COMING } from './warmup.js';
import { fromFailure, isFailure } from './child-failure.js';

export interface StartedWriter {
  format: OutputFormat;
  background: boolean;
  write(root: Root): Promise<StageResult<Uint8Array>>;
  /** Stop the child when the tree will never come (the data had errors) or its answer will not. */
  close(): void;
}

const CHILD = fileURLToPath(new URL('./background-process.js', import.meta.url));

/**
 * The child's environment: this process's, without `NODE_EXTRA_CA_CERTS`. Node 20 reads and
 * parses that certificate bundle whenever a process starts (some 40–70 ms with a distribution's
 * whole CA list, set in many containers and CI images), and the writer never opens a connection:
 * pdfmake's URL access is denied (writers/pdf/index.ts). Everything else is kept (NODE_OPTIONS
 * may carry a heap limit the writer needs).
 */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.NODE_EXTRA_CA_CERTS;
  return rest;
}

/**
 * The writer's process was stopped by a signal the system sends a process it stops: the
 * out-of-memory killer's SIGKILL, V8's abort when the heap is full (SIGABRT), a SIGTERM. Not the
 * tool's bug: the CLI says so as a fault of the machine (C120), not as an internal error.
 */
export class WriterProcessStopped extends Error {
  constructor(readonly format: OutputFormat, readonly signal: string) {
    super(`the ${format} writer process was stopped (${signal})`);
    this.name = 'WriterProcessStopped';
  }
}
const STOPPING_SIGNALS = new Set(['SIGKILL', 'SIGABRT', 'SIGTERM']);

/** The start of V8's report of a full heap, which it prints before it aborts the process. */
const V8_HEAP_REPORT = /<--- Last few GCs --->|FATAL ERROR: .*heap out of memory/;

/**
 * The child's messages on stderr, passed on as they come, except V8's report of a full heap
 * (twenty lines of GC log and native stack): from its first line on, the text is held, and it is
 * dropped when the child is then stopped by a signal, which the CLI says plainly (C120).
 */
export class StderrRelay {
  private held: string | null = null;
  constructor(private readonly out: (text: string) => void) {}
  data(text: string): void {
    if (this.held === null && !V8_HEAP_REPORT.test(text)) this.out(text);
    else this.held = (this.held ?? '') + text;
  }
  end(stopped: boolean): void {
    if (this.held !== null && !stopped) this.out(this.held);
    this.held = null;
  }
}

/** A fault a test asks a writer process to show when its tree arrives (cli/faults.ts: `crash:`, `kill:`). */
export type WriterFault = 'crash' | 'kill';

function inChild(format: OutputFormat, fault: WriterFault | undefined): StartedWriter {
  const child: ChildProcess = fork(CHILD, fault ? [format, fault] : [format], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: childEnvironment(process.env) });
  let exited: Error | undefined;
  const relay = new StderrRelay((text) => process.stderr.write(text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => relay.data(text));
  // The relay never keeps this process waiting for the child to exit.
  (child.stderr as unknown as { unref(): void }).unref();
  child.once('close', (_code, signal) => relay.end(signal !== null && STOPPING_SIGNALS.has(signal)));
  // Once it has answered, the child disconnects and exits by itself (writing its code cache
  // first in a training build, see boot/code-cache.ts): only a child that never answered is killed.
  let answered = false;
  child.once('message', () => { answered = true; });
  child.once('error', (e) => { exited = e; });
  child.once('exit', (code, signal) => {
    exited ??= signal && STOPPING_SIGNALS.has(signal) ? new WriterProcessStopped(format, signal) : new Error(`the ${format} writer process exited (${signal ?? code})`);
  });
  return {
    format,
    background: true,
    write: (root) => {
      if (exited) return Promise.reject(exited);
      // The tree is sent outside the listeners' closures: a closure over it would keep the
      // whole tree alive in this process until the child answers.
      const answer = new Promise<StageResult<Uint8Array>>((resolve, reject) => {
        child.once('message', (r) => (isFailure(r) ? reject(fromFailure(r, format)) : resolve(r as StageResult<Uint8Array>)));
        child.once('exit', () => reject(exited));
      });
      // The notice goes first and arrives at once; the tree, a large message, takes a while.
      child.send(TREE_COMING);
      child.send(root);
      return answer;
    },
    close: () => { if (child.exitCode === null && !answered) child.kill(); },
  };
}

function here(format: OutputFormat): StartedWriter {
  return { format, background: false, write: async (root) => (await loadWriter(format))(root), close: () => {} };
}

/** Start a writer for each format; those in `background` in their own child process (told `faults`, in tests). */
export function startWriters(formats: readonly OutputFormat[], background: ReadonlySet<OutputFormat>, faults: (format: OutputFormat) => WriterFault | undefined = () => undefined): StartedWriter[] {
  return formats.map((f) => (background.has(f) ? inChild(f, faults(f)) : here(f)));
}

/**
 * Run every writer on the tree: background ones are handed the tree first, so they work while
 * this process runs the others. Results come back in the order of `started`. Once this
 * process's own writers are done and only children are still writing, the garbage of the build
 * is collected: the process then only waits, and a waiting process never collects on its own,
 * so it would hold the whole build's heap (some 300 MB at 10,000 projects) while the child lays
 * out the PDF. The caller lets go of the tree and what it was made from (build-year.ts).
 */
export function writeAll(started: readonly StartedWriter[], root: Root): Promise<StageResult<Uint8Array>[]> {
  const away = started.filter((w) => w.background);
  const here = started.filter((w) => !w.background);
  const pending = new Map<StartedWriter, Promise<StageResult<Uint8Array>>>();
  for (const s of [...away, ...here]) pending.set(s, s.write(root));
  if (away.length) void Promise.allSettled(here.map((s) => pending.get(s)!)).then(() => collectGarbage());
  return Promise.all(started.map((s) => pending.get(s)!));
}
