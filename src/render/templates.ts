/**
 * Templates: one Handlebars instance with a fixed set of helpers, strict about missing fields.
 * A report kind is a folder `templates/<kind>/` with `main.hbs` and one partial per section
 * (every other `.hbs` file, registered under its base name). Before running, each template's
 * syntax tree is checked for unknown helpers and partials, so those are errors at the
 * template's file:line; a field the model lacks is caught by strict mode at its line, or — when
 * it is a helper's argument, which strict mode lets through as undefined — by the helper, whose
 * failure is placed at its call and named by the argument's path. Output is the light markup
 * that `parseMarkup` turns into the document tree.
 *
 * Compiling a template to JavaScript (Handlebars' compiler, in JavaScript) was a sixth of a cold
 * build, so the package's own templates are compiled when the package is built
 * (`precompileTemplates`, run by scripts/bundle.mjs) into dist/render/precompiled.json: each
 * compiled template keyed by a hash of its text and of the compiler code that made it, with a
 * stand-in for its display path. A template whose text is not there — an agency's, or one an
 * editor is changing — is compiled as it is read, the same way. With each compiled template
 * goes what the static check needs from its syntax tree (`TemplateFacts`: the helper calls
 * with their argument paths, the partials named), so a packaged template is not parsed either.
 */
import { createHash } from 'node:crypto';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { MAX_FILE_BYTES, readCappedSync } from '../files/capped.js';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { escapeMarkup, lineMarker } from './escape.js';
import { strictModel, MissingFieldError } from './strict-model.js';
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
  sections: textHelpers.sections,
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

/** The helper name the compiled templates call to print `{{x}}` (never callable from a template: T003). */
const ESCAPE_HELPER = '__baocaoEscape';
/** The helper the compiled templates call before each field lookup, to say where it is. */
const AT_HELPER = '__baocaoAt';

/** What one render knows while it runs: where the last field lookup was written. */
interface RenderState { at?: { line: number; column: number } }

/**
 * Values printed with `{{x}}` are escaped for the markup, never for HTML. A blank or an object
 * is refused at the mustache that prints it (`at`, from the compiler).
 */
function escapeValue(value: unknown, at: { line: number; column: number }): string {
  const { line, column: column0 } = at;
  if (value && typeof value === 'object' && 'toHTML' in value) return (value as { toHTML(): string }).toHTML();
  if (value === undefined || value === null) throw new TemplateValueError(line, column0);
  if (typeof value === 'object') throw new TemplateValueError(line, column0, 'một đối tượng', 'an object');
  return escapeMarkup(String(value));
}

class TemplateValueError extends Error {
  lineNumber: number;
  column: number;
  constructor(line: number, column0: number, readonly what = 'giá trị rỗng', readonly whatEn = 'an empty value') {
    super(what);
    this.lineNumber = line;
    this.column = column0;
  }
}

type CompilerClass = new () => object;
interface CompilerSource { currentLocation?: hbs.AST.SourceLocation }

/**
 * This instance's JavaScript compiler: `{{x}}` compiles to a call of the escape helper with the
 * mustache's line and column, instead of Handlebars' shared `Utils.escapeExpression`, so no other
 * Handlebars user in the process is affected and a refused value is placed at its mustache.
 * Each field lookup first tells the render where it is written, so a field the model lacks
 * (the strict model throws on reading it) is placed at its own mustache or block.
 */
