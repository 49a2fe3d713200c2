/**
 * The output folder as one set: a build's DOCX, PDF and manifest.json appear together or not at
 * all, whatever fails and whenever the process is killed.
 *
 * How, as far as a file system gives it: every file is first staged as a temp in the folder
 * (`.baocao-<pid>-<name>.tmp`, flushed to disk). Then a journal (`.baocao-journal.json`) records
 * the plan, each file the set replaces or removes is kept as a hard-linked backup
 * (`.baocao-<pid>-<name>.bak`), and the files are put in place in a fixed order — reports,
 * then removals of outputs the new set no longer has, then manifest.json last: its rename is the
 * commit. Any failure the process sees rolls back (backups renamed over, new files removed) and
 * leaves the previous set. After a kill, the next `build` or `--check` finds the journal and
 * either completes the set (the manifest's temp is gone: it was renamed, so the set committed)
 * or rolls it back, then removes every temp and backup left behind.
 *
 * Only one process writes a folder at a time: `.baocao-lock` holds the PID of the build that
 * owns it. A second build refuses, naming that PID; a lock whose process is dead is stale and
 * taken over. Under the lock, every `.baocao-*` temp or backup in the folder is garbage of a
 * process that died, and is removed.
 *
 * File-system errors leave here as MachineError (C101–C106), naming the path: a full disk or a
 * read-only folder is the machine's fault, not a bug. Fault injection for tests: faults.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { injected } from './faults.js';
import { MachineError } from './io.js';

export const LOCK_NAME = '.baocao-lock';
export const JOURNAL_NAME = '.baocao-journal.json';
/** Temps, backups and lock candidates of this module: `.baocao-<pid>-<anything>.tmp|.bak`. */
const STRAY = /^\.baocao-(\d+)-.+\.(tmp|bak)$/;
/** Temps of the tool's versions before the output set: `.<name>.<pid>.tmp`. */
const LEGACY_STRAY = /^\..+\.(\d+)\.tmp$/;

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

interface JournalEntry {
  name: string;
  /** The staged new content; absent for a removal. */
  temp?: string;
  backup: string;
  /** Whether `name` existed when the journal was written (a new file is removed on rollback). */
  existed: boolean;
}

interface Journal {
  journal: 1;
  pid: number;
  /** In the order they are put in place; the last is manifest.json, the commit marker. */
  entries: JournalEntry[];
}

/** What the recovery of an interrupted set did, for the CLI to tell the user. */
export interface Recovery {
  /** `completed`: the set had committed; `restored`: the previous set was put back. */
  set?: 'completed' | 'restored';
  /** Temps and backups of dead processes removed. */
  swept: number;
}

const tempName = (name: string) => `.baocao-${process.pid}-${name}.tmp`;
const backupName = (name: string) => `.baocao-${process.pid}-${name}.bak`;

function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** A file-system error as the machine fault it is (C101–C106); anything else is a bug, rethrown as is. */
export function machineFault(err: unknown, file: string): Error {
  if (err instanceof MachineError) return err;
  const code = errnoOf(err);
  if (!code) return err as Error;
  switch (code) {
    case 'ENOSPC': case 'EDQUOT': return new MachineError('C101', { path: file });
    case 'EROFS': return new MachineError('C102', { path: file });
    case 'EACCES': case 'EPERM': case 'EBUSY': return new MachineError('C103', { path: file, errno: code });
    case 'ENOTDIR': case 'EISDIR': case 'EEXIST': return new MachineError('C105', { path: file });
    default: return new MachineError('C106', { path: file, errno: code });
  }
}

/** Run one file-system step, turning its error into a machine fault about `file`. */
async function step<T>(file: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw machineFault(err, file);
  }
}

