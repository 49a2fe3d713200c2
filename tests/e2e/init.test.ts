// `report init`: an agency's data repository gets a package.json that depends on baocao and a
// .gitignore that keeps node_modules and build temporaries out of git but commits out/; files
// already there are never overwritten, and baocao's own folder is refused.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/outputs.js';

describe('report init', () => {
  it('writes package.json, .gitignore and data/ into an empty folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-init-'));
    const r = runCli(['init', dir]);
    expect(r.status, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies.baocao).toMatch(/^\^\d+\.\d+\.\d+$/);
    const ignore = readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toContain('node_modules/');
    expect(ignore).not.toContain('out/');
    expect(existsSync(path.join(dir, 'data'))).toBe(true);
  });

  it('keeps files that are already there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-init-'));
    writeFileSync(path.join(dir, '.gitignore'), 'mine\n');
    const r = runCli(['init', dir]);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(r.stdout).toContain('giữ nguyên .gitignore');
    expect(existsSync(path.join(dir, 'package.json'))).toBe(true);
  });

  it("refuses baocao's own folder (exit 2)", () => {
    const r = runCli(['init', ROOT]);
    expect(r.status).toBe(2);
    expect(existsSync(path.join(ROOT, 'data'))).toBe(true);
  });
});