function markupCompiler(): CompilerClass {
  const Base = (Handlebars as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler;
  class MarkupCompiler extends Base {
    appendEscaped(this: { source: CompilerSource; popStack(): string; pushSource(s: unknown): void; appendToBuffer(parts: unknown[]): unknown }): void {
      const start = this.source.currentLocation?.start ?? { line: 0, column: 0 };
      // The runtime hands a helper's last argument its options handling: pass the place as an object.
      this.pushSource(this.appendToBuffer([`helpers.${ESCAPE_HELPER}(`, this.popStack(), `, {line: ${start.line}, column: ${start.column}})`]));
    }

    nameLookup(this: { source: CompilerSource }, parent: unknown, name: string, type: string): unknown {
      const lookup = (Base.prototype as unknown as { nameLookup(p: unknown, n: string, t: string): unknown }).nameLookup.call(this, parent, name, type);
      const start = this.source.currentLocation?.start;
      if (!start || type !== 'context') return lookup;
      return [`(helpers.${AT_HELPER}({line: ${start.line}, column: ${start.column}}), `, lookup, ')'];
    }
  }
  (MarkupCompiler.prototype as unknown as { compiler: CompilerClass }).compiler = MarkupCompiler;
  return MarkupCompiler;
}

/** How every template is compiled. */
const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;
/** Stands for the template's display path in a precompiled template (a private-use character). */
const PATH_TOKEN = '\uE010';

/**
 * What a compiled template depends on besides its text: Handlebars, the options, and this
 * module's compiler code — computed from the code that runs, so a precompiled template made by
 * other code is never used.
 */
let compilerKey: string | undefined;
function templateKey(source: string): string {
  compilerKey ??= createHash('sha256')
    .update([Handlebars.VERSION, JSON.stringify(COMPILE_OPTIONS), String(markupCompiler), String(markLines), String(markContent), String(lineMarker)].join('\0'))
    .digest('hex');
  return createHash('sha256').update(compilerKey).update('\0').update(source).digest('hex');
}

/**
 * What the static check (`checkFacts`) reads of a template's syntax tree, in the tree's order:
 * each helper call (a mustache, block or subexpression with arguments, a hash or a body) with
 * the path written for each argument (null for a literal), and each partial named.
 */
export type TemplateFact =
  | { call: string; line: number; column: number; params: (string | null)[] }
  | { partial: string; line: number; column: number };
export type TemplateFacts = TemplateFact[];

/** One template compiled at build time: the compiled code and its facts. */
export interface PrecompiledTemplate { code: string; facts: TemplateFacts }

/** Precompiled templates by key (see the module comment); read once per process. */
export type PrecompiledTemplates = ReadonlyMap<string, PrecompiledTemplate>;
const PRECOMPILED_FILE = new URL('../render/precompiled.json', import.meta.url);
let packaged: PrecompiledTemplates | undefined;
function packagedTemplates(): PrecompiledTemplates {
  if (!packaged) {
    let entries: Record<string, PrecompiledTemplate> = {};
    try {
      entries = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as Record<string, PrecompiledTemplate>;
    } catch {
      // Not built (tests run the sources), or unreadable: every template is compiled when read.
    }
    packaged = new Map(Object.entries(entries));
  }
  return packaged;
}

/** Every `.hbs` template under `dir`, compiled with its facts and keyed for `precompiled.json`. */
export function precompileTemplates(dir: string): Record<string, PrecompiledTemplate> {
  const hb = createInstance({});
  const out: Record<string, PrecompiledTemplate> = {};
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs')).sort()) {
    // Read as loadTemplateSet reads a template: the key is a hash of exactly that text.
    const source = templateText(readCappedSync(path.join(dir, file)));
    if (source === null || source.includes(PATH_TOKEN)) continue;
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(source);
    } catch {
      continue;
    }
    // The facts first: markLines rewrites the text of the tree, not its places.
    const facts = templateFacts(ast);
    markLines(ast, PATH_TOKEN);
    out[templateKey(source)] = { code: String(hb.precompile(ast, COMPILE_OPTIONS)), facts };
  }
  return out;
}

