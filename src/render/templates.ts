/**
 * Templates: one Handlebars instance with a fixed set of helpers, strict about missing fields.
 * A report kind is a folder `templates/<kind>/` with `main.hbs` and one partial per section
 * (every other `.hbs` file, registered under its base name). Before running, each template's
 * syntax tree is checked for unknown helpers and partials, so those are errors at the
 * template's file:line; a field the model lacks is caught by strict mode at its line, or — when
 * it is a helper's argument, which strict mode lets through as undefined — by the helper, whose
 * failure is placed at its call and named by the argument's path. Output is the light markup
 * that `parseMarkup` turns into the document tree.
 */
import { readdirSync, existsSync } from 'node:fs';
import { MAX_FILE_BYTES, readCappedSync } from '../load/files.js';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { escapeMarkup } from './escape.js';
import { strictModel, lastEmptyField, MissingFieldError } from './strict-model.js';
import * as figureHelpers from './helpers/figures.js';
import * as textHelpers from './helpers/text.js';

const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  fig: figureHelpers.fig,
  money: figureHelpers.money,
  area: figureHelpers.area,
  percent: figureHelpers.percent,
  count: figureHelpers.count,
  words: figureHelpers.words,
  rich: textHelpers.rich,
  content: textHelpers.content,
  join: textHelpers.join,
  date: textHelpers.date,
  upper: textHelpers.upper,
  cap: textHelpers.cap,
  lower: textHelpers.lower,
  stt: textHelpers.stt,
  roman: textHelpers.roman,
  num: figureHelpers.num,
};
const BUILTINS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/** Values printed with `{{x}}` are escaped for the markup, never for HTML. */
function escapeValue(value: unknown): string {
  if (value && typeof value === 'object' && 'toHTML' in value) return (value as { toHTML(): string }).toHTML();
  if (value === undefined || value === null) throw new TemplateValueError();
  if (typeof value === 'object') throw new TemplateValueError('một đối tượng');
  return escapeMarkup(String(value));
}

class TemplateValueError extends Error {
  constructor(what = 'giá trị rỗng') { super(what); }
}

function createInstance(): typeof Handlebars {
  const hb = Handlebars.create();
  // The runtime reads Utils.escapeExpression when a template is first run.
  (Handlebars.Utils as { escapeExpression: (v: unknown) => string }).escapeExpression = escapeValue;
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, located(fn));
  hb.registerHelper('helperMissing', function missing(this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { name: string; loc?: unknown };
    throw new Handlebars.Exception(`Missing helper: "${options.name}"`, options as never);
  });
  return hb;
}

/** A helper that, when it fails, tells where it was called and which argument was missing. */
function located(fn: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function run(this: unknown, ...args: unknown[]) {
    try {
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    } catch (err) {
      const e = (err instanceof Error ? err : new Error(String(err))) as AnnotatedError;
      const loc = (args[args.length - 1] as { loc?: hbs.AST.SourceLocation } | undefined)?.loc;
      if (e.lineNumber === undefined && loc) {
        e.lineNumber = loc.start.line;
        e.column = loc.start.column;
        const missing = args.slice(0, -1).findIndex((a) => a === undefined);
        if (missing >= 0) e.missingArgument = missing;
      }
      throw e;
    }
  };
}

/** The path written for each argument of each helper call, by `file:line:column` of the call. */
type CallArguments = Map<string, (string | undefined)[]>;

function callKey(file: string, line: number, column0: number): string {
  return `${file}:${line}:${column0}`;
}

export interface TemplateSet {
  kind: string;
  dir: string;
  /** Display paths by template name (`main`, `dau-tu`, …). */
  files: Map<string, { path: string; source: string }>;
}

