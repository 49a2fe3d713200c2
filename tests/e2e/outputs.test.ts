// Issue 17, end to end: the real CLI writing the small report of tests/fixtures/valid/xa-2025
// (not the full 2024 build, to stay fast) while the machine fails. Faults are injected with the
// test-only BAOCAO_FAULT hook (src/cli/faults.ts); kills are real `kill -9`. After each, the
// output folder holds one build's set or the previous one — DOCX, HTML or PDF and manifest.json
// of one build, no temp — and the fault is said plainly with exit status 1 (2 for --out at a
// file), never as an internal error.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, ROOT, runCli } from '../helpers/outputs.js';

const NAME = 'bao-cao-chu-de-nam-2025-so-05'; // kind, year and the fixture's document number
const FIXTURE = path.join(ROOT, 'tests/fixtures/valid/xa-2025/data');
const workspaces: string[] = [];
afterAll(() => { for (const ws of workspaces) rmSync(ws, { recursive: true, force: true }); });

/** A fresh folder holding the fixture's data as `xa/`; builds go to `out/xa/`. */
function workspace(): { ws: string; out: string } {
  const ws = mkdtempSync(path.join(tmpdir(), 'baocao-out-'));
  workspaces.push(ws);
  cpSync(FIXTURE, path.join(ws, 'xa'), { recursive: true });
  return { ws, out: path.join(ws, 'out', 'xa') };
}

function cli(ws: string, args: string[], fault?: string) {
  return runCli(['build', 'xa', ...args], { cwd: ws, env: { CI: '1', BAOCAO_FAULT: fault ?? '' } });
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => [n, createHash('sha256').update(readFileSync(path.join(dir, n))).digest('hex')]));
}

/**
 * The folder holds exactly one build's set: manifest.json, and every output it lists with the
 * recorded hash, and nothing else — no temp, backup, journal or lock, no report it does not list.
 */
function expectOneSet(out: string): Record<string, unknown> {
  const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const files = snapshot(out);
  expect(Object.keys(files).sort()).toEqual(['manifest.json', ...Object.keys(m.outputs)].sort());
  for (const [name, o] of Object.entries(m.outputs as Record<string, { sha256: string }>)) expect(files[name], name).toBe(o.sha256);
  return m;
}

function plain(r: { stderr: string }): void {
  expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error|Đây là lỗi của công cụ/);
}

/** Start a build that pauses (BAOCAO_FAULT pause rule); resolves with the child once it is paused. */
function startPaused(ws: string, args: string[], fault: string): Promise<{ pid: number; done: Promise<{ status: number | null; stderr: string }> }> {
  const child = spawn(process.execPath, [CLI, 'build', 'xa', ...args], { cwd: ws, env: { ...process.env, CI: '1', BAOCAO_FAULT: fault } });
  let stderr = '';
  const done = new Promise<{ status: number | null; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stderr })));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (stderr.includes('BAOCAO_FAULT: pause')) resolve({ pid: child.pid!, done });
    });
    void done.then((r) => reject(new Error(`the build ended before pausing (${r.status}): ${r.stderr}`)));
  });
}

describe('a failure at any step leaves the previous set', () => {
  const { ws, out } = workspace();
  it('builds the first set', () => {
    const r = cli(ws, ['--format', 'docx,html']);
    expect(r.status, r.stderr).toBe(0);
    expectOneSet(out);
  });

  // The first file, the second file, the manifest; written (a full disk) or renamed (a locked file).
  for (const [fault, code] of [['write:1', 'C101'], ['write:2', 'C101'], ['write:3', 'C101'], ['rename:docx', 'C103'], ['rename:html', 'C103'], ['rename:manifest:EPERM', 'C103']]) {
    it(`${fault}: exit 1, ${code}, the previous set byte-identical, no temp`, () => {
      const before = snapshot(out);
      const r = cli(ws, ['--format', 'docx,html', '--number', '7'], fault);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`lỗi ${code}:`);
      expect(r.stderr).toContain(`out/xa/`);
      plain(r);
      expect(snapshot(out)).toEqual(before);
    });
  }
});

