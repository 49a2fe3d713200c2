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
import { suggest } from './suggest.js';

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
  return [...collapseErrors(errors).map((p) => explainProblem(p, file)), ...extraChecks(file)];
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
