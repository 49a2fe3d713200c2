/**
 * The CLI's contact with the outside: resolving a year argument to its data folder, atomic
 * writes (temp file in the same folder, then rename, so a reader never sees half a file and a
 * failed build leaves the old output in place), and the usage error type the top-level catch
 * turns into exit status 2.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A mistake in how the command was called: exit status 2, one line, no stack trace. The message
 * is Vietnamese with an English twin; the top-level catch prints the one `--lang` asks for.
 */
export class UsageError extends Error {
  constructor(message: string, readonly en: string = message) {
    super(message);
  }
}

/** `2024` → `<data>/2024`; an existing folder path is taken as is. */
export function resolveDataDir(yearOrDir: string, dataRoot: string, cwd: string): { dir: string; year: string } {
  const direct = path.resolve(cwd, yearOrDir);
  if (!/^\d{4}$/.test(yearOrDir) && existsSync(direct) && statSync(direct).isDirectory()) {
    return { dir: direct, year: yearOf(direct) };
  }
  if (!/^\d{4}$/.test(yearOrDir)) {
    throw new UsageError(`"${yearOrDir}" không phải là năm (4 chữ số) hay thư mục dữ liệu. Ví dụ: report build 2024`,
      `"${yearOrDir}" is neither a year (4 digits) nor a data folder. Example: report build 2024`);
  }
  const dir = path.resolve(cwd, dataRoot, yearOrDir);
  if (!existsSync(dir)) {
    throw new UsageError(`Không có thư mục dữ liệu ${path.relative(cwd, dir) || dir} cho năm ${yearOrDir}. Tạo nó bằng: report new ${yearOrDir} --from <năm trước>`,
      `There is no data folder ${path.relative(cwd, dir) || dir} for ${yearOrDir}. Create it with: report new ${yearOrDir} --from <earlier year>`);
  }
  return { dir, year: yearOrDir };
}

/**
 * The year a data folder given by path reports on: `year:` in its report.yaml (read with a
 * pattern, not a YAML parser, to keep the skip check cheap), else the folder's name.
 */
function yearOf(dir: string): string {
  try {
    const m = /^year:\s*["']?(\d{4})\b/m.exec(readFileSync(path.join(dir, 'report.yaml'), 'utf8'));
    if (m) return m[1];
  } catch {
    // no readable report.yaml: validation will say so
  }
  return path.basename(dir);
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

/** `24,5 KB` in Vietnamese (decimal comma), `24.5 KB` in English. */
export function humanSize(bytes: number, lang: 'vi' | 'en' = 'vi'): string {
  const mark = (n: string) => (lang === 'en' ? n : n.replace('.', ','));
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${mark((bytes / 1024).toFixed(1))} KB`;
  return `${mark((bytes / 1024 / 1024).toFixed(2))} MB`;
}
