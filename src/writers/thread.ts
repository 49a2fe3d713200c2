/**
 * The body of a writer thread (see threads.ts): load one format's writer, lay out a small
 * warm-up document so the fonts are read and the layout code is compiled, then write the one
 * tree the main thread sends and post back the bytes and diagnostics.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadWriter, type OutputFormat } from './index.js';
import { WARM_UP_TREE } from './warmup.js';

const { format, warmUp } = workerData as { format: OutputFormat; warmUp: boolean };
const ready = loadWriter(format).then(async (write) => {
  if (warmUp) await write(WARM_UP_TREE);
  return write;
});

parentPort?.once('message', async (root) => {
  const write = await ready;
  const result = await write(root);
  parentPort!.postMessage(result);
});
