/**
 * `report new <year> --from <year>`: scaffold the next year's data folder from an earlier one
 * (see scaffold/): registers and standing facts kept, yearly figures and prose left as "__"
 * blanks that `report validate` lists one by one, the report's year and date moved on. It never
 * overwrites: an existing target folder is a usage error (exit 2) and nothing is written.
 */
import { PACKAGE_ROOT } from '../pipeline/paths.js';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldYear, BLANK, UnreadableSource } from '../scaffold/index.js';
import { resolveDataDir, UsageError } from './io.js';
import type { GlobalOptions } from './run.js';

export interface NewOptions extends GlobalOptions {
  from: string;
}


function year(value: string, what: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${what} "${value}" không phải là năm (4 chữ số). Ví dụ: report new 2025 --from 2024`);
  return Number(value);
}

export async function newCommand(target: string, opts: NewOptions): Promise<void> {
  const cwd = process.cwd();
  const toYear = year(target, 'năm mới');
  const fromYear = year(opts.from, '--from');
  if (toYear <= fromYear) throw new UsageError(`năm mới (${toYear}) phải sau năm làm mẫu (${fromYear})`);
  const { dir: fromDir } = resolveDataDir(opts.from, opts.data, cwd);
  const toDir = path.resolve(cwd, opts.data, target);
  const shown = (p: string): string => path.relative(cwd, p) || '.';
  const refuse = (): never => {
    throw new UsageError(`thư mục ${shown(toDir)} đã có; report new không bao giờ ghi đè dữ liệu. Đổi tên hoặc xóa thư mục đó trước nếu thật sự muốn tạo lại.`);
  };
  if (existsSync(toDir)) refuse();
  const localSchemas = path.join(cwd, 'schemas');
  const schemasDir = existsSync(localSchemas) ? localSchemas : path.join(PACKAGE_ROOT, 'schemas');
  let files;
  try {
    files = scaffoldYear({ fromDir, toDir, fromYear, toYear, schemasDir });
  } catch (err) {
    if (!(err instanceof UnreadableSource)) throw err;
    throw new UsageError(`không đọc được ${shown(path.join(fromDir, err.file))}: không phải tệp thường đọc được, hoặc lớn hơn 2 MB. Chạy report validate ${fromYear} để biết chi tiết.`);
  }
  if (!files.length) throw new UsageError(`thư mục ${shown(fromDir)} không có tệp dữ liệu .yaml nào`);

  await mkdir(path.dirname(toDir), { recursive: true });
  try {
    await mkdir(toDir); // not recursive: fails if another process created it meanwhile
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') refuse();
    throw err;
  }
  for (const f of files) await writeFile(path.join(toDir, f.name), f.text, { flag: 'wx' });

  const blanks = files.reduce((n, f) => n + f.blanks, 0);
  process.stdout.write(`đã tạo ${shown(toDir)}/ từ ${shown(fromDir)}/: ${files.length} tệp, ${blanks} chỗ "${BLANK}" cần điền số liệu hoặc nội dung của năm ${toYear}.\n`);
  const mentions = files.flatMap((f) => f.oldYearLines.map((line) => `${shown(path.join(toDir, f.name))}:${line}`));
  if (mentions.length) {
    process.stdout.write(`Các dòng giữ lại còn nhắc năm ${fromYear} (văn bản trích dẫn, tên…), nên xem lại: ${mentions.join(', ')}\n`);
  }
  process.stdout.write(`Tiếp theo: report validate ${target}  (liệt kê từng chỗ cần điền), rồi report preview ${target}\n`);
  process.exitCode = 0;
}
