/**
 * Bounded reading shared by every part that opens a file the user controls (the loader, the
 * template loader, the manifest's hashes, `report new`): the size limit, and a synchronous read
 * that never blocks on a FIFO and never reads more than the limit allows. Kept out of `load/`
 * so that other stages use it without reaching into the loader's insides.
 */
import { constants, closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files above this size are refused: no real data file comes close. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Read size of one step. */
export const CHUNK = 64 * 1024;

/**
 * Synchronous capped read of a regular file for hashing: null when the path is not a regular
 * file or cannot be read (the loader reports why); never blocks on a FIFO, never reads more
 * than `limit + 1` bytes.
 */
export function readCappedSync(file: string, limit = MAX_FILE_BYTES): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    if (!fstatSync(fd).isFile()) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