describe('kill -9 inside the write window', () => {
  it('between renames: the next --check restores the previous set, then checks it', async () => {
    const { ws, out } = workspace();
    expect(cli(ws, ['--format', 'docx,html']).status).toBe(0);
    const before = snapshot(out);
    const build = await startPaused(ws, ['--format', 'docx,html', '--number', '7', '--force'], 'pause:rename:2:60000');
    process.kill(build.pid, 'SIGKILL');
    await build.done;
    expect(readdirSync(out).some((n) => n.startsWith('.baocao-'))).toBe(true); // the kill left its work
    const check = cli(ws, ['--check']);
    expect(check.stderr).toContain('C111');
    expect(check.stderr).toContain('C112'); // the dead build's lock was taken over
    expect(check.status, check.stderr).toBe(0);
    expect(snapshot(out)).toEqual(before);
  });

  it('after the manifest is in place: the next build completes that set', async () => {
    const { ws, out } = workspace();
    expect(cli(ws, ['--format', 'docx,html']).status).toBe(0);
    const build = await startPaused(ws, ['--format', 'docx,html', '--number', '7'], 'pause:commit:1:60000');
    process.kill(build.pid, 'SIGKILL');
    await build.done;
    const next = cli(ws, ['--format', 'docx,html', '--number', '7']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain('C110');
    expect(next.stdout).toContain('bỏ qua'); // the completed set is that build's: nothing to do
    expect((expectOneSet(out).settings as { number: string }).number).toBe('07');
  });
});

describe('two builds of one folder at once', () => {
  it('the second refuses with exit 1, naming the first one\'s PID; the folder holds the first one\'s set', async () => {
    const { ws, out } = workspace();
    const first = await startPaused(ws, ['--format', 'docx,html', '--draft'], 'pause:rename:1:3000');
    const second = cli(ws, ['--format', 'docx,html', '--number', '7']);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`lỗi C100: Thư mục out/xa đang được một lần dựng khác ghi (tiến trình PID ${first.pid}: report build xa)`);
    plain(second);
    const r = await first.done;
    expect(r.status, r.stderr).toBe(0);
    expect((expectOneSet(out).settings as { draft: boolean }).draft).toBe(true);
  });

  it('started together, unpaused: one consistent set whatever the timing, any refusal is C100', async () => {
    const { ws, out } = workspace();
    const run = (args: string[]) => new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'build', 'xa', '--format', 'docx,html', ...args], { cwd: ws, env: { ...process.env, CI: '1' } });
      let stderr = '';
      c.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
      c.on('close', (status) => resolve({ status, stderr }));
    });
    const results = await Promise.all([run(['--draft']), run(['--number', '7'])]);
    for (const r of results) {
      if (r.status !== 0) {
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('C100');
      }
    }
    expect(results.some((r) => r.status === 0)).toBe(true);
    expectOneSet(out);
  });
});

