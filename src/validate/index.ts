/**
 * Validate: schema checks for every loaded file, then the normalise step that builds the typed
 * Dataset from the files that passed. When every file passed, the Dataset is complete and later
 * stages may rely on it. When some file failed (or could not be loaded at all), the Dataset is
 * still built from the others — as long as report.yaml is among them — and marked `incomplete`,
 * so the pipeline can run the cross-file rules on what is sound and one run reports the
 * mistakes of every file; a partial Dataset is never rendered.
 */
import path from 'node:path';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { SourceFile } from '../load/index.js';
import { validateSchemas, type SchemaSpec } from './schema.js';
import { buildDataset, type Dataset, type RecordReader } from './dataset.js';

export type { Dataset } from './dataset.js';

/** What validation needs of the report's kind: its files' schemas and the reader of its records. */
export interface KindSchemas {
  schemas: readonly SchemaSpec[];
  readRecords?: RecordReader;
  /** The kind's files written in the shared content model (`content: true` in kind.yaml). */
  documents?: readonly string[];
}

/**
 * `failed`: display paths of the data files the loader could not parse. The value is the
 * Dataset (complete, or partial with `incomplete` set) or null when report.yaml is unusable.
 */
export function validateDataset(files: SourceFile[], dir: string, failed: readonly string[] = [], kind: KindSchemas = { schemas: [] }): StageResult<Dataset | null> {
  const diagnostics = validateSchemas(files, kind.schemas);
  const failedNames = failed.map((f) => path.basename(f).replace(/\.ya?ml$/i, ''));
  if (!files.some((f) => f.name === 'report') && !failedNames.includes('report')) {
    diagnostics.push(makeDiagnostic('L010', { file: `${dir}/report.yaml`, line: 1, column: 1 }, { name: 'report.yaml' }));
  }
  const bad = new Set([...failedNames, ...files.filter((f) => hasErrors(ofFile(diagnostics, f))).map((f) => f.name)]);
  const sound = files.filter((f) => !bad.has(f.name));
  const dataset = buildDataset(sound, kind.readRecords, kind.documents);
  if (dataset && bad.size) dataset.incomplete = [...bad].sort();
  return { value: dataset, diagnostics };
}

function ofFile(diagnostics: readonly Diagnostic[], file: SourceFile): Diagnostic[] {
  // A file written in parts (load/parts.ts) is reported at the part that holds the value.
  return diagnostics.filter((d) => d.file === file.path || file.parts.some((p) => p.path === d.file));
}
