#!/usr/bin/env node
/**
 * `npm run prepare` (run by `npm ci`, and again by npx whenever it links this checkout): builds
 * the tool — the schema validators, then TypeScript into dist/, then the start-up bundles with
 * their code caches (scripts/bundle.mjs) — unless dist/ was already built
 * from exactly the current sources. A content hash of every build input is kept in
 * dist/.build-inputs; when it matches, nothing runs, so `npx report …` right after `npm ci`
 * costs no compile. `--force` builds anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/.build-inputs');
/** Everything the build reads. Generated files (under a `generated/` folder) are outputs. */
const INPUTS = ['src', 'schemas', 'templates', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];

function* files(p) {
  if (!existsSync(p)) return;
  const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) { if (e.name !== 'generated' && e.name !== 'node_modules') yield* files(full); }
    else if (e.isFile()) yield full;
  }
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const top of INPUTS) {
    const full = path.join(root, top);
    if (!existsSync(full)) continue;
    const list = statSync(full).isDirectory() ? [...files(full)] : [full];
    for (const f of list) hash.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

const want = inputsHash();
const built = existsSync(stamp) && existsSync(path.join(root, 'dist/cli/main.js')) ? readFileSync(stamp, 'utf8').trim() : '';
if (built === want && !process.argv.includes('--force')) process.exit(0);

const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const steps = [
  [process.execPath, [path.join(root, 'scripts/build-validators.mjs')]],
  [process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')]],
  [process.execPath, [path.join(root, 'scripts/bundle.mjs')]],
];
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeFileSync(stamp, want + '\n');
