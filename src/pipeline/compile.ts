/**
 * The pipeline: the one place that wires the stages together — load → validate → aggregate →
 * render → (writers, called by the CLI per format), each called once, in that order, with no
 * step back. It stops after any stage that reported an error and returns everything it has (when
 * some data files fail, validation still runs the cross-file rules on the sound ones, so one run
 * names every mistake), and `validate`, `summary`, `build` and `preview` share exactly one path
 * from files to document tree.
 *
 * The report's kind (`kind:` in report.yaml) is looked up among the kinds found in the template
 * folders (src/kinds/registry.ts); its manifest says which data files exist and which are
 * required, where their schemas are, and which code module (if any) reads its records and adds
 * its sections to the model. The core itself names no kind.
 */
import path from 'node:path';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { applyStrict } from '../diagnostics/format.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { suggest } from '../diagnostics/suggest.js';
import { loadSources, positionOf, type SourceFile } from '../load/index.js';
import { validate, type Dataset } from '../validate/index.js';
import { REPORT_SCHEMA, type SchemaSpec } from '../validate/schema.js';
import { aggregate, type ReportModel, type AggregateOptions } from '../aggregate/index.js';
import { findKinds, displayPath, kindOfDataFolder, type KindInfo } from '../kinds/registry.js';
import { kindCode, type KindCode } from '../kinds/code.js';
import { loadTemplateSet, renderDocument } from '../render/index.js';
import type { Root } from '../doctree/types.js';
import { readFontFolder, type FontFolder } from '../writers/fonts.js';
import { checkTree } from '../doctree/check.js';
import { typeset } from '../doctree/typeset.js';

export interface CompileOptions extends AggregateOptions {
  /** The year's data folder. */
  dataDir: string;
  /**
   * An agency's templates folder (`--templates`) holding `<kind>/` folders, over the package's
   * own and the `templates/` beside the data (see kinds/registry.ts).
   */
  templatesDir?: string;
  cwd?: string;
  draft?: boolean;
  strict?: boolean;
  /** Stop after aggregation (summary, explain, validate without templates). */
  skipRender?: boolean;
  /** `--font-dir`: the agency's font folder, absolute; wins over `fonts:` in report.yaml. */
  fontDir?: string;
  /** Told as each stage starts (a long build says which stage it is in: cli/stages.ts). */
  onStage?: (stage: 'load' | 'validate' | 'aggregate' | 'render') => void;
}

export interface Compilation {
  sources: SourceFile[];
  dataset: Dataset | null;
  model: ReportModel | null;
  tree: Root | null;
  diagnostics: Diagnostic[];
  /** Template files used (for manifests and watching). */
  templateFiles: string[];
  /** The report's kind, when known. */
  kind: KindInfo | null;
  /** The font folder used (absolute) and its font files, when the report names one. */
  fontDir?: string;
  fontFiles: string[];
}

export async function compile(options: CompileOptions): Promise<Compilation> {
  const cwd = options.cwd ?? process.cwd();
  const result: Compilation = { sources: [], dataset: null, model: null, tree: null, diagnostics: [], templateFiles: [], kind: null, fontFiles: [] };
  const finish = (): Compilation => {
    if (options.strict) result.diagnostics = applyStrict(result.diagnostics);
    return result;
  };
  const stop = () => result.diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));

  options.onStage?.('load');
  const loaded = await loadSources(options.dataDir, cwd);
  result.diagnostics.push(...loaded.diagnostics);
  // A data folder that cannot be listed is the one thing to say (not "report.yaml missing").
  if (loaded.diagnostics.some((d) => d.code === 'L020')) return finish();

  const dir = path.relative(cwd, options.dataDir) || '.';

  const kinds = findKinds(cwd, options.dataDir, options.templatesDir);
  const kind = resolveKind(loaded.value, options.dataDir, kinds.value, result.diagnostics);
  result.diagnostics.push(...kinds.diagnostics.filter((d) => !kind || d.file.startsWith(displayPath(path.dirname(kind.manifest), cwd))));
  result.kind = kind;
  const code = kindOfCode(kind, cwd, result.diagnostics);

  // A data file written as a folder of parts (`investment/*.yaml`) counts as `investment.yaml`,
  // and a failing part fails its whole file, named by the folder (`data/2024/investment`).
  const splitNames = new Set(loaded.split.map((p) => path.basename(p)));
  const entries = kind ? loaded.entries.map((e) => (splitNames.has(e) ? `${e}.yaml` : e)) : [];
  const fileOf = (f: string): string => loaded.split.find((p) => f.startsWith(`${p}/`)) ?? f;
  const failed = [...new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => fileOf(d.file)))];
  options.onStage?.('validate');
  const validated = validate({
    dir, entries, sources: loaded.value, failed, kind,
    schemas: kind ? schemaSpecs(kind, cwd) : [], readRecords: code?.readRecords, rules: code?.rules,
    issue: { date: options.date, number: options.number }, errorsBefore: stop(), strict: options.strict,
  });
  result.diagnostics.push(...validated.diagnostics);
  result.sources = validated.sources;
  if (stop() || !validated.dataset || !validated.analysis || !kind) return finish();
  result.dataset = validated.dataset;

  // The agency's font folder, if the report names one (read here so `validate` reports it too).
  const font = agencyFont(result.sources, options, cwd);
  result.diagnostics.push(...font.diagnostics);
  if (font.value) {
    result.fontDir = font.value.dir;
    result.fontFiles = font.value.files;
  }

  options.onStage?.('aggregate');
  // Aggregation prints the tables and linked figures as validation analysed them (no second pass).
  const model = aggregate(validated.dataset, validated.analysis, options, code?.model);
  result.model = model;
  if (options.skipRender) return finish();

  options.onStage?.('render');
  const set = loadTemplateSet(kind.templateDirs, kind.name, cwd);
  result.diagnostics.push(...set.diagnostics);
  if (!set.value) return finish();
  result.templateFiles = [...set.value.files.values()].map((f) => f.path);
  if (stop()) return finish();

  const tree = renderDocument(set.value, model, { draft: options.draft });
  result.diagnostics.push(...tree.diagnostics);
  // Checks on the tree (table grid, nested sections, the date) are part of every compile, so
  // `validate` and `build` report the same findings; writers do not repeat them.
  if (tree.value) result.diagnostics.push(...checkTree(tree.value));
  // Where lines must not break and which quotes print: decided once here, expressed by each writer.
  result.tree = tree.value && typeset(tree.value, { names: dataNames(validated.dataset, code) });
  if (result.tree && font.value) result.tree.meta.font = { family: font.value.family, faces: font.value.faces };
  return finish();
}

