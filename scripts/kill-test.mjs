#!/usr/bin/env node
// Kill test of the output set (issue 17): `report build` of a small report (the data of
// tests/fixtures/valid/xa-2025, DOCX and PDF) is killed with SIGKILL at a random moment, again
// and again, alternating between two versions of the data (an area of 811 or 822 triệu đồng),
// so that two consecutive sets differ. After each kill the next `report build --check` must put
// the folder right (complete or undo the interrupted set), and then the folder must hold one
// build's set: manifest.json, every output it lists with the recorded SHA-256, nothing else —
// no temp, backup, journal or lock — and the DOCX showing the figure of the data version that
// manifest.json records. Half the runs kill at any moment of an untouched build; the other half
// at a moment of writing the set, widened with the test-only hook BAOCAO_FAULT=delay:60 so that
// kills land between the steps (staging, journal, backups, each rename, clean-up).
//
//   node scripts/kill-test.mjs [--runs 30] [--seed <n>] [--keep]
//
// Needs the compiled tool (`npm run build`). Exit status 0 when every run ended consistent, 1
// with the first inconsistency described. The seed is printed, so a failure can be replayed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'report.js');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'valid', 'xa-2025', 'data');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '30'));
const SEED = Number(option('--seed', String(Date.now() % 1_000_000)));
const KEEP = args.includes('--keep');

/** mulberry32: a small seeded generator, so a run can be replayed with --seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);

const ws = mkdtempSync(path.join(tmpdir(), 'baocao-kill-'));
const data = path.join(ws, 'xa');
const out = path.join(ws, 'out', 'xa'); // one output folder per data folder
cpSync(FIXTURE, data, { recursive: true });
const investment = path.join(data, 'investment.yaml');
const original = readFileSync(investment, 'utf8');
const FIGURES = ['811', '822'];
const variants = FIGURES.map((v) => {
  const text = original.replace(/(- id: chuyen-doi-so[\s\S]*?allocation: )850 triệu đồng/, `$1${v} triệu đồng`);
  if (text === original) throw new Error('kill-test: the fixture changed; update the figure this script edits');
  return text;
});
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const variantOf = Object.fromEntries(variants.map((t, i) => [sha256(Buffer.from(t)), FIGURES[i]]));

function fail(message) {
  process.stderr.write(`kill-test: FAILED (seed ${SEED}): ${message}\nfolder kept: ${ws}\n`);
  process.exit(1);
}

/** Run the CLI to completion. */
function run(cliArgs, env = {}) {
  const r = spawnSync(process.execPath, [CLI, ...cliArgs], { cwd: ws, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } });
  if (/lỗi nội bộ|internal error/.test(r.stderr)) fail(`report ${cliArgs.join(' ')} reported an internal error:\n${r.stderr}`);
  return r;
}

/**
 * Start a build and SIGKILL it `ms` after it starts — or, with `afterWrite`, `ms` after it
 * begins writing the set (BAOCAO_FAULT's marker `pause:write:1:0` says when). Resolves with
 * whether it finished before the kill.
 */
function buildAndKill(ms, env, afterWrite) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', 'xa', '--force'], { cwd: ws, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let timer = afterWrite ? undefined : setTimeout(() => child.kill('SIGKILL'), ms);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d.toString('utf8');
      if (afterWrite && !timer && stderr.includes('BAOCAO_FAULT: pause before write 1')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ finished: signal === null, code });
    });
  });
}

/** The folder holds one build's set, and its DOCX shows the figure of the data that set records. */
function checkOneSet(when) {
  const names = readdirSync(out).sort();
  if (!names.includes('manifest.json')) fail(`${when}: no manifest.json in ${out} (${names.join(', ')})`);
  const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const expected = ['manifest.json', ...Object.keys(m.outputs)].sort();
  if (names.join('\n') !== expected.join('\n')) fail(`${when}: the folder holds ${names.join(', ')}; the set is ${expected.join(', ')}`);
  for (const [name, o] of Object.entries(m.outputs)) {
    if (sha256(readFileSync(path.join(out, name))) !== o.sha256) fail(`${when}: ${name} is not the file manifest.json records`);
  }
  const figure = variantOf[m.inputs['xa/investment.yaml']];
  const docx = Object.keys(m.outputs).find((n) => n.endsWith('.docx'));
  if (!docx) fail(`${when}: the set has no DOCX`);
  // A number and its unit are joined by a no-break space in the DOCX.
  const xml = strFromU8(unzipSync(readFileSync(path.join(out, docx)))['word/document.xml']).replace(/\u00a0/g, ' ');
  if (!figure || !xml.includes(`${figure} triệu đồng`)) fail(`${when}: the DOCX does not show ${figure} triệu đồng, the figure of the data manifest.json records`);
  return figure;
}

const t0 = Date.now();
// The first set, and how long a build takes (plain, and with the write window widened).
writeFileSync(investment, variants[0]);
let s = Date.now();
if (run(['build', 'xa']).status !== 0) fail('the first build failed');
const plainMs = Date.now() - s;
checkOneSet('after the first build');
process.stdout.write(`kill-test: seed ${SEED}, ${RUNS} runs; a build takes ${plainMs} ms\n`);

const seen = { old: 0, new: 0, finished: 0 };
for (let i = 1; i <= RUNS; i++) {
  const before = checkOneSet(`before run ${i}`);
  const next = FIGURES.find((f) => f !== before);
  writeFileSync(investment, variants[FIGURES.indexOf(next)]);
  // Odd runs: a kill anywhere in a plain build. Even runs: anywhere in the write window, widened
  // to about 0,6 s (ten steps of 60 ms) — staging, journal, backups, renames, clean-up.
  const widened = i % 2 === 0;
  const at = Math.round(widened ? rand() * 900 : rand() * plainMs * 1.1);
  const r = await buildAndKill(at, widened ? { BAOCAO_FAULT: 'delay:60,pause:write:1:0' } : { BAOCAO_FAULT: '' }, widened);
  const check = run(['build', 'xa', '--check', '--format', 'docx']);
  if (check.status !== 0 && check.status !== 1) fail(`run ${i}: --check after the kill exited ${check.status}:\n${check.stderr}`);
  const after = checkOneSet(`run ${i}, after the kill at ${at} ms and --check`);
  const what = r.finished ? 'finished before the kill' : after === next ? 'killed; the new set stands' : 'killed; the previous set stands';
  seen[r.finished ? 'finished' : after === next ? 'new' : 'old']++;
  const recovery = /C110/.test(check.stderr) ? ' (interrupted set completed)' : /C111/.test(check.stderr) ? ' (interrupted set undone)' : '';
  process.stdout.write(`run ${String(i).padStart(2)}/${RUNS}: kill ${String(at).padStart(5)} ms ${widened ? 'into the write (delay:60)' : 'into the build'}: ${what}${recovery}\n`);
}

// And the folder is still fit for use: a plain build ends with the current data's set.
if (run(['build', 'xa']).status !== 0) fail('the build after the kills failed');
const last = checkOneSet('after the last build');
if (last !== FIGURES[variants.indexOf(readFileSync(investment, 'utf8'))]) fail('the last build does not show the current data');
if (!KEEP) rmSync(ws, { recursive: true, force: true });
process.stdout.write(`kill-test: ok — ${RUNS} kills, always one consistent set and no stray file ` +
  `(${seen.old} left the previous set, ${seen.new} the new one, ${seen.finished} finished first) in ${Math.round((Date.now() - t0) / 1000)} s\n`);
if (existsSync(ws) && !KEEP) fail('could not remove the workspace');
