/**
 * Safe reading of a data folder. A data repository can come from anyone's pull request, so a
 * file named `*.yaml` is read only when it is a regular file that lies inside the data folder:
 * a FIFO is never opened for a blocking read (it is opened non-blocking and refused by `fstat`),
 * a symbolic link is resolved and refused when it leads out of the folder (`x.yaml -> /dev/zero`
 * among them) or loops, and the size limit is checked on the bytes actually read — the read
 * stops one byte past the limit, whatever `stat` said. Every failure becomes a diagnostic that
 * says, in the user's language, what is wrong and what to do (never a bare errno), so one bad
 * file is reported and the other files (and, with `build --all`, the other years) carry on.
 *
 * The synchronous twin `readCappedSync` serves the build manifest, which hashes the same files
 * before the pipeline runs and must not hang on them either.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SourcePosition, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { CHUNK, MAX_FILE_BYTES } from '../files/capped.js';

/** A data file's name without folder and extension: `investment` for `data/2024/investment.yaml`. */
export const fileName = (displayPath: string): string => path.basename(displayPath).replace(/\.ya?ml$/i, '');

export { MAX_FILE_BYTES };


/** Read-only, never block on a FIFO or a device, never follow a link at the last step. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/** What kind of thing a non-regular directory entry is, in both languages. */
function kindOf(st: Stats): { kind: string; kindEn: string } {
  if (st.isFIFO()) return { kind: 'một ống dẫn (FIFO)', kindEn: 'a pipe (FIFO)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { kind: 'một thiết bị', kindEn: 'a device' };
  if (st.isDirectory()) return { kind: 'một thư mục', kindEn: 'a folder' };
  if (st.isSocket()) return { kind: 'một socket', kindEn: 'a socket' };
  return { kind: 'không phải tệp thường', kindEn: 'not a regular file' };
}

/** Plain words for the errors a file system gives, for the catch-all L001. */
const ERRNO_WORDS: Record<string, { vi: string; en: string }> = {
  EIO: { vi: 'lỗi đọc ổ đĩa', en: 'a disk read error' },
  EMFILE: { vi: 'quá nhiều tệp đang mở', en: 'too many open files' },
  ENFILE: { vi: 'quá nhiều tệp đang mở', en: 'too many open files' },
  ENAMETOOLONG: { vi: 'tên hoặc đường dẫn quá dài', en: 'the name or path is too long' },
  ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' },
  EAGAIN: { vi: 'tệp đang bị khóa hoặc chưa sẵn sàng', en: 'the file is locked or not ready' },
};

/** The diagnostic for a file-system error on one data file (link loop, no permission, gone…). */
export function fileError(err: unknown, at: SourcePosition): Diagnostic {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  const file = at.file;
  if (code === 'ELOOP') return makeDiagnostic('L017', at, { file });
  if (code === 'ENOENT') return makeDiagnostic('L018', at, { file });
  if (code === 'EACCES' || code === 'EPERM') return makeDiagnostic('L019', at, { file });
  if (code === 'EISDIR') return makeDiagnostic('L015', at, { file, kind: 'một thư mục', kindEn: 'a folder' });
  const words = ERRNO_WORDS[code];
  const reason = words ? `${words.vi} (${code})` : `${code || (err as Error)?.message || String(err)}`;
  const reasonEn = words ? `${words.en} (${code})` : reason;
  return makeDiagnostic('L001', at, { reason, reasonEn });
}

/** The diagnostic for a data folder that cannot be listed at all. */
export function folderError(err: unknown, displayDir: string): Diagnostic {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  const reasons: Record<string, [string, string]> = {
    EACCES: ['không có quyền đọc thư mục', 'no permission to read the folder'],
    EPERM: ['không có quyền đọc thư mục', 'no permission to read the folder'],
    ENOENT: ['thư mục không tồn tại', 'the folder does not exist'],
    ENOTDIR: ['đây là một tệp, không phải thư mục', 'it is a file, not a folder'],
    ELOOP: ['liên kết tượng trưng lặp vòng', 'a symbolic link loops'],
  };
  const [reason, reasonEn] = reasons[code] ?? [`lỗi hệ thống tệp ${code || String(err)}`, `file-system error ${code || String(err)}`];
  return makeDiagnostic('L020', { file: displayDir, line: 1, column: 1 }, { dir: displayDir, reason, reasonEn });
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Bytes read at a time: memory follows the file's real size, not the limit. */

/**
 * Read at most `limit + 1` bytes from an open descriptor: enough to know the limit is passed,
 * never more (a `/dev/zero` or a growing file cannot make the read unbounded).
 */
async function readCapped(handle: import('node:fs/promises').FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    const { bytesRead } = await handle.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

export interface ReadOptions {
  /** Real path of the data folder: links must stay inside it. */
  root: string;
  /** Size limit in bytes (default MAX_FILE_BYTES). */
  limit?: number;
}

/** Read one data file, or explain why it may not or cannot be read. */
export async function readDataFile(abs: string, displayPath: string, opts: ReadOptions): Promise<StageResult<Uint8Array | null>> {
  const at = { file: displayPath, line: 1, column: 1 };
  const limit = opts.limit ?? MAX_FILE_BYTES;
  const fail = (d: Diagnostic): StageResult<null> => ({ value: null, diagnostics: [d] });
  try {
    let real = abs;
    if ((await lstat(abs)).isSymbolicLink()) {
      real = await realpath(abs);
      if (!inside(opts.root, real)) return fail(makeDiagnostic('L016', at, { file: displayPath, target: real }));
    }
    const st = await stat(real);
    if (!st.isFile()) return fail(makeDiagnostic('L015', at, { file: displayPath, ...kindOf(st) }));
    const handle = await open(real, OPEN_FLAGS);
    try {
      // The entry may have been swapped since stat: check what was actually opened.
      const opened = await handle.stat();
      if (!opened.isFile()) return fail(makeDiagnostic('L015', at, { file: displayPath, ...kindOf(opened) }));
      const bytes = await readCapped(handle, limit);
      if (bytes.length > limit) {
        return fail(makeDiagnostic('L003', at, { size: Math.max(opened.size, bytes.length), limit, name: fileName(displayPath) }));
      }
      return { value: bytes, diagnostics: [] };
    } finally {
      await handle.close();
    }
  } catch (err) {
    return fail(fileError(err, at));
  }
}

/** A data file written as a folder of parts: `investment/01.yaml`, `investment/02.yaml`, … */
export interface SplitFolder {
  /** The data file's name (the folder's name). */
  name: string;
  /** The parts' file names, in file-name order. */
  parts: string[];
}

/**
 * The `*.yaml` names of a data folder, sorted, every name in it as listed (`entries`, for the
 * check of file names against the kind's manifest), and its split files: every sub-folder (not a link,
 * not hidden) holding `*.yaml` files is one data file written in parts. A folder that cannot be
 * listed (no permission, not a folder, gone) is one diagnostic naming it, not a crash; so is a
 * sub-folder that cannot be listed.
 */
export async function listDataFolder(dir: string, displayDir: string): Promise<StageResult<{ names: string[]; entries: string[]; root: string; folders: SplitFolder[] } | null>> {
  let root: string;
  let entries: import('node:fs').Dirent[];
  try {
    root = await realpath(dir);
    entries = await readdir(root, { withFileTypes: true });
  } catch (err) {
    return { value: null, diagnostics: [folderError(err, displayDir)] };
  }
  const names = entries.filter((e) => /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
  const folders: SplitFolder[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const e of entries.filter((d) => d.isDirectory() && !d.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    try {
      const parts = (await readdir(path.join(root, e.name))).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
      if (parts.length) folders.push({ name: e.name, parts });
    } catch (err) {
      diagnostics.push(folderError(err, `${displayDir}/${e.name}`));
    }
  }
  return { value: { names, entries: entries.map((e) => e.name), root, folders }, diagnostics };
}
