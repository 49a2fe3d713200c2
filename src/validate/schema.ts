/**
 * Schema validation: checks each loaded data file against its JSON Schema — `report.yaml`
 * against the shared `schemas/report.schema.json`, every other file against the schema its
 * report kind names in `kind.yaml` (by default `schemas/<kind>/<file>.schema.json`). The
 * package's schemas are compiled ahead of time by `scripts/build-validators.mjs` into
 * `dist/validators/validators.cjs` (loaded once, on first use); a schema that module lacks —
 * an agency's own kind, added without a rebuild — is compiled here at run time with the same
 * Ajv options. A file whose name has no schema is a V100 warning with a "did you mean"; every
 * schema error becomes one positioned Vietnamese diagnostic (see schema-collapse.ts and
 * schema-explain.ts). The one rule JSON Schema cannot state — a report date such as day 31 of
 * month 2 in separate fields — is checked here too.
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { positionOf, type SourceFile } from '../load/index.js';
import { daysInMonth } from '../numbers/index.js';
import { PACKAGE_ROOT } from '../pipeline/paths.js';
import { collapseErrors } from './schema-collapse.js';
import { explainProblem, fieldPath } from './schema-explain.js';
import { impossibleDayMonth } from './schema-formats.js';
import { suggest } from '../diagnostics/suggest.js';

type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

interface GeneratedValidators {
  schemaNames: string[];
  [name: string]: ValidateFunction | string[];
}

/** The shared schemas folder and the module the build step compiles from it. */
const SCHEMAS = path.join(PACKAGE_ROOT, 'schemas');
const PRECOMPILED = path.join(PACKAGE_ROOT, 'dist', 'validators', 'validators.cjs');

let generated: GeneratedValidators | undefined;

/** The compiled validators, required once; a missing file means the build step was skipped. */
function validators(): GeneratedValidators {
  if (!generated) {
    try {
      generated = createRequire(import.meta.url)(PRECOMPILED) as GeneratedValidators;
    } catch (err) {
      throw new Error(`Schema validators not built (run \`npm run build\` or \`node scripts/build-validators.mjs\`): ${(err as Error).message}`);
    }
  }
  return generated;
}

/** The data files of a kind: name and the absolute path of its schema. */
export interface SchemaSpec {
  name: string;
  schema: string;
  /** The schema's path as shown in messages (default: its name). */
  display?: string;
}

/** report.yaml's schema, shared by every kind. */
export const REPORT_SCHEMA: SchemaSpec = { name: 'report', schema: path.join(SCHEMAS, 'report.schema.json') };

/** Validators compiled at run time, by schema path (an agency's kind compiles once per process). */
const compiledAtRunTime = new Map<string, ValidateFunction>();

/** The validator of a schema file: precompiled when the package ships it, else compiled now. */
function validatorOf(schemaFile: string): ValidateFunction {
  const rel = path.relative(SCHEMAS, schemaFile).split(path.sep).join('/');
  const key = rel.replace(/\.schema\.json$/, '');
  const mod = validators();
  if (!rel.startsWith('..') && mod.schemaNames.includes(key)) return mod[key] as ValidateFunction;
  let fn = compiledAtRunTime.get(schemaFile);
  if (!fn) {
    fn = compileSchema(schemaFile);
    compiledAtRunTime.set(schemaFile, fn);
  }
  return fn;
}

/**
 * Compile one schema with Ajv, as the build step does, with the shared schemas registered so
 * its `$ref`s to `common.schema.json` resolve (by `$id`, or by the file's own location).
 */
function compileSchema(schemaFile: string): ValidateFunction {
  const require = createRequire(import.meta.url);
  const Ajv2020 = (require('ajv/dist/2020.js') as { default: new (o: object) => AjvLike }).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  for (const f of readdirSync(SCHEMAS).filter((n) => n.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8')));
  }
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id?: string };
  // Without an $id of its own, the schema is placed beside the shared ones' $ids so that a
  // relative `../common.schema.json` or `common.schema.json` reference finds them.
  if (!schema.$id) schema.$id = `https://baocao.local/schemas/${path.basename(path.dirname(schemaFile))}/${path.basename(schemaFile)}`;
  return ajv.compile(schema);
}

interface AjvLike {
  addSchema(schema: object): unknown;
  compile(schema: object): ValidateFunction;
}

/** Names of the data files a kind reads, report.yaml included. */
export function knownDataFiles(specs: readonly SchemaSpec[] = []): readonly string[] {
  return [...new Set([REPORT_SCHEMA.name, ...specs.map((s) => s.name)])].sort();
}