describe('stale outputs', () => {
  it('--format docx after a full build removes the old PDF; --check flags one copied back', () => {
    const { ws, out } = workspace();
    expect(cli(ws, []).status).toBe(0);
    const pdf = readFileSync(path.join(out, `${NAME}.pdf`));
    const r = cli(ws, ['--format', 'docx', '--number', '9']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`ghi chú C114: Đã xóa out/xa/${NAME}.pdf`);
    expect(expectOneSet(out).settings).toMatchObject({ formats: ['docx'], number: '09' });

    writeFileSync(path.join(out, `${NAME}.pdf`), pdf);
    const check = cli(ws, ['--check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`lỗi C115: out/xa/${NAME}.pdf: manifest.json không ghi nhận tệp này (lần dựng ghi trong đó chỉ có docx)`);
    // Nor is a build skipped while the stray PDF sits there: it removes it.
    const again = cli(ws, ['--format', 'docx', '--number', '9']);
    expect(again.stderr).toContain('C114');
    expectOneSet(out);
  });

  it('--check says which formats it checked; a comment-only data edit is a note, not stale', () => {
    const { ws, out } = workspace();
    expect(cli(ws, ['--format', 'docx,html']).status).toBe(0);
    const fresh = cli(ws, ['--check']);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('out/xa: 3 tệp khớp với bản dựng lại từ dữ liệu hiện tại — định dạng docx, html');

    const file = path.join(ws, 'xa', 'investment.yaml');
    writeFileSync(file, `# ghi chú của người nhập liệu, không đổi số liệu nào\n${readFileSync(file, 'utf8')}`);
    const comment = cli(ws, ['--check']);
    expect(comment.status, comment.stderr).toBe(0);
    expect(comment.stdout).toContain('out/xa: 2 tệp khớp');
    expect(comment.stderr).toContain('ghi chú C116: manifest.json ghi các đầu vào cũ hơn (xa/investment.yaml đã sửa)');
    expect(comment.stderr).not.toContain('đã cũ');

    writeFileSync(file, readFileSync(file, 'utf8').replace(/(\d)\.(\d{3}) triệu đồng/, (_, a: string, b: string) => `${Number(a) + 1}.${b} triệu đồng`));
    const stale = cli(ws, ['--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('out/xa: báo cáo đã cũ so với dữ liệu:');
  });
});

describe('the machine\'s faults, said plainly', () => {
  it('--out at an existing file: usage error, exit 2', () => {
    const { ws } = workspace();
    writeFileSync(path.join(ws, 'notes.txt'), 'not a folder');
    const r = cli(ws, ['--format', 'docx', '--out', 'notes.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lỗi C104: --out trỏ tới notes.txt, là một tệp chứ không phải thư mục');
    expect(r.stderr).toContain('gợi ý:');
    plain(r);
    expect(readFileSync(path.join(ws, 'notes.txt'), 'utf8')).toBe('not a folder');
  });

  it('out/<year> being a file: exit 1, naming it', () => {
    const { ws } = workspace();
    mkdirSync(path.join(ws, 'out'));
    writeFileSync(path.join(ws, 'out', 'xa'), 'x');
    const r = cli(ws, ['--format', 'docx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('lỗi C105: out/xa là một tệp, nên không tạo được thư mục xuất ở đó');
    plain(r);
  });

  const faults: [string, string, string][] = [
    ['write:1', 'C101', 'Hết chỗ trống trên đĩa khi ghi out/xa/'],
    ['write:1:EROFS', 'C102', 'ổ đĩa hoặc thư mục chỉ cho đọc'],
    ['lock', 'C102', 'Không ghi được out/xa: ổ đĩa hoặc thư mục chỉ cho đọc'],
    ['rename:1:EACCES', 'C103', `Không có quyền ghi out/xa/${NAME}.docx (EACCES)`],
    ['rename:1:EPERM', 'C103', '(EPERM)'],
    ['write:1:EIO', 'C106', 'hệ thống báo lỗi EIO'],
  ];
  for (const [fault, code, text] of faults) {
    it(`${fault}: ${code}, exit 1, no temp`, () => {
      const { ws, out } = workspace();
      const r = cli(ws, ['--format', 'docx'], fault);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`report: lỗi ${code}: `);
      expect(r.stderr).toContain(text);
      plain(r);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
  }

  it('in a --all worker thread too: the year fails with the plain message, exit 1', () => {
    const { ws } = workspace();
    cpSync(path.join(ws, 'xa'), path.join(ws, 'data', '2025'), { recursive: true });
    const r = runCli(['build', '--all', '--format', 'docx'], { cwd: ws, env: { CI: '1', BAOCAO_FAULT: 'write:1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2025: LỖI — lỗi C101: Hết chỗ trống trên đĩa khi ghi out/2025/');
    expect(r.stderr).toContain('gợi ý: Các tệp đã có trong thư mục xuất được giữ nguyên');
    plain(r);
    plain({ stderr: r.stdout });
  });

  it('in English with --lang en', () => {
    const { ws } = workspace();
    const r = runCli(['--lang', 'en', 'build', 'xa', '--format', 'docx'], { cwd: ws, env: { BAOCAO_FAULT: 'write:1' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('report: error C101: No space left on the disk while writing out/xa/');
    expect(r.stderr).toContain('hint: The existing outputs were kept');
  });

  it('--check of a folder it cannot write still checks; one holding an interrupted build says why it cannot', async () => {
    const { ws, out } = workspace();
    expect(cli(ws, ['--format', 'docx']).status).toBe(0);
    const ro = cli(ws, ['--check'], 'lock');
    expect(ro.status, ro.stderr).toBe(0);
    const build = await startPaused(ws, ['--format', 'docx', '--number', '7'], 'pause:rename:1:60000');
    process.kill(build.pid, 'SIGKILL');
    await build.done;
    const blocked = cli(ws, ['--check'], 'lock');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('lỗi C117');
    expect(cli(ws, ['--check']).status).toBe(0); // where it can write, it restores and checks
    expectOneSet(out);
  });
});

describe('the PDF writer process', () => {
  // Node warns at start-up when NODE_EXTRA_CA_CERTS names no file: the warning shows which
  // processes read the variable. Only the CLI's own process may: the writer's child starts
  // without it (writers/background.ts), and still writes the PDF.
  it('starts without NODE_EXTRA_CA_CERTS', () => {
    const { ws, out } = workspace();
    const r = runCli(['build', 'xa', '--format', 'pdf'], { cwd: ws, env: { CI: '1', NODE_EXTRA_CA_CERTS: path.join(ws, 'no-such-bundle.pem') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.match(/Ignoring extra certs/g)).toHaveLength(1);
    expect(readFileSync(path.join(out, `${NAME}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  // A bug in the writer process is said like any other internal error, with the error's own name
  // and message — not Node's raw stack from the child, then "the pdf writer process exited (1)".
  it('a failure in it is said as the internal error it is, and nothing is written', () => {
    const { ws, out } = workspace();
    const r = cli(ws, [], 'crash:pdf');
    expect(r.status).toBe(70);
    expect(r.stderr).toContain('report: lỗi nội bộ (TypeError: injected crash (BAOCAO_FAULT) in the pdf writer).');
    expect(r.stderr).not.toMatch(/Node\.js v\d|^\s+at /m);
    expect(existsSync(out)).toBe(false);
    const debug = runCli(['build', 'xa'], { cwd: ws, env: { CI: '1', BAOCAO_FAULT: 'crash:pdf', BAOCAO_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/^\s+at .*\n\s+\(in the pdf writer process\)$/m);
  });

  // Killed by the system (the out-of-memory killer's SIGKILL): the machine's fault, said as one.
  it('stopped by the system, it is C120 with what to do, exit 1, and nothing is written', () => {
    const { ws, out } = workspace();
    const r = cli(ws, [], 'kill:pdf');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('report: lỗi C120: Tiến trình ghi PDF bị hệ thống dừng (SIGKILL), thường là vì máy hết bộ nhớ');
    expect(r.stderr).toContain('NODE_OPTIONS=--max-old-space-size=4096');
    expect(r.stderr).not.toContain('lỗi nội bộ');
    expect(existsSync(out)).toBe(false);
  });
});
