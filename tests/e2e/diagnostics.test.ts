// Diagnostics seen from the command line: the same findings from `validate` and `build` on the
// same input, at the template line; a template error's code, file:line:col and exit status; and
// every command's output, help and usage errors in the language asked for (`--lang`, else the
// locale: English only for an `en…` locale, Vietnamese otherwise).
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/outputs.js';

const temps: string[] = [];
afterAll(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

/** A working folder with data/2024 (and templates/ when `edit` changes one). */
function workspace(edit?: { file: string; find: string; replace: string }): string {
  const work = mkdtempSync(path.join(tmpdir(), 'baocao-diag-'));
  temps.push(work);
  cpSync(path.join(ROOT, 'data/2024'), path.join(work, 'data/2024'), { recursive: true });
  if (edit) {
    cpSync(path.join(ROOT, 'templates'), path.join(work, 'templates'), { recursive: true });
    const file = path.join(work, 'templates', edit.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(edit.find)) throw new Error(`${edit.find} not in ${edit.file}`);
    writeFileSync(file, text.replace(edit.find, edit.replace));
  }
  return work;
}

/** The first JSON array in a stream (build prints its diagnostics before other lines). */
function jsonDiagnostics(text: string): { code: string; file: string; line: number; column: number; severity: string }[] {
  const start = text.indexOf('[');
  const end = text.indexOf('\n]', start);
  return JSON.parse(text.slice(start, end + 2));
}

const at = (d: { code: string; file: string; line: number; column: number }) => `${d.code} ${d.file}:${d.line}:${d.column}`;

describe('validate and build report the same diagnostics', () => {
  it('a short table row in a template is W003 at the template line from both commands', () => {
    const work = workspace({ file: 'chu-de-nam/phu-luc.hbs', find: 'header: Tổng mức đầu tư | Kế hoạch vốn năm {{year}}\n', replace: 'header: Tổng mức đầu tư\n' });
    const v = runCli(['validate', '2024', '--format', 'json'], { cwd: work });
    const b = runCli(['build', '2024', '--format', 'docx', '--diagnostics', 'json'], { cwd: work });
    expect(v.status).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const fromValidate = jsonDiagnostics(v.stdout);
    expect(fromValidate.filter((d) => d.code === 'W003').map(at)).toEqual(['W003 templates/chu-de-nam/phu-luc.hbs:14:1']);
    expect(jsonDiagnostics(b.stderr)).toEqual(fromValidate);
    // The writer does not report the table a second time.
    expect(b.stderr.split('"W003"').length - 1).toBe(1);
  });

  it('an ordered list in a template is T013 at its line, exit 1, and build writes nothing', () => {
    const work = workspace({ file: 'chu-de-nam/ket-thuc.hbs', find: '\n', replace: '\n1. một\n2. hai\n\n' });
    const v = runCli(['validate', '2024'], { cwd: work });
    expect(v.status).toBe(1);
    expect(v.stderr).toMatch(/^templates\/chu-de-nam\/ket-thuc\.hbs:2:1: error T013: /m);
    const b = runCli(['build', '2024', '--format', 'docx'], { cwd: work });
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/^templates\/chu-de-nam\/ket-thuc\.hbs:2:1: error T013: /m);
    expect(b.stdout).toBe('');
  });

  it('a blank printed by a partial is T006 at the mustache that prints it, not at the first mention', () => {
    // meta.agency.parent is empty for a top-level agency; main.hbs mentions it first (guarded).
    const work = workspace({ file: 'chu-de-nam/ket-thuc.hbs', find: '\n', replace: '\nCơ quan chủ quản: {{meta.agency.parent}}\n' });
    const r = runCli(['validate', '2024', '--format', 'json'], { cwd: work });
    expect(r.status).toBe(1);
    const errors = jsonDiagnostics(r.stdout).filter((d) => d.severity === 'error');
    expect(errors.map(at)).toEqual(['T006 templates/chu-de-nam/ket-thuc.hbs:2:19']);
    expect(JSON.stringify(errors[0])).toContain('meta.agency.parent');
  });

  it('a field no model has is T005 at the path in the mustache', () => {
    const work = workspace({ file: 'chu-de-nam/ket-thuc.hbs', find: '\n', replace: '\nGhi chú: {{meta.khongCo}}\n' });
    const r = runCli(['validate', '2024', '--format', 'json'], { cwd: work });
    expect(r.status).toBe(1);
    expect(jsonDiagnostics(r.stdout).filter((d) => d.severity === 'error').map(at)).toEqual(['T005 templates/chu-de-nam/ket-thuc.hbs:2:12']);
  });
});

