/**
 * Turns Ajv's raw error list (allErrors) into one "problem" per real mistake. Ajv reports every
 * failed branch of an `anyOf`/`oneOf` followed by the composite error itself: a money figure
 * written `676.373` yields a pattern error for money, area, percent, fraction and count, a type
 * error for the unit list, then "must match a schema in anyOf". Ajv emits a composite's branch
 * errors immediately before it, all at or below its instance path, so each composite takes the
 * run of problems just before it that lie under its path and keeps the most specific: problems
 * deeper in the data win; otherwise type mismatches of branches that did not apply are dropped,
 * competing patterns are resolved by guessing what the value was meant to be, and "missing text
 * / kpi / list" alternatives become one problem. A `oneOf` that failed because several branches
 * matched means two exclusive fields were both written. A last pass drops a "missing field"
 * when an unknown field next to it is that field misspelt.
 */
import type { ErrorObject } from 'ajv';
import { guessFormat } from './schema-formats.js';
import { suggest } from '../diagnostics/suggest.js';

/** A schema node as Ajv's verbose errors expose it (only the parts the messages read). */
export interface SchemaNode {
  title?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  'x-format'?: string;
  [keyword: string]: unknown;
}

/** One mistake to report: an Ajv error, or several merged into one. */
export interface Problem {
  /** Ajv keyword; merged composites use `required` (with alternatives) or `exclusive`. */
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  parentSchema?: SchemaNode;
  data?: unknown;
  message?: string;
}

export function collapseErrors(errors: readonly ErrorObject[]): Problem[] {
  const out: Problem[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') settleComposite(error, out);
    else out.push(toProblem(error));
  }
  return dropMisspeltRequired(dedupe(out));
}

function toProblem(e: ErrorObject): Problem {
  return {
    keyword: e.keyword,
    instancePath: e.instancePath,
    params: { ...(e.params as Record<string, unknown>) },
    parentSchema: e.parentSchema as SchemaNode | undefined,
    data: e.data,
    message: e.message,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1;
}

/** True when `pointer` is `base` or lies below it (segment-wise, so /a/b is not under /a/bc). */
function isWithin(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

/** Replace the composite's branch problems (the run just before it, under its path) with the best. */
function settleComposite(e: ErrorObject, out: Problem[]): void {
  const passing = (e.params as { passingSchemas?: unknown }).passingSchemas;
  if (e.keyword === 'oneOf' && Array.isArray(passing)) {
    // Several branches matched. For a non-object the branches were `required` lists that a
    // non-object trivially passes: noise from a type error reported elsewhere.
    if (isPlainObject(e.data)) out.push(exclusive(e));
    return;
  }
  let start = out.length;
  while (start > 0 && isWithin(out[start - 1].instancePath, e.instancePath)) start--;
  const members = out.splice(start);
  out.push(...chooseMembers(toProblem(e), members));
}

/** Both of two exclusive fields (e.g. `text` and `kpi` in one block) were written. */
function exclusive(e: ErrorObject): Problem {
  const branches = Array.isArray(e.schema) ? (e.schema as SchemaNode[]) : [];
  const data = e.data as Record<string, unknown>;
  const fields = branches.flatMap((b) => b.required ?? []).filter((f) => f in data);
  return { keyword: 'exclusive', instancePath: e.instancePath, params: { fields }, parentSchema: e.parentSchema as SchemaNode, data: e.data };
}

function chooseMembers(composite: Problem, members: Problem[]): Problem[] {
  const level = depth(composite.instancePath);
  const deeper = members.filter((m) => depth(m.instancePath) > level);
  const here = members.filter((m) => depth(m.instancePath) === level);
  const meaningful = here.filter((m) => m.keyword !== 'type');
  if (deeper.length) return [...deeper, ...ofMeantBranch(composite, deeper, meaningful)];
  if (meaningful.length) return mergeSameLevel(composite, meaningful);
  if (here.length) return [mergeTypes(composite, here)];
  return [composite];
}

/**
 * An object that failed inside one branch (`{ rate: "101.28" }`, a figure that is a rate) was
 * meant as the branch that knows the field the deeper problem is under: the "missing field" and
 * "unknown field" problems of object branches that do not know that field (a linked figure's
 * `value`, …) are noise. A branch that knows it (a misspelt field beside it) keeps its problems.
 */
function ofMeantBranch(composite: Problem, deeper: Problem[], problems: Problem[]): Problem[] {
  if (!isPlainObject(composite.data)) return problems;
  const level = depth(composite.instancePath);
  const failedUnder = new Set(deeper.map((d) => d.instancePath.split('/')[level + 1]!.replace(/~1/g, '/').replace(/~0/g, '~')));
  const knows = (p: Problem) => [...failedUnder].some((k) => Object.hasOwn(p.parentSchema?.properties ?? {}, k));
  return problems.filter((p) => (p.keyword !== 'required' && p.keyword !== 'additionalProperties') || knows(p));
}

/** Branches that all failed on type: one problem listing every type that would have done. */
function mergeTypes(composite: Problem, types: Problem[]): Problem {
  const expected = [...new Set(types.flatMap((t) => [t.params.type].flat() as string[]))];
  return { ...composite, keyword: 'type', params: { type: expected } };
}

function mergeSameLevel(composite: Problem, problems: Problem[]): Problem[] {
  const required = problems.filter((p) => p.keyword === 'required');
  const patterns = problems.filter((p) => p.keyword === 'pattern');
  const rest = problems.filter((p) => p.keyword !== 'required' && p.keyword !== 'pattern');
  const merged: Problem[] = [];
  if (required.length > 1) {
    const alternatives = [...new Set(required.map((r) => String(r.params.missingProperty)))];
    merged.push({ ...required[0], params: { missingProperty: alternatives[0], alternatives }, parentSchema: composite.parentSchema });
  } else merged.push(...required);
  if (patterns.length > 1) merged.push(pickPattern(patterns));
  else merged.push(...patterns);
  return [...merged, ...rest];
}

/** Of competing format patterns (a figure may be money, area, percent…), the one the value was meant as. */
function pickPattern(patterns: Problem[]): Problem {
  const formats = patterns.map((p) => p.parentSchema?.['x-format'] ?? '');
  const chosen = guessFormat(String(patterns[0].data ?? ''), formats);
  return patterns[formats.indexOf(chosen)] ?? patterns[0];
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.keyword}\u0000${p.instancePath}\u0000${JSON.stringify(p.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Names an unknown field may have been meant as: the properties of the object it sits in. */
export function allowedNames(p: Problem): string[] {
  return Object.keys(p.parentSchema?.properties ?? {});
}

/** `ammount:` next to a missing `amount:` is one mistake: keep the unknown-field problem only. */
function dropMisspeltRequired(problems: Problem[]): Problem[] {
  for (const p of problems) {
    if (p.keyword === 'additionalProperties') {
      const meant = suggest(String(p.params.additionalProperty), allowedNames(p));
      if (meant !== undefined) p.params.suggestion = meant;
    }
  }
  return problems.filter((p) => !((p.keyword === 'required' || p.keyword === 'dependentRequired') && isMisspelt(p, problems)));
}

function isMisspelt(required: Problem, problems: Problem[]): boolean {
  const wanted = (required.params.alternatives as string[] | undefined) ?? [String(required.params.missingProperty)];
  return problems.some(
    (p) => p.keyword === 'additionalProperties' && p.instancePath === required.instancePath &&
      typeof p.params.suggestion === 'string' && wanted.includes(p.params.suggestion),
  );
}
