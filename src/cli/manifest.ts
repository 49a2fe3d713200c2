/**
 * Build manifests: `out/<year>/manifest.json` records what a build was made of — the tool (its
 * version and a fingerprint of its compiled code), every input file (the year's data files and
 * the report kind's templates, by SHA-256) and the settings that change the output (formats,
 * draft mark, number, date) — and what it produced (each output's SHA-256 and size). With it,
 * `report build` skips a build whose inputs have not changed, and `report build --check` says
 * which inputs changed when a committed output is stale.
 *
 * This module is deliberately light (node:crypto and node:fs only): the skip check runs before
 * the compile pipeline or any writer is imported. A manifest holds no timestamps, so rebuilding
 * unchanged inputs leaves it byte-for-byte the same and it can be committed with the reports.
 */
import { PACKAGE_ROOT } from '../pipeline/paths.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { kindRoots, kindInputFiles } from '../kinds/roots.js';
import { readCappedSync } from '../files/capped.js';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** The options that change the bytes of the outputs, normalised (number `05`, date ISO). */
export interface BuildSettings {
  formats: string[];
  draft: boolean;
  number: string | null;
  date: string | null;
  /** `--font-dir` (relative to the working directory), when given. */
  fontDir?: string;
}

export interface Manifest {
  manifest: typeof MANIFEST_VERSION;
  tool: ToolId;
  year: string;
  kind: string;
  /** Data folder and templates folder, relative to the working directory (`/` separators). */
  data: string;
  templates: string;
  /** The font folder the build used (`--font-dir` or `fonts:`), when any; its files are inputs. */
  fonts?: string;
  settings: BuildSettings;
  /** Every input file (path relative to the working directory) → SHA-256 of its bytes. */
  inputs: Record<string, string>;
  /** Every output (file name inside `out/<year>/`) → SHA-256 and size. */
  outputs: Record<string, { sha256: string; bytes: number }>;
  /** What the build reported (warnings do not stop a build, `--strict` then must rebuild). */
  diagnostics: { errors: number; warnings: number };
}

export interface ToolId {
  name: string;
  version: string;
  /** SHA-256 over the compiled code (`dist/`) and package.json: a rebuilt tool is a new tool. */
  fingerprint: string;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}


function inside(root: string, file: string): string | null {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : null;
}

/** `/`-separated path relative to `cwd` (or absolute when outside it). */
export function displayPath(cwd: string, file: string): string {
  return inside(cwd, file) ?? path.resolve(file).split(path.sep).join('/');
}

/**
 * How an input is named in a manifest: relative to the working directory, or for the tool's own
 * templates `baocao:templates/…` — the same on every machine, so a committed manifest checks
 * out the same in CI as on the clerk's computer.
 */
export function inputPath(cwd: string, file: string): string {
  const own = inside(PACKAGE_ROOT, file);
  return inside(cwd, file) ?? (own !== null ? `baocao:${own}` : displayPath(cwd, file));
}


/** Same rule as the pipeline's: ./templates when it exists, else the package's own templates. */
function listFiles(dir: string, recursive: boolean, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return []; // an unreadable folder: the loader reports it
  }
  for (const name of names) {
    const full = path.join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      // A link that loops or leads nowhere is still an input (hashed as unreadable below).
      if (keep(name)) out.push(full);
      continue;
    }
    if (st.isDirectory()) {
      if (recursive) out.push(...listFiles(full, true, keep));
    } else if (keep(name)) {
      out.push(full);
    }
  }
  return out;
}

/**
 * The files a build of this data folder reads: every `*.yaml` of the folder (as the loader does)
 * and the spreadsheets beside them that record lists may be read from (`from: du-an.xlsx`).
 */
export function dataFiles(dataDir: string): string[] {
  const yaml = (n: string): boolean => /\.ya?ml$/i.test(n);
  return [...listFiles(dataDir, false, yaml), ...partFiles(dataDir, yaml), ...listFiles(dataDir, true, (n) => /\.(xlsx|csv)$/i.test(n))];
}

/** The parts of the data files written as folders (`investment/01.yaml`, …; see load/parts.ts). */
function partFiles(dataDir: string, yaml: (name: string) => boolean): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dataDir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort()
    .flatMap((name) => listFiles(path.join(dataDir, name), false, (n) => yaml(n) && !n.startsWith('.')));
}

/**
 * The files that shape a report kind's output — its kind.yaml, its templates (the package's and
 * an agency's) and its record schemas — in every folder the pipeline looks in (kinds/roots.ts).
 */
export function templateFiles(cwd: string, dataDir: string, templates: string | undefined, kind: string): string[] {
  return kindInputFiles(kindRoots(cwd, dataDir, templates), kind);
}

/** The font files of a font folder: every `*.ttf`/`*.otf` (as writers/fonts.ts reads them). */
export function fontFiles(dir: string): string[] {
  return listFiles(dir, false, (n) => /\.(ttf|otf)$/i.test(n));
}

/**
 * SHA-256 of each file. The data folder may hold anything (a FIFO, a link to /dev/zero): a file
 * is read capped and non-blocking, and one that is not a readable regular file is recorded as
 * `unreadable` — the build itself then reports why.
 */