/** A template compiled for `hb`: from its precompiled code when it has one, else from its tree now. */
function compileTemplate(hb: typeof Handlebars, file: { path: string }, prepared: Prepared): Handlebars.TemplateDelegate {
  if (prepared.spec) {
    // The path goes in as the text of a JavaScript string: escaped as JSON escapes it.
    const code = prepared.spec.code.replaceAll(PATH_TOKEN, JSON.stringify(file.path).slice(1, -1));
    return hb.template(new Function(`return ${code};`)() as Parameters<typeof hb.template>[0]);
  }
  markLines(prepared.ast, file.path);
  return hb.compile(prepared.ast, COMPILE_OPTIONS);
}

function createInstance(state: RenderState): typeof Handlebars {
  const hb = Handlebars.create();
  (hb as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler = markupCompiler();
  hb.registerHelper(ESCAPE_HELPER, escapeValue as unknown as Handlebars.HelperDelegate);
  hb.registerHelper(AT_HELPER, ((at: { line: number; column: number }) => { state.at = { line: at.line, column: at.column }; }) as Handlebars.HelperDelegate);
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, located(fn));
  hb.registerHelper('helperMissing', function missing(this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { name: string; loc?: unknown };
    throw new Handlebars.Exception(`Missing helper: "${options.name}"`, options as never);
  });
  return hb;
}

/**
 * Put a line marker (escape.ts) at the start of each template line's text in the syntax tree,
 * after Handlebars has removed standalone lines, so that every output line can be traced to the
 * template line that wrote it.
 */
function markLines(node: unknown, file: string): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; value?: string; original?: string; loc?: hbs.AST.SourceLocation };
  if (n.type === 'ContentStatement' && n.value && n.loc) {
    n.value = markContent(n.value, n.original ?? n.value, n.loc.start, file);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) value.forEach((v) => markLines(v, file));
    else if (value && typeof value === 'object') markLines(value, file);
  }
}

function markContent(value: string, original: string, start: { line: number; column: number }, file: string): string {
  const offset = Math.max(0, original.indexOf(value));
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (i === 0 || value[i - 1] === '\n') {
      const o = offset + i;
      const before = original.slice(0, o);
      const newlines = before.split('\n').length - 1;
      const column = newlines ? o - before.lastIndexOf('\n') : start.column + o + 1;
      out += lineMarker(file, start.line + newlines, column);
    }
    out += value[i];
  }
  return out;
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

/**
 * A kind's templates from its folders (the package's first, then an agency's): every `.hbs`
 * file by base name, a later folder's file replacing an earlier one's of the same name.
 */
export function loadTemplateSet(dirs: string | readonly string[], kind: string, displayRoot: string): StageResult<TemplateSet | null> {
  const folders = typeof dirs === 'string' ? [path.join(dirs, kind)] : dirs;
  const dir = folders[folders.length - 1] ?? kind;
  const display = (d: string, f: string) => path.relative(displayRoot, path.join(d, f)).split(path.sep).join('/') || f;
  const found = new Map<string, string>();
  for (const d of folders) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((n) => n.endsWith('.hbs'))) found.set(f, d);
  }
  if (!found.has('main.hbs')) {
    return { value: null, diagnostics: [makeDiagnostic('T001', { file: display(dir, 'main.hbs'), line: 1, column: 1 }, { kind })] };
  }
  const files = new Map<string, { path: string; source: string }>();
  const diagnostics: Diagnostic[] = [];
  for (const f of [...found.keys()].sort()) {
    const d = found.get(f)!;
    // Capped and non-blocking: a templates folder in a data repository may hold a FIFO too.
    const bytes = readCappedSync(path.join(d, f));
    if (!bytes || bytes.length > MAX_FILE_BYTES) {
      diagnostics.push(makeDiagnostic('L015', { file: display(d, f), line: 1, column: 1 }, { file: display(d, f), kind: `không phải tệp thường đọc được, hoặc lớn hơn ${MAX_FILE_BYTES / 2 ** 20} MB`, kindEn: `not a readable regular file, or larger than ${MAX_FILE_BYTES / 2 ** 20} MB` }));
      continue;
    }
    files.set(f.replace(/\.hbs$/, ''), { path: display(d, f), source: templateText(bytes)! });
  }
  return { value: diagnostics.length ? null : { kind, dir, files }, diagnostics };
}

