/**
 * The heavy half of `report build`: one year compiled, checked for its number and date, rendered
 * to every asked-for format in memory, then either written atomically with its manifest, or
 * (`--check`) compared with the files already on disk — naming each stale file and the inputs
 * that changed since the manifest was written. Imported only when the light half (`build.ts`)
 * found something to do; also what each `--all` worker thread runs.
 */
import { templatesRoot } from '../pipeline/paths.js';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compile } from '../pipeline/compile.js';
import { countBySeverity, diagnosticsReport } from '../diagnostics/format.js';
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import { writeAll, type StartedWriter } from '../writers/background.js';
import { writeAtomically, humanSize } from './io.js';
import {
  MANIFEST_NAME, MANIFEST_VERSION, compareInputs, dataFiles, describeChanges, displayPath, hashFiles, inputPath,
  serialiseManifest, sha256, templateFiles, toolId, type BuildSettings, type Manifest,
} from './manifest.js';
import { outputName, seconds, type BuildJob, type BuildResult, type Sink } from './build.js';
import { say } from './lang.js';

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

export async function buildYear(b: YearBuild, sink: Sink): Promise<BuildResult> {
  const { job, dataDir, year, outDir, settings } = b;
  const cwd = job.cwd;
  const t = (vi: string, en: string) => say(job.lang, vi, en);
  const result = (status: BuildResult['status'], extra: Partial<BuildResult> = {}): BuildResult => ({
    year, status, outputs: [], errors: 0, warnings: 0, ms: performance.now() - b.started, ...extra,
  });

  // Inputs are hashed before they are read for the build: an edit made meanwhile makes the
  // manifest older than the output, so the next build runs again rather than wrongly skipping.
  const dataInputs = hashFiles(dataFiles(dataDir), cwd);
  const tplRoot = templatesRoot(cwd, job.templates);
  const date = fromIso(settings.date);
  const compilation = await compile({
    dataDir,
    cwd,
    templatesDir: tplRoot,
    strict: job.strict,
    draft: settings.draft,
    number: settings.number ?? undefined,
    date,
  });
  const diagnostics = [...compilation.diagnostics];
  printDiagnostics(diagnostics, job, sink);
  const counts = countBySeverity(diagnostics);
  if (hasErrors(diagnostics) || !compilation.tree || !compilation.dataset) {
    sink.err(t('Không ghi tệp nào vì dữ liệu hoặc mẫu có lỗi.\n', 'Nothing was written: the data or templates have errors.\n'));
    return result('failed', { errors: Math.max(1, counts.error), warnings: counts.warning });
  }

  const dataset = compilation.dataset;
  const outputs: { name: string; bytes: Uint8Array }[] = [];
  const results = await writeAll(b.writers, compilation.tree);
  for (const [i, written] of results.entries()) {
    if (written.diagnostics.length) printDiagnostics(written.diagnostics, job, sink, true);
    if (hasErrors(written.diagnostics)) return result('failed', { errors: countBySeverity(written.diagnostics).error, warnings: counts.warning });
    outputs.push({ name: outputName(dataset.report.kind, dataset.report.year, b.writers[i].format), bytes: written.value });
  }

  const kind = dataset.report.kind;
  const manifest: Manifest = {
    manifest: MANIFEST_VERSION,
    tool: toolId(),
    year,
    kind,
    data: inputPath(cwd, dataDir),
    templates: inputPath(cwd, path.join(tplRoot, kind)),
    settings,
    inputs: { ...dataInputs, ...hashFiles(templateFiles(tplRoot, kind), cwd) },
    outputs: Object.fromEntries(outputs.map((o) => [o.name, { sha256: sha256(o.bytes), bytes: o.bytes.length }])),
    diagnostics: { errors: 0, warnings: counts.warning },
  };
  const files = [...outputs, { name: MANIFEST_NAME, bytes: new TextEncoder().encode(serialiseManifest(manifest)) }];
  const shownOut = displayPath(cwd, outDir);

  if (job.check) {
    const stale: string[] = [];
    for (const f of files) {
      const disk = path.join(outDir, f.name);
      const shown = displayPath(cwd, disk);
      if (!existsSync(disk)) {
        stale.push(t(`${shown}: không có (chưa dựng, hoặc chưa commit)`, `${shown}: missing (not built, or not committed)`));
        continue;
      }
      const onDisk = sha256(readFileSync(disk));
      if (onDisk === sha256(f.bytes)) continue;
      const recorded = b.manifest?.outputs[f.name];
      const edited = recorded && recorded.sha256 !== onDisk;
      stale.push(t(`${shown}: khác với bản dựng lại từ dữ liệu hiện tại${edited ? ' (tệp đã bị sửa sau lần dựng ghi trong manifest.json)' : ''}`,
        `${shown}: differs from a rebuild from the current data${edited ? ' (the file was edited after the build recorded in manifest.json)' : ''}`));
    }
    const ms = performance.now() - b.started;
    if (!stale.length) {
      sink.out(t(`${shownOut}: ${files.length} tệp khớp với bản dựng lại từ dữ liệu hiện tại (${seconds(ms)})\n`, `${shownOut}: ${files.length} files match a rebuild from the current data (${seconds(ms, 'en')})\n`));
      return result('fresh', { warnings: counts.warning, outputs: files.map((f) => ({ path: path.join(outDir, f.name), bytes: f.bytes.length })) });
    }
    const why = b.manifest
      ? describeChanges(compareInputs(b.manifest, manifest), b.manifest.tool, manifest.tool, job.lang)
      : [t('không có manifest.json nên không rõ đầu vào nào đã đổi', 'there is no manifest.json, so which inputs changed is unknown')];
    const lines = [
      t(`${shownOut}: báo cáo đã cũ so với dữ liệu:`, `${shownOut}: the report is stale against the data:`),
      ...stale.map((s) => `  ${s}`),
      t('vì:', 'because:'),
      ...(why.length ? why : [t('đầu vào không đổi so với manifest.json: tệp xuất đã bị sửa tay, hoặc công cụ cho kết quả khác', 'the inputs match manifest.json: an output was edited by hand, or the tool gives a different result')]).map((s) => `  ${s}`),
      t(`Cập nhật bằng: report build ${job.target}, rồi commit thư mục ${shownOut}.`, `Update with: report build ${job.target}, then commit the folder ${shownOut}.`),
    ];
    sink.err(`${lines.join('\n')}\n`);
    return result('stale', { warnings: counts.warning, stale: [...stale, ...why] });
  }

  await writeAtomically(files.map((f) => ({ path: path.join(outDir, f.name), bytes: f.bytes })));
  for (const o of outputs) sink.out(`${t('đã ghi', 'wrote')} ${displayPath(cwd, path.join(outDir, o.name))} (${humanSize(o.bytes.length, job.lang)})\n`);
  const ms = performance.now() - b.started;
  sink.out(t(`xong sau ${Math.round(ms)} ms${settings.draft ? ' — bản DỰ THẢO' : ''}\n`, `done in ${Math.round(ms)} ms${settings.draft ? ' — DRAFT (DỰ THẢO)' : ''}\n`));
  return result('built', {
    warnings: counts.warning,
    outputs: outputs.map((o) => ({ path: path.join(outDir, o.name), bytes: o.bytes.length })),
  });
}
