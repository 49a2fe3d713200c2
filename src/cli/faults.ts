/**
 * Test-only fault injection for the output set (output-set.ts). The environment variable
 * BAOCAO_FAULT, unset in normal use, names steps of writing a set that should fail, pause or
 * slow down, so tests and scripts/kill-test.mjs can show what a full disk, a read-only file or a
 * kill between two renames does — on the real code path, with real files. Rules, comma-separated:
 *
 *   write:N[:ERRNO]          the Nth file write (counted from 1 in this process: each staged
 *                            file, then the journal) writes half its bytes, then fails with ERRNO
 *                            (default ENOSPC)
 *   rename:WHICH[:ERRNO]     a step that puts a file in place fails with ERRNO (default EACCES);
 *                            WHICH is its number (1, 2, …), a file name, `manifest`, or an
 *                            extension (`docx`, `pdf`, `html`)
 *   lock[:ERRNO]             taking the output folder's lock fails with ERRNO (default EROFS)
 *   pause:STEP:N[:MS]        before the Nth STEP (`write`, `rename`, `lock`, or `commit`: after
 *                            manifest.json is in place, before the temps are cleaned up), print
 *                            "BAOCAO_FAULT: pause before <step> <n> (pid <pid>)" on stderr and
 *                            wait MS milliseconds (default 30000)
 *   delay:MS                 wait MS milliseconds before every step (widens the write window)
 *   crash:FORMAT             the background writer process of FORMAT (`pdf`) fails as a bug in
 *                            it would, when the tree arrives (writers/background-process.ts)
 *   kill:FORMAT              that process is killed (SIGKILL) when the tree arrives, as the
 *                            system's out-of-memory killer would kill it
 *   heap:MB                  the `--all` worker threads get a heap of MB megabytes, so that a
 *                            year runs out of memory for real (cli/build-all.ts)
 *
 * Nothing here changes a byte of the output: with the variable unset every function returns
 * at once.
 */
import type { WriterFault } from '../writers/background.js';

export type FaultStep = 'write' | 'rename' | 'lock' | 'commit';

interface Rule {
  kind: 'fail' | 'pause' | 'delay' | 'crash' | 'kill' | 'heap';
  step?: FaultStep;
  which?: string;
  errno?: string;
  ms?: number;
  /** `heap:MB`: the worker threads' heap. */
  mb?: number;
}

const DEFAULT_ERRNO: Record<FaultStep, string> = { write: 'ENOSPC', rename: 'EACCES', lock: 'EROFS', commit: 'EIO' };

export function parseFaults(spec: string | undefined): Rule[] {
  if (!spec) return [];
  return spec.split(',').map((s) => s.trim()).filter(Boolean).map((s): Rule => {
    const [head, ...rest] = s.split(':');
    if (head === 'delay') return { kind: 'delay', ms: Number(rest[0] ?? 50) };
    if (head === 'crash' || head === 'kill') return { kind: head, which: rest[0] ?? 'pdf' };
    if (head === 'heap') return { kind: 'heap', mb: Number(rest[0] ?? 16) };
    if (head === 'pause') {
      return { kind: 'pause', step: rest[0] as FaultStep, which: rest[1] ?? '1', ms: Number(rest[2] ?? 30000) };
    }
    if (head === 'write' || head === 'rename') return { kind: 'fail', step: head, which: rest[0] ?? '1', errno: rest[1] };
    if (head === 'lock') return { kind: 'fail', step: 'lock', which: '1', errno: rest[0] };
    throw new Error(`BAOCAO_FAULT: unknown rule "${s}"`);
  });
}

const rules = parseFaults(process.env.BAOCAO_FAULT);
const counters: Record<FaultStep, number> = { write: 0, rename: 0, lock: 0, commit: 0 };

/** True when the rule's WHICH names this step: its number, the file's name, `manifest` or its extension. */
function matches(which: string | undefined, n: number, file: string): boolean {
  if (which === undefined) return false;
  if (/^\d+$/.test(which)) return Number(which) === n;
  const base = file.replace(/^.*[\\/]/, '');
  return base === which || (which === 'manifest' && base === 'manifest.json') || base.endsWith(`.${which}`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Called by the output module before each step. Waits when a delay or pause rule says so, and
 * returns the error this step must fail with, if any (the caller makes the step fail the way
 * the real fault would, e.g. a write stops half-way).
 */
export async function injected(step: FaultStep, file: string): Promise<NodeJS.ErrnoException | undefined> {
  if (!rules.length) return undefined;
  const n = ++counters[step];
  for (const r of rules) {
    if (r.kind === 'delay') await sleep(r.ms!);
    if (r.kind === 'pause' && r.step === step && matches(r.which, n, file)) {
      process.stderr.write(`BAOCAO_FAULT: pause before ${step} ${n} (pid ${process.pid})\n`);
      await sleep(r.ms!);
    }
  }
  const fail = rules.find((r) => r.kind === 'fail' && r.step === step && matches(r.which, n, file));
  if (!fail) return undefined;
  const code = fail.errno ?? DEFAULT_ERRNO[step];
  return Object.assign(new Error(`${code}: injected fault (BAOCAO_FAULT), ${step} '${file}'`), { code, syscall: step, path: file });
}

/**
 * What the background writer process of `format` must do when its tree arrives (`kill:FORMAT`,
 * `crash:FORMAT`), if anything: told to the process when it starts (writers/background.ts).
 */
export function injectedWriterFault(format: string): WriterFault | undefined {
  return (['kill', 'crash'] as const).find((kind) => rules.some((r) => r.kind === kind && r.which === format));
}

/** The heap, in MB, the `--all` worker threads are limited to (`heap:MB`), if any. */
export function injectedWorkerHeapMb(): number | undefined {
  return rules.find((r) => r.kind === 'heap')?.mb;
}
