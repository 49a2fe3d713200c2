/**
 * Where the tool's own files are, and which templates folder a run uses: `--templates` when
 * given, else `./templates` in the working directory, else the templates shipped with the
 * package. Kept apart from compile.ts so the light half of `report build` (the manifest check)
 * can use it without loading the pipeline.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (holds package.json, dist/, templates/, schemas/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function templatesRoot(cwd: string, templates?: string): string {
  if (templates) return path.resolve(cwd, templates);
  const local = path.join(cwd, 'templates');
  return existsSync(local) ? local : path.join(PACKAGE_ROOT, 'templates');
}