export function loadTemplateSet(templatesRoot: string, kind: string, displayRoot: string): StageResult<TemplateSet | null> {
  const dir = path.join(templatesRoot, kind);
  const display = (f: string) => path.relative(displayRoot, path.join(dir, f)).split(path.sep).join('/') || f;
  if (!existsSync(path.join(dir, 'main.hbs'))) {
    return { value: null, diagnostics: [makeDiagnostic('T001', { file: display('main.hbs'), line: 1, column: 1 }, { kind })] };
  }
  const files = new Map<string, { path: string; source: string }>();
  const diagnostics: Diagnostic[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.hbs')).sort()) {
    // Capped and non-blocking: a templates folder in a data repository may hold a FIFO too.
    const bytes = readCappedSync(path.join(dir, f));
    if (!bytes || bytes.length > MAX_FILE_BYTES) {
      diagnostics.push(makeDiagnostic('L015', { file: display(f), line: 1, column: 1 }, { file: display(f), kind: 'không phải tệp thường đọc được, hoặc lớn hơn 2 MB', kindEn: 'not a readable regular file, or over 2 MB' }));
      continue;
    }
    files.set(f.replace(/\.hbs$/, ''), { path: display(f), source: bytes.toString('utf8').normalize('NFC') });
  }
  return { value: diagnostics.length ? null : { kind, dir, files }, diagnostics };
}

/** Syntax trees from the static check, compiled as they are (each template is parsed once). */
const parsed = new WeakMap<{ source: string }, hbs.AST.Program>();

/**
 * Static checks on one template's syntax tree: syntax errors, unknown helpers, unknown partials.
 * Also records the argument paths of every helper call (for naming a missing field later).
 */
function checkTemplate(name: string, file: { path: string; source: string }, set: TemplateSet, calls: CallArguments = new Map()): Diagnostic[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(file.source);
    parsed.set(file, ast);
  } catch (err) {
    const message = (err as Error).message;
    const m = /line (\d+)/.exec(message) ?? / - (\d+):\d+$/.exec(message);
    return [makeDiagnostic('T002', { file: file.path, line: m ? Number(m[1]) : 1, column: 1 }, parseReason(message))];
  }
  const out: Diagnostic[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; path?: { original?: string; type?: string }; params?: unknown[]; hash?: unknown; name?: { original?: string }; loc?: hbs.AST.SourceLocation };
    const at = { file: file.path, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 };
    if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && n.path?.type === 'PathExpression') {
      const helper = n.path.original ?? '';
      const isCall = (n.params?.length ?? 0) > 0 || !!n.hash || n.type === 'BlockStatement' || n.type === 'SubExpression';
      if (isCall && !(helper in HELPERS) && !BUILTINS.has(helper)) out.push(makeDiagnostic('T003', at, { helper, known: Object.keys(HELPERS).join(', ') }));
      if (isCall && n.loc) {
        const params = (n.params ?? []) as { type?: string; original?: string }[];
        calls.set(callKey(file.path, n.loc.start.line, n.loc.start.column), params.map((p) => (p.type === 'PathExpression' ? p.original : undefined)));
      }
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const partial = n.name?.original ?? '';
      if (!set.files.has(partial)) out.push(makeDiagnostic('T004', at, { partial, known: [...set.files.keys()].join(', ') }));
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== n.loc) visit(value);
    }
  };
  visit(ast);
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** Handlebars' parse errors in Vietnamese: an unclosed block, a block closed by the wrong name. */
function parseReason(message: string): { reason: string; reasonEn: string } {
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    return { reason: `khối {{#${mismatch[1]}}} lại được đóng bằng {{/${mismatch[2]}}}`, reasonEn: firstLine(message) };
  }
  const expecting = message.split('\n').find((l) => l.startsWith('Expecting')) ?? firstLine(message);
  if (/got 'EOF'/.test(expecting)) {
    return { reason: 'hết tệp mà vẫn còn khối {{#…}} chưa được đóng bằng {{/…}}', reasonEn: `unexpected end of template (${expecting})` };
  }
  return { reason: `không đọc được biểu thức {{…}} ở dòng này (${expecting})`, reasonEn: expecting };
}

