/**
 * Report kinds as packages: a kind is a folder `templates/<kind>/` holding its templates and a
 * manifest `kind.yaml` (Vietnamese title, the document type it issues, its data files and which
 * are required, where their schemas are, the module of its own code if it has any). Kinds are
 * found by scanning folders, never by a table: the package's `templates/`, then the agency's
 * own — the `templates/` beside its data root, `./templates`, and `--templates` — each later
 * folder overriding the earlier ones. A kind of the same name found again overrides the
 * manifest when its folder has a `kind.yaml`, and overrides templates one file at a time, so an
 * agency can replace one section of a shipped kind by writing just that template.
 *
 * This module only reads folders and small YAML manifests, so the light half of `report build`
 * (the up-to-date check) can use it without loading the pipeline.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { Diagnostic, SourcePosition, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { kindRoots, isDir, SHARED_SCHEMAS, type KindRoots } from './roots.js';
import { compareNames } from '../files/order.js';

export { kindRoots, PACKAGE_TEMPLATES, SHARED_SCHEMAS, type KindRoots } from './roots.js';

/** One data file a kind reads: `<name>.yaml` in the data folder. */
export interface DataFileSpec {
  name: string;
  title?: string;
  required: boolean;
  /** Absolute path of its JSON Schema. */
  schema: string;
  /** Plain-string fields that change every year (JSON pointers, `*` for any index): `report new` blanks them. */
  yearly: string[];
  /** The file holds prose in the shared content model (sections, blocks, appendices). */
  content: boolean;
}

export interface KindInfo {
  name: string;
  title: string;
  documentType: string;
  /** Where the manifest in force came from: the package or an agency folder. */
  source: 'package' | 'agency';
  manifest: string;
  /** The kind's template folders, package first; a later folder's file overrides an earlier one's. */
  templateDirs: string[];
  /** The folder of the kind's record schemas (`schemas/<kind>/`). */
  schemasDir: string;
  files: DataFileSpec[];
  /** The kind's own code, `src/kinds/<module>/` (shipped with the package; an agency's manifest may name it). */
  module?: string;
  /** Report metadata fields the kind's templates print, required in its report.yaml. */
  requires: string[];
}

/** Every kind the roots define, by name (sorted), with the diagnostics of broken manifests. */
export function discoverKinds(roots: KindRoots, cwd: string): StageResult<Map<string, KindInfo>> {
  const kinds = new Map<string, KindInfo>();
  const diagnostics: Diagnostic[] = [];
  for (const root of roots.roots) {
    for (const name of readdirSync(root.dir).sort()) {
      const dir = path.join(root.dir, name);
      if (!isDir(dir)) continue;
      const earlier = kinds.get(name);
      const manifestPath = path.join(dir, 'kind.yaml');
      if (existsSync(manifestPath)) {
        const read = cachedManifest(manifestPath, name, root.source, cwd);
        diagnostics.push(...read.diagnostics);
        if (!read.value) continue;
        // An agency manifest replaces the package's; its templates still layer over the package's.
        read.value.templateDirs = [...(earlier?.templateDirs ?? []), dir];
        kinds.set(name, read.value);
      } else if (earlier) {
        earlier.templateDirs.push(dir);
      }
    }
  }
  return { value: new Map([...kinds].sort(([a], [b]) => compareNames(a, b))), diagnostics };
}

/** The kinds of a run, in one call. */
export function findKinds(cwd: string, dataDir?: string, templates?: string): StageResult<Map<string, KindInfo>> {
  return discoverKinds(kindRoots(cwd, dataDir, templates), cwd);
}

// ---------- kind.yaml ----------

/**
 * Manifests read in this process, by path, kept while the file's size and time are unchanged:
 * `report preview` discovers the kinds on every rebuild, and should not parse them again.
 */
const manifests = new Map<string, { stamp: string; result: StageResult<KindInfo | null> }>();

