// The output set (src/cli/output-set.ts) on real files in a temp folder, with faults injected
// through BAOCAO_FAULT (src/cli/faults.ts): a failure at any step of writing a set leaves the
// previous set byte-identical and no temp behind; the lock refuses a live holder and takes over
// a dead one's; recovery sweeps what dead processes left. Kills between steps are in
// tests/e2e/outputs.test.ts, which runs the real CLI.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type OutputSet = typeof import('../../../src/cli/output-set.js');

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
afterEach(() => { delete process.env.BAOCAO_FAULT; });

/** The module loaded afresh with BAOCAO_FAULT set to `spec` (the hook reads it once, on load). */
async function load(spec?: string): Promise<OutputSet> {
  if (spec) process.env.BAOCAO_FAULT = spec;
  else delete process.env.BAOCAO_FAULT;
  vi.resetModules();
  return import('../../../src/cli/output-set.js');
}

function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'baocao-set-'));
  dirs.push(d);
  return d;
}

/** Every entry of the folder with the SHA-256 of its bytes: the set as a reader sees it. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => [n, createHash('sha256').update(readFileSync(path.join(dir, n))).digest('hex')]));
}

const enc = (s: string) => new TextEncoder().encode(s);
const set = (tag: string) => [
  { name: 'r.docx', bytes: enc(`docx ${tag} `.repeat(50)) },
  { name: 'r.pdf', bytes: enc(`pdf ${tag} `.repeat(50)) },
  { name: 'manifest.json', bytes: enc(`{"build":"${tag}"}\n`) },
];

/** A PID that is certainly not running: a child that has exited (and been reaped). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('commitSet', () => {
  it('puts a whole set in place and leaves nothing else', async () => {
    const m = await load();
    const dir = folder();
    expect(await m.commitSet(dir, set('A'), [])).toEqual([]);
    expect(Object.keys(snapshot(dir))).toEqual(['manifest.json', 'r.docx', 'r.pdf']);
    expect(readFileSync(path.join(dir, 'r.pdf'), 'utf8')).toContain('pdf A');
    await m.commitSet(dir, set('B'), []);
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toContain('"B"');
    expect(Object.keys(snapshot(dir))).toEqual(['manifest.json', 'r.docx', 'r.pdf']);
  });

  it('removes outputs the new set no longer has, in the same commit', async () => {
    const m = await load();
    const dir = folder();
    await m.commitSet(dir, set('A'), []);
    const docxOnly = set('B').filter((f) => f.name !== 'r.pdf');
    expect(await m.commitSet(dir, docxOnly, ['r.pdf', 'never-existed.pdf'])).toEqual(['r.pdf']);
    expect(Object.keys(snapshot(dir))).toEqual(['manifest.json', 'r.docx']);
  });

  // Every step of the write: each staged file (the third is the manifest), the journal, each
  // rename and the removal of a stale output.
  const faults: [string, string][] = [
    ['write:1', 'C101'], ['write:2', 'C101'], ['write:3', 'C101'], ['write:4', 'C101'],
    ['write:1:EROFS', 'C102'], ['write:2:EACCES', 'C103'], ['write:2:EIO', 'C106'],
    ['rename:1', 'C103'], ['rename:2', 'C103'], ['rename:3', 'C103'], ['rename:manifest:EPERM', 'C103'],
    ['rename:pdf:EBUSY', 'C103'], ['rename:r.stale.html:EROFS', 'C102'],
  ];
  for (const [spec, code] of faults) {
    it(`${spec}: the previous set stays byte-identical, no temp is left, the fault is ${code}`, async () => {
      const dir = folder();
      await (await load()).commitSet(dir, [...set('A').slice(0, 2), { name: 'r.stale.html', bytes: enc('old html') }, set('A')[2]], []);
      const before = snapshot(dir);
      const m = await load(spec);
      const err = await m.commitSet(dir, set('B'), ['r.stale.html']).then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ code });
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a failed first build leaves the folder as empty as it was', async () => {
    const dir = folder();
    const m = await load('rename:manifest');
    await expect(m.commitSet(dir, set('A'), [])).rejects.toMatchObject({ code: 'C103' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('machineFault', () => {
  it('maps the errno of a file-system error to a plain message code, and leaves bugs alone', async () => {
    const m = await load();
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(m.machineFault(e('ENOSPC'), '/o')).toMatchObject({ code: 'C101', args: { path: '/o' }, exit: 1 });
    expect(m.machineFault(e('EDQUOT'), '/o')).toMatchObject({ code: 'C101' });
    expect(m.machineFault(e('EROFS'), '/o')).toMatchObject({ code: 'C102' });
    expect(m.machineFault(e('EACCES'), '/o')).toMatchObject({ code: 'C103', args: { errno: 'EACCES' } });
    expect(m.machineFault(e('EPERM'), '/o')).toMatchObject({ code: 'C103', args: { errno: 'EPERM' } });
    expect(m.machineFault(e('ENOTDIR'), '/o')).toMatchObject({ code: 'C105' });
    expect(m.machineFault(e('EIO'), '/o')).toMatchObject({ code: 'C106', args: { errno: 'EIO' } });
    const bug = new TypeError('x is undefined');
    expect(m.machineFault(bug, '/o')).toBe(bug);
  });
});

describe('the lock', () => {
  it('refuses a second holder in this process, and is free again once released', async () => {
    const m = await load();
    const dir = folder();
    const { lock } = await m.acquireLock(dir, 'build 2025');
    await expect(m.acquireLock(dir, 'build 2025 --draft')).rejects.toMatchObject({ code: 'C100', args: { pid: process.pid, command: 'build 2025' } });
    await lock.release();
    expect(readdirSync(dir)).toEqual([]);
    const again = await m.acquireLock(dir, 'build 2025');
    await again.lock.release();
  });

  it('refuses while another live process holds it, naming its PID', async () => {
    const m = await load();
    const dir = folder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path.join(dir, m.LOCK_NAME), JSON.stringify({ pid: holder.pid, token: 't', command: 'build 2025 --number 7' }));
      await expect(m.acquireLock(dir, 'build 2025')).rejects.toMatchObject({ code: 'C100', args: { pid: holder.pid, command: 'build 2025 --number 7' } });
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a dead process and says whose it was', async () => {
    const m = await load();
    const dir = folder();
    const pid = deadPid();
    writeFileSync(path.join(dir, m.LOCK_NAME), JSON.stringify({ pid, token: 't', command: 'build 2025' }));
    const { lock, staleLockPid } = await m.acquireLock(dir, 'build 2025');
    expect(staleLockPid).toBe(pid);
    expect(JSON.parse(readFileSync(path.join(dir, m.LOCK_NAME), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('a lock that cannot be written is the machine fault it is', async () => {
    const m = await load('lock');
    await expect(m.acquireLock(folder(), 'build 2025')).rejects.toMatchObject({ code: 'C102' });
  });
});

describe('recover', () => {
  it('sweeps temps and backups of dead processes and of older versions, keeps the set', async () => {
    const m = await load();
    const dir = folder();
    await m.commitSet(dir, set('A'), []);
    const pid = deadPid();
    for (const junk of [`.baocao-${pid}-r.pdf.tmp`, `.baocao-${pid}-r.docx.bak`, `.r.pdf.${pid}.tmp`]) writeFileSync(path.join(dir, junk), 'junk');
    const before = snapshot(dir);
    expect(await m.recover(dir)).toEqual({ swept: 3 });
    expect(Object.keys(snapshot(dir))).toEqual(['manifest.json', 'r.docx', 'r.pdf']);
    for (const name of ['manifest.json', 'r.docx', 'r.pdf']) expect(snapshot(dir)[name]).toBe(before[name]);
  });

  it('an unreadable journal is said to be one, not guessed at', async () => {
    const m = await load();
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, m.JOURNAL_NAME), '{ half');
    await expect(m.recover(dir)).rejects.toMatchObject({ code: 'C107' });
  });

  it('a journal naming paths outside the folder (say, committed in a pull request) is not acted on', async () => {
    const m = await load();
    const parent = folder();
    const dir = path.join(parent, 'out');
    mkdirSync(dir);
    writeFileSync(path.join(parent, 'precious.txt'), 'keep me');
    writeFileSync(path.join(dir, '.baocao-1-m.tmp'), '{}'); // not committed: recovery would roll back
    writeFileSync(path.join(dir, m.JOURNAL_NAME), JSON.stringify({
      journal: 1, pid: 1, entries: [{ name: '../precious.txt', backup: '.baocao-1-x.bak', existed: false }, { name: 'manifest.json', temp: '.baocao-1-m.tmp', backup: '.baocao-1-m.bak', existed: false }],
    }));
    await expect(m.recover(dir)).rejects.toMatchObject({ code: 'C107' });
    expect(readFileSync(path.join(parent, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe('BAOCAO_FAULT grammar', () => {
  it('parses every rule and rejects an unknown one', async () => {
    vi.resetModules();
    const { parseFaults } = await import('../../../src/cli/faults.js');
    expect(parseFaults('write:2,rename:manifest:EPERM,pause:rename:1:500,delay:20,lock:EACCES')).toEqual([
      { kind: 'fail', step: 'write', which: '2', errno: undefined },
      { kind: 'fail', step: 'rename', which: 'manifest', errno: 'EPERM' },
      { kind: 'pause', step: 'rename', which: '1', ms: 500 },
      { kind: 'delay', ms: 20 },
      { kind: 'fail', step: 'lock', which: '1', errno: 'EACCES' },
    ]);
    expect(parseFaults(undefined)).toEqual([]);
    expect(() => parseFaults('explode:1')).toThrow(/unknown rule/);
  });
});