/** A template file's text as templates are read (null for a file that could not be read). */
function templateText(bytes: Buffer | null | undefined): string | null {
  return bytes ? bytes.toString('utf8').normalize('NFC') : null;
}

/**
 * One template as a render has it after the static check: its precompiled form (looked up once
 * by its text), or the syntax tree parsed for the check, compiled as it is.
 */
type Prepared = { spec: PrecompiledTemplate; ast?: undefined } | { spec?: undefined; ast: hbs.AST.Program };

/**
 * Static checks on one template: syntax errors, unknown helpers, unknown partials. Also records
 * the argument paths of every helper call (for naming a missing field later). A precompiled
 * template's facts come with it; any other template is parsed here, its tree kept for compiling.
 */
function checkTemplate(file: { path: string; source: string }, set: TemplateSet, calls: CallArguments, prepared: Map<object, Prepared>, precompiled: PrecompiledTemplates): Diagnostic[] {
  const spec = precompiled.get(templateKey(file.source));
  if (spec) {
    prepared.set(file, { spec });
    return checkFacts(file.path, spec.facts, set, calls);
  }
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(file.source);
  } catch (err) {
    const message = (err as Error).message;
    const m = /line (\d+)/.exec(message) ?? / - (\d+):\d+$/.exec(message);
    return [makeDiagnostic('T002', { file: file.path, line: m ? Number(m[1]) : 1, column: 1 }, parseReason(message))];
  }
  prepared.set(file, { ast });
  return checkFacts(file.path, templateFacts(ast), set, calls);
}

/** What the static check reads of a syntax tree (see `TemplateFact`), in the tree's order. */
export function templateFacts(ast: hbs.AST.Program): TemplateFacts {
  const out: TemplateFacts = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; path?: { original?: string; type?: string }; params?: unknown[]; hash?: unknown; name?: { original?: string }; loc?: hbs.AST.SourceLocation };
    const line = n.loc?.start.line ?? 1;
    const column = n.loc?.start.column ?? 0;
    if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && n.path?.type === 'PathExpression') {
      const isCall = (n.params?.length ?? 0) > 0 || !!n.hash || n.type === 'BlockStatement' || n.type === 'SubExpression';
      const params = (n.params ?? []) as { type?: string; original?: string }[];
      if (isCall) out.push({ call: n.path.original ?? '', line, column, params: params.map((p) => (p.type === 'PathExpression' ? p.original ?? null : null)) });
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') out.push({ partial: n.name?.original ?? '', line, column });
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== n.loc) visit(value);
    }
  };
  visit(ast);
  return out;
}

/** Unknown helpers (T003) and partials (T004) among a template's facts; records the calls' arguments. */
function checkFacts(file: string, facts: TemplateFacts, set: TemplateSet, calls: CallArguments): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const fact of facts) {
    const at = { file, line: fact.line, column: fact.column + 1 };
    if ('call' in fact) {
      if (!(fact.call in HELPERS) && !BUILTINS.has(fact.call)) out.push(makeDiagnostic('T003', at, { helper: fact.call, known: Object.keys(HELPERS).join(', ') }));
      calls.set(callKey(file, fact.line, fact.column), fact.params.map((p) => p ?? undefined));
    } else if (!set.files.has(fact.partial)) {
      out.push(makeDiagnostic('T004', at, { partial: fact.partial, known: [...set.files.keys()].join(', ') }));
    }
  }
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
export function renderTemplate(set: TemplateSet, model: object, precompiled: PrecompiledTemplates = packagedTemplates()): StageResult<string> {
  // Everything a render learns lives in these locals: nothing is kept between renders.
  const calls: CallArguments = new Map();
  const prepared = new Map<object, Prepared>();
  const diagnostics = [...set.files.values()].flatMap((file) => checkTemplate(file, set, calls, prepared, precompiled));
  if (diagnostics.length) return { value: '', diagnostics };
  const state: RenderState = {};
  const hb = createInstance(state);
  for (const [name, file] of set.files) {
    if (name === 'main') continue;
    const compiled = compileTemplate(hb, file, prepared.get(file)!);
    hb.registerPartial(name, ((ctx: unknown, options: Handlebars.RuntimeOptions) => {
      try {
        return compiled(ctx, options);
      } catch (err) {
        throw annotate(err, file.path, state);
      }
    }) as unknown as Handlebars.Template);
  }
  const main = set.files.get('main')!;
  try {
    const out = compileTemplate(hb, main, prepared.get(main)!)(strictModel(model), { allowProtoPropertiesByDefault: false });
    return { value: out.normalize('NFC'), diagnostics: [] };
  } catch (err) {
    const e = annotate(err, main.path, state);
    const source = [...set.files.values()].find((f) => f.path === e.templateFile)?.source ?? '';
    return { value: '', diagnostics: [templateError(e, calls, source)] };
  }
}