/** Write a file and flush it to disk; an injected write fault stops half-way, as a full disk does. */
async function writeDurably(file: string, bytes: Uint8Array | string): Promise<void> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const fault = await injected('write', file);
  const handle = await fs.open(file, 'w');
  try {
    if (fault) {
      await handle.write(data.subarray(0, data.length >> 1));
      throw fault;
    }
    await handle.write(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Rename, or unlink when `from` is null; an injected fault fails the step before it happens. */
async function place(dir: string, from: string | null, to: string): Promise<void> {
  const fault = await injected('rename', to);
  if (fault) throw fault;
  if (from === null) await fs.rm(path.join(dir, to), { force: true });
  else await fs.rename(path.join(dir, from), path.join(dir, to));
}

/** Flush the folder's entries (the renames) to disk, where the platform allows it. */
async function syncDir(dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, 'r');
    try { await h.sync(); } finally { await h.close(); }
  } catch {
    // Windows and some file systems cannot fsync a folder; the renames still happened.
  }
}

/** Keep `name` as `backup` without copying it: a second link to the same bytes. */
async function keepBackup(dir: string, name: string, backup: string): Promise<void> {
  const from = path.join(dir, name);
  const to = path.join(dir, backup);
  await fs.rm(to, { force: true });
  try {
    await fs.link(from, to);
  } catch (err) {
    // File systems without hard links (some network and FAT drives): a copy does the same job.
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EOPNOTSUPP'].includes(errnoOf(err) ?? '')) throw err;
    await fs.copyFile(from, to);
  }
}

// ---- the lock -------------------------------------------------------------------------------

export interface Lock {
  dir: string;
  token: string;
  release(): Promise<void>;
}

interface LockBody { pid: number; token: string; command: string }

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return errnoOf(err) === 'EPERM';
  }
  // A killed process nobody has reaped yet (a zombie: common in containers, whose first
  // process often reaps nothing) still answers signal 0, but will never release its lock.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX] /s.test(stat);
  } catch {
    return true; // no /proc (macOS, Windows): signal 0 is all there is
  }
}

function readLock(file: string): LockBody | null {
  try {
    const body = JSON.parse(readFileSync(file, 'utf8')) as LockBody;
    return typeof body.pid === 'number' && typeof body.token === 'string' ? body : null;
  } catch {
    return null;
  }
}

/**
 * Take the folder's lock, or refuse (C100, naming the holder's PID) while a live process holds
 * it. The lock file appears whole or not at all: written as a temp, then hard-linked to its
 * name, which fails if the name exists. A lock of a dead process is moved aside and checked
 * to be the one that was read before it is deleted, so two processes taking over the same
 * stale lock cannot both win.
 */
export async function acquireLock(dir: string, command: string): Promise<{ lock: Lock; staleLockPid?: number }> {
  const file = path.join(dir, LOCK_NAME);
  const token = randomBytes(8).toString('hex');
  const body: LockBody = { pid: process.pid, token, command };
  const tmp = path.join(dir, `.baocao-${process.pid}-${token}.lock.tmp`);
  let staleLockPid: number | undefined;
  await step(dir, async () => {
    const fault = await injected('lock', file);
    if (fault) throw fault;
    await fs.writeFile(tmp, `${JSON.stringify(body)}\n`);
  });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await fs.link(tmp, file);
        return { lock: lockHandle(dir, file, token), staleLockPid };
      } catch (err) {
        if (errnoOf(err) !== 'EEXIST') {
          if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP'].includes(errnoOf(err) ?? '')) throw machineFault(err, dir);
          // No hard links here: exclusive create does the same, with a moment where the file is empty.
          try {
            await fs.writeFile(file, `${JSON.stringify(body)}\n`, { flag: 'wx' });
            return { lock: lockHandle(dir, file, token), staleLockPid };
          } catch (e) {
            if (errnoOf(e) !== 'EEXIST') throw machineFault(e, dir);
          }
        }
      }
      const holder = readLock(file);
      if (holder && heldByLiveProcess(file, holder)) {
        throw new MachineError('C100', { path: dir, pid: holder.pid, command: holder.command });
      }
      if (!holder && existsSync(file) && Date.now() - statSync(file).mtimeMs < 5000) {
        // Being written right now by the exclusive-create fallback: wait a moment and look again.
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const aside = path.join(dir, `.baocao-${process.pid}-stale-lock.tmp`);
      try {
        await fs.rename(file, aside);
      } catch (err) {
        if (errnoOf(err) === 'ENOENT') continue; // someone else moved it: try again
        throw machineFault(err, dir);
      }
      const moved = readLock(aside);
      if (holder && moved && moved.token !== holder.token) {
        // Another process took the stale lock over between our read and our move: give it back.
        await fs.link(aside, file).catch(() => {});
        await fs.rm(aside, { force: true });
        throw new MachineError('C100', { path: dir, pid: moved.pid, command: moved.command });
      }
      await fs.rm(aside, { force: true });
      staleLockPid = holder?.pid ?? staleLockPid ?? 0;
    }
    throw new MachineError('C100', { path: dir, pid: readLock(file)?.pid ?? '?', command: readLock(file)?.command ?? '?' });
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * A lock of another live process holds; so does one of this process made since it started (two
 * data folders of one year in `--all`). One of this PID made before this process started was
 * left by an earlier process that had the same PID (PIDs repeat in containers): stale.
 */
