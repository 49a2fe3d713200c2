// Progress on long work, through the real CLI: `report build --all` shows a counter on a terminal
// (run under `script`, a pseudo-terminal) and one plain line per folder otherwise; a single build
// past the threshold names each stage it enters — as plain lines in a log, as one status line
// rewritten in place on a terminal. BAOCAO_PROGRESS_AFTER_MS=0 stands in for a slow build, so
// nothing here depends on how fast the machine is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, ROOT, runCli } from '../helpers/outputs.js';

let work: string;
const FOLDERS = ['xa-1', 'xa-2', 'xa-3', 'xa-4'];
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'baocao-progress-'));
  for (const f of FOLDERS) cpSync(path.join(ROOT, 'data/2024'), path.join(work, 'data', f), { recursive: true });
});
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

/** The CLI under a pseudo-terminal (util-linux `script`): what a clerk's terminal shows. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
  const { CI: _ci, GITHUB_ACTIONS: _gh, ...rest } = process.env;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: work, encoding: 'utf8', env: { ...rest, ...env } });
  return r.stdout;
}

/** Terminal cases need util-linux `script`; without it they are skipped, not faked. */
const script = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0 ? it : it.skip;

describe('build --all', () => {
  it('not on a terminal: one plain line per folder, then the tally; no cursor movement', () => {
    const r = runCli(['build', '--all', '--format', 'docx', '--force'], { cwd: work, env: { CI: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    for (const f of FOLDERS) expect(lines.filter((l) => l.startsWith(`${f}: đã dựng — docx`))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^xong 4 năm sau .*: 4 đã dựng/);
    expect(r.stdout + r.stderr).not.toContain('\r');
  });

  script('on a terminal: a counter of the folders done while they build', () => {
    const out = onTerminal(['build', '--all', '--format', 'docx', '--force', '--jobs', '1']);
    expect(out).toMatch(/\r\x1b\[K. \[0\/4\] đang dựng: xa-1/);
    expect(out).toMatch(/\[3\/4\] đang dựng: xa-4/);
    expect(out).toMatch(/xong 4 năm sau/);
  });
});

describe('a single long build', () => {
  it('not on a terminal: a plain line for each stage, in order', () => {
    const r = runCli(['build', 'xa-1', '--format', 'docx', '--force'], { cwd: work, env: { BAOCAO_PROGRESS_AFTER_MS: '0' } });
    expect(r.status, r.stderr).toBe(0);
    const stages = r.stderr.split('\n').filter((l) => l.startsWith('… đang ')).map((l) => l.replace(/ \(sau [\d,]+ s\)$/, ''));
    expect(stages).toEqual(['… đang đọc dữ liệu', '… đang kiểm tra dữ liệu', '… đang tổng hợp số liệu', '… đang dựng nội dung từ mẫu', '… đang ghi DOCX', '… đang lưu tệp']);
  });

  it('a quick build says nothing of its stages', () => {
    const r = runCli(['build', 'xa-1', '--format', 'docx', '--force'], { cwd: work, env: { BAOCAO_PROGRESS_AFTER_MS: '600000' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('… đang');
  });

  script('on a terminal: one status line rewritten in place, cleared before the result', () => {
    const out = onTerminal(['build', 'xa-1', '--format', 'docx', '--force'], { BAOCAO_PROGRESS_AFTER_MS: '0' });
    expect(out).toMatch(/\r\x1b\[K… đang ghi DOCX \([\d,]+ s\)/);
    expect(out).toMatch(/\r\x1b\[K(\r\n)?đã ghi /);
  });
});
