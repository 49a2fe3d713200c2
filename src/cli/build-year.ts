/**
 * The heavy half of `report build`: one year compiled, checked for its number and date, rendered
 * to every asked-for format in memory, then either written atomically with its manifest, or
 * (`--check`) compared with the files already on disk — naming each stale file and the inputs
 * that changed since the manifest was written. Imported only when the light half (`build.ts`)
 * found something to do; also what each `--all` worker thread runs.
 */
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compile, type CompileOptions } from '../pipeline/compile.js';
import type { Root } from '../doctree/types.js';
import { countBySeverity, diagnosticsReport } from '../diagnostics/format.js';
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import { WriterProcessStopped, writeAll, type StartedWriter } from '../writers/background.js';
import { MachineError, humanSize } from './io.js';
import { commitSet } from './output-set.js';
import { formatMessage } from './machine.js';
import {
  MANIFEST_NAME, MANIFEST_VERSION, compareInputs, dataFiles, describeChanges, displayPath, hashFiles, inputPath,
  serialiseManifest, sha256, templateFiles, toolId, type BuildSettings, type Manifest,
} from './manifest.js';
import { outputName, seconds, unvouched, type BuildJob, type BuildResult, type Sink } from './build.js';
import { say } from './lang.js';
import type { StageReporter } from './stages.js';

export interface YearBuild {
  job: BuildJob;
  dataDir: string;
  year: string;
  outDir: string;
  /** The manifest found in the output folder, if any. */
  manifest: Manifest | null;
  settings: BuildSettings;
  started: number;
  /** The writers, already started (one per format, in `settings.formats` order). */
  writers: StartedWriter[];
}

function printDiagnostics(list: readonly Diagnostic[], job: BuildJob, sink: Sink, quiet = false): void {
  const { listing, tally } = diagnosticsReport(list, job.diagnostics, job.lang, !quiet);
  if (listing && list.length) sink.err(listing);
  if (tally) sink.err(tally);
}

