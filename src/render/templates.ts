/**
 * Templates: one Handlebars instance with a fixed set of helpers, strict about missing fields.
 * A report kind is a folder `templates/<kind>/` with `main.hbs` and one partial per section
 * (every other `.hbs` file, registered under its base name). Before running, each template's
 * syntax tree is checked for unknown helpers and partials, so those are errors at the
 * template's file:line; a field the model lacks is caught by strict mode at its line. Output
 * is the light markup that `parseMarkup` turns into the document tree.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { escapeMarkup } from './escape.js';
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
  punct: textHelpers.punct,
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
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  hb.registerHelper('helperMissing', function missing(this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { name: string; loc?: unknown };
    throw new Handlebars.Exception(`Missing helper: "${options.name}"`, options as never);
  });
  return hb;
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
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.hbs')).sort()) {
    files.set(f.replace(/\.hbs$/, ''), { path: display(f), source: readFileSync(path.join(dir, f), 'utf8').normalize('NFC') });
  }
  return { value: { kind, dir, files }, diagnostics: [] };
}

/** Static checks on one template's syntax tree: syntax errors, unknown helpers, unknown partials. */
function checkTemplate(name: string, file: { path: string; source: string }, set: TemplateSet): Diagnostic[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(file.source);
  } catch (err) {
    const m = /line (\d+)/.exec((err as Error).message);
    return [makeDiagnostic('T002', { file: file.path, line: m ? Number(m[1]) : 1, column: 1 }, { reason: firstLine((err as Error).message) })];
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

/** Run the report kind's templates on the model; returns the markup or positioned errors. */
export function renderTemplate(set: TemplateSet, model: object): StageResult<string> {
  const diagnostics = [...set.files].flatMap(([name, file]) => checkTemplate(name, file, set));
  if (diagnostics.length) return { value: '', diagnostics };
  const hb = createInstance();
  for (const [name, file] of set.files) {
    if (name === 'main') continue;
    const compiled = hb.compile(file.source, { strict: true, preventIndent: true });
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
    const out = hb.compile(main.source, { strict: true, preventIndent: true })(model, { allowProtoPropertiesByDefault: false });
    return { value: out.normalize('NFC'), diagnostics: [] };
  } catch (err) {
    const e = annotate(err, main.path);
    return { value: '', diagnostics: [templateError(e)] };
  }
}

interface AnnotatedError extends Error { templateFile?: string; lineNumber?: number; column?: number }

function annotate(err: unknown, file: string): AnnotatedError {
  const e = (err instanceof Error ? err : new Error(String(err))) as AnnotatedError;
  if (!e.templateFile) e.templateFile = file;
  return e;
}

function templateError(e: AnnotatedError): Diagnostic {
  const at = { file: e.templateFile ?? '?', line: e.lineNumber ?? lineFromMessage(e.message), column: (e.column ?? 0) + 1 };
  const missing = /^"([^"]+)" not defined in/.exec(e.message);
  if (missing) return makeDiagnostic('T005', at, { field: missing[1] });
  const helper = /^Missing helper: "([^"]+)"/.exec(e.message);
  if (helper) return makeDiagnostic('T003', at, { helper: helper[1], known: Object.keys(HELPERS).join(', ') });
  if (e instanceof TemplateValueError) return makeDiagnostic('T006', at, { what: e.message });
  return makeDiagnostic('T007', at, { reason: firstLine(e.message.replace(/ - \d+:\d+$/, '')) });
}

function lineFromMessage(message: string): number {
  const m = / - (\d+):(\d+)$/.exec(message);
  return m ? Number(m[1]) : 1;
}

export const HELPER_NAMES = Object.keys(HELPERS);
