/**
 * The command line: commander wiring, the one top-level catch, exit statuses (0 ok — warnings
 * allowed, 1 data or template errors, 2 usage errors, 70 internal error) and all console output.
 * Each command is a short function in its own module; writers are imported only when their
 * format is asked for, so `report validate` never loads docx or pdfmake.
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './io.js';

export const EXIT = { ok: 0, dataError: 1, usage: 2, internal: 70 } as const;

function program(): Command {
  const cmd = new Command('report')
    .description('baocao — biên dịch dữ liệu YAML thành báo cáo hành chính theo Nghị định 30/2020/NĐ-CP')
    .option('--data <dir>', 'thư mục chứa dữ liệu các năm', 'data')
    .option('--templates <dir>', 'thư mục mẫu (mặc định ./templates)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .option('--strict', 'coi cảnh báo là lỗi')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(process.argv.includes('en') && process.argv.includes('--lang') ? s : usageInVietnamese(s)),
    });

  cmd.command('kinds [folder]')
    .description('liệt kê các loại báo cáo (templates/<loại>/kind.yaml): tên, nguồn (gói hay cơ quan), tệp dữ liệu')
    .addOption(new Option('--format <format>', 'định dạng kết quả').choices(['text', 'json']).default('text'))
    .action(async (folder: string | undefined, opts) => (await import('./kinds.js')).kindsCommand(folder, { ...cmd.opts(), ...opts }));

  cmd.command('summary <year>')
    .description('in các số liệu của báo cáo: giá trị, cách tính, nguồn file:dòng')
    .action(async (year: string) => (await import('./summary.js')).summaryCommand(year, cmd.opts()));

  cmd.command('validate <year>')
    .description('kiểm tra dữ liệu và mẫu, in lỗi theo vị trí')
    .addOption(new Option('--format <format>', 'định dạng thông báo').choices(['text', 'json', 'github']).default('text'))
    .action(async (year: string, opts) => (await import('./validate.js')).validateCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('build [year]')
    .description('xuất báo cáo DOCX và PDF vào out/<năm>/')
    .option('--format <list>', 'các định dạng, phân cách bằng dấu phẩy (mặc định docx,pdf)')
    .option('--out <dir>', 'thư mục xuất', 'out')
    .option('--draft', 'đóng dấu "DỰ THẢO" trên mọi trang')
    .option('--number <n>', 'số văn bản (ví dụ 5 → 05)')
    .option('--date <date>', 'ngày ban hành (yyyy-mm-dd hoặc dd/mm/yyyy)')
    .addOption(new Option('--diagnostics <format>', 'định dạng thông báo').choices(['text', 'json', 'github']).default('text'))
    .option('--check', 'dựng lại trong bộ nhớ và báo lỗi nếu tệp đã có (đã commit) khác bản dựng lại')
    .option('--force', 'dựng lại dù dữ liệu, mẫu và tùy chọn không đổi')
    .option('--all', 'dựng mọi năm dưới thư mục dữ liệu, song song')
    .option('--jobs <n>', 'số luồng cho --all (mặc định: số nhân CPU)')
    .action(async (year: string | undefined, opts) => (await import('./build.js')).buildCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('diff <a> <b>')
    .description('so sánh số liệu của hai năm hoặc hai phiên bản một năm (thư mục, hoặc REV:năm của git, ví dụ HEAD~1:2024)')
    .addOption(new Option('--format <format>', 'định dạng kết quả').choices(['table', 'markdown']).default('table'))
    .action(async (a: string, b: string, opts) => (await import('./diff.js')).diffCommand(a, b, { ...cmd.opts(), ...opts }));

  cmd.command('explain <year> <figure>')
    .description('cho biết một số liệu được tính thế nào, từ những dòng dữ liệu nào')
    .action(async (year: string, figure: string) => (await import('./explain.js')).explainCommand(year, figure, cmd.opts()));

  cmd.command('preview <year>')
    .description('xem trước báo cáo trong trình duyệt (127.0.0.1), tự cập nhật khi lưu dữ liệu hoặc mẫu')
    .option('--port <n>', 'cổng (mặc định: một cổng trống bất kỳ)')
    .option('--open', 'mở trình duyệt')
    .option('--draft', 'đóng dấu "DỰ THẢO"')
    .action(async (year: string, opts) => (await import('./preview.js')).previewCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('new <year>')
    .description('tạo dữ liệu năm mới từ một năm trước (--from: giữ sổ đăng ký và thông tin cố định, để trống số liệu của năm), hoặc một thư mục dữ liệu mới của một loại báo cáo (--kind)')
    .option('--from <year>', 'năm làm mẫu, ví dụ 2024')
    .option('--kind <kind>', 'loại báo cáo, ví dụ bao-cao: tạo thư mục từ bộ tệp khởi đầu của loại')
    .action(async (year: string, opts) => (await import('./new.js')).newCommand(year, { ...cmd.opts(), ...opts }));

  return cmd;
}

/** Commander's usage errors, said in Vietnamese like every other message (`--lang en` keeps them). */
const USAGE: [RegExp, string][] = [
  [/^error: unknown command '([^']*)'/m, "report: không có lệnh '$1'. Xem các lệnh: report --help"],
  [/^error: unknown option '([^']*)'/m, "report: không có tùy chọn '$1'. Xem: report <lệnh> --help"],
  [/^error: missing required argument '([^']*)'/m, "report: thiếu tham số '$1'. Xem: report <lệnh> --help"],
  [/^error: option '([^']*)' argument missing/m, "report: tùy chọn '$1' cần một giá trị"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./m, "report: giá trị '$2' của tùy chọn '$1' không hợp lệ; chọn một trong: $3"],
  [/^error: too many arguments.*$/m, 'report: thừa tham số. Xem: report <lệnh> --help'],
  [/^\(Did you mean (.*)\?\)$/m, '(Có phải $1?)'],
];

export function usageInVietnamese(message: string): string {
  return USAGE.reduce((text, [pattern, vi]) => text.replace(pattern, vi), message);
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
    if (process.exitCode === undefined) process.exitCode = EXIT.ok;
  } catch (err) {
    process.exitCode = exitFor(err);
  }
}

function exitFor(err: unknown): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`report: ${err.message}\n`);
    return EXIT.usage;
  }
  const e = err as Error;
  process.stderr.write(
    `report: lỗi nội bộ (${e?.name ?? 'Error'}: ${e?.message ?? String(err)}).\n` +
    'Đây là lỗi của công cụ, không phải của dữ liệu. Vui lòng báo lỗi kèm lệnh đã chạy và thư mục dữ liệu; đặt BAOCAO_DEBUG=1 để xem chi tiết.\n',
  );
  if (process.env.BAOCAO_DEBUG) process.stderr.write(`${e?.stack}\n`);
  return EXIT.internal;
}
