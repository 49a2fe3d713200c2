/**
 * Bounded reading shared by every part that opens a file the user controls (the loader, the
 * template loader, the manifest's hashes, `report new`): the size limit, and a synchronous read
 * that never blocks on a FIFO and never reads more than the limit allows. Kept out of `load/`
 * so that other stages use it without reaching into the loader's insides.
 */
import { constants, closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The memory one file may take while it is parsed. The loader keeps only a compact index of
 * positions afterwards (load/positions.ts), so this is a peak, paid once per file, not a sum.
 */
export const PARSE_BUDGET_BYTES = 256 * 1024 * 1024;
/**
 * Memory the parser takes per byte of a real data file (peak RSS over Node's baseline, measured
 * on generated investment files of 2.4, 4.7 and 9.5 MB: 55×, 45× and 40× — 48 covers them).
 */
export const PARSE_COST_PER_BYTE = 48;
/**
 * Files above this size are refused: the parse budget over its cost per byte, in whole MiB
 * (5 MiB). A 20,000-project investment file (4.7 MB) passes; a larger list is split into a
 * folder of parts (`investment/*.yaml`), each part within the limit.
 */
export const MAX_FILE_BYTES = Math.floor(PARSE_BUDGET_BYTES / PARSE_COST_PER_BYTE / 2 ** 20) * 2 ** 20;
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
