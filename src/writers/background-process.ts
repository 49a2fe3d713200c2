/**
 * The body of a background writer process (see background.ts): load one format's writer, lay
 * out a small warm-up document so the fonts are read and the layout code is compiled, then write
 * the one tree the parent sends, send back the bytes and diagnostics, and exit.
 */
import { loadWriter, type OutputFormat } from './index.js';
import { WARM_UP_TREE } from './warmup.js';

const format = process.argv[2] as OutputFormat;
const ready = loadWriter(format).then(async (write) => {
  await write(WARM_UP_TREE);
  return write;
});

process.once('message', async (root) => {
  const write = await ready;
  const result = await write(root as Parameters<typeof write>[0]);
  process.send!(result, () => process.disconnect());
});
// The parent went away before sending a tree: nothing left to do.
process.once('disconnect', () => process.exit(0));