/** Names from the data that a line keeps whole: the register's units, the place, the signer. */
function dataNames(data: Dataset, code: KindCode | undefined): string[] {
  const units = code?.model?.units?.(data) ?? [];
  return [...units.map((u) => u.name), data.report.document.place, data.report.signer.name];
}

/**
 * The kind report.yaml names, among those found; an unknown name is K001 with a did-you-mean.
 * When report.yaml could not be read, its `kind:` line is still used if it can be found.
 */
function resolveKind(sources: readonly SourceFile[], dataDir: string, kinds: ReadonlyMap<string, KindInfo>, out: Diagnostic[]): KindInfo | null {
  const report = sources.find((f) => f.name === 'report');
  const written = (report?.data as { kind?: unknown } | undefined)?.kind;
  const name = typeof written === 'string' ? written : report ? undefined : kindOfDataFolder(dataDir);
  if (name === undefined) return null;
  const found = kinds.get(name);
  if (found) return found;
  if (report) {
    const guess = suggest(name, kinds.keys());
    out.push(makeDiagnostic('K001', positionOf(report, '/kind'), {
      kind: name,
      suggestion: guess ? ` Có phải "${guess}"?` : '',
      suggestionEn: guess ? ` Did you mean "${guess}"?` : '',
      known: [...kinds.keys()].join(', ') || '(không có)',
    }));
  }
  return null;
}

/** The code module a manifest names (K002 when the package has no such module). */
function kindOfCode(kind: KindInfo | null, cwd: string, out: Diagnostic[]): KindCode | undefined {
  if (!kind?.module) return undefined;
  const code = kindCode(kind.module);
  if (!code) out.push(makeDiagnostic('K002', { file: displayPath(kind.manifest, cwd), line: 1, column: 1 }, { reason: `không có mã "${kind.module}" (module) trong src/kinds/` }));
  return code;
}

/** report.yaml's schema and the kind's, with the paths shown in messages. */
function schemaSpecs(kind: KindInfo, cwd: string): SchemaSpec[] {
  return [REPORT_SCHEMA, ...kind.files].map((f) => ({ name: f.name, schema: f.schema, display: displayPath(f.schema, cwd) }));
}

/**
 * The font folder a build uses: `--font-dir` (relative to the working directory), else `fonts:`
 * in report.yaml (relative to the data folder), else none — the writers' bundled default.
 */
function agencyFont(sources: readonly SourceFile[], options: CompileOptions, cwd: string): StageResult<(FontFolder & { dir: string }) | null> {
  const report = sources.find((s) => s.name === 'report');
  const named = (report?.data as { fonts?: unknown } | undefined)?.fonts;
  const fromYaml = typeof named === 'string' && named.trim() !== '' ? named.trim() : undefined;
  if (!options.fontDir && !fromYaml) return { value: null, diagnostics: [] };
  const dir = options.fontDir ?? path.resolve(options.dataDir, fromYaml!);
  const at = report ? (fromYaml && !options.fontDir ? positionOf(report, '/fonts') : { file: report.path, line: 1, column: 1 }) : { file: '', line: 0, column: 0 };
  const shown = options.fontDir ? `"${path.relative(cwd, dir) || '.'}" (--font-dir)` : `"${fromYaml!}"`;
  const read = readFontFolder(dir, shown, at);
  return { value: read.value ? { ...read.value, dir } : null, diagnostics: read.diagnostics };
}
