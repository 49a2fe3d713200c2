// Every installed package (the whole tree in package-lock.json) accepts the Node.js versions the
// project declares in `engines`: npm ci must not warn EBADENGINE on Node 20.19+. Node 22/24 cannot
// be run here, so the check reads each package's declared range instead of installing elsewhere.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));

describe('engines', () => {
  const minimum = semver.minVersion(own.engines.node)!.version;

  it('the project declares Node 20.19 or later', () => {
    expect(minimum).toBe('20.19.0');
  });

  it('no installed package refuses the lowest Node version the project supports', () => {
    const refusing: string[] = [];
    let checked = 0;
    for (const key of Object.keys(lock.packages)) {
      if (!key.startsWith('node_modules/')) continue;
      const file = path.join(ROOT, key, 'package.json');
      if (!existsSync(file)) continue; // optional dependency for another platform
      const range = JSON.parse(readFileSync(file, 'utf8')).engines?.node;
      checked++;
      if (typeof range === 'string' && !semver.satisfies(minimum, range)) refusing.push(`${key} (${range})`);
    }
    expect(checked).toBeGreaterThan(50);
    expect(refusing).toEqual([]);
  });
});