function heldByLiveProcess(file: string, holder: LockBody): boolean {
  if (holder.pid !== process.pid) return processAlive(holder.pid);
  const started = Date.now() - process.uptime() * 1000;
  try {
    return statSync(file).mtimeMs >= started - 1000;
  } catch {
    return false;
  }
}

function lockHandle(dir: string, file: string, token: string): Lock {
  return {
    dir,
    token,
    release: async () => {
      // A lock that cannot be removed (the disk went read-only meanwhile) is left to go stale:
      // its PID dies with this process and the next build takes it over.
      if (readLock(file)?.token === token) await fs.rm(file, { force: true }).catch(() => {});
    },
  };
}

// ---- recovery -------------------------------------------------------------------------------

function readJournal(dir: string): Journal | null {
  const file = path.join(dir, JOURNAL_NAME);
  if (!existsSync(file)) return null;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    if (j.journal === 1 && Array.isArray(j.entries) && j.entries.length && j.entries.every(sound)) return j;
  } catch {
    // fall through
  }
  // The journal is written whole (temp, then rename), so an unreadable one was edited by hand;
  // one naming paths outside the folder may come from a pull request: neither is acted on.
  throw new MachineError('C107', { path: file });
}

/** An entry this module could have written: plain names in the folder, its own temp and backup names. */
function sound(e: JournalEntry): boolean {
  const plain = (n: unknown) => typeof n === 'string' && n !== '' && n !== '.' && n !== '..' && !/[\\/]/.test(n);
  return plain(e.name) && plain(e.backup) && STRAY.test(e.backup) && (e.temp === undefined || (plain(e.temp) && STRAY.test(e.temp)))
    && typeof e.existed === 'boolean';
}

/** True when a journal's set committed: the manifest's temp was renamed into place. */
function committed(dir: string, j: Journal): boolean {
  const last = j.entries[j.entries.length - 1];
  return !!last.temp && !existsSync(path.join(dir, last.temp));
}

/** Put the previous set back: backups renamed over, files that are new removed, temps deleted. */
async function rollBack(dir: string, j: Journal): Promise<void> {
  for (const e of [...j.entries].reverse()) {
    const final = path.join(dir, e.name);
    if (existsSync(path.join(dir, e.backup))) await step(final, () => fs.rename(path.join(dir, e.backup), final));
    else if (!e.existed) await step(final, () => fs.rm(final, { force: true }));
  }
  await finish(dir, j);
}

/**
 * Drop what a committed (or rolled back) set no longer needs. The journal goes first: once the
 * files are right it has done its job, and a temp or backup a kill leaves after it is swept.
 */
async function finish(dir: string, j: Journal): Promise<void> {
  await syncDir(dir);
  await step(path.join(dir, JOURNAL_NAME), () => fs.rm(path.join(dir, JOURNAL_NAME), { force: true }));
  for (const e of j.entries) {
    if (e.temp) await step(path.join(dir, e.temp), () => fs.rm(path.join(dir, e.temp!), { force: true }));
    await step(path.join(dir, e.backup), () => fs.rm(path.join(dir, e.backup), { force: true }));
  }
}