interface AnnotatedError extends Error {
  templateFile?: string; lineNumber?: number; column?: number;
  /** Index of the helper argument that was undefined when the helper failed. */
  missingArgument?: number;
}

/**
 * Name the template an error came from — the innermost one, which sees it first — and place a
 * missing field at the lookup that read it, unless a helper already placed it at its call.
 */
function annotate(err: unknown, file: string, state: RenderState): AnnotatedError {
  const e = (err instanceof Error ? err : new Error(String(err))) as AnnotatedError;
  if (!e.templateFile) {
    e.templateFile = file;
    if (err instanceof MissingFieldError && e.lineNumber === undefined && state.at) {
      e.lineNumber = state.at.line;
      e.column = state.at.column;
    }
  }
  return e;
}

function templateError(e: AnnotatedError, calls: CallArguments, source: string): Diagnostic {
  const at = { file: e.templateFile ?? '?', line: e.lineNumber ?? lineFromMessage(e.message), column: (e.column ?? 0) + 1 };
  if (e.missingArgument !== undefined) {
    const field = calls.get(callKey(at.file, at.line, at.column - 1))?.[e.missingArgument];
    if (field) return makeDiagnostic('T005', at, { field });
  }
  if (e instanceof MissingFieldError) {
    if ((e as AnnotatedError).lineNumber !== undefined) return makeDiagnostic('T005', at, { field: fullPath(source, at.line, at.column, e.field) });
    // Not placed by a lookup (read by code outside the templates): the first mention names it.
    const found = firstMention(source, e.field);
    return makeDiagnostic('T005', found ? { file: at.file, ...found } : at, { field: found?.path ?? e.field });
  }
  const missing = /^"([^"]+)" not defined in/.exec(e.message);
  if (missing) return makeDiagnostic('T005', at, { field: fullPath(source, at.line, at.column, missing[1]) });
  const helper = /^Missing helper: "([^"]+)"/.exec(e.message);
  if (helper) return makeDiagnostic('T003', at, { helper: helper[1], known: Object.keys(HELPERS).join(', ') });
  if (e instanceof TemplateValueError) {
    // The compiler told the escape helper where its mustache is; the template text there names it.
    const field = mustacheAt(source, at.line, at.column);
    return makeDiagnostic('T006', at, field
      ? { what: `"${field}" (${e.what})`, whatEn: `"${field}" (${e.whatEn})` }
      : { what: e.what, whatEn: e.whatEn });
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

/** The expression of the mustache that starts at line:column (`{{model.total}}` → `model.total`). */
function mustacheAt(source: string, line: number, column: number): string | undefined {
  const text = source.split('\n')[line - 1]?.slice(column - 1) ?? '';
  const m = /^\{\{~?\s*([^\s}~]+)/.exec(text);
  return m?.[1];
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

