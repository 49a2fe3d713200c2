/**
 * Schema validation: checks each loaded data file against its JSON Schema in `schemas/`, using
 * the validators that `scripts/build-validators.mjs` compiled ahead of time into
 * `generated/validators.cjs` (loaded once, on first use). A file whose name has no schema is a
 * V100 warning with a "did you mean"; every schema error becomes one positioned Vietnamese
 * diagnostic (see schema-collapse.ts and schema-explain.ts). The one rule JSON Schema cannot
 * state — a report date such as day 31 of month 2 in separate fields — is checked here too.
 */
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { positionOf, type SourceFile } from '../load/index.js';
import { daysInMonth } from '../numbers/index.js';
import { collapseErrors } from './schema-collapse.js';
import { explainProblem, fieldPath } from './schema-explain.js';
import { impossibleDayMonth } from './schema-formats.js';
import { suggest } from '../diagnostics/suggest.js';

type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

interface GeneratedValidators {
  schemaNames: string[];
  [name: string]: ValidateFunction | string[];
}

let generated: GeneratedValidators | undefined;

/** The compiled validators, required once; a missing file means the build step was skipped. */
function validators(): GeneratedValidators {
  if (!generated) {
    try {
      generated = createRequire(import.meta.url)('./generated/validators.cjs') as GeneratedValidators;
    } catch (err) {
      throw new Error(`Schema validators not built (run \`npm run build\` or \`node scripts/build-validators.mjs\`): ${(err as Error).message}`);
    }
  }
  return generated;
}

/** Names of the data files that have a schema (`report`, `investment`, …). */
export function knownDataFiles(): readonly string[] {
  return validators().schemaNames;
}

function validatorFor(name: string): ValidateFunction | undefined {
  const mod = validators();
  return mod.schemaNames.includes(name) ? (mod[name] as ValidateFunction) : undefined;
}

/** Validate every file against the schema named like it; diagnostics sorted by file position. */
export function validateSchemas(files: readonly SourceFile[]): Diagnostic[] {
  return files.flatMap((file) => sortByPosition(validateFile(file)));
}

function validateFile(file: SourceFile): Diagnostic[] {
  const validate = validatorFor(file.name);
  if (!validate) return [unknownFile(file)];
  const errors = validate(file.data) ? [] : [...(validate.errors ?? [])];
  const blanks = blankPointers(file.data);
  const problems = collapseErrors(errors).filter((p) => !blanks.some((b) => p.instancePath === b || p.instancePath.startsWith(`${b}/`)));
  return [...problems.map((p) => explainProblem(p, file)), ...blanks.map((b) => blankDiagnostic(file, b, errors)), ...extraChecks(file)];
}

// ---------- blanks left by `report new` ----------
/** The marker `report new` leaves where a yearly figure or text must be filled in. */
export const BLANK = '__';

const FIGURE_FORMATS = new Set(['money', 'area', 'percent', 'fraction', 'count', 'figureValue', 'kpiValue', 'monthYear', 'period']);

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
  const example = schema?.examples?.length ? `, ví dụ: ${String(schema.examples[0])}` : '';
  return makeDiagnostic('V150', positionOf(file, pointer), {
    field: fieldPath(pointer),
    what: schema ? `số liệu${kind}` : 'nội dung',
    whatEn: schema ? 'figure' : 'text',
    example,
    exampleEn: example.replace('ví dụ', 'e.g.'),
  });
}

function unknownFile(file: SourceFile): Diagnostic {
  const known = knownDataFiles();
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
