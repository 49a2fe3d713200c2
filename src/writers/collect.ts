/**
 * A full garbage collection on request, for the moments a build knows its heap is mostly garbage
 * and a collection would not otherwise come: a process that has handed its tree to the PDF
 * writer's child and only waits (background.ts), and that child once its definition is made,
 * before pdfmake's long layout starts (background-process.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Below this much live heap a forced collection costs more time than the memory it returns is worth. */
const WORTH_COLLECTING_BYTES = 64 * 2 ** 20;

/**
 * A full garbage collection. Node offers `gc()` only under --expose-gc; the flag may be set at
 * run time, and a fresh context then carries the function (the way Jest's leak detector gets it);
 * the function stays usable once the flag is set back.
 * Twice: measured at 10,000 projects, the first leaves some 40 MB (the large strings of the
 * template output and data files) that the second frees (heap 58 → 20 MB, RSS ≈ 300 → 140 MB).
 */
export function collectGarbage(worthFromBytes = WORTH_COLLECTING_BYTES): void {
  // A small build's heap is freed when its process exits, sooner than two full collections
  // would free it: they pay off only for large documents. Live heap where they are asked for:
  // seed report 31 MB (main) and 16 MB (PDF process); 10,000 projects 567 MB and 132 MB.
  if (process.memoryUsage().heapUsed < worthFromBytes) return;
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gc = exposed;
    else {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
      // Back to the flags the process started with: V8 stamps its code cache (boot/code-cache.ts)
      // with a hash of the flags, and a changed flag would make every cached module stale.
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc();
  gc();
}