function cachedManifest(file: string, folderName: string, source: 'package' | 'agency', cwd: string): StageResult<KindInfo | null> {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}:${source}:${cwd}`;
  const hit = manifests.get(file);
  if (hit?.stamp !== stamp) manifests.set(file, { stamp, result: readManifest(file, folderName, source, cwd) });
  const { value, diagnostics } = manifests.get(file)!.result;
  // Callers extend templateDirs: each gets its own copy.
  return { value: value && { ...value, templateDirs: [...value.templateDirs], files: [...value.files] }, diagnostics: [...diagnostics] };
}

type Raw = Record<string, unknown>;

function readManifest(file: string, folderName: string, source: 'package' | 'agency', cwd: string): StageResult<KindInfo | null> {
  const shown = displayPath(file, cwd);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(readFileSync(file, 'utf8').normalize('NFC'), { lineCounter, uniqueKeys: true, schema: 'failsafe' });
  } catch (err) {
    return manifestError(shown, 1, 1, `không đọc được tệp (${(err as Error).message})`);
  }
  if (doc.errors.length) {
    const { line, col } = lineCounter.linePos(doc.errors[0].pos[0]);
    return manifestError(shown, line, col, `lỗi cú pháp YAML (${doc.errors[0].message.split('\n')[0]})`);
  }
  const at = (key: string): SourcePosition => keyAt(doc, lineCounter, shown, key);
  const data = (doc.toJS() ?? {}) as Raw;
  if (typeof data !== 'object' || Array.isArray(data)) return manifestError(shown, 1, 1, 'tệp phải là các trường "tên: giá trị"');
  const missing = ['name', 'title', 'documentType'].find((k) => typeof data[k] !== 'string' || !data[k]);
  if (missing) return manifestError(shown, 1, 1, `thiếu trường "${missing}"`);
  if (data.name !== folderName) {
    const p = at('name');
    return manifestError(shown, p.line, p.column, `name "${String(data.name)}" khác tên thư mục "${folderName}"`);
  }
  const dir = path.dirname(file);
  const schemasDir = path.resolve(dir, typeof data.schemas === 'string' ? data.schemas : path.join('..', '..', 'schemas', folderName));
  const files: DataFileSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const rawFiles = (data.files ?? {}) as Raw;
  if (typeof rawFiles !== 'object' || Array.isArray(rawFiles)) return manifestError(shown, at('files').line, at('files').column, '"files" phải là các mục "tên-tệp: { … }"');
  for (const [name, spec] of Object.entries(rawFiles)) {
    const s = (spec && typeof spec === 'object' ? spec : {}) as Raw;
    // report.yaml is shared by every kind: its schema is the package's, whatever the manifest says.
    const schema = name === 'report' ? path.join(SHARED_SCHEMAS, 'report.schema.json')
      : schemaFile(schemasDir, folderName, typeof s.schema === 'string' ? s.schema : `${name}.schema.json`);
    if (!existsSync(schema)) {
      const p = at('files');
      diagnostics.push(makeDiagnostic('K003', p, { name, schema: displayPath(schema, cwd) }));
      continue;
    }
    files.push({
      name,
      title: typeof s.title === 'string' ? s.title : undefined,
      required: s.required === 'true',
      schema,
      yearly: Array.isArray(s.yearly) ? s.yearly.map(String) : [],
      content: s.content === 'true',
    });
  }
  return {
    value: {
      name: folderName,
      title: String(data.title),
      documentType: String(data.documentType),
      source,
      manifest: file,
      templateDirs: [],
      schemasDir,
      files,
      module: typeof data.module === 'string' ? data.module : undefined,
      requires: Array.isArray(data.requires) ? data.requires.map(String) : [],
    },
    diagnostics,
  };
}

/**
 * A record schema: in the manifest's schemas folder, else — for an agency's copy of a package
 * kind's folder, whose relative `schemas:` path no longer leads anywhere — in the package's
 * `schemas/<kind>/`.
 */
function schemaFile(schemasDir: string, kind: string, file: string): string {
  const own = path.resolve(schemasDir, file);
  const shipped = path.resolve(SHARED_SCHEMAS, kind, file);
  return existsSync(own) || !existsSync(shipped) ? own : shipped;
}

function manifestError(file: string, line: number, column: number, reason: string): StageResult<null> {
  return { value: null, diagnostics: [makeDiagnostic('K002', { file, line, column }, { reason })] };
}

function keyAt(doc: Document.Parsed, lc: LineCounter, file: string, key: string): SourcePosition {
  const contents = doc.contents;
  if (isMap(contents)) {
    const pair = contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const offset = (pair?.key as { range?: [number, number] } | undefined)?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lc.linePos(offset);
      return { file, line, column: col };
    }
  }
  return { file, line: 1, column: 1 };
}

/** Relative to the working directory when inside it, with forward slashes. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}

// ---------- templates ----------

/** The kind's templates by name (`main`, `von-dau-tu`, …): the last folder defining a name wins. */
export function kindTemplates(kind: Pick<KindInfo, 'templateDirs'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of kind.templateDirs) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.hbs')).sort()) out.set(f.replace(/\.hbs$/, ''), path.join(dir, f));
  }
  return new Map([...out].sort(([a], [b]) => compareNames(a, b)));
}

/** The kind a report.yaml names, read with a pattern (cheap enough for the up-to-date check). */
export function kindOfDataFolder(dataDir: string): string | undefined {
  try {
    const m = /^kind:\s*["']?([a-z0-9-]+)/m.exec(readFileSync(path.join(dataDir, 'report.yaml'), 'utf8'));
    return m?.[1];
  } catch {
    return undefined;
  }
}