/** Whether the folder holds a set interrupted by a kill (a journal), without touching it. */
export function interrupted(dir: string): boolean {
  return existsSync(path.join(dir, JOURNAL_NAME));
}

/**
 * Under the lock: complete or roll back an interrupted set, then remove temps and backups left
 * by dead processes (and by this module's versions before the lock existed).
 */
export async function recover(dir: string): Promise<Recovery> {
  const out: Recovery = { swept: 0 };
  const j = readJournal(dir);
  if (j) {
    if (committed(dir, j)) {
      await finish(dir, j);
      out.set = 'completed';
    } else {
      await rollBack(dir, j);
      out.set = 'restored';
    }
  }
  for (const name of readdirSync(dir)) {
    const stray = STRAY.exec(name);
    const legacy = LEGACY_STRAY.exec(name);
    // Under the lock no other process writes here, so every temp and backup is garbage — but
    // for the lock candidate of a live process that is trying to take the lock right now.
    const candidateOfLive = !!stray && name.endsWith('.lock.tmp') && Number(stray[1]) !== process.pid && processAlive(Number(stray[1]));
    if ((stray && !candidateOfLive) || (legacy && !processAlive(Number(legacy[1])))) {
      await step(path.join(dir, name), () => fs.rm(path.join(dir, name), { force: true }));
      out.swept++;
    }
  }
  return out;
}

// ---- writing a set --------------------------------------------------------------------------

/**
 * Put a new set in place under the lock: `files` (manifest.json last) replace their namesakes,
 * `remove` lists outputs of the previous set that this one does not have. Either every change
 * happens or, when any step fails, none: the previous set is restored and the error is thrown
 * as the machine fault it is. Returns the names actually removed.
 */
export async function commitSet(dir: string, files: readonly OutputFile[], remove: readonly string[]): Promise<string[]> {
  const staged: string[] = [];
  try {
    for (const f of files) {
      const temp = tempName(f.name);
      staged.push(temp);
      await step(path.join(dir, f.name), () => writeDurably(path.join(dir, temp), f.bytes));
    }
  } catch (err) {
    await Promise.all(staged.map((t) => fs.rm(path.join(dir, t), { force: true })));
    throw err;
  }

  const removals = remove.filter((name) => !files.some((f) => f.name === name) && existsSync(path.join(dir, name)));
  const entry = (name: string, temp?: string): JournalEntry => ({ name, temp, backup: backupName(name), existed: existsSync(path.join(dir, name)) });
  const entries = [
    ...files.slice(0, -1).map((f, i) => entry(f.name, staged[i])),
    ...removals.map((name) => entry(name)),
    entry(files[files.length - 1].name, staged[staged.length - 1]),
  ];
  const journal: Journal = { journal: 1, pid: process.pid, entries };
  const journalTemp = path.join(dir, tempName('journal'));
  try {
    await step(dir, async () => {
      await writeDurably(journalTemp, `${JSON.stringify(journal, null, 2)}\n`);
      await fs.rename(journalTemp, path.join(dir, JOURNAL_NAME));
    });
  } catch (err) {
    await fs.rm(journalTemp, { force: true });
    await Promise.all(staged.map((t) => fs.rm(path.join(dir, t), { force: true })));
    throw err;
  }
  await syncDir(dir);

  try {
    for (const e of entries) if (e.existed) await step(path.join(dir, e.name), () => keepBackup(dir, e.name, e.backup));
    for (const e of entries) await step(path.join(dir, e.name), () => place(dir, e.temp ?? null, e.name));
  } catch (err) {
    try {
      await rollBack(dir, journal);
    } catch {
      // The journal stays: the next build or --check finishes the rollback. Say so.
      if (err instanceof MachineError) err.notes.push({ code: 'C118', args: { path: dir } });
    }
    throw err;
  }
  // Committed. Cleaning up is best effort: what is left, the next run's recovery removes.
  await injected('commit', dir);
  await finish(dir, journal).catch(() => {});
  return removals;
}
