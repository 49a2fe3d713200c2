// Issue 6, end to end: the real CLI (`node bin/report.js …`) run in a temporary workspace that
// holds a copy of the repository's data folder (templates come from the package). Manifests and
// `--check`, the skip of an unchanged build, `--all` on two years in parallel, `report diff`
// (folders and git revisions), the draft mark, number and date, and the GitHub workflow: valid
// YAML whose commands are the README's, run here as the workflow would run them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CLI, ROOT, docxParagraphs, docxXml, norm, pdfPages, runCli } from '../helpers/outputs.js';
import { itWithTool } from '../helpers/tools.js';
import { unzipSync, strFromU8 } from 'fflate';

const NAME = 'bao-cao-chu-de-nam-2024';
const workspaces: string[] = [];

/** A fresh folder holding a copy of data/2024 (and nothing else of the repository). */
function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'baocao-ci-'));
  workspaces.push(ws);
  cpSync(path.join(ROOT, 'data', '2024'), path.join(ws, 'data', '2024'), { recursive: true });
  return ws;
}

/** data/<from> copied to data/<to>, its report year changed. */
function copyYear(ws: string, from: string, to: string): void {
  cpSync(path.join(ws, 'data', from), path.join(ws, 'data', to), { recursive: true });
  const file = path.join(ws, 'data', to, 'report.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^year: \d{4}$/m, `year: ${to}`).replace(/^(\s+year:) \d{4}$/m, `$1 ${to}`));
}

/** Raise the allocation of project via-he-an-lao by 1.000 triệu đồng (11.700 → 12.700). */
function raiseAllocation(dataDir: string): void {
  const file = path.join(dataDir, 'investment.yaml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/(- id: via-he-an-lao[\s\S]*?allocation: )11\.700 triệu đồng/, '$112.700 triệu đồng');
  expect(next).not.toBe(text);
  writeFileSync(file, next);
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function cli(ws: string, args: string[]) {
  return runCli(args, { cwd: ws, env: { CI: '1' } });
}

afterAll(() => {
  for (const ws of workspaces) rmSync(ws, { recursive: true, force: true });
});

describe('manifest, skip and --check', () => {
  let ws: string;
  beforeAll(() => {
    ws = workspace();
  });

  it('a build writes out/<year>/manifest.json: tool, inputs, settings, output hashes', () => {
    const r = cli(ws, ['build', '2024']);
    expect(r.status, r.stderr).toBe(0);
    const out = path.join(ws, 'out', '2024');
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.tool.name).toBe('baocao');
    expect(m.tool.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(m.tool.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(m.settings).toEqual({ formats: ['docx', 'pdf'], draft: false, number: null, date: null });
    const dataFiles = readdirSync(path.join(ws, 'data', '2024')).filter((f) => f.endsWith('.yaml')).map((f) => `data/2024/${f}`);
    for (const f of dataFiles) expect(m.inputs[f]).toBe(sha256(path.join(ws, f)));
    // Templates are the package's own here, named the same on every machine.
    expect(m.inputs['baocao:templates/chu-de-nam/main.hbs']).toBe(sha256(path.join(ROOT, 'templates/chu-de-nam/main.hbs')));
    for (const ext of ['docx', 'pdf']) {
      const file = path.join(out, `${NAME}.${ext}`);
      expect(m.outputs[`${NAME}.${ext}`]).toEqual({ sha256: sha256(file), bytes: statSync(file).size });
    }
  });

  // How fast the skip is (goal: well under 0.2 s) is measured by `npm run bench`.
  it('a second build with unchanged inputs is skipped, and says so', () => {
    const out = path.join(ws, 'out', '2024');
    const before = readdirSync(out).map((f) => [f, statSync(path.join(out, f)).mtimeMs]);
    const r = cli(ws, ['build', '2024']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/không đổi từ lần dựng trước — bỏ qua sau (\d+ ms|\d+,\d s)/);
    expect(r.stderr).toBe(''); // no compile happened, so no diagnostics
    expect(readdirSync(out).map((f) => [f, statSync(path.join(out, f)).mtimeMs])).toEqual(before);
    // A setting that changes the output is a change: --format pdf rebuilds.
    const pdfOnly = cli(ws, ['build', '2024', '--format', 'pdf']);
    expect(pdfOnly.stdout).toContain('đã ghi');
    const again = cli(ws, ['build', '2024', '--force']);
    expect(again.stdout).toContain(`đã ghi out/2024/${NAME}.docx`);
  });

  it('--check passes on fresh outputs and fails after a data edit, naming the file', () => {
    const fresh = cli(ws, ['build', '2024', '--check']);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('out/2024: 3 tệp khớp với bản dựng lại');

    const out = path.join(ws, 'out', '2024');
    const hashes = readdirSync(out).map((f) => sha256(path.join(out, f)));
    raiseAllocation(path.join(ws, 'data', '2024'));
    const stale = cli(ws, ['build', '2024', '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('out/2024: báo cáo đã cũ so với dữ liệu:');
    expect(stale.stderr).toContain(`out/2024/${NAME}.docx: khác với bản dựng lại`);
    expect(stale.stderr).toContain(`out/2024/${NAME}.pdf: khác với bản dựng lại`);
    expect(stale.stderr).toMatch(/vì:\n {2}data\/2024\/investment\.yaml đã sửa\n/);
    expect(stale.stderr).not.toMatch(/(report|communes|digital)\.yaml đã sửa/);
    // --check writes nothing.
    expect(readdirSync(out).map((f) => sha256(path.join(out, f)))).toEqual(hashes);

    // The edit is not skipped by a plain build; afterwards --check passes again.
    const rebuilt = cli(ws, ['build', '2024']);
    expect(rebuilt.stdout).toContain('đã ghi');
    expect(cli(ws, ['build', '2024', '--check']).status).toBe(0);

    // An output edited by hand after the build is stale too, and said to be.
    writeFileSync(path.join(out, `${NAME}.pdf`), 'sửa tay');
    const edited = cli(ws, ['build', '2024', '--check']);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain(`out/2024/${NAME}.pdf: khác với bản dựng lại từ dữ liệu hiện tại (tệp đã bị sửa sau lần dựng ghi trong manifest.json)`);
    expect(cli(ws, ['build', '2024']).stdout).toContain('đã ghi'); // and a plain build repairs it
  }, 300000);

  it('--check uses the settings recorded in the manifest', () => {
    const w2 = workspace();
    expect(cli(w2, ['build', '2024', '--draft', '--number', '5', '--date', '2024-12-05']).status).toBe(0);
    expect(cli(w2, ['build', '2024', '--check']).status).toBe(0);
    const other = cli(w2, ['build', '2024', '--check', '--number', '6']);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('tùy chọn --number: 05 → 06');
  });
});

describe('report build --all', () => {
  it('builds two years in parallel worker threads, one summary line each', () => {
    const ws = workspace();
    copyYear(ws, '2024', '2025');
    const r = cli(ws, ['build', '--all', '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const built = lines.slice(0, 2).map((l) => /^(\d{4}): đã dựng — docx [\d,]+ KB, pdf [\d,]+ KB(?: — \d+ cảnh báo)? — [\d,]+ (?:ms|s) \(luồng (\d+)\)$/.exec(l));
    expect(built.every(Boolean), r.stdout).toBe(true);
    expect(built.map((m) => m![1]).sort()).toEqual(['2024', '2025']);
    expect(new Set(built.map((m) => m![2])).size).toBe(2); // two different threads
    expect(lines[2]).toMatch(/^xong 2 năm sau .*: 2 đã dựng — 2 luồng, tối đa 2 năm cùng lúc$/);
    for (const y of ['2024', '2025']) {
      for (const f of [`bao-cao-chu-de-nam-${y}.docx`, `bao-cao-chu-de-nam-${y}.pdf`, 'manifest.json']) {
        expect(existsSync(path.join(ws, 'out', y, f)), f).toBe(true);
      }
    }
    // No progress display when not on a terminal: only the plain lines, nothing on stderr.
    expect(r.stderr).toBe('');

    // Unchanged years are skipped; one broken year fails the whole run, the other still builds.
    const file = path.join(ws, 'data', '2025', 'investment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('total: 676.373 triệu đồng', 'total: 676.373'));
    const failed = cli(ws, ['build', '--all']);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^2024: không đổi, bỏ qua/m);
    expect(failed.stdout).toMatch(/^2025: LỖI — \d+ lỗi, không ghi tệp nào/m);
    expect(failed.stderr).toMatch(/^data\/2025\/investment\.yaml:\d+:\d+: error L011/m);
    expect(failed.stdout).toMatch(/1 bỏ qua, 1 lỗi/);
  });
});

describe('report diff', () => {
  let ws: string;
  beforeAll(() => {
    ws = workspace();
    cpSync(path.join(ws, 'data', '2024'), path.join(ws, 'raised'), { recursive: true });
    raiseAllocation(path.join(ws, 'raised'));
  });

  it('one allocation raised by 1.000 triệu shows that row and every total it feeds, and nothing else', () => {
    const r = cli(ws, ['diff', '2024', 'raised']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('So sánh số liệu: 2024 (cũ) → raised (mới)');
    const rows = lines.filter((l) => /triệu đồng/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Cải tạo, chỉnh trang dải trung tâm.*\s11\.700 triệu đồng\s+12\.700 triệu đồng\s+\+1\.000 triệu đồng\s+raised\/investment\.yaml:\d+$/);
    expect(rows[1]).toMatch(/^Vốn phân bổ: Chỉnh trang đô thị\s+59\.370 triệu đồng\s+60\.370 triệu đồng\s+\+1\.000 triệu đồng\s+raised\/investment\.yaml:/);
    expect(rows[2]).toMatch(/^Tổng vốn đã phân bổ cho các lĩnh vực của Chủ đề năm\s+554\.467 triệu đồng\s+555\.467 triệu đồng\s+\+1\.000 triệu đồng\s+raised\/investment\.yaml:/);
    expect(r.stdout).toMatch(/3 số liệu thay đổi, 0 số liệu thêm mới, 0 số liệu bị bỏ \(bản mới có \d+ số liệu\)/);
  });

  it('as Markdown for a pull-request comment: the three figures by id, nothing else', () => {
    const r = cli(ws, ['diff', '2024', 'raised', '--format', 'markdown']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Số liệu') && !l.startsWith('| ---'));
    const ids = rows.map((l) => /<sub>`([^`]+)`/.exec(l)![1]);
    expect(ids).toEqual(['investment.project.via-he-an-lao', 'investment.area.chinh-trang-do-thi', 'investment.allocated']);
    for (const row of rows) expect(row).toContain('| +1.000 triệu đồng |');
    expect(r.stdout.startsWith('#### Số liệu thay đổi: `2024` → `raised`')).toBe(true);
  });

  it('no change, no rows; a side with errors fails with its positions', () => {
    const same = cli(ws, ['diff', '2024', '2024']);
    expect(same.stdout).toContain('Không có số liệu nào thay đổi');
    cpSync(path.join(ws, 'data', '2024'), path.join(ws, 'broken'), { recursive: true });
    const file = path.join(ws, 'broken', 'investment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('total: 676.373 triệu đồng', 'total: 676.373'));
    const bad = cli(ws, ['diff', '2024', 'broken']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^broken\/investment\.yaml:\d+:\d+: error L011/m);
  });

  it('reads a side from git: report diff HEAD~1:2024 2024', () => {
    const repo = gitWorkspace();
    const r = cli(repo, ['diff', 'HEAD~1:2024', '2024']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /\+1\.000 triệu đồng/.test(l))).toHaveLength(3);
    // Both sides from git; source lines name the revision they were read from.
    const md = cli(repo, ['diff', 'HEAD~1:2024', 'HEAD:data/2024', '--format', 'markdown']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/`HEAD:data\/2024\/investment\.yaml:\d+`/);
    const unknown = cli(repo, ['diff', 'nope:2024', '2024']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('không có phiên bản git "nope"');
  });
});

/** A throwaway git repository: data/2024 committed, then the raised allocation committed. */
function gitWorkspace(): string {
  const ws = workspace();
  const git = (...args: string[]) => execFileSync('git', args, {
    cwd: ws, stdio: 'pipe',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  writeFileSync(path.join(ws, '.gitignore'), 'out/\nreport-diff.md\nbin/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'dữ liệu 2024');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  raiseAllocation(path.join(ws, 'data', '2024'));
  git('commit', '-q', '-am', 'nâng vốn một dự án');
  return ws;
}

describe('draft, number and date', () => {
  let ws: string;
  beforeAll(() => {
    ws = workspace();
  });

  it('--draft marks every page of the PDF and of the DOCX, and the manifest; a normal build has no mark', () => {
    const r = cli(ws, ['build', '2024', '--draft', '--out', 'draft']);
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(ws, 'draft', '2024', `${NAME}.pdf`);
    const docx = path.join(ws, 'draft', '2024', `${NAME}.docx`);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => expect(norm(p), `PDF page ${i + 1}`).toContain('DỰ THẢO'));
    // DOCX: every header part (default and first-page, of every section) carries the mark.
    const parts = unzipSync(readFileSync(docx));
    const headers = Object.keys(parts).filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(strFromU8(parts[h]), h).toContain('DỰ THẢO');
    expect(JSON.parse(readFileSync(path.join(ws, 'draft', '2024', 'manifest.json'), 'utf8')).settings.draft).toBe(true);

    const plain = cli(ws, ['build', '2024', '--out', 'plain']);
    expect(plain.status, plain.stderr).toBe(0);
    for (const p of pdfPages(path.join(ws, 'plain', '2024', `${NAME}.pdf`))) expect(p).not.toContain('DỰ THẢO');
    const plainParts = unzipSync(readFileSync(path.join(ws, 'plain', '2024', `${NAME}.docx`)));
    for (const [n, bytes] of Object.entries(plainParts)) if (n.endsWith('.xml')) expect(strFromU8(bytes), n).not.toContain('DỰ THẢO');
  });

  itWithTool('soffice')('the draft DOCX as Word would print it (LibreOffice → PDF): the mark on every page', () => {
    const docx = path.join(ws, 'draft', '2024', `${NAME}.docx`);
    const outDir = path.join(ws, 'lo');
    const profile = path.join(ws, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'pipe', timeout: 120000 });
    const pages = pdfPages(path.join(outDir, `${NAME}.pdf`));
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => expect(norm(p), `DOCX page ${i + 1}`).toContain('DỰ THẢO'));
  }, 180000);

  it('the number and date stay blank with room to write them in, as in the reference', () => {
    const paras = docxParagraphs(docxXml(path.join(ws, 'plain', '2024', `${NAME}.docx`)));
    const nb = '\u00a0'.repeat(6);
    expect(paras.some((p) => p.includes(`Số:${nb}/BC-UBND`))).toBe(true);
    expect(paras.some((p) => p.includes(`An Lão, ngày${nb}tháng${nb}năm 2024`))).toBe(true);
  });

  it('--number 5 --date 2024-12-05 prints "Số: 05/BC-UBND" and "An Lão, ngày 05 tháng 12 năm 2024"', () => {
    const r = cli(ws, ['build', '2024', '--number', '5', '--date', '2024-12-05', '--out', 'issued']);
    expect(r.status, r.stderr).toBe(0);
    // The document's number is part of the file names (two reports of a year never collide).
    const first = norm(pdfPages(path.join(ws, 'issued', '2024', `${NAME}-so-05.pdf`))[0]);
    expect(first).toContain('Số: 05/BC-UBND');
    expect(first).toContain('An Lão, ngày 05 tháng 12 năm 2024');
    const paras = docxParagraphs(docxXml(path.join(ws, 'issued', '2024', `${NAME}-so-05.docx`))).map(norm);
    expect(paras.some((p) => p.includes('Số: 05/BC-UBND'))).toBe(true);
    expect(paras.some((p) => p.includes('An Lão, ngày 05 tháng 12 năm 2024'))).toBe(true);
    const m = JSON.parse(readFileSync(path.join(ws, 'issued', '2024', 'manifest.json'), 'utf8'));
    expect(m.settings).toMatchObject({ number: '05', date: '2024-12-05' });
  });

  it('a date before what the data already knows fails with a positioned message; nothing is written', () => {
    const r = cli(ws, ['build', '2024', '--date', '2024-11-15', '--out', 'early']);
    expect(r.status).toBe(1);
    // The report cites a decision of 20/11/2024: positioned at that date in report.yaml.
    const line = readFileSync(path.join(ws, 'data/2024/report.yaml'), 'utf8').split('\n').findIndex((l) => /date: 20\/11\/2024/.test(l)) + 1;
    expect(r.stderr).toMatch(new RegExp(`^data/2024/report\\.yaml:${line}:\\d+: error V501: Ngày ban hành 15/11/2024 \\(--date\\) trước ngày của .* \\(20/11/2024`, 'm'));
    expect(r.stderr).toContain('Không ghi tệp nào');
    expect(existsSync(path.join(ws, 'early'))).toBe(false);

    const before = cli(ws, ['build', '2024', '--date', '2024-10-31', '--out', 'early']);
    expect(before.stderr).toMatch(/^data\/2024\/digital\.yaml:\d+:\d+: error V502: Ngày ban hành 31\/10\/2024 \(--date\) trước mốc số liệu 11\/2024/m);
  });

  it('impossible dates and numbers are usage errors; report.yaml obeys the same rules', () => {
    const impossible = cli(ws, ['build', '2024', '--date', '2024-02-30']);
    expect(impossible.status).toBe(2);
    expect(impossible.stderr).toContain('--date "2024-02-30": ngày không tồn tại');
    expect(cli(ws, ['build', '2024', '--number', '0']).status).toBe(2);

    const w2 = workspace();
    const file = path.join(w2, 'data/2024/report.yaml');
    const text = readFileSync(file, 'utf8');
    const dated = text.replace(/^ {2}date:\n {4}year: 2024$/m, '  date: { year: 2024, month: 10, day: 1 }').replace('number: ""', 'number: "005"');
    expect(dated).not.toBe(text);
    writeFileSync(file, dated);
    const line = (re: RegExp) => dated.split('\n').findIndex((l) => re.test(l)) + 1;
    const r = cli(w2, ['build', '2024']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^data/2024/report\\.yaml:${line(/^ {2}date:/)}:\\d+: error V501: Ngày ban hành 01/10/2024 \\(report\\.yaml\\)`, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^data/2024/report\\.yaml:${line(/^ {2}date:/)}:\\d+: error V502:`, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^data/2024/report\\.yaml:${line(/number: "005"/)}:\\d+: error V503: Số văn bản "005" không hợp lệ`, 'm'));
  });
});


// ---------------------------------------------------------------- the GitHub workflow

interface Step { name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface Job { if?: string; steps: Step[]; permissions?: Record<string, string> }

const workflowText = readFileSync(path.join(ROOT, '.github/workflows/reports.yml'), 'utf8');
const workflow = parseYaml(workflowText) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const ciSection = readme.slice(readme.indexOf('## Dùng trong CI'));

describe('.github/workflows/reports.yml', () => {
  it('is valid YAML with the pull-request and main-branch jobs the issue asks for', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect((workflow.on.push as { branches: string[] }).branches).toEqual(['main']);
    const { review, build } = workflow.jobs;
    for (const job of [review, build]) {
      expect(job.steps.map((s) => s.uses).filter(Boolean)).toEqual(expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4']));
      expect(job.steps.find((s) => s.uses === 'actions/setup-node@v4')!.with!['node-version']).toBe(20);
      expect(job.steps.some((s) => s.run === 'npm ci')).toBe(true);
    }
    expect(review.if).toContain("'pull_request'");
    expect(review.permissions).toMatchObject({ 'pull-requests': 'write' });
    const reviewRuns = review.steps.map((s) => s.run ?? '').join('\n');
    expect(reviewRuns).toContain('npx report validate "$(basename "$dir")" --format github');
    expect(reviewRuns).toContain('npx report diff "$BASE:$year" "$year" --format markdown');
    expect(review.steps.find((s) => s.run?.includes('report diff'))!.env!.BASE).toBe('origin/${{ github.base_ref }}');
    expect(review.steps.some((s) => s.uses === 'actions/github-script@v7')).toBe(true);
    expect(build.if).toContain("!= 'pull_request'");
    expect(build.steps.map((s) => s.run ?? '').join('\n')).toContain('npx report build --all');
    const upload = build.steps.find((s) => s.uses === 'actions/upload-artifact@v4')!;
    expect(String(upload.with!.path)).toMatch(/\.docx[\s\S]*\.pdf/);
  });

  it('runs the commands the README documents, word for word', () => {
    const commands = Object.values(workflow.jobs)
      .flatMap((j) => j.steps.map((s) => s.run ?? ''))
      .flatMap((run) => run.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l.includes('npx report'))
      .map((l) => l.replace(/^run: /, ''));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const c of commands) expect(ciSection, c).toContain(c);
    // The shell of each step is in the README as a whole, not only its report lines.
    for (const step of workflow.jobs.review.steps.filter((s) => s.run && s.run.includes('for dir in'))) {
      const body = step.run!.split('\n').filter((l) => !l.includes('GITHUB_STEP_SUMMARY') && !/^\s*(exit|status=0)/.test(l) && l.trim());
      for (const l of body) expect(ciSection, l).toContain(l.trim());
    }
  });

  it('running those commands locally works (in a git repository with a base branch)', () => {
    const repo = gitWorkspace();
    // `npx report` in an office's repository runs the installed baocao; here, this checkout's.
    const bin = path.join(repo, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\nif [ "$1" = report ]; then shift; exec "${process.execPath}" "${CLI}" "$@"; fi\necho "npx $*: not available in this test" >&2; exit 127\n`);
    chmodSync(path.join(bin, 'npx'), 0o755);
    const summary = path.join(repo, 'step-summary.md');
    const run = (step: Step) => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        CI: 'true',
        GITHUB_STEP_SUMMARY: summary,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace('${{ github.base_ref }}', 'main')])),
      },
    });
    const shellSteps = (job: Job) => job.steps.filter((s) => s.run && s.run !== 'npm ci');
    const manifests = () => existsSync(path.join(repo, 'out')) && readdirSync(path.join(repo, 'out')).some((y) => existsSync(path.join(repo, 'out', y, 'manifest.json')));

    // Pull request: validate (annotations), check only when reports are committed, diff.
    for (const step of shellSteps(workflow.jobs.review)) {
      if (step.if?.includes("hashFiles('out/*/manifest.json')") && !manifests()) continue;
      const r = run(step);
      expect(r.status, `${step.name}\n${r.stdout}\n${r.stderr}`).toBe(0);
      if (step.run!.includes('validate')) expect(r.stdout + r.stderr).toMatch(/^::warning file=data\/2024\/[a-z-]+\.yaml,line=\d+,col=\d+,title=V301::/m);
    }
    const diff = readFileSync(path.join(repo, 'report-diff.md'), 'utf8');
    expect(diff).toContain('#### Số liệu thay đổi: `origin/main:2024` → `2024`');
    expect(diff.split('\n').filter((l) => l.includes('| +1.000 triệu đồng |'))).toHaveLength(3);
    expect(readFileSync(summary, 'utf8')).toBe(diff);

    // Push to main: build everything; then the pull-request check step passes on those outputs.
    for (const step of shellSteps(workflow.jobs.build)) {
      const r = run(step);
      expect(r.status, `${step.name}\n${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^2024: đã dựng/m);
    }
    for (const f of [`${NAME}.docx`, `${NAME}.pdf`]) expect(existsSync(path.join(repo, 'out', '2024', f))).toBe(true);
    const check = workflow.jobs.review.steps.find((s) => s.if?.includes('hashFiles'))!;
    expect(manifests()).toBe(true);
    const checked = run(check);
    expect(checked.status, checked.stderr).toBe(0);
  }, 120000);
});
