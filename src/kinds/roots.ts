/**
 * Where report kinds are looked for, and which files shape a kind's output — without reading
 * any manifest, so the up-to-date check of `report build` stays as light as it was (no YAML
 * parser). The folders: the package's `templates/`, then the agency's — the `templates/` beside
 * its data root, `./templates`, `--templates` — each later one overriding the earlier ones.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../pipeline/paths.js';
import { compareNames } from '../files/order.js';

export interface KindRoots {
  /** Folders that may hold `<kind>/` folders, in override order (package first). */
  roots: { dir: string; source: 'package' | 'agency' }[];
}

export const PACKAGE_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
export const SHARED_SCHEMAS = path.join(PACKAGE_ROOT, 'schemas');

/**
 * The template roots of a run: the package's, then the agency's `templates/` beside its data
 * root (`<agency>/data/2024` → `<agency>/templates`), `./templates`, and `--templates`.
 */
export function kindRoots(cwd: string, dataDir?: string, templates?: string): KindRoots {
  const candidates: { dir: string; source: 'package' | 'agency' }[] = [{ dir: PACKAGE_TEMPLATES, source: 'package' }];
  const agency = [
    dataDir && path.resolve(dataDir, '..', '..', 'templates'),
    path.join(cwd, 'templates'),
    templates && path.resolve(cwd, templates),
  ].filter((d): d is string => !!d);
  for (const dir of agency) {
    if (!isDir(dir) || candidates.some((c) => samePath(c.dir, dir))) continue;
    candidates.push({ dir, source: 'agency' });
  }
  return { roots: candidates };
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}


/**
 * The files that shape a kind's output, by convention: in every root that has `<kind>/`, its
 * `kind.yaml` and templates, and the record schemas in `schemas/<kind>/` beside that root (the
 * package's `schemas/<kind>/` for the package root). Sorted per folder, in root order.
 */
export function kindInputFiles(roots: KindRoots, kind: string): string[] {
  const out: string[] = [];
  for (const root of roots.roots) {
    const dir = path.join(root.dir, kind);
    if (!isDir(dir)) continue;
    const names = readdirSync(dir).filter((n) => n === 'kind.yaml' || n.endsWith('.hbs')).sort((a, b) => (a === 'kind.yaml' ? -1 : b === 'kind.yaml' ? 1 : compareNames(a, b)));
    out.push(...names.map((n) => path.join(dir, n)));
    const schemas = path.join(path.dirname(root.dir), 'schemas', kind);
    if (isDir(schemas)) out.push(...readdirSync(schemas).filter((n) => n.endsWith('.schema.json')).sort().map((n) => path.join(schemas, n)));
  }
  return [...new Set(out)].filter((f) => existsSync(f) && statSync(f).isFile());
}
