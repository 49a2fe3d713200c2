/**
 * Validate — the one validation stage: the data folder's file names against the kind's
 * manifest, schema checks for every loaded file, the normalise step that builds the typed
 * Dataset from the files that passed, the report fields the kind requires, and every data rule
 * (`rules/`: references, names, prose, tables and linked figures, the kind's own rules, the
 * issued document's number and date). When every file passed, the Dataset is complete and later
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
import { checkDataFiles, checkRequiredMeta } from './files.js';
import { analyseDataset, checkDataset, checkIssued, type KindRules } from './rules/index.js';
import type { DatasetAnalysis } from '../dataset/analysis.js';
import type { IssueOptions } from './issue.js';
import type { KindInfo } from '../kinds/registry.js';

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

export interface ValidateOptions {
  /** The data folder as shown in messages, and its file names. */
  dir: string;
  entries: readonly string[];
  /** Every file the loader read, and the display paths of those it could not parse. */
  sources: SourceFile[];
  failed: readonly string[];
  kind: KindInfo | null;
  schemas: readonly SchemaSpec[];
  readRecords?: RecordReader;
  rules?: KindRules;
  /** `--number`, `--date`: the issued document's number and date checked as the data's would be. */
  issue: IssueOptions;
  /** Errors reported before this stage (the loader's, the kind's): the issue rules then wait. */
  errorsBefore: boolean;
  /** `--strict`: warnings count as errors for stopping. */
  strict?: boolean;
}

export interface Validation {
  /** The complete Dataset, or null when anything stops the run (a partial dataset never goes further). */
  dataset: Dataset | null;
  /**
   * With the Dataset (null when it is): its tables as the rules indexed them and the linked
   * figures as they reconciled them, for aggregation to print without computing them again.
   */
  analysis: DatasetAnalysis | null;
  /** The files validated (a misnamed file is left out; without a kind, report.yaml only). */
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** The whole stage, once: files, schemas, the dataset, required fields, then every data rule. */
export function validate(o: ValidateOptions): Validation {
  const out: Diagnostic[] = [];
  const { kind } = o;
  // The data folder against the manifest: required files, near-miss names, doubled files.
  const files = kind ? checkDataFiles([...o.entries], kind, o.dir) : { diagnostics: [], misnamed: new Set<string>() };
  out.push(...files.diagnostics);
  // Without a kind the other files' schemas are unknown: only report.yaml can be checked.
  const sources = o.sources.filter((f) => (kind ? !files.misnamed.has(path.basename(f.path)) : f.name === 'report'));
  const validated = validateDataset(sources, o.dir, o.failed, {
    schemas: o.schemas, readRecords: o.readRecords, documents: kind?.files.filter((f) => f.content).map((f) => f.name),
  });
  out.push(...validated.diagnostics);
  const report = sources.find((f) => f.name === 'report');
  if (kind && report && !validated.diagnostics.some((d) => d.severity === 'error' && d.file === report.path)) {
    out.push(...checkRequiredMeta(report, kind));
  }
  const data = validated.value;
  if (!data || !kind) return { dataset: null, analysis: null, sources, diagnostics: out };
  const stopped = o.errorsBefore || out.some((d) => d.severity === 'error' || (o.strict && d.severity === 'warning'));
  // The cross-file rules run on a partial dataset too, so one run reports the mistakes of every
  // file; the rules on the issued document only on data that is otherwise sound.
  const analysis = analyseDataset(data, o.rules);
  out.push(...checkDataset(data, o.rules, sources, analysis));
  if (!stopped) out.push(...checkIssued(data, o.rules ?? {}, sources, o.issue));
  const failedNow = out.some((d) => d.severity === 'error' || (o.strict && d.severity === 'warning'));
  const passed = !(stopped || failedNow || data.incomplete);
  return { dataset: passed ? data : null, analysis: passed ? analysis : null, sources, diagnostics: out };
}
