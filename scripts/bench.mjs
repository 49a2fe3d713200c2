#!/usr/bin/env node
// Benchmark (never run by .ci/run or the tests: no test asserts a time). Prints the machine's
// core count and load beside every number — the machine is often shared, so read ratios taken in
// the same run rather than absolute times — and exits non-zero when a goal is missed.
//  • seed report, cold: `report build 2024` — validate, DOCX, PDF, both (median of --runs fresh
//    processes, peak RSS), an unchanged rebuild (skipped), `npx report` against the direct call,
//    the preview's update after a save. Goal: both formats ≤ 0.6 s.
//  • scale: the 2024 data with N generated projects (scripts/generate.mjs: 10 areas × N/10), each
//    format built alone, then each library alone on the very document baocao produced (dumped by
//    scripts/dump/register.mjs, run by scripts/dump/alone.mjs), and both formats together. Goals
//    at 10,000 rows: ≤ 1.5× the library's time and ≤ 1.25× its peak RSS per format; both formats
//    together faster than the two one after the other. Also the pdfmake profile of the document:
//    layout passes (each heading moved by pageBreakBefore lays out the whole document again),
//    inline pieces and table cells measured.
//  • `report build --all` over --folders generated folders (default 100): time and peak RSS.
//  • hostile inputs: refused (exit 1) under 2 s and 300 MB each; a file over the size limit and
//    an alias bomb refused under 1 s.
// Usage: npm run bench [-- --runs 7] [-- --rows 10000[,5000]] [-- --only seed,scale,all,hostile]
//        [-- --folders 100]. `--rows` alone runs only the scale part for those sizes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, homedir, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateData } from './generate.mjs';
import { MAX_FILE_BYTES } from '../dist/files/capped.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '7'));
const rowsArg = arg('--rows');
const ROWS = (rowsArg ?? '1000,5000,10000').split(',').map(Number).filter((n) => n > 0);
const ONLY = new Set((arg('--only') ?? (rowsArg ? 'scale' : 'seed,scale,all,hostile')).split(','));
const FOLDERS = Number(arg('--folders', '100'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const GOAL_MS = 600;
/** Goals checked at the end: [description, met]. */
const goals = [];
const machine = () => `${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
console.log(`baocao bench — node ${process.version}, ${machine()}`);

/**
 * One process under /usr/bin/time: wall time, peak RSS (MB; GNU time reports the largest process
 * of the run, a PDF writer child on its own) and CPU time (the process and its waited-for
 * children). Throws unless it exits with `status`.
 */
function timed(cmd, args, { env = {}, cwd = root, status = 0, timeout } = {}) {
  const options = { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26, ...(timeout ? { timeout, killSignal: 'SIGKILL' } : {}) };
  const started = process.hrtime.bigint();
  const r = timeBin ? spawnSync(timeBin, ['-f', '%M %U %S', cmd, ...args], options) : spawnSync(cmd, args, options);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Under /usr/bin/time a killed child shows as "Command terminated by signal".
  if (r.status !== status || /lỗi nội bộ/.test(r.stderr)) throw new Error(`${args.join(' ')}: expected exit ${status}, got ${r.status ?? r.signal}: ${r.stderr.slice(-800)}`);
  const [rssKb, user, sys] = timeBin ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, rssMb: rssKb / 1024, cpuMs: (user + sys) * 1000, stdout: r.stdout, stderr: r.stderr };
}

/** `run` given a fresh output folder, removed afterwards. */
function withOutput(run) {
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-bench-'));
  try {
    return run(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `report <args>` once, `$OUT` standing for a fresh output folder. */
const once = (args, env = {}) => withOutput((out) => timed(process.execPath, [path.join(root, 'bin/report.js'), ...args.map((a) => a.replace('$OUT', out))], { env }));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cases = [
  ['validate', ['validate', '2024']],
  ['build docx', ['build', '2024', '--format', 'docx', '--out', '$OUT']],
  ['build pdf', ['build', '2024', '--format', 'pdf', '--out', '$OUT']],
  ['build docx,pdf', ['build', '2024', '--format', 'docx,pdf', '--out', '$OUT']],
  // The same without the start-up bundle and its code caches (src/boot/code-cache.ts): what they buy.
  ['  unbundled', ['build', '2024', '--format', 'docx,pdf', '--out', '$OUT'], { BAOCAO_BUNDLE: '0' }],
];

let both = 0;
let npxOk = true;
let previewOk = true;
if (ONLY.has('seed')) {
once(cases[1][1]); // warm the file cache
const cache = /code cache: .*/.exec(once(cases[3][1], { BAOCAO_CODE_CACHE: 'report' }).stderr)?.[0] ?? 'code cache: not in use';
console.log(`seed report — ${runs} fresh processes each, median wall time, CPU time and peak RSS; ${cache} (main process)`);
// Node's own start-up, paid by the CLI's process and again by the PDF writer's: the floor under
// every figure below. NODE_EXTRA_CA_CERTS, when set, is parsed at every start (Node 20); the
// writer's process starts without it (src/writers/background.ts).
{
  const bare = median(Array.from({ length: runs }, () => timed(process.execPath, ['-e', '0']).ms));
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  const without = ca ? median(Array.from({ length: runs }, () => timed(process.execPath, ['-e', '0'], { env: { NODE_EXTRA_CA_CERTS: '' } }).ms)) : bare;
  console.log(`${'node -e 0'.padEnd(16)} ${bare.toFixed(0).padStart(6)} ms   (Node's start-up${ca ? `; ${without.toFixed(0)} ms without NODE_EXTRA_CA_CERTS=${ca}` : ''})`);
}
for (const [name, args, env] of cases) {
  const results = Array.from({ length: runs }, () => once(args, env));
  const ms = median(results.map((r) => r.ms));
  const cpu = median(results.map((r) => r.cpuMs));
  const rss = median(results.map((r) => r.rssMb));
  if (name === 'build docx,pdf') both = ms;
  const load = loadavg()[0].toFixed(2);
  console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms  cpu ${Number.isNaN(cpu) ? 'n/a' : cpu.toFixed(0).padStart(5) + ' ms'}  ${Number.isNaN(rss) ? '   n/a' : rss.toFixed(0).padStart(5) + ' MB'}   load ${load}`);
}
// An unchanged rebuild is skipped from the manifest (goal: well under 0.2 s).
{
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-bench-skip-'));
  const args = [path.join(root, 'bin/report.js'), 'build', '2024', '--out', out];
  spawnSync(process.execPath, args, { cwd: root });
  const results = Array.from({ length: runs }, () => {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (!/bỏ qua/.test(r.stdout)) throw new Error(`the unchanged rebuild was not skipped: ${r.stdout}${r.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  rmSync(out, { recursive: true, force: true });
  console.log(`${'skip unchanged'.padEnd(16)} ${median(results).toFixed(0).padStart(6)} ms   (goal < 200 ms)`);
  goals.push([`unchanged rebuild skipped < 200 ms (${median(results).toFixed(0)} ms)`, median(results) < 200]);
}

// The README's first command, `npx report build 2024`, first call included: npx links this
// checkout into its cache on the first call (which runs `prepare`, a no-op once dist/ is built
// from the current sources). npm's own start-up is a fixed cost outside the tool (measured here
// as `npx report --version` against `node bin/report.js --version`), so the goal is absolute —
// npx adds no work of its own: at most that start-up plus NPX_SLACK_MS over the direct call.
// (It was 1.5× the direct call, which a faster build makes harder to meet: npm's 0.65 s stays.)
const NPX_SLACK_MS = 250;
{
  const npxCache = path.join(process.env.npm_config_cache ?? path.join(homedir(), '.npm'), '_npx');
  const linksHere = (d) => {
    try { return readFileSync(path.join(npxCache, d, 'package.json'), 'utf8').includes(root); } catch { return false; }
  };
  if (existsSync(npxCache)) for (const d of readdirSync(npxCache)) if (linksHere(d)) rmSync(path.join(npxCache, d), { recursive: true, force: true });
  const buildMs = (cmd, args) => withOutput((out) => timed(cmd, [...args, '--out', out, '--force']).ms);
  const version = (cmd, args) => timed(cmd, [...args, '--version']).ms;
  const bin = path.join(root, 'bin/report.js');
  // Interleaved, one of each kind per round: on a shared machine the load drifts, and four
  // blocks run one after the other compared moments, not commands.
  const first = buildMs('npx', ['report', 'build', '2024']);
  const rounds = { npx: [first], direct: [], npxVersion: [], directVersion: [] };
  for (let i = 0; i < runs; i++) {
    if (i > 0) rounds.npx.push(buildMs('npx', ['report', 'build', '2024']));
    rounds.direct.push(buildMs(process.execPath, [bin, 'build', '2024']));
    rounds.npxVersion.push(version('npx', ['report']));
    rounds.directVersion.push(version(process.execPath, [bin]));
  }
  const npx = median(rounds.npx);
  const direct = median(rounds.direct);
  const npm = median(rounds.npxVersion) - median(rounds.directVersion);
  const limit = direct + npm + NPX_SLACK_MS;
  npxOk = first <= limit && npx <= limit;
  console.log(`${'npx first call'.padEnd(16)} ${first.toFixed(0).padStart(6)} ms   (node bin/report.js ${direct.toFixed(0)} ms + npm's start-up ${npm.toFixed(0)} ms; goal ≤ ${limit.toFixed(0)} ms)`);
  console.log(`${'npx report'.padEnd(16)} ${npx.toFixed(0).padStart(6)} ms   (${(npx - direct).toFixed(0)} ms over the direct call)`);
}

// The preview: from saving a data file to the rebuilt page being pushed (goal: under 1 s).
const PREVIEW_GOAL_MS = 1000;
{
  const work = mkdtempSync(path.join(tmpdir(), 'baocao-bench-preview-'));
  cpSync(path.join(root, 'data/2024'), path.join(work, 'data/2024'), { recursive: true });
  const file = path.join(work, 'data/2024/investment.yaml');
  const original = readFileSync(file, 'utf8');
  const server = spawn(process.execPath, [path.join(root, 'bin/report.js'), 'preview', '2024'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout.on('data', (d) => { out += d.toString(); });
  const waitFor = (pattern, from) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview: no "${pattern}" in ${out}`)), 30000);
    const poll = setInterval(() => { if (pattern.test(out.slice(from))) { clearInterval(poll); clearTimeout(timer); resolve(); } }, 5);
  });
  try {
    await waitFor(/Xem trước: http/, 0);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const from = out.length;
      const started = process.hrtime.bigint();
      writeFileSync(file, original.replace('allocation: 11.700 triệu đồng', `allocation: ${11701 + i} triệu đồng`.replace(/(\d)(\d{3}) /, '$1.$2 ')));
      await waitFor(/đã cập nhật/, from);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const ms = median(times);
    previewOk = ms < PREVIEW_GOAL_MS;
    console.log(`${'preview update'.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms   (save → page rebuilt; goal < ${PREVIEW_GOAL_MS} ms)`);
  } finally {
    server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

goals.push([`seed report, both formats ≤ ${GOAL_MS} ms (${both.toFixed(0)} ms on ${machine()})`, both <= GOAL_MS]);
goals.push([`npx report adds only npm's start-up (+ ${NPX_SLACK_MS} ms) to the direct call`, npxOk]);
goals.push(['preview updated < 1 s after a save', previewOk]);
}

if (ONLY.has('hostile')) {
// Hostile input is refused fast: an alias bomb and a file over the size limit (goal: < 1 s).
const REFUSAL_GOAL_MS = 1000;
let refusalOk = true;
for (const [name, prepare] of [
  ['refuse alias bomb', (dir) => cpSync(path.join(root, 'tests/fixtures/invalid/alias-bomb/overlay'), dir, { recursive: true })],
  ['refuse big file', (dir) => appendFileSync(path.join(dir, 'urban.yaml'), `# ${'x'.repeat(MAX_FILE_BYTES)}\n`)],
]) {
  const results = Array.from({ length: runs }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-bench-data-'));
    cpSync(path.join(root, 'data/2024'), dir, { recursive: true });
    prepare(dir);
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/report.js'), 'validate', dir], { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    rmSync(dir, { recursive: true, force: true });
    if (r.status !== 1) throw new Error(`${name}: expected exit 1, got ${r.status}`);
    return ms;
  });
  const ms = median(results);
  refusalOk &&= ms < REFUSAL_GOAL_MS;
  console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms   (goal < ${REFUSAL_GOAL_MS} ms)`);
}

// Hostile inputs (issue 18): each must be refused — exit 1, never a hang, an out-of-memory or an
// internal error — by a full `report build`, in under 2 s and 300 MB (time and peak RSS printed).
const HOSTILE_GOAL_MS = 2000;
const HOSTILE_GOAL_MB = 300;
const prepend = (file, text) => writeFileSync(file, text + readFileSync(file, 'utf8'));
let hostileOk = true;
for (const [name, prepare] of [
  ['FIFO *.yaml', (dir) => execFileSync('mkfifo', [path.join(dir, 'extra.yaml')])],
  ['/dev/zero link', (dir) => symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'))],
  ['alias x90 1.8 MB', (dir) => prepend(path.join(dir, 'urban.yaml'), `big: &big "${'x'.repeat(1_800_000)}"\nextra: [${Array(90).fill('*big').join(', ')}]\n`)],
  ['nesting 1M [', (dir) => prepend(path.join(dir, 'urban.yaml'), `deep: ${'['.repeat(1_000_000)}\n`)],
  ['nesting 500k - ', (dir) => prepend(path.join(dir, 'urban.yaml'), `deep:\n  ${'- '.repeat(500_000)}x\n`)],
  ['2.4 MB [a,a,…]', (dir) => prepend(path.join(dir, 'urban.yaml'), `extra: [${'a,'.repeat(1_200_000)}a]\n`)],
  ['1 MB string', (dir) => {
    const file = path.join(dir, 'investment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- name: Vốn đầu tư công phân cấp', () => `- name: Vốn đầu tư công phân cấp ${'Dự án '.repeat(170_000)}`));
  }],
]) {
  const results = Array.from({ length: Math.min(runs, 3) }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-bench-hostile-'));
    const out = mkdtempSync(path.join(tmpdir(), 'baocao-bench-out-'));
    cpSync(path.join(root, 'data/2024'), dir, { recursive: true });
    prepare(dir);
    try {
      // Exit 1 is the refusal.
      return timed(process.execPath, [path.join(root, 'bin/report.js'), 'build', dir, '--out', out], { status: 1, timeout: 60_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
  const ms = median(results.map((r) => r.ms));
  const rss = median(results.map((r) => r.rssMb));
  hostileOk &&= ms < HOSTILE_GOAL_MS && !(rss > HOSTILE_GOAL_MB);
  console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms   ${Number.isNaN(rss) ? '   n/a' : rss.toFixed(0).padStart(5) + ' MB'}   (goal < ${HOSTILE_GOAL_MS} ms, < ${HOSTILE_GOAL_MB} MB)`);
}
goals.push([`hostile inputs refused < ${HOSTILE_GOAL_MS} ms and < ${HOSTILE_GOAL_MB} MB`, hostileOk]);
goals.push([`big file and alias bomb refused < ${REFUSAL_GOAL_MS} ms`, refusalOk]);
}


/**
 * A process and its children (baocao's PDF writer runs in its own process, side by side with
 * the DOCX): wall time and peak memory, sampled every 20 ms from /proc. The processes run the
 * same node binary, whose pages (RssFile: the executable, ICU, libc) are in memory once, however
 * many processes map them: the peak counts each process's own memory (RssAnon, RssShmem) and
 * the file pages once (the largest process's), so a second process is charged for what it adds,
 * not for the binary it shares. For one process this is its RSS, as /usr/bin/time gives for a
 * library alone. The plain sum of the processes' RSS is returned too (rssSumMb), and printed.
 */
async function measuredTree(cmd, args, { env = {}, cwd = root } = {}) {
  const started = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const memoryOf = (pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { own: kb('RssAnon') + kb('RssShmem'), file: kb('RssFile'), rss: kb('VmRSS') };
    } catch { return { own: 0, file: 0, rss: 0 }; }
  };
  const childrenOf = (pid) => {
    try { return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch { return []; }
  };
  const tree = (pid) => [pid, ...childrenOf(pid).flatMap(tree)];
  let peakKb = 0;
  let peakSumKb = 0;
  const timer = setInterval(() => {
    const all = tree(child.pid).map(memoryOf);
    peakKb = Math.max(peakKb, all.reduce((n, m) => n + m.own, 0) + Math.max(0, ...all.map((m) => m.file)));
    peakSumKb = Math.max(peakSumKb, all.reduce((n, m) => n + m.rss, 0));
  }, 20);
  const status = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (status !== 0) throw new Error(`${args.join(' ')} exited ${status}: ${stderr.slice(-800)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rssMb: peakKb / 1024, rssSumMb: peakSumKb / 1024 };
}

const s1 = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
const mb = (x) => (Number.isNaN(x) ? '   n/a' : `${x.toFixed(0).padStart(5)} MB`);

/**
 * The scale part: for each N, the generated data built by baocao one format at a time and both
 * together, and each library alone on the document baocao produced (same run, alternated).
 */
async function scale(sizes) {
  const TIME_GOAL = 1.5;
  const RSS_GOAL = 1.25;
  for (const rows of sizes) {
    const work = mkdtempSync(path.join(tmpdir(), `baocao-bench-rows-${rows}-`));
    try {
      const data = path.join(work, 'data');
      generateData(data, { rows });
      const out = path.join(work, 'out');
      const cli = path.join(root, 'bin/report.js');
      // Peak memory of baocao and its PDF writer process together (they run side by side).
      const build = (format) => measuredTree(process.execPath, [cli, 'build', data, '--format', format, '--force', '--out', out]);
      // The documents baocao hands to the libraries (a dumping run is slower: never timed).
      const dump = path.join(work, 'dump');
      timed(process.execPath, ['--import', path.join(root, 'scripts/dump/register.mjs'), cli, 'build', data, '--format', 'docx,pdf', '--force', '--out', out], { env: { BAOCAO_DUMP: dump } });
      const stats = JSON.parse(readFileSync(path.join(dump, 'pdf-stats.json'), 'utf8'));
      const alone = (format) => {
        const r = timed(process.execPath, [path.join(root, 'scripts/dump/alone.mjs'), format, path.join(dump, format === 'docx' ? 'docx.json' : 'tree.json'), path.join(work, `alone.${format}`)]);
        const line = JSON.parse(r.stdout.trim().split('\n').pop());
        // Reading the dump, and baocao's tree → definition step (PDF), are not the library's work.
        return { ms: r.ms - line.parsedMs - (line.convertMs ?? 0), rssMb: r.rssMb, libraryMs: line.libraryMs };
      };
      console.log(`\nscale: ${rows.toLocaleString('en-US')} generated projects — ${machine()}`);
      console.log('  peak RSS: baocao with its PDF writer process, the shared node binary counted once (sampled every 20 ms; in brackets each process\'s RSS summed); a library alone is one process (/usr/bin/time)');
      console.log(`  pdfmake document: ${stats.layoutPasses} layout pass(es) (${stats.headingsMoved} heading(s) moved by pageBreakBefore), ${stats.inlines.toLocaleString('en-US')} inline pieces, ${stats.tableCells.toLocaleString('en-US')} table cells`);
      const result = {};
      for (const format of ['docx', 'pdf']) {
        const ours = await build(format);
        const lib = alone(format);
        const t = ours.ms / lib.ms;
        const m = ours.rssMb / lib.rssMb;
        result[format] = ours;
        console.log(`  ${format.padEnd(5)} baocao ${s1(ours.ms)} ${mb(ours.rssMb)} (${mb(ours.rssSumMb).trim()})   library alone ${s1(lib.ms)} ${mb(lib.rssMb)} (in the library ${s1(lib.libraryMs)})   ratio ${t.toFixed(2)}× time, ${m.toFixed(2)}× RSS`);
        if (rows === 10000) {
          goals.push([`10,000 rows ${format}: ≤ ${TIME_GOAL}× the library's time (${t.toFixed(2)}×)`, t <= TIME_GOAL]);
          goals.push([`10,000 rows ${format}: ≤ ${RSS_GOAL}× the library's peak RSS (${m.toFixed(2)}×)`, m <= RSS_GOAL]);
        }
      }
      const both = await build('docx,pdf');
      const sequential = result.docx.ms + result.pdf.ms;
      console.log(`  both  baocao ${s1(both.ms)} ${mb(both.rssMb)}   the two one after the other ${s1(sequential)} (${(both.ms / sequential).toFixed(2)}×)`);
      if (rows === 10000) goals.push([`10,000 rows: both formats together faster than one after the other (${s1(both.ms).trim()} vs ${s1(sequential).trim()})`, both.ms < sequential]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** `report build --all` over `count` generated folders (copies of the 2024 data). */
function buildAll(count) {
  const work = mkdtempSync(path.join(tmpdir(), 'baocao-bench-all-'));
  try {
    for (let i = 1; i <= count; i++) cpSync(path.join(root, 'data/2024'), path.join(work, 'data', `xa-${String(i).padStart(3, '0')}`), { recursive: true });
    const r = timed(process.execPath, [path.join(root, 'bin/report.js'), 'build', '--all', '--out', 'out'], { cwd: work, env: { CI: '1' } });
    const last = r.stdout.trim().split('\n').pop();
    console.log(`\n--all over ${count} folders (both formats): ${s1(r.ms)} ${mb(r.rssMb)} — ${last} — ${machine()}`);
    goals.push([`--all over ${count} folders finishes`, /xong|done/.test(last)]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (ONLY.has('scale')) await scale(ROWS);
if (ONLY.has('all')) buildAll(FOLDERS);

console.log(`\ngoals — ${machine()}`);
for (const [what, met] of goals) console.log(`${met ? 'met   ' : 'MISSED'}  ${what}`);
process.exitCode = goals.every(([, met]) => met) ? 0 : 1;
