// External tools the end-to-end tests read outputs with (pdftotext, LibreOffice, Chromium).
// Where a tool is missing the test is skipped on a developer's machine, but when `CI` is set it
// fails, naming the tool: a CI run must never pass by skipping what it was meant to check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/** The first `name` found on PATH, as a full path. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The Chromium to drive: CHROME_PATH, then chromium / chromium-browser on PATH, then /usr/bin/chromium. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, onPath('chromium'), onPath('chromium-browser'), '/usr/bin/chromium'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const probes: Record<string, () => boolean> = {
  pdftotext: () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0,
  pdffonts: () => spawnSync('pdffonts', ['-v'], { stdio: 'ignore' }).status === 0,
  soffice: () => spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60000 }).status === 0,
  chromium: () => chromiumPath() !== undefined,
};
const known = new Map<string, boolean>();

/** Whether the tool is on this machine (probed once per test file). */
export function hasTool(name: keyof typeof probes): boolean {
  if (!known.has(name)) known.set(name, probes[name]!());
  return known.get(name)!;
}

function missing(name: string): string {
  return `${name} is not installed, and CI is set: install it (see .ci/run) instead of skipping this test`;
}

type TestFn = (title: string, body: () => unknown, timeout?: number) => void;
type SuiteFn = (title: string, body: () => void) => void;

/** `it` when the tool is present; skipped without it, failing without it under CI. */
export function itWithTool(name: keyof typeof probes): TestFn {
  if (hasTool(name)) return it;
  if (process.env.CI) return (title) => it(title, () => { throw new Error(missing(name)); });
  return it.skip;
}

/** `describe` when the tool is present; skipped without it, one failing test without it under CI. */
export function describeWithTool(name: keyof typeof probes): SuiteFn {
  if (hasTool(name)) return describe;
  if (process.env.CI) return (title) => describe(title, () => { it(`needs ${name}`, () => { throw new Error(missing(name)); }); });
  return describe.skip;
}
