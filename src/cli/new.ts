/**
 * `report new <year> --from <year>`, or `report new <folder> --from <folder>` for any kind: scaffold the next year's data folder from an earlier one
 * (see scaffold/): registers and standing facts kept, yearly figures and prose left as "__"
 * blanks that `report validate` lists one by one, the report's year and date moved on. It never
 * overwrites: an existing target folder is a usage error (exit 2) and nothing is written.
 */
import { constants as fsConstants, existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldYear, BLANK, UnreadableSource } from '../scaffold/index.js';
import { MAX_FILE_BYTES } from '../files/capped.js';
import { findKinds, kindOfDataFolder, SHARED_SCHEMAS, type KindInfo } from '../kinds/registry.js';
import { suggest } from '../diagnostics/suggest.js';
import { resolveDataDir, UsageError } from './io.js';
import type { GlobalOptions } from './run.js';
import { say } from './lang.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { formatText } from '../diagnostics/format.js';

export interface NewOptions extends GlobalOptions {
  from?: string;
  kind?: string;
  /** The new report's year, for `--from <folder>` (default: the year in the new folder's name, else the next year). */
  year?: string;
}


function year(value: string, what: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${what} "${value}" không phải là năm (4 chữ số). Ví dụ: report new 2025 --from 2024`, `${what === 'năm mới' ? 'the new year' : what} "${value}" is not a year (4 digits). Example: report new 2025 --from 2024`);
  return Number(value);
}

export async function newCommand(target: string, opts: NewOptions): Promise<void> {
  if (opts.kind !== undefined) {
    if (opts.from !== undefined) throw new UsageError('dùng --from hoặc --kind, không dùng cả hai');
    return newOfKind(target, opts.kind, opts);
  }
  if (opts.from === undefined) throw new UsageError('cần --from <năm trước> (ví dụ: report new 2025 --from 2024) hoặc --kind <loại> (ví dụ: report new xa-q4-2025 --kind bao-cao)');
  if (/^\d{4}$/.test(target) && /^\d{4}$/.test(opts.from)) return newFromYear(target, { ...opts, from: opts.from });
  return newFromFolder(target, { ...opts, from: opts.from });
}

async function newFromYear(target: string, opts: NewOptions & { from: string }): Promise<void> {
  const cwd = process.cwd();
  const toYear = year(target, 'năm mới');
  const fromYear = year(opts.from, '--from');
  if (toYear <= fromYear) throw new UsageError(`năm mới (${toYear}) phải sau năm làm mẫu (${fromYear})`, `the new year (${toYear}) must come after the model year (${fromYear})`);
  const { dir: fromDir } = resolveDataDir(opts.from, opts.data, cwd);
  const toDir = path.resolve(cwd, opts.data, target);
  return scaffoldInto({ fromDir, toDir, fromYear, toYear, target }, opts);
}

/**
 * `report new <folder> --from <folder>`, for any kind: the new report's year is `--year`, else
 * the one year its folder's name holds (xa-q4-2025), else the year after the source's.
 */
async function newFromFolder(target: string, opts: NewOptions & { from: string }): Promise<void> {
  const cwd = process.cwd();
  const { dir: fromDir } = resolveDataDir(opts.from, opts.data, cwd);
  const toDir = /[\\/]/.test(target) ? path.resolve(cwd, target) : path.resolve(cwd, opts.data, target);
  const fromYear = sourceYear(fromDir);
  const named = path.basename(toDir).match(/(?<!\d)(19|20)\d{2}(?!\d)/g);
  const toYear = opts.year !== undefined ? year(opts.year, '--year') : named?.length === 1 ? Number(named[0]) : fromYear + 1;
  if (toYear < fromYear) throw new UsageError(`năm của báo cáo mới (${toYear}) trước năm của báo cáo làm mẫu (${fromYear})`, `the new report's year (${toYear}) is before the model's (${fromYear})`);
  return scaffoldInto({ fromDir, toDir, fromYear, toYear, target }, opts);
}

/** The `year:` of a data folder's report.yaml. */
function sourceYear(dir: string): number {
  const m = /^year:\s*["']?(\d{4})/m.exec(existsSync(path.join(dir, 'report.yaml')) ? readFileSync(path.join(dir, 'report.yaml'), 'utf8') : '');
  if (!m) throw new UsageError(`không đọc được "year:" trong ${path.join(dir, 'report.yaml')}`, `cannot read "year:" in ${path.join(dir, 'report.yaml')}`);
  return Number(m[1]);
}

interface Scaffold { fromDir: string; toDir: string; fromYear: number; toYear: number; target: string }

async function scaffoldInto({ fromDir, toDir, fromYear, toYear, target }: Scaffold, opts: NewOptions): Promise<void> {
  const cwd = process.cwd();
  const shown = (p: string): string => path.relative(cwd, p) || '.';
  const refuse = (): never => {
    throw new UsageError(`thư mục ${shown(toDir)} đã có; report new không bao giờ ghi đè dữ liệu. Đổi tên hoặc xóa thư mục đó trước nếu thật sự muốn tạo lại.`, `folder ${shown(toDir)} already exists; report new never overwrites data. Rename or remove it first if you really want to create it again.`);
  };
  if (existsSync(toDir)) refuse();
  const kind = kindOf(fromDir, cwd, opts.templates);
  const schemas = { report: path.join(SHARED_SCHEMAS, 'report.schema.json'), ...Object.fromEntries(kind.files.filter((f) => f.name !== 'report').map((f) => [f.name, f.schema])) };
  const yearly = Object.fromEntries(kind.files.map((f) => [f.name, f.yearly]));
  // A file that is the whole document (bao-cao's noi-dung) keeps its structure; a kind's
  // yearly prose beside its records (chu-de-nam) is blanked as a whole.
  const structured = kind.files.filter((f) => f.content && kind.files.every((g) => g.content || g.name === 'report')).map((f) => f.name);
  let files;
  try {
    files = scaffoldYear({ fromDir, toDir, fromYear, toYear, schemas, yearly, structured, target });
  } catch (err) {
    if (!(err instanceof UnreadableSource)) throw err;
    throw new UsageError(`không đọc được ${shown(path.join(fromDir, err.file))}: không phải tệp thường đọc được, hoặc lớn hơn ${MAX_FILE_BYTES / 2 ** 20} MB. Chạy report validate ${fromYear} để biết chi tiết.`,
      `cannot read ${shown(path.join(fromDir, err.file))}: not a readable regular file, or larger than ${MAX_FILE_BYTES / 2 ** 20} MB. Run report validate ${fromYear} for details.`);
  }
  if (!files.length) throw new UsageError(`thư mục ${shown(fromDir)} không có tệp dữ liệu .yaml nào`, `folder ${shown(fromDir)} has no .yaml data files`);

  await mkdir(path.dirname(toDir), { recursive: true });
  try {
    await mkdir(toDir); // not recursive: fails if another process created it meanwhile
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') refuse();
    throw err;
  }
  for (const f of files) {
    // A part of a data file written as a folder (`investment/01.yaml`) goes into that folder.
    if (f.name.includes('/')) await mkdir(path.join(toDir, path.dirname(f.name)), { recursive: true });
    await writeFile(path.join(toDir, f.name), f.text, { flag: 'wx' });
  }
  // Spreadsheets that record lists are read from are kept as they are: their rows are the year's
  // records, which the clerk replaces in Excel, where they were kept.
  const sheets = readdirSync(fromDir).filter((n) => /\.(xlsx|csv)$/i.test(n)).sort();
  for (const name of sheets) await copyFile(path.join(fromDir, name), path.join(toDir, name), fsConstants.COPYFILE_EXCL);

  const blanks = files.reduce((n, f) => n + f.blanks, 0);
  const t = (vi: string, en: string) => say(opts.lang, vi, en);
  process.stdout.write(t(
    `đã tạo ${shown(toDir)}/ từ ${shown(fromDir)}/: ${files.length} tệp, ${blanks} chỗ "${BLANK}" cần điền số liệu hoặc nội dung của năm ${toYear}.\n`,
    `created ${shown(toDir)}/ from ${shown(fromDir)}/: ${files.length} files, ${blanks} "${BLANK}" blanks to fill with the figures or text of ${toYear}.\n`,
  ));
  if (sheets.length) {
    process.stdout.write(t(
      `Đã chép nguyên ${sheets.map((n) => shown(path.join(toDir, n))).join(', ')}: bảng tính vẫn chứa số liệu năm ${fromYear}, cần cập nhật trong Excel trước khi dựng báo cáo.\n`,
      `Copied ${sheets.map((n) => shown(path.join(toDir, n))).join(', ')} as they are: the spreadsheets still hold the figures of ${fromYear}; update them in Excel before building.\n`,
    ));
  }
  const mentions = files.flatMap((f) => f.oldYearLines.map((line) => `${shown(path.join(toDir, f.name))}:${line}`));
  if (mentions.length) {
    process.stdout.write(t(
      `Các dòng giữ lại còn nhắc năm ${fromYear} (văn bản trích dẫn, tên…), nên xem lại: ${mentions.join(', ')}\n`,
      `Kept lines that still mention ${fromYear} (cited documents, names…), worth a look: ${mentions.join(', ')}\n`,
    ));
  }
  const stale = files.flatMap((f) => f.staleReferences.map((r) => makeDiagnostic('V612', { file: shown(path.join(toDir, f.name)), line: r.line, column: r.column }, { id: r.id, year: r.year, reportYear: toYear })));
  if (stale.length) process.stderr.write(formatText(stale, opts.lang === 'en' ? 'en' : 'vi'));
  process.stdout.write(t(
    `Tiếp theo: report validate ${target}  (liệt kê từng chỗ cần điền), rồi report preview ${target}\n`,
    `Next: report validate ${target}  (lists every blank to fill), then report preview ${target}\n`,
  ));
  process.exitCode = 0;
}

/** The kind of the folder the new one is made from: its schemas and yearly fields come from its manifest. */
function kindOf(fromDir: string, cwd: string, templates: string | undefined): KindInfo {
  const name = kindOfDataFolder(fromDir);
  const kinds = findKinds(cwd, fromDir, templates).value;
  const kind = name ? kinds.get(name) : undefined;
  if (kind) return kind;
  const guess = name ? suggest(name, kinds.keys()) : undefined;
  throw new UsageError(name
    ? `loại báo cáo "${name}" (report.yaml của ${path.relative(cwd, fromDir) || '.'}) không có${guess ? `; có phải "${guess}"?` : ''}. Các loại có: ${[...kinds.keys()].join(', ')}`
    : `không đọc được "kind:" trong ${path.relative(cwd, path.join(fromDir, 'report.yaml'))}`);
}

/**
 * `report new <folder> --kind <kind>`: a new data folder from the kind's starter files
 * (`templates/<kind>/moi/*.yaml`, blanks written "__"), each file's modeline pointing at its
 * schema from where the folder is. Never overwrites.
 */
async function newOfKind(target: string, name: string, opts: NewOptions): Promise<void> {
  const cwd = process.cwd();
  const toDir = /[\\/]/.test(target) ? path.resolve(cwd, target) : path.resolve(cwd, opts.data, target);
  const shown = (p: string): string => path.relative(cwd, p) || '.';
  if (existsSync(toDir)) throw new UsageError(`thư mục ${shown(toDir)} đã có; report new không bao giờ ghi đè dữ liệu.`);
  const kinds = findKinds(cwd, toDir, opts.templates).value;
  const kind = kinds.get(name);
  if (!kind) {
    const guess = suggest(name, kinds.keys());
    throw new UsageError(`không có loại báo cáo "${name}"${guess ? ` (có phải "${guess}"?)` : ''}. Các loại có: ${[...kinds.keys()].join(', ')}`);
  }
  const starter = [...kind.templateDirs].reverse().map((d) => path.join(d, 'moi')).find((d) => existsSync(d));
  if (!starter) throw new UsageError(`loại "${name}" không có bộ tệp khởi đầu (templates/${name}/moi/); tạo từ một thư mục có sẵn: report new <thư mục> --from <thư mục>`);
  const schemaOf = (file: string): string | undefined => {
    const base = file.replace(/\.ya?ml$/i, '');
    return base === 'report' ? path.join(SHARED_SCHEMAS, 'report.schema.json') : kind.files.find((f) => f.name === base)?.schema;
  };
  const files = readdirSync(starter).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => {
    const schema = schemaOf(f);
    const text = readFileSync(path.join(starter, f), 'utf8');
    const modeline = schema ? `# yaml-language-server: $schema=${path.relative(toDir, schema).split(path.sep).join('/')}` : undefined;
    const body = /^# yaml-language-server:.*\n/.test(text) ? text.replace(/^.*\n/, '') : text;
    return { name: f, text: modeline ? `${modeline}\n${body}` : body };
  });
  await mkdir(path.dirname(toDir), { recursive: true });
  await mkdir(toDir);
  for (const f of files) await writeFile(path.join(toDir, f.name), f.text, { flag: 'wx' });
  const blanks = files.reduce((n, f) => n + f.text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n').split(`"${BLANK}"`).length - 1, 0);
  process.stdout.write(`đã tạo ${shown(toDir)}/ (loại ${name}: ${kind.title}): ${files.map((f) => f.name).join(', ')}, ${blanks} chỗ "${BLANK}" cần điền.\n`);
  process.stdout.write(`Tiếp theo: report validate ${target}  (liệt kê từng chỗ cần điền), rồi report build ${target}\n`);
  process.exitCode = 0;
}
