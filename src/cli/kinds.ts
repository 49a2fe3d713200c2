/**
 * `report kinds [folder]`: the report kinds this run can build — found by scanning the package's
 * `templates/`, the agency's `templates/` beside the data folder (when one is given), `./templates`
 * and `--templates` — each with its title, the folder its manifest came from (package or
 * agency, an agency's kind of the same name overriding the package's) and its data files.
 * `--format json` prints the same as a JSON array for other tools.
 */
import path from 'node:path';
import { findKinds, displayPath, kindTemplates, type KindInfo } from '../kinds/registry.js';
import { diagnosticsReport } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/types.js';
import { resolveDataDir } from './io.js';
import type { GlobalOptions } from './run.js';
import { textTable } from '../diff/table.js';

export interface KindsOptions extends GlobalOptions {
  format: 'text' | 'json';
}

const SOURCE = { package: 'gói baocao', agency: 'của cơ quan' } as const;

export async function kindsCommand(folder: string | undefined, opts: KindsOptions): Promise<void> {
  const cwd = process.cwd();
  const dataDir = folder ? resolveDataDir(folder, opts.data, cwd).dir : undefined;
  const found = findKinds(cwd, dataDir, opts.templates);
  const kinds = [...found.value.values()];
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(kinds.map((k) => asJson(k, cwd)), null, 2)}\n`);
  } else {
    process.stdout.write(`${asText(kinds, cwd)}\n`);
  }
  const { listing } = diagnosticsReport(found.diagnostics, 'text', opts.lang, false);
  if (found.diagnostics.length && listing) process.stderr.write(listing);
  process.exitCode = hasErrors(found.diagnostics) ? 1 : 0;
}

function asText(kinds: readonly KindInfo[], cwd: string): string {
  const rows = kinds.map((k) => [
    k.name,
    k.title,
    `${SOURCE[k.source]}: ${displayPath(path.dirname(k.manifest), cwd)}${overrides(k, cwd)}`,
    ['report', ...k.files.map((f) => f.name).filter((n) => n !== 'report')]
      .map((n) => `${n}.yaml${k.files.find((f) => f.name === n)?.required ? '*' : ''}`).join(', '),
  ]);
  return `${textTable(['Loại', 'Tên', 'Nguồn', 'Tệp dữ liệu (* bắt buộc)'], rows)}`;
}

/** Template folders besides the manifest's (an agency's overrides of single templates). */
function overrides(k: KindInfo, cwd: string): string {
  const other = k.templateDirs.filter((d) => d !== path.dirname(k.manifest));
  return other.length ? ` (mẫu thêm: ${other.map((d) => displayPath(d, cwd)).join(', ')})` : '';
}

function asJson(k: KindInfo, cwd: string) {
  return {
    name: k.name,
    title: k.title,
    documentType: k.documentType,
    source: k.source,
    folder: displayPath(path.dirname(k.manifest), cwd),
    templateFolders: k.templateDirs.map((d) => displayPath(d, cwd)),
    templates: [...kindTemplates(k).values()].map((f) => displayPath(f, cwd)),
    module: k.module ?? null,
    requires: k.requires,
    files: k.files.filter((f) => f.name !== 'report').map((f) => ({
      name: `${f.name}.yaml`, title: f.title ?? null, required: f.required, schema: displayPath(f.schema, cwd),
    })),
  };
}
