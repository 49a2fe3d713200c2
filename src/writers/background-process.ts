/**
 * The body of a background writer process (see background.ts): load one format's writer, lay
 * out a small warm-up document so the fonts are read and the layout code is compiled (unless the
 * tree is already there), then write the one tree the parent sends, send back the bytes and
 * diagnostics, and exit.
 */
import { loadWriter, type OutputFormat } from './index.js';
import { collectGarbage } from './collect.js';
import { WARM_UP_TREE } from './warmup.js';
import type { Root } from '../doctree/types.js';

// The tree is held here only until the writer takes it: the PDF writer makes its definition from
// it, then lets it go while pdfmake lays the document out (writers/pdf/index.ts); the tree and
// the message it came in are collected before the layout starts, so the layout's heap grows
// from the definition alone.
let tree: Root | null = null;
const take = (): Root => {
  const root = tree!;
  tree = null;
  return root;
};

const format = process.argv[2] as OutputFormat;
const ready = loadWriter(format).then(async (write) => {
  // The warm-up pays only while the tree is still being made: it costs more than it saves in
  // the real layout, so a tree that came in while the writer loaded is written at once. One turn
  // of the event loop lets a message that has arrived be read.
  await new Promise((resolve) => setImmediate(resolve));
  if (!tree) await write(WARM_UP_TREE);
  return write;
});

process.once('message', (root) => {
  tree = root as Root;
  void ready.then(async (write) => {
    const writing = write(take());
    // The writer has its definition (made before its first await) and no longer needs the tree.
    collectGarbage();
    const result = await writing;
    process.send!(result, () => process.disconnect());
  });
});
// The parent went away before sending a tree: nothing left to do.
process.once('disconnect', () => process.exit(0));
