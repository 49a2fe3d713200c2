/**
 * The body of a background writer process (see background.ts): load one format's writer, lay
 * out the warm-up documents (warmup.ts) for as long as the tree is not on its way, then write
 * the one tree the parent sends, send back the bytes and diagnostics, and exit.
 */
import { loadWriter, type OutputFormat } from './index.js';
import { collectGarbage } from './collect.js';
import { TREE_COMING, WARM_UP_STEPS } from './warmup.js';
import { toFailure } from './child-failure.js';
import type { Root } from '../doctree/types.js';
import type { WriterFault } from './background.js';

// The tree is held here only until the writer takes it: the PDF writer makes its definition from
// it, then lets it go while pdfmake lays the document out (writers/pdf/index.ts); the tree and
// the message it came in are collected before the layout starts, so the layout's heap grows
// from the definition alone.
let tree: Root | null = null;
let coming = false;
const take = (): Root => {
  const root = tree!;
  tree = null;
  return root;
};

const format = process.argv[2] as OutputFormat;
/** A fault a test asked for (background.ts `WriterFault`), shown when the tree arrives. */
const fault = process.argv[3] as WriterFault | undefined;
const ready = loadWriter(format).then(async (write) => {
  // A step pays only while the tree is still being made: once it is on its way, it is written
  // at once. Before each step, two turns of the event loop: the writer may finish loading inside
  // a poll phase, whose check phase follows at once, and only the next poll reads a message that
  // has arrived since.
  for (const step of WARM_UP_STEPS) {
    await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    if (coming || tree) break;
    await write(step);
  }
  return write;
});

process.on('message', (message) => {
  if (message === TREE_COMING) {
    coming = true;
    return;
  }
  process.removeAllListeners('message');
  tree = message as Root;
  void ready.then(async (write) => {
    if (fault === 'kill') process.kill(process.pid, 'SIGKILL');
    if (fault === 'crash') throw new TypeError(`injected crash (BAOCAO_FAULT) in the ${format} writer`);
    const writing = write(take());
    // The writer has its definition (made before its first await) and no longer needs the tree.
    collectGarbage();
    const result = await writing;
    process.send!(result, () => process.disconnect());
  }).catch(fail);
});
// The parent went away before sending a tree: nothing left to do.
process.once('disconnect', () => process.exit(0));

/**
 * Any failure goes to the parent as a message (child-failure.ts), which says it with the CLI's
 * other errors; nothing is printed here. A writer that failed to load fails the tree when it
 * comes; until then its rejection is not an unhandled one.
 */
function fail(err: unknown): void {
  if (!process.connected) process.exit(1);
  process.send!(toFailure(err), () => process.exit(1));
}
ready.catch(() => {});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
