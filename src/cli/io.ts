/**
 * The CLI's contact with the outside: resolving a year argument to its data folder, atomic
 * writes (temp file in the same folder, then rename, so a reader never sees half a file and a
 * failed build leaves the old output in place), and the usage error type the top-level catch
 * turns into exit status 2.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readCappedSync } from '../load/files.js';

/** A mistake in how the command was called: exit status 2, one line, no stack trace. */
export class UsageError extends Error {}

/** `2024` → `<data>/2024`; an existing folder path is taken as is. */
export function resolveDataDir(yearOrDir: string, dataRoot: string, cwd: string): { dir: string; year: string } {
  const direct = path.resolve(cwd, yearOrDir);
  if (!/^\d{4}$/.test(yearOrDir) && (isDirectory(direct) || isBrokenLink(direct))) {
    return { dir: direct, year: yearOf(direct) };
  }
  if (!/^\d{4}$/.test(yearOrDir)) {
    throw new UsageError(`"${yearOrDir}" không phải là năm (4 chữ số) hay thư mục dữ liệu. Ví dụ: report build 2024`);
  }
  const dir = path.resolve(cwd, dataRoot, yearOrDir);
  // A link that loops or leads nowhere is there, but unreadable: the loader says why (L020).
  if (!existsSync(dir) && !isBrokenLink(dir)) {
    throw new UsageError(`Không có thư mục dữ liệu ${path.relative(cwd, dir) || dir} cho năm ${yearOrDir}. Tạo nó bằng: report new ${yearOrDir} --from <năm trước>`);
  }
  return { dir, year: yearOrDir };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A symbolic link whose target cannot be reached (a loop, a missing target, no permission). */
function isBrokenLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink() && !existsSync(p);
  } catch {
    return false;
  }
}

/**
 * The year a data folder given by path reports on: `year:` in its report.yaml (read with a
 * pattern, not a YAML parser, to keep the skip check cheap), else the folder's name.
 */
function yearOf(dir: string): string {
  // Capped and non-blocking: report.yaml may be a FIFO or a link to /dev/zero (the loader says so).
  const bytes = readCappedSync(path.join(dir, 'report.yaml'));
  const m = bytes && /^year:\s*["']?(\d{4})\b/m.exec(bytes.toString('utf8'));
  return m ? m[1] : path.basename(dir);
}

/** Write several files atomically: every file is written to a temp name first, then all renamed. */
export async function writeAtomically(files: { path: string; bytes: Uint8Array | string }[]): Promise<void> {
  const temps: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      await mkdir(path.dirname(f.path), { recursive: true });
      const tmp = path.join(path.dirname(f.path), `.${path.basename(f.path)}.${process.pid}.tmp`);
      await writeFile(tmp, f.bytes);
      temps.push({ tmp, final: f.path });
    }
    for (const t of temps) await rename(t.tmp, t.final);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw err;
  }
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2).replace('.', ',')} MB`;
}
