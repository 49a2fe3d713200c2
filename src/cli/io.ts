/**
 * The CLI's contact with the outside: resolving a year argument to its data folder, and the
 * failures the top-level catch (and a `--all` worker) turns into plain messages: usage errors
 * (exit status 2), the machine's faults (exit status 1 or 2), and an installation that lost a
 * piece of the tool. Writing the outputs is output-set.ts.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCappedSync } from '../files/capped.js';
import { PACKAGE_ROOT } from '../pipeline/paths.js';

/**
 * A mistake in how the command was called: exit status 2, one line, no stack trace. The message
 * is Vietnamese with an English twin; the top-level catch prints the one `--lang` asks for.
 */
export class UsageError extends Error {
  constructor(message: string, readonly en: string = message) {
    super(message);
  }
}

/**
 * A fault of the machine, not of the tool or the data: a full disk, a read-only folder, a
 * permission, a path that is a file, a folder locked by another build. It carries a catalogue
 * code (C100–C149) and its arguments; the CLI prints it in the user's language (machine.ts)
 * and exits with `exit` — 1, or 2 when the command line itself pointed at the wrong thing.
 */
export class MachineError extends Error {
  /** Further facts to print after the message (e.g. that a rollback must wait for the next run). */
  readonly notes: { code: string; args: Record<string, string | number> }[] = [];
  constructor(readonly code: string, readonly args: Record<string, string | number>, readonly exit: 1 | 2 = 1) {
    super(`${code}: ${Object.entries(args).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
}

/**
 * `2024` → `<data>/2024`; an existing folder path is taken as is; any other name is a folder
 * under `<data>/` (`xa-an-tien-q3-2025` → `<data>/xa-an-tien-q3-2025`).
 */
export function resolveDataDir(yearOrDir: string, dataRoot: string, cwd: string): { dir: string; year: string } {
  const direct = path.resolve(cwd, yearOrDir);
  if (!/^\d{4}$/.test(yearOrDir) && (isDirectory(direct) || isBrokenLink(direct))) {
    return { dir: direct, year: yearOf(direct) };
  }
  const named = path.resolve(cwd, dataRoot, yearOrDir);
  if (!/^\d{4}$/.test(yearOrDir) && !/[\\/]/.test(yearOrDir) && existsSync(named) && statSync(named).isDirectory()) {
    return { dir: named, year: yearOf(named) };
  }
  if (!/^\d{4}$/.test(yearOrDir)) {
    throw new UsageError(`"${yearOrDir}" không phải là năm (4 chữ số) hay thư mục dữ liệu. Ví dụ: report build 2024`,
      `"${yearOrDir}" is neither a year (4 digits) nor a data folder. Example: report build 2024`);
  }
  const dir = path.resolve(cwd, dataRoot, yearOrDir);
  // A link that loops or leads nowhere is there, but unreadable: the loader says why (L020).
  if (!existsSync(dir) && !isBrokenLink(dir)) {
    throw new UsageError(`Không có thư mục dữ liệu ${path.relative(cwd, dir) || dir} cho năm ${yearOrDir}. Tạo nó bằng: report new ${yearOrDir} --from <năm trước>`,
      `There is no data folder ${path.relative(cwd, dir) || dir} for ${yearOrDir}. Create it with: report new ${yearOrDir} --from <earlier year>`);
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

/** `24,5 KB` in Vietnamese (decimal comma), `24.5 KB` in English. */
export function humanSize(bytes: number, lang: 'vi' | 'en' = 'vi'): string {
  const mark = (n: string) => (lang === 'en' ? n : n.replace('.', ','));
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${mark((bytes / 1024).toFixed(1))} KB`;
  return `${mark((bytes / 1024 / 1024).toFixed(2))} MB`;
}

/**
 * The path of a piece of the tool itself that could not be loaded — a module of `dist/` or of
 * `node_modules/` gone missing, as when `dist/` is rebuilt while a command runs or an install was
 * cut short — else undefined. That is no bug of the tool, and reinstalling mends it.
 */
export function missingPieceOfTool(err: unknown): string | undefined {
  const e = err as { code?: string; path?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return undefined;
  const inTool = (p: string): boolean => p.startsWith(PACKAGE_ROOT) && /[\\/](dist|node_modules)[\\/]/.test(p.slice(PACKAGE_ROOT.length));
  if (e.code === 'ENOENT' && e.path && inTool(e.path)) return e.path;
  if (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND') {
    const named = /['"]([^'"]+)['"]/.exec(e.message ?? '')?.[1];
    return named ?? e.message ?? 'module';
  }
  return undefined;
}

/** What to say when a piece of the tool is missing (see `missingPieceOfTool`), else undefined. */
export function incompleteInstall(err: unknown, lang: 'vi' | 'en'): string | undefined {
  const missing = missingPieceOfTool(err);
  if (!missing) return undefined;
  return lang === 'en'
    ? `the tool's installation is incomplete (missing ${missing}). Run \`npm ci\` in ${PACKAGE_ROOT} to install and build it again.`
    : `bản cài đặt công cụ không đầy đủ (thiếu ${missing}). Chạy \`npm ci\` trong ${PACKAGE_ROOT} để cài và biên dịch lại.`;
}
