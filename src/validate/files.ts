/**
 * The data folder against its kind's manifest, by file name alone: a file the kind marks as
 * required that is absent is an error naming it (K010); a file whose name is close to a known
 * one — `Digital.yml`, `digital.yaml.txt`, `urbn.yaml` — would silently not be read, so it is an
 * error with a did-you-mean (K011); two files for one data file (`investment.yml` beside
 * `investment.yaml`) are an error rather than a silent choice (K012). A `.yaml` file unrelated to
 * any known name stays the V100 warning of the schema check. The listing is read by the caller.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { suggest } from '../diagnostics/suggest.js';
import { positionOf, type SourceFile } from '../load/index.js';

export interface KindFiles {
  name: string;
  files: readonly { name: string; required: boolean; title?: string }[];
}

export interface FileCheck {
  diagnostics: Diagnostic[];
  /** Folder entries that are near misses (already reported): not to be validated as data. */
  misnamed: Set<string>;
}

const YAML = /\.ya?ml$/i;

/** `entries`: every name in the data folder; `dir`: the folder as shown in messages. */
export function checkDataFiles(entries: readonly string[], kind: KindFiles, dir: string): FileCheck {
  const known = ['report', ...kind.files.map((f) => f.name).filter((n) => n !== 'report')];
  const diagnostics: Diagnostic[] = [];
  const misnamed = new Set<string>();
  const visible = entries.filter((e) => !e.startsWith('.')).sort();

  for (const name of known) {
    const copies = visible.filter((e) => YAML.test(e) && e.replace(YAML, '') === name);
    if (copies.length > 1) {
      diagnostics.push(makeDiagnostic('K012', at(dir, copies[1]), { name, files: copies.map((c) => `${dir}/${c}`).join(', ') }));
    }
  }
  for (const entry of visible) {
    const meant = nearMiss(entry, known);
    if (!meant) continue;
    misnamed.add(entry);
    diagnostics.push(makeDiagnostic('K011', at(dir, entry), { file: `${dir}/${entry}`, meant: `${meant}.yaml` }));
  }
  const present = new Set(visible.filter((e) => YAML.test(e)).map((e) => e.replace(YAML, '')));
  const list = known.map((n) => `${n}.yaml`).join(', ');
  for (const f of kind.files) {
    if (!f.required || present.has(f.name)) continue;
    diagnostics.push(makeDiagnostic('K010', at(dir, `${f.name}.yaml`), {
      name: f.name, kind: kind.name, title: f.title ? ` (${f.title})` : '', dir, known: list,
    }));
  }
  return { diagnostics, misnamed };
}

/**
 * The known data file an entry was meant to be, or undefined: a `.yaml` file whose name differs
 * from a known one by case or a small typo, or a known file with a further extension
 * (`digital.yaml.txt`). Other files (spreadsheets named in the data, notes) are left alone.
 */
function nearMiss(entry: string, known: readonly string[]): string | undefined {
  const doubled = /^(.*?)\.ya?ml\.[^.]+$/i.exec(entry);
  if (doubled) return closest(doubled[1], known);
  if (!YAML.test(entry)) return undefined;
  const base = entry.replace(YAML, '');
  if (known.includes(base)) return undefined;
  return closest(base, known);
}

function closest(base: string, known: readonly string[]): string | undefined {
  const lower = base.toLowerCase();
  if (known.includes(lower)) return lower;
  return suggest(base, known);
}

function at(dir: string, entry: string) {
  return { file: `${dir}/${entry}`, line: 1, column: 1 };
}

/**
 * report.yaml's fields a kind prints (`requires:` in kind.yaml, dotted paths such as
 * `agency.territory`): each one absent is V600, at the object that should hold it. The shared
 * schema requires only what every document has, so a report without "Kính gửi" is valid for a
 * kind that does not print it.
 */
export function checkRequiredMeta(report: SourceFile, kind: { name: string; requires: readonly string[] }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of kind.requires) {
    const parts = field.split('.');
    let v: unknown = report.data;
    for (const p of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    if (v !== undefined && v !== '') continue;
    const parent = parts.length > 1 ? `/${parts.slice(0, -1).join('/')}` : '';
    out.push(makeDiagnostic('V600', positionOf(report, parent), { field, kind: kind.name }));
  }
  return out;
}