function fromIso(iso: string | null): { year: number; month: number; day: number } | undefined {
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** What a build needs of its compilation once compiled (see `compileYear`). */
interface Compiled {
  diagnostics: Diagnostic[];
  /** Null when nothing may be written (errors, or no tree). */
  usable: {
    /** Set to null by the caller once the writers have it. */
    tree: Root | null;
    kind: string;
    reportYear: number;
    documentNumber: string;
    /** The kind's own template folder (the last of its folders). */
    templateDir: string;
    fontDir?: string;
    fontFiles: string[];
  } | null;
}

/**
 * Compile, and keep only what the rest of the build needs: the compilation itself (data files,
 * dataset, model) is unreachable once this returns, and the caller lets go of the tree when the
 * writers have it, so a process that only waits for its PDF writer holds little — at 10,000
 * projects the rest is some 200 MB of heap (writers/background.ts collects it).
 */
async function compileYear(options: CompileOptions): Promise<Compiled> {
  const c = await compile(options);
  if (hasErrors(c.diagnostics) || !c.tree || !c.dataset || !c.kind) return { diagnostics: c.diagnostics, usable: null };
  const report = c.dataset.report;
  return {
    diagnostics: c.diagnostics,
    usable: {
      tree: c.tree,
      kind: report.kind,
      reportYear: report.year,
      documentNumber: report.document.number,
      templateDir: c.kind.templateDirs[c.kind.templateDirs.length - 1]!,
      fontDir: c.fontDir,
      fontFiles: c.fontFiles,
    },
  };
}

export async function buildYear(b: YearBuild, sink: Sink, stages?: StageReporter): Promise<BuildResult> {
  const { job, dataDir, year, outDir, settings } = b;
  const cwd = job.cwd;
  const t = (vi: string, en: string) => say(job.lang, vi, en);
  const result = (status: BuildResult['status'], extra: Partial<BuildResult> = {}): BuildResult => ({
    year, status, outputs: [], errors: 0, warnings: 0, ms: performance.now() - b.started, ...extra,
  });

  // Inputs are hashed before they are read for the build: an edit made meanwhile makes the
  // manifest older than the output, so the next build runs again rather than wrongly skipping.
  const dataInputs = hashFiles(dataFiles(dataDir), cwd);
  const date = fromIso(settings.date);
  const compiled = await compileYear({
    dataDir,
    cwd,
    templatesDir: job.templates,
    strict: job.strict,
    draft: settings.draft,
    number: settings.number ?? undefined,
    date,
    fontDir: settings.fontDir ? path.resolve(cwd, settings.fontDir) : undefined,
    onStage: (stage) => stages?.enter(stage),
  });
  stages?.clear();
  const diagnostics = [...compiled.diagnostics];
  printDiagnostics(diagnostics, job, sink);
  const counts = countBySeverity(diagnostics);
  if (!compiled.usable) {
    sink.err(t('Không ghi tệp nào vì dữ liệu hoặc mẫu có lỗi.\n', 'Nothing was written: the data or templates have errors.\n'));
    return result('failed', { errors: Math.max(1, counts.error), warnings: counts.warning });
  }
  const { kind, reportYear, documentNumber, templateDir, fontDir, fontFiles } = compiled.usable;
  const outputs: { name: string; bytes: Uint8Array }[] = [];
  stages?.enter('write', b.writers.map((w) => w.format.toUpperCase()).join(', '));
  const writing = writeAll(b.writers, compiled.usable.tree!);
  // The writers have the tree: let it go (see compileYear).
  compiled.usable.tree = null;
  const results = await writing.catch((e: unknown) => {
    // Stopped by the system (out of memory, most often): the machine's fault, said plainly.
    throw e instanceof WriterProcessStopped ? new MachineError('C120', { format: e.format.toUpperCase(), signal: e.signal }) : e;
  });
  stages?.clear();
  for (const [i, written] of results.entries()) {
    if (written.diagnostics.length) printDiagnostics(written.diagnostics, job, sink, true);
    if (hasErrors(written.diagnostics)) return result('failed', { errors: countBySeverity(written.diagnostics).error, warnings: counts.warning });
    const number = (settings.number ?? documentNumber).padStart(2, '0').replace(/^00$/, '');
    outputs.push({ name: outputName(kind, reportYear, b.writers[i].format, number), bytes: written.value });
  }

  const manifest: Manifest = {
    manifest: MANIFEST_VERSION,
    tool: toolId(),
    year,
    kind,
    data: inputPath(cwd, dataDir),
    templates: inputPath(cwd, templateDir),
    ...(fontDir ? { fonts: inputPath(cwd, fontDir) } : {}),
    settings,
    inputs: { ...dataInputs, ...hashFiles(templateFiles(cwd, dataDir, job.templates, kind), cwd), ...hashFiles(fontFiles, cwd) },
    outputs: Object.fromEntries(outputs.map((o) => [o.name, { sha256: sha256(o.bytes), bytes: o.bytes.length }])),
    diagnostics: { errors: 0, warnings: counts.warning },
  };
  const files = [...outputs, { name: MANIFEST_NAME, bytes: new TextEncoder().encode(serialiseManifest(manifest)) }];

  if (job.check) return check(b, files, manifest, reportYear, counts.warning, sink, result);

  // Outputs of the previous set that this one lacks (a `--format docx` after docx and pdf) go
  // with the commit: left behind they would show older figures beside the new report.
  const names = files.map((f) => f.name);
  const stale = [
    // Only report files the old manifest names, inside this folder: never anything else a user keeps here.
    ...Object.keys(b.manifest?.outputs ?? {}).filter((n) => /^[^./\\][^/\\]*\.(docx|pdf|html|xlsx)$/i.test(n)),
    ...unvouched(outDir, names),
  ].filter((n, i, all) => !names.includes(n) && all.indexOf(n) === i);
  stages?.enter('commit');
  const removed = await commitSet(outDir, files, stale);
  stages?.stop();
  for (const o of outputs) sink.out(`${t('đã ghi', 'wrote')} ${displayPath(cwd, path.join(outDir, o.name))} (${humanSize(o.bytes.length, job.lang)})\n`);
  for (const name of removed) sink.err(formatMessage('C114', { path: path.join(outDir, name), formats: settings.formats.join(',') }, job.lang));
  const ms = performance.now() - b.started;
  sink.out(t(`xong sau ${Math.round(ms)} ms${settings.draft ? ' — bản DỰ THẢO' : ''}\n`, `done in ${Math.round(ms)} ms${settings.draft ? ' — DRAFT (DỰ THẢO)' : ''}\n`));
  return result('built', {
    warnings: counts.warning,
    outputs: outputs.map((o) => ({ path: path.join(outDir, o.name), bytes: o.bytes.length })),
  });
}

/**
 * `--check`: the report files rebuilt in memory against those on disk, each format the build
 * asks for, plus any report file of another format the manifest does not vouch for. Only a
 * report that would change is stale; a manifest that differs while every report is identical
 * (a comment edited in the data) is a note.
 */
function check(
  b: YearBuild,
  files: { name: string; bytes: Uint8Array }[],
  manifest: Manifest,
  reportYear: number,
  warnings: number,
  sink: Sink,
  result: (status: BuildResult['status'], extra?: Partial<BuildResult>) => BuildResult,
): BuildResult {
  const { job, outDir } = b;
  const cwd = job.cwd;
  const shownOut = displayPath(cwd, outDir);
  const differs = (f: { name: string; bytes: Uint8Array }): string | null => {
    const disk = path.join(outDir, f.name);
    const shown = displayPath(cwd, disk);
    if (!existsSync(disk)) return `${shown}: không có (chưa dựng, hoặc chưa commit)`;
    const onDisk = sha256(readFileSync(disk));
    if (onDisk === sha256(f.bytes)) return null;
    const recorded = b.manifest?.outputs[f.name];
    return `${shown}: khác với bản dựng lại từ dữ liệu hiện tại${recorded && recorded.sha256 !== onDisk ? ' (tệp đã bị sửa sau lần dựng ghi trong manifest.json)' : ''}`;
  };
  const reports = files.filter((f) => f.name !== MANIFEST_NAME);
  const manifestFile = files.find((f) => f.name === MANIFEST_NAME)!;
  const stale = reports.map(differs).filter((s): s is string => s !== null);
  const manifestDiff = differs(manifestFile);
  const why = b.manifest
    ? describeChanges(compareInputs(b.manifest, manifest), b.manifest.tool, manifest.tool)
    : ['không có manifest.json nên không rõ đầu vào nào đã đổi'];
  // A missing manifest is stale (nothing vouches for the reports); an outdated one only when a report is.
  if (manifestDiff && (stale.length || !b.manifest)) stale.push(manifestDiff);
  const vouched = b.manifest ? Object.keys(b.manifest.outputs) : [];
  const strays = unvouched(outDir, [...reports.map((f) => f.name), ...vouched]);
  const strayText = strays.map((name) => formatMessage('C115', {
    path: path.join(outDir, name),
    formats: (b.manifest?.settings.formats ?? b.settings.formats).join(', '),
    target: job.target,
    want: [...b.settings.formats, path.extname(name).slice(1)].join(','),
  }, job.lang)).join('');
  const formats = b.settings.formats.join(', ');
  const ms = performance.now() - b.started;
  if (!stale.length && !strays.length) {
    sink.out(`${shownOut}: ${files.length - (manifestDiff ? 1 : 0)} tệp khớp với bản dựng lại từ dữ liệu hiện tại — định dạng ${formats} (${seconds(ms)})\n`);
    if (manifestDiff) sink.err(formatMessage('C116', { why: why.join('; ') || 'công cụ cho manifest khác', target: job.target }, job.lang));
    return result('fresh', { warnings, outputs: files.map((f) => ({ path: path.join(outDir, f.name), bytes: f.bytes.length })) });
  }
  const lines = stale.length ? [
    `${shownOut}: báo cáo đã cũ so với dữ liệu:`,
    ...stale.map((s) => `  ${s}`),
    'vì:',
    ...(why.length ? why : ['đầu vào không đổi so với manifest.json: tệp xuất đã bị sửa tay, hoặc công cụ cho kết quả khác']).map((s) => `  ${s}`),
    `Cập nhật bằng: report build ${job.target}, rồi commit thư mục ${shownOut}.`,
  ] : [];
  sink.err(`${lines.length ? `${lines.join('\n')}\n` : ''}${strayText}`);
  return result('stale', { warnings, stale: [...stale, ...strays.map((n) => `${displayPath(cwd, path.join(outDir, n))}: không thuộc manifest.json`), ...(stale.length ? why : [])] });
}