/** Validate every file against its schema (report.yaml's, or the kind's); diagnostics sorted by position. */
export function validateSchemas(files: readonly SourceFile[], specs: readonly SchemaSpec[] = []): Diagnostic[] {
  const all = specs.some((s) => s.name === REPORT_SCHEMA.name) ? specs : [REPORT_SCHEMA, ...specs];
  return files.flatMap((file) => sortByPosition(validateFile(file, all)));
}

function validateFile(file: SourceFile, specs: readonly SchemaSpec[]): Diagnostic[] {
  const spec = specs.find((s) => s.name === file.name);
  if (!spec) return [unknownFile(file, specs)];
  const validate = validatorOf(spec.schema);
  const errors = validate(file.data) ? [] : [...(validate.errors ?? [])];
  const blanks = blankPointers(file.data);
  const problems = collapseErrors(errors).filter((p) => !blanks.some((b) => p.instancePath === b || p.instancePath.startsWith(`${b}/`)));
  return [...problems.map((p) => explainProblem(p, file, spec.display ?? `${spec.name}.schema.json`)), ...blanks.map((b) => blankDiagnostic(file, b, errors)), ...extraChecks(file)];
}

// ---------- blanks left by `report new` ----------
/** The marker `report new` leaves where a yearly figure or text must be filled in. */
export const BLANK = '__';

const FIGURE_FORMATS = new Set(['money', 'area', 'percent', 'rate', 'fraction', 'count', 'figureValue', 'kpiValue', 'monthYear', 'period', 'statValue']);

/** JSON pointers of every value that is exactly the blank marker. */
function blankPointers(data: unknown, pointer = ''): string[] {
  if (data === BLANK) return [pointer];
  if (Array.isArray(data)) return data.flatMap((v, i) => blankPointers(v, `${pointer}/${i}`));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => blankPointers(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [];
}

/** V150 at the blank: "missing figure" (with the kind and an example from the schema) or "missing text". */
function blankDiagnostic(file: SourceFile, pointer: string, errors: readonly ErrorObject[]): Diagnostic {
  const schema = errors.map((e) => e.parentSchema as { title?: string; examples?: unknown[]; 'x-format'?: string } | undefined)
    .find((s, i) => errors[i]!.instancePath === pointer && s && FIGURE_FORMATS.has(String(s['x-format'])));
  const kind = schema?.title ? ` (${schema.title.charAt(0).toLocaleLowerCase('vi')}${schema.title.slice(1)})` : '';
  // A field with a fixed list of values: the hint lists them, as the data writes them.
  const allowed = errors.find((e) => e.instancePath === pointer && e.keyword === 'enum')?.params as { allowedValues?: unknown[] } | undefined;
  const example = allowed?.allowedValues?.length
    ? `, một trong: ${allowed.allowedValues.map((v) => `"${String(v)}"`).join(', ')}`
    : schema?.examples?.length ? `, ví dụ: ${String(schema.examples[0])}` : '';
  return makeDiagnostic('V150', positionOf(file, pointer), {
    field: fieldPath(pointer),
    what: schema ? `số liệu${kind}` : 'nội dung',
    whatEn: schema ? 'figure' : 'text',
    example,
    exampleEn: example.replace('ví dụ', 'e.g.').replace('một trong', 'one of'),
  });
}

function unknownFile(file: SourceFile, specs: readonly SchemaSpec[]): Diagnostic {
  const known = knownDataFiles(specs);
  const meant = suggest(file.name, known);
  return makeDiagnostic('V100', { file: file.path, line: 1, column: 1 }, {
    file: file.path,
    known: known.map((n) => `${n}.yaml`).join(', '),
    suggestion: meant ? `Có phải ý bạn là "${meant}.yaml"? ` : '',
    suggestionEn: meant ? `Did you mean "${meant}.yaml"? ` : '',
  });
}

/** Checks JSON Schema cannot express; each looks only at values that passed their own pattern. */
function extraChecks(file: SourceFile): Diagnostic[] {
  return file.name === 'report' ? checkDocumentDate(file) : [];
}

/** `document.date` is split into year/month/day, so 31 + 2 passes the per-field patterns. */
function checkDocumentDate(file: SourceFile): Diagnostic[] {
  const date = (file.data as { document?: { date?: Record<string, unknown> } }).document?.date;
  const [year, month, day] = [date?.year, date?.month, date?.day].map((v) => (v === undefined ? NaN : Number(v)));
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return [];
  if (day <= daysInMonth(year, month)) return [];
  const pointer = '/document/date/day';
  const reason = impossibleDayMonth(year, month, day);
  return [makeDiagnostic('V106', positionOf(file, pointer), { field: fieldPath(pointer), value: String(date?.day), reason: reason.vi, reasonEn: reason.en })];
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}
