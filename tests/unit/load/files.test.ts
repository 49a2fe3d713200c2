// Safe reading of a data folder: regular files inside it only, reads capped at the limit,
// every refusal a diagnostic that says what is wrong and what to do.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileError, folderError, listDataFolder, readDataFile } from '../../../src/load/files.js';
import { readCappedSync } from '../../../src/files/capped.js';

function folder(): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), 'baocao-files-')));
}

describe('readDataFile', () => {
  it('reads a regular file, and a link to one inside the folder', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.yaml'), 'a: 1\n');
    symlinkSync('a.yaml', path.join(dir, 'b.yaml'));
    for (const f of ['a.yaml', 'b.yaml']) {
      const r = await readDataFile(path.join(dir, f), f, { root: dir });
      expect(Buffer.from(r.value!).toString()).toBe('a: 1\n');
    }
  });

  it('checks the size on the bytes read, never reading more than limit + 1', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(300_000));
    const r = await readDataFile(path.join(dir, 'big.yaml'), 'big.yaml', { root: dir, limit: 100_000 });
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['L003']);
  });

  it('refuses a FIFO without blocking, a device, a folder, links out, looping and broken links', async () => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    mkdirSync(path.join(dir, 'dir.yaml'));
    symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
    symlinkSync('gone', path.join(dir, 'broken.yaml'));
    const codes: Record<string, string> = {};
    for (const f of ['fifo.yaml', 'zero.yaml', 'dir.yaml', 'loop.yaml', 'broken.yaml']) {
      const r = await readDataFile(path.join(dir, f), `data/${f}`, { root: dir });
      expect(r.value).toBeNull();
      expect(r.diagnostics[0]).toMatchObject({ file: `data/${f}`, line: 1, column: 1 });
      expect(r.diagnostics[0].message).toContain(`data/${f}`);
      expect(r.diagnostics[0].hint).toBeTruthy();
      codes[f] = r.diagnostics[0].code;
    }
    expect(codes).toEqual({ 'fifo.yaml': 'L015', 'zero.yaml': 'L016', 'dir.yaml': 'L015', 'loop.yaml': 'L017', 'broken.yaml': 'L018' });
  }, 30_000);
});

describe('readCappedSync (for hashing)', () => {
  it('is null for a FIFO and a device, and capped for a regular file', () => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    expect(readCappedSync(path.join(dir, 'fifo.yaml'))).toBeNull();
    expect(readCappedSync('/dev/zero')).toBeNull();
    writeFileSync(path.join(dir, 'a.yaml'), 'x'.repeat(1000));
    expect(readCappedSync(path.join(dir, 'a.yaml'), 10)!.length).toBe(11);
  }, 30_000);
});

describe('file-system errors in words', () => {
  const at = { file: 'data/x.yaml', line: 1, column: 1 };
  const err = (code: string) => Object.assign(new Error(code), { code });
  it.each([['ELOOP', 'L017'], ['ENOENT', 'L018'], ['EACCES', 'L019'], ['EPERM', 'L019'], ['EISDIR', 'L015'], ['EIO', 'L001']])('%s → %s', (errno, code) => {
    const d = fileError(err(errno), at);
    expect(d.code).toBe(code);
    expect(d.message).not.toMatch(/^[^:]*: E[A-Z]+$/);
    expect(d.en?.message).toBeTruthy();
    expect(d.hint).toBeTruthy();
  });

  it('says EIO in words, in both languages', () => {
    const d = fileError(err('EIO'), at);
    expect(d.message).toContain('lỗi đọc ổ đĩa');
    expect(d.en?.message).toContain('disk read error');
  });

  it('a folder that cannot be listed is L020 naming it', async () => {
    expect(folderError(err('EACCES'), 'data/2024')).toMatchObject({ code: 'L020', file: 'data/2024' });
    const r = await listDataFolder(path.join(folder(), 'missing'), 'data/missing');
    expect(r.value).toBeNull();
    expect(r.diagnostics[0].message).toContain('thư mục không tồn tại');
    expect(r.diagnostics[0].en?.message).toContain('the folder does not exist');
  });
});