export function hashFiles(files: readonly string[], cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    const bytes = readCappedSync(f);
    out[inputPath(cwd, f)] = bytes ? sha256(bytes) : 'unreadable';
  }
  return out;
}

let toolCache: ToolId | undefined;

/**
 * The tool's identity: name and version from package.json, and a fingerprint of its code — the
 * build's own hash of every input it compiled (`dist/.build-inputs`, written by
 * scripts/prepare.mjs), else a hash of the compiled files themselves. The code caches
 * (`dist/code-cache/`) only speed start-up up and are left out.
 */
export function toolId(): ToolId {
  if (toolCache) return toolCache;
  const pkgPath = path.join(PACKAGE_ROOT, 'package.json');
  const pkgText = existsSync(pkgPath) ? readFileSync(pkgPath) : Buffer.from('{}');
  const pkg = JSON.parse(pkgText.toString('utf8')) as { name?: string; version?: string };
  const hash = createHash('sha256').update(pkgText);
  const dist = path.join(PACKAGE_ROOT, 'dist');
  const stamp = path.join(dist, '.build-inputs');
  if (existsSync(stamp)) hash.update('inputs\0').update(readFileSync(stamp));
  else {
    const caches = path.join(dist, 'code-cache') + path.sep;
    for (const f of listFiles(dist, true, () => true).filter((f) => !f.startsWith(caches))) {
      hash.update(path.relative(dist, f).split(path.sep).join('/')).update('\0').update(readFileSync(f)).update('\0');
    }
  }
  toolCache = { name: pkg.name ?? 'baocao', version: pkg.version ?? '0.0.0', fingerprint: hash.digest('hex') };
  return toolCache;
}

export function readManifest(outDir: string): Manifest | null {
  const file = path.join(outDir, MANIFEST_NAME);
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return m && m.manifest === MANIFEST_VERSION && m.inputs && m.outputs && m.settings ? m : null;
  } catch {
    return null;
  }
}

/** Stable, readable JSON: two-space indent, keys of inputs and outputs sorted, final newline. */
export function serialiseManifest(m: Manifest): string {
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...m, inputs: sorted(m.inputs), outputs: sorted(m.outputs) }, null, 2)}\n`;
}

/** How the current state differs from what a manifest recorded. */
export interface InputChanges {
  changed: string[];
  added: string[];
  removed: string[];
  tool: boolean;
  /** Names of settings that differ, with old and new values. */
  settings: { name: keyof BuildSettings; old: string; new: string }[];
}

export function compareInputs(
  old: Pick<Manifest, 'inputs' | 'tool' | 'settings'>,
  now: Pick<Manifest, 'inputs' | 'tool' | 'settings'>,
): InputChanges {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [f, h] of Object.entries(now.inputs)) {
    if (!(f in old.inputs)) added.push(f);
    else if (old.inputs[f] !== h) changed.push(f);
  }
  for (const f of Object.keys(old.inputs)) if (!(f in now.inputs)) removed.push(f);
  const show = (v: unknown) => (v === null || v === undefined || v === false ? '(không)' : v === true ? 'có' : Array.isArray(v) ? v.join(',') : String(v));
  const settings: InputChanges['settings'] = [];
  for (const name of ['formats', 'draft', 'number', 'date', 'fontDir'] as const) {
    const a = show(old.settings[name]);
    const b = show(now.settings[name]);
    if (a !== b) settings.push({ name, old: a, new: b });
  }
  return { changed, added, removed, tool: old.tool.fingerprint !== now.tool.fingerprint, settings };
}

export function unchanged(c: InputChanges): boolean {
  return !c.changed.length && !c.added.length && !c.removed.length && !c.tool && !c.settings.length;
}

const SETTING_LABEL: Record<keyof BuildSettings, string> = {
  formats: '--format', draft: '--draft', number: '--number', date: '--date', fontDir: '--font-dir',
};

/** One line per change: `data/2024/investment.yaml đã sửa` (`… changed` in English). */
export function describeChanges(c: InputChanges, old?: ToolId, now?: ToolId, lang: 'vi' | 'en' = 'vi'): string[] {
  const en = lang === 'en';
  const lines = [
    ...c.changed.map((f) => (en ? `${f} changed` : `${f} đã sửa`)),
    ...c.added.map((f) => (en ? `${f} added` : `${f} mới thêm`)),
    ...c.removed.map((f) => (en ? `${f} removed` : `${f} đã xóa`)),
    ...c.settings.map((s) => `${en ? 'option' : 'tùy chọn'} ${SETTING_LABEL[s.name]}: ${s.old} → ${s.new}`),
  ];
  if (c.tool) {
    lines.push(old && now && old.version !== now.version
      ? (en ? `the tool changed version ${old.version} → ${now.version}` : `công cụ đổi phiên bản ${old.version} → ${now.version}`)
      : (en ? 'the tool was rebuilt (its code differs from the previous build)' : 'công cụ đã được biên dịch lại (mã khác với lần dựng trước)'));
  }
  return lines;
}
