/**
 * The command line: commander wiring, the one top-level catch, exit statuses (0 ok — warnings
 * allowed, 1 data or template errors or a fault of the machine — full disk, read-only or
 * locked output folder —, 2 usage errors, 70 internal error: a bug) and all console output.
 * Each command is a short function in its own module; writers are imported only when their
 * format is asked for, so `report validate` never loads docx or pdfmake. Everything printed —
 * help, usage errors, messages — follows `--lang`, else the locale (lang.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { MachineError, UsageError, incompleteInstall } from './io.js';
import { argvLang, localeLang, say, type Lang } from './lang.js';
import { PACKAGE_ROOT } from '../pipeline/paths.js';

export const EXIT = { ok: 0, dataError: 1, usage: 2, internal: 70 } as const;

/** The package's version, for `report --version`. */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function program(lang: Lang): Command {
  const t = (vi: string, en: string) => say(lang, vi, en);
  const cmd = new Command('report')
    .description(t('baocao — biên dịch dữ liệu YAML thành báo cáo hành chính theo Nghị định 30/2020/NĐ-CP',
      'baocao — compiles YAML data into official reports laid out per Decree 30/2020/NĐ-CP'))
    .version(version(), '-V, --version', t('in phiên bản của công cụ', 'print the tool\'s version'))
    .helpOption('-h, --help', t('hiện trợ giúp', 'show help'))
    .helpCommand('help [command]', t('hiện trợ giúp của một lệnh', 'show help for a command'))
    .option('--data <dir>', t('thư mục chứa dữ liệu các năm', 'folder holding the years\' data'), 'data')
    .option('--templates <dir>', t('thư mục mẫu (mặc định ./templates)', 'templates folder (default ./templates)'))
    .addOption(new Option('--lang <lang>', t('ngôn ngữ thông báo (mặc định theo LANG: en… → en, còn lại vi)', 'language of messages (default from LANG: en… → en, otherwise vi)')).choices(['vi', 'en']).default(lang))
    .option('--strict', t('coi cảnh báo là lỗi', 'treat warnings as errors'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(lang === 'vi' ? helpInVietnamese(s) : s),
      writeErr: (s) => process.stderr.write(lang === 'vi' ? helpInVietnamese(s) : s),
      outputError: (s, write) => write(lang === 'en' ? s : usageInVietnamese(s)),
    });
  const formatOption = () => new Option('--format <format>', t('định dạng thông báo', 'format of the messages')).choices(['text', 'json', 'github']).default('text');

  cmd.command('kinds [folder]')
    .description('liệt kê các loại báo cáo (templates/<loại>/kind.yaml): tên, nguồn (gói hay cơ quan), tệp dữ liệu')
    .addOption(new Option('--format <format>', 'định dạng kết quả').choices(['text', 'json']).default('text'))
    .action(async (folder: string | undefined, opts) => (await import('./kinds.js')).kindsCommand(folder, { ...cmd.opts(), ...opts }));

  const resultFormat = (choices: string[], fallback: string) => new Option('--format <format>', t('định dạng kết quả', 'output format')).choices(choices).default(fallback);
  cmd.command('summary <year>')
    .description(t('in các số liệu của báo cáo: giá trị, cách tính, nguồn file:dòng', 'print the report\'s figures: value, origin, source file:line'))
    .addOption(resultFormat(['text', 'json'], 'text'))
    .action(async (year: string, opts) => (await import('./summary.js')).summaryCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('validate <year>')
    .description(t('kiểm tra dữ liệu và mẫu, in lỗi theo vị trí', 'check the data and templates, printing findings by position'))
    .addOption(formatOption())
    .action(async (year: string, opts) => (await import('./validate.js')).validateCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('build [year]')
    .description(t('xuất báo cáo DOCX và PDF vào out/<năm>/', 'write the report as DOCX and PDF to out/<year>/'))
    .option('--format <list>', t('các định dạng, phân cách bằng dấu phẩy (mặc định docx,pdf)', 'formats, comma-separated (default docx,pdf)'))
    .option('--out <dir>', t('thư mục xuất', 'output folder'), 'out')
    .option('--draft', t('đóng dấu "DỰ THẢO" trên mọi trang', 'stamp "DỰ THẢO" (draft) on every page'))
    .option('--number <n>', t('số văn bản (ví dụ 5 → 05)', 'document number (e.g. 5 → 05)'))
    .option('--date <date>', t('ngày ban hành (yyyy-mm-dd hoặc dd/mm/yyyy)', 'issue date (yyyy-mm-dd or dd/mm/yyyy)'))
    .option('--font-dir <dir>', t('thư mục phông chữ của cơ quan (tệp .ttf), thay cho Tinos kèm theo; ghi đè `fonts:` của report.yaml', "the agency's font folder (.ttf files) instead of the bundled Tinos; overrides `fonts:` in report.yaml"))
    .addOption(new Option('--diagnostics <format>', t('định dạng thông báo', 'format of the messages')).choices(['text', 'json', 'github']).default('text'))
    .option('--check', t('dựng lại trong bộ nhớ và báo lỗi nếu tệp đã có (đã commit) khác bản dựng lại', 'rebuild in memory and fail if the existing (committed) files differ'))
    .option('--force', t('dựng lại dù dữ liệu, mẫu và tùy chọn không đổi', 'rebuild even when data, templates and options are unchanged'))
    .option('--all', t('dựng mọi năm dưới thư mục dữ liệu, song song', 'build every year under the data folder, in parallel'))
    .option('--jobs <n>', t('số luồng cho --all (mặc định: số nhân CPU)', 'threads for --all (default: the number of CPU cores)'))
    .action(async (year: string | undefined, opts) => (await import('./build.js')).buildCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('diff <a> <b>')
    .description(t('so sánh số liệu của hai năm hoặc hai phiên bản một năm (thư mục, hoặc REV:năm của git, ví dụ HEAD~1:2024)',
      'compare the figures of two years or two versions of a year (folders, or git REV:year, e.g. HEAD~1:2024)'))
    .addOption(resultFormat(['table', 'markdown', 'json'], 'table'))
    .action(async (a: string, b: string, opts) => (await import('./diff.js')).diffCommand(a, b, { ...cmd.opts(), ...opts }));

  cmd.command('explain <year> <figure>')
    .description(t('cho biết một số liệu được tính thế nào, từ những dòng dữ liệu nào', 'show how a figure is obtained and from which data lines'))
    .addOption(resultFormat(['text', 'json'], 'text'))
    .action(async (year: string, figure: string, opts) => (await import('./explain.js')).explainCommand(year, figure, { ...cmd.opts(), ...opts }));

  cmd.command('preview <year>')
    .description(t('xem trước báo cáo trong trình duyệt (127.0.0.1), tự cập nhật khi lưu dữ liệu hoặc mẫu', 'preview the report in a browser (127.0.0.1), refreshed when data or templates are saved'))
    .option('--port <n>', t('cổng (mặc định: một cổng trống bất kỳ)', 'port (default: any free port)'))
    .option('--open', t('mở trình duyệt', 'open the browser'))
    .option('--draft', t('đóng dấu "DỰ THẢO"', 'stamp "DỰ THẢO" (draft)'))
    .action(async (year: string, opts) => (await import('./preview.js')).previewCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('new <year>')
    .description(t('tạo dữ liệu năm mới từ một năm trước (--from: giữ sổ đăng ký và thông tin cố định, để trống số liệu của năm), hoặc một thư mục dữ liệu mới của một loại báo cáo (--kind)',
      "create a new data folder from an earlier one (--from: registers and standing facts kept, the year's figures left blank), or an empty one of a report kind (--kind)"))
    .option('--from <year>', t('năm hoặc thư mục làm mẫu, ví dụ 2024 hoặc examples/xa-tien-thang-q3-2025', 'the year or folder to start from, e.g. 2024 or examples/xa-tien-thang-q3-2025'))
    .option('--kind <kind>', t('loại báo cáo, ví dụ bao-cao: tạo thư mục từ bộ tệp khởi đầu của loại', "a report kind, e.g. bao-cao: a folder from the kind's starter files"))
    .option('--year <year>', t('năm của báo cáo mới khi --from là một thư mục (mặc định: năm trong tên thư mục mới, nếu không thì năm sau)', "the new report's year when --from is a folder (default: the year in the new folder's name, else the next year)"))
    .action(async (year: string, opts) => (await import('./new.js')).newCommand(year, { ...cmd.opts(), ...opts }));

  cmd.command('init [dir]')
    .description(t('tạo kho dữ liệu của cơ quan: package.json phụ thuộc baocao, .gitignore, thư mục data/ (không ghi đè)', "start an agency's data repository: package.json depending on baocao, .gitignore, data/ (never overwrites)"))
    .action(async (dir: string | undefined) => (await import('./init.js')).initCommand(dir, cmd.opts()));

  return cmd;
}

/** Commander's usage errors, said in Vietnamese like every other message (`--lang en` keeps them). */
const USAGE: [RegExp, string][] = [
  [/^error: unknown command '([^']*)'/m, "report: không có lệnh '$1'. Xem các lệnh: report --help"],
  [/^error: unknown option '([^']*)'/m, "report: không có tùy chọn '$1'. Xem: report <lệnh> --help"],
  [/^error: missing required argument '([^']*)'/m, "report: thiếu tham số '$1'. Xem: report <lệnh> --help"],
  [/^error: required option '([^']*)' not specified/m, "report: thiếu tùy chọn bắt buộc '$1'. Xem: report <lệnh> --help"],
  [/^error: option '([^']*)' argument missing/m, "report: tùy chọn '$1' cần một giá trị"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./m, "report: giá trị '$2' của tùy chọn '$1' không hợp lệ; chọn một trong: $3"],
  [/^error: too many arguments.*$/m, 'report: thừa tham số. Xem: report <lệnh> --help'],
  [/^\(Did you mean (.*)\?\)$/m, '(Có phải $1?)'],
];

