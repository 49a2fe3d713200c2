/**
 * The pipeline: the one place that wires the stages together — load → validate → aggregate →
 * render → (writers, called by the CLI per format). It stops after any stage that reported an
 * error and returns everything it has — except that when some data files fail, the cross-file
 * rules still run on the sound ones, so one run names every mistake — and `validate`,
 * `summary`, `build` and `preview` share exactly one path from files to document tree.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { applyStrict } from '../diagnostics/format.js';
import { templatesRoot } from './paths.js';
import { loadSources, type SourceFile } from '../load/index.js';
import { validateDataset, type Dataset } from '../validate/index.js';
import { checkIssue } from '../validate/issue.js';
import { aggregate, type ReportModel, type AggregateOptions } from '../aggregate/index.js';
import { loadTemplateSet, renderDocument } from '../render/index.js';
import type { Root } from '../doctree/types.js';

export interface CompileOptions extends AggregateOptions {
  /** The year's data folder. */
  dataDir: string;
  /** The folder holding `<kind>/main.hbs`; default: ./templates, else the package's own. */
  templatesDir?: string;
  cwd?: string;
  draft?: boolean;
  strict?: boolean;
  /** Stop after aggregation (summary, explain, validate without templates). */
  skipRender?: boolean;
}

export interface Compilation {
  sources: SourceFile[];
  dataset: Dataset | null;
  model: ReportModel | null;
  tree: Root | null;
  diagnostics: Diagnostic[];
  /** Template files used (for manifests and watching). */
  templateFiles: string[];
}

export async function compile(options: CompileOptions): Promise<Compilation> {
  const cwd = options.cwd ?? process.cwd();
  const result: Compilation = { sources: [], dataset: null, model: null, tree: null, diagnostics: [], templateFiles: [] };
  const finish = (): Compilation => {
    if (options.strict) result.diagnostics = applyStrict(result.diagnostics);
    return result;
  };
  const stop = () => result.diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));

  const loaded = await loadSources(options.dataDir, cwd);
  result.sources = loaded.value;
  result.diagnostics.push(...loaded.diagnostics);
  // A data folder that cannot be listed is the one thing to say (not "report.yaml missing").
  if (loaded.diagnostics.some((d) => d.code === 'L020')) return finish();

  const failed = [...new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))];
  const validated = validateDataset(loaded.value, path.relative(cwd, options.dataDir) || '.', failed);
  result.diagnostics.push(...validated.diagnostics);
  if (stop() || !validated.value) {
    // The cross-file rules still run on the files that are sound, so one run reports the
    // mistakes of every file; nothing of a partial dataset goes further.
    if (validated.value) result.diagnostics.push(...aggregate(validated.value, options).diagnostics);
    return finish();
  }
  result.dataset = validated.value;
  // The document number and date (from the data or --number/--date) against what the data knows.
  result.diagnostics.push(...checkIssue(validated.value, loaded.value, { date: options.date, number: options.number }));

  const model = aggregate(validated.value, options);
  result.diagnostics.push(...model.diagnostics);
  result.model = model.value;
  if (options.skipRender) return finish();

  const templatesDir = options.templatesDir ?? templatesRoot(cwd);
  const set = loadTemplateSet(templatesDir, validated.value.report.kind, cwd);
  result.diagnostics.push(...set.diagnostics);
  if (!set.value) return finish();
  result.templateFiles = [...set.value.files.values()].map((f) => f.path);
  if (stop()) return finish();

  const tree = renderDocument(set.value, model.value, { draft: options.draft });
  result.diagnostics.push(...tree.diagnostics);
  result.tree = tree.value;
  return finish();
}