/** Run the report kind's templates on the model; returns the markup or positioned errors. */
export function renderTemplate(set: TemplateSet, model: object): StageResult<string> {
  const calls: CallArguments = new Map();
  const diagnostics = [...set.files].flatMap(([name, file]) => checkTemplate(name, file, set, calls));
  if (diagnostics.length) return { value: '', diagnostics };
  const hb = createInstance();
  for (const [name, file] of set.files) {
    if (name === 'main') continue;
    const compiled = hb.compile(parsed.get(file) ?? file.source, { strict: true, preventIndent: true });
    hb.registerPartial(name, ((ctx: unknown, options: Handlebars.RuntimeOptions) => {
      try {
        return compiled(ctx, options);
      } catch (err) {
        throw annotate(err, file.path);
      }
    }) as unknown as Handlebars.Template);
  }
  const main = set.files.get('main')!;
  try {
    const out = hb.compile(parsed.get(main) ?? main.source, { strict: true, preventIndent: true })(strictModel(model), { allowProtoPropertiesByDefault: false });
    return { value: out.normalize('NFC'), diagnostics: [] };
  } catch (err) {
    const e = annotate(err, main.path);
    const source = [...set.files.values()].find((f) => f.path === e.templateFile)?.source ?? '';
    return { value: '', diagnostics: [templateError(e, calls, source)] };
  }
}

interface AnnotatedError extends Error {
  templateFile?: string; lineNumber?: number; column?: number;
  /** Index of the helper argument that was undefined when the helper failed. */
  missingArgument?: number;
}

function annotate(err: unknown, file: string): AnnotatedError {
  const e = (err instanceof Error ? err : new Error(String(err))) as AnnotatedError;
  if (!e.templateFile) e.templateFile = file;
  return e;
}

function templateError(e: AnnotatedError, calls: CallArguments, source: string): Diagnostic {
  const at = { file: e.templateFile ?? '?', line: e.lineNumber ?? lineFromMessage(e.message), column: (e.column ?? 0) + 1 };
  if (e.missingArgument !== undefined) {
    const field = calls.get(callKey(at.file, at.line, at.column - 1))?.[e.missingArgument];
    if (field) return makeDiagnostic('T005', at, { field });
  }
  if (e instanceof MissingFieldError) {
    // The proxy knows the field but not where the template names it: the first mention does.
    const found = firstMention(source, e.field);
    return makeDiagnostic('T005', found ? { file: at.file, ...found } : at, { field: found?.path ?? e.field });
  }
  const missing = /^"([^"]+)" not defined in/.exec(e.message);
  if (missing) return makeDiagnostic('T005', at, { field: fullPath(source, at.line, at.column, missing[1]) });
  const helper = /^Missing helper: "([^"]+)"/.exec(e.message);
  if (helper) return makeDiagnostic('T003', at, { helper: helper[1], known: Object.keys(HELPERS).join(', ') });
  if (e instanceof TemplateValueError) {
    const field = lastEmptyField();
    const found = field ? firstMention(source, field) : undefined;
    return makeDiagnostic('T006', found ? { file: at.file, ...found } : at, { what: found ? `"${found.path}" (${e.message})` : e.message });
  }
  return makeDiagnostic('T007', at, { reason: firstLine(e.message.replace(/ - \d+:\d+$/, '')) });
}

/** Where a template first names `field` inside a mustache, and the whole path it is part of. */
function firstMention(source: string, field: string): { line: number; column: number; path: string } | undefined {
  const lines = source.split('\n');
  for (const [i, text] of lines.entries()) {
    for (const m of text.matchAll(/\{\{[^}]*\}\}/g)) {
      const path = m[0].replace(/^\{\{[#^/>~]?/, '').split(/[\s()=}]+/).find((t) => t.split(/[./]/).includes(field));
      if (path) return { line: i + 1, column: m.index + 1, path };
    }
  }
  return undefined;
}

/** Handlebars names only the last segment (`truong`); the template text has the whole path. */
function fullPath(source: string, line: number, column: number, segment: string): string {
  const text = source.split('\n')[line - 1]?.slice(column - 1) ?? '';
  const mustache = text.slice(0, text.includes('}}') ? text.indexOf('}}') : undefined);
  const tokens = mustache.replace(/^\{\{[#^/>~]?/, '').split(/[\s()=]+/);
  return tokens.find((t) => t.split(/[./]/).includes(segment)) ?? segment;
}

function lineFromMessage(message: string): number {
  const m = / - (\d+):(\d+)$/.exec(message);
  return m ? Number(m[1]) : 1;
}