export function usageInVietnamese(message: string): string {
  return USAGE.reduce((text, [pattern, vi]) => text.replace(pattern, vi), message);
}

/** Commander's help headings in Vietnamese (descriptions are already chosen per language). */
const HELP: [RegExp, string][] = [
  [/^Usage:/gm, 'Cách dùng:'],
  [/^Options:$/gm, 'Tùy chọn:'],
  [/^Commands:$/gm, 'Lệnh:'],
  [/^Arguments:$/gm, 'Tham số:'],
  [/\(default: /g, '(mặc định: '],
  [/\(choices: /g, '(chọn: '],
  [/, default: /g, ', mặc định: '],
  [/\[options\]/g, '[tùy chọn]'],
  [/\[command\]/g, '[lệnh]'],
];

export function helpInVietnamese(text: string): string {
  return HELP.reduce((s, [pattern, vi]) => s.replace(pattern, vi), text);
}

export async function main(argv: string[]): Promise<void> {
  const lang = argvLang(argv.slice(2)) ?? localeLang();
  try {
    await program(lang).parseAsync(argv);
    if (process.exitCode === undefined) process.exitCode = EXIT.ok;
  } catch (err) {
    process.exitCode = await exitFor(err, lang);
  }
}

async function exitFor(err: unknown, lang: Lang): Promise<number> {
  if (err instanceof MachineError) {
    // The machine's fault (disk full, read-only, locked): a plain message, never "internal error".
    const { formatMachineError } = await import('./machine.js');
    process.stderr.write(formatMachineError(err, lang));
    return err.exit;
  }
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`report: ${lang === 'en' ? err.en : err.message}\n`);
    return EXIT.usage;
  }
  const e = err as Error;
  const incomplete = incompleteInstall(err, lang);
  if (incomplete) {
    process.stderr.write(`report: ${incomplete}\n`);
    return EXIT.internal;
  }
  process.stderr.write(lang === 'en'
    ? `report: internal error (${e?.name ?? 'Error'}: ${e?.message ?? String(err)}).\n` +
      'This is a bug in the tool, not in the data. Please report it with the command you ran and the data folder; set BAOCAO_DEBUG=1 for details.\n'
    : `report: lỗi nội bộ (${e?.name ?? 'Error'}: ${e?.message ?? String(err)}).\n` +
      'Đây là lỗi của công cụ, không phải của dữ liệu. Vui lòng báo lỗi kèm lệnh đã chạy và thư mục dữ liệu; đặt BAOCAO_DEBUG=1 để xem chi tiết.\n');
  if (process.env.BAOCAO_DEBUG) process.stderr.write(`${e?.stack}\n`);
  return EXIT.internal;
}
