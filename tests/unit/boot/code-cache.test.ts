// The code cache (src/boot/code-cache.ts): a module is compiled from its cache only when the
// cache was made from exactly its text; an edited module never runs stale cached code. Each run
// is a fresh Node process (the cache hooks Node's CommonJS loader), using the compiled dist/.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheKey, cachedCode } from '../../../src/boot/code-cache.js';

const ROOT = path.resolve(__dirname, '../../..');
const BOOT = pathToFileURL(path.join(ROOT, 'dist/boot/code-cache.js')).href;

/** A package with one CommonJS module in node_modules; returns a runner printing its result. */
function fakePackage(): { dir: string; write(text: string): void; run(env?: Record<string, string>): { out: string; err: string } } {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-code-cache-'));
  const lib = path.join(dir, 'node_modules', 'lib');
  mkdirSync(lib, { recursive: true });
  const script = [
    `import { createRequire } from 'node:module';`,
    `import { installCodeCache } from ${JSON.stringify(BOOT)};`,
    `installCodeCache(${JSON.stringify(dir)}, ${JSON.stringify(path.join(dir, 'cache'))});`,
    `console.log(createRequire(${JSON.stringify(path.join(dir, 'main.js'))})('lib').answer());`,
  ].join('\n');
  writeFileSync(path.join(dir, 'run.mjs'), script);
  return {
    dir,
    write: (text) => writeFileSync(path.join(lib, 'index.js'), text),
    run: (env = {}) => {
      const r = spawnSync(process.execPath, [path.join(dir, 'run.mjs')], { env: { ...process.env, ...env }, encoding: 'utf8' });
      return { out: r.stdout.trim(), err: r.stderr.trim() };
    },
  };
}

describe('code cache', () => {
  it('keys a cache to the exact text and runtime', () => {
    const key = cacheKey('module.exports = 1;');
    expect(cacheKey('module.exports = 1;').equals(key)).toBe(true);
    expect(cacheKey('module.exports = 2;').equals(key)).toBe(false);
    const cache = Buffer.concat([key, Buffer.from('code')]);
    expect(cachedCode(cache, key)?.toString()).toBe('code');
    expect(cachedCode(cache, cacheKey('other'))).toBeUndefined();
    expect(cachedCode(key, key)).toBeUndefined();
    expect(cachedCode(undefined, key)).toBeUndefined();
  });

  it('compiles from the trained cache, and never runs a cache of other text', () => {
    const pkg = fakePackage();
    try {
      pkg.write('exports.answer = () => "một " + [1, 2].map((n) => n * 2).join("+");');
      expect(pkg.run({ BAOCAO_CODE_CACHE: 'report' })).toEqual({ out: 'một 2+4', err: 'code cache: 0 from cache, 1 compiled' });
      expect(pkg.run({ BAOCAO_CODE_CACHE: 'write' }).out).toBe('một 2+4');
      expect(readdirSync(path.join(pkg.dir, 'cache'))).toHaveLength(1);
      expect(pkg.run({ BAOCAO_CODE_CACHE: 'report' })).toEqual({ out: 'một 2+4', err: 'code cache: 1 from cache, 0 compiled' });
      // Same length, other code: the cache is not used, the new text runs.
      pkg.write('exports.answer = () => "hai " + [1, 2].map((n) => n * 3).join("+");');
      expect(pkg.run({ BAOCAO_CODE_CACHE: 'report' })).toEqual({ out: 'hai 3+6', err: 'code cache: 0 from cache, 1 compiled' });
    } finally {
      rmSync(pkg.dir, { recursive: true, force: true });
    }
  });

  it('serves the installed tool: both processes of a build compile from the caches the build step trained', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'baocao-code-cache-out-'));
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/report.js'), 'build', '2024', '--force', '--out', out], {
        cwd: ROOT, env: { ...process.env, BAOCAO_CODE_CACHE: 'report' }, encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      // The main process, and the PDF writer's process (its pdfmake, pdfkit and fontkit too).
      const lines = [...r.stderr.matchAll(/code cache: (\d+) from cache, (\d+) compiled/g)];
      expect(lines).toHaveLength(2);
      for (const [, hits, misses] of lines) {
        expect(Number(hits)).toBeGreaterThan(10);
        expect(Number(misses)).toBe(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