describe('language', () => {
  const work = workspace();
  const en = { LANG: 'C.UTF-8' };
  const vietnamese = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i;

  it('--lang en: build, summary, explain, diff and new print English', () => {
    const build = runCli(['build', '2024', '--format', 'docx', '--lang', 'en'], { cwd: work, env: en });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^wrote out\/2024\/bao-cao-chu-de-nam-2024\.docx \(/m);
    expect(build.stdout).toMatch(/^done in \d+ ms$/m);
    expect(build.stderr).toContain('0 error(s), 7 warning(s)');
    expect(build.stderr).toContain('hint: ');
    const skipped = runCli(['build', '2024', '--format', 'docx', '--lang', 'en'], { cwd: work, env: en });
    expect(skipped.stdout).toContain('unchanged since the last build');

    const summary = runCli(['summary', '2024', '--lang', 'en'], { cwd: work, env: en });
    expect(summary.status).toBe(0);
    expect(summary.stdout.split('\n')[0]).toMatch(/^Id\s+Figure\s+Value\s+Origin\s+Source$/);

    const explain = runCli(['explain', '2024', 'investment.total', '--lang', 'en'], { cwd: work, env: en });
    expect(explain.stdout).toContain('  value: 676.373 triệu đồng (stated in the data)');
    expect(explain.stdout).toContain('  sources:');

    const diff = runCli(['diff', '2024', '2024', '--lang', 'en'], { cwd: work, env: en });
    expect(diff.stdout).toMatch(/^Figures compared: 2024 \(old\) → 2024 \(new\)\nNo figure changed/);

    const created = runCli(['new', '2025', '--from', '2024', '--lang', 'en'], { cwd: work, env: en });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^created data\/2025\/ from data\/2024\/: 7 files/);
    expect(created.stdout).not.toMatch(vietnamese);
  });

  it('--lang en: usage errors, help and --version', () => {
    const unknown = runCli(['buidl', '2024', '--lang', 'en'], { cwd: work, env: en });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command 'buidl'");
    const noYear = runCli(['build', '1999', '--lang', 'en'], { cwd: work, env: en });
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toBe('report: There is no data folder data/1999 for 1999. Create it with: report new 1999 --from <earlier year>\n');
    const badDate = runCli(['build', '2024', '--date', '2024-02-30', '--lang', 'en'], { cwd: work, env: en });
    expect([badDate.status, badDate.stderr]).toEqual([2, 'report: --date "2024-02-30": no such day\n']);
    const help = runCli(['build', '--help', '--lang', 'en'], { cwd: work, env: en });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: report build [options] [year]');
    expect(help.stdout).toContain('write the report as DOCX and PDF');
    expect(help.stdout.replace(/DỰ THẢO/g, '')).not.toMatch(vietnamese);
    const version = runCli(['--version'], { cwd: work });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'vi_VN.UTF-8' }, 'en'],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, 'vi'],
    [{ LANG: 'C.UTF-8' }, 'vi'],
    [{ LANG: 'POSIX' }, 'vi'],
    [{ LANG: 'C' }, 'vi'],
    [{ LANG: '' }, 'vi'],
    [{ LANG: 'vi_VN.UTF-8' }, 'vi'],
  ])('with no --lang, the locale %j gives %s', (env, lang) => {
    const r = runCli(['build', '1999'], { cwd: work, env: Object.assign({ LC_ALL: '', LC_MESSAGES: '', LANG: '' }, env) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(lang === 'en' ? /^report: There is no data folder/ : /^report: Không có thư mục dữ liệu/);
    const help = runCli(['--help'], { cwd: work, env: Object.assign({ LC_ALL: '', LC_MESSAGES: '', LANG: '' }, env) });
    expect(help.stdout).toMatch(lang === 'en' ? /^Usage: report \[options\] \[command\]/ : /^Cách dùng: report \[tùy chọn\] \[lệnh\]/);
  });

  it('LANG=C.UTF-8: build and usage errors are Vietnamese', () => {
    const build = runCli(['build', '2024', '--format', 'docx', '--force'], { cwd: work, env: en });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^đã ghi out\/2024\/bao-cao-chu-de-nam-2024\.docx/m);
    expect(build.stderr).toContain('0 lỗi, 7 cảnh báo');
    const unknown = runCli(['buidl'], { cwd: work, env: en });
    expect([unknown.status, unknown.stderr]).toEqual([2, "report: không có lệnh 'buidl'. Xem các lệnh: report --help\n(Có phải build?)\n"]);
  });
});
