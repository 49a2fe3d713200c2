/**
 * The preview's state: compile the year through the one pipeline (`compile()`), render the tree
 * with the HTML writer's fragment, and keep the last good render — a compilation with errors
 * leaves the previous sheets in place and only replaces the diagnostics, which the page shows
 * in an overlay. Every rebuild bumps a version number that the event stream announces. Figures'
 * provenance (how each was computed, the file:line of each row behind it) comes from the model,
 * in the same words as `report explain`.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import { sortDiagnostics, type Lang } from '../diagnostics/format.js';
import { compile, type CompileOptions } from '../pipeline/compile.js';
import { templatesRoot } from '../pipeline/paths.js';
import type { Figure } from '../aggregate/index.js';
import { formatFigure } from '../aggregate/index.js';
import { explainFigure } from '../cli/explain.js';
import { htmlFragment } from '../writers/html/index.js';

/** A diagnostic as the page shows it. */
export interface ShownDiagnostic {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
}

/** Where a figure came from, for the popover. */
export interface Provenance {
  id: string;
  label: string;
  value: string;
  origin: Figure['origin'];
  originText: string;
  formula?: string;
  check?: { text: string; agrees: boolean };
  sources: { at: string; label: string }[];
  /** The `report explain` text of the figure. */
  explain: string;
}

/** What `/report` answers: the current render and what the last compilation found. */
export interface Snapshot {
  version: number;
  /** True when the last compilation had no errors. */
  ok: boolean;
  /** The last good render (sheets), or null when no compilation has succeeded yet. */
  html: string | null;
  /** True when `html` comes from an earlier compilation than the diagnostics. */
  stale: boolean;
  diagnostics: ShownDiagnostic[];
  figures: Record<string, Provenance>;
  /** Milliseconds the last rebuild took. */
  took: number;
}

export interface SessionOptions {
  dataDir: string;
  cwd: string;
  templatesDir?: string;
  strict?: boolean;
  lang?: Lang;
  /** Extra compile options (draft, number, date). */
  compile?: Partial<CompileOptions>;
  /** A clock for `took`; the default is performance.now. */
  now?: () => number;
}

const ORIGIN = {
  vi: { computed: 'tính từ dữ liệu', stated: 'số đã nêu trong dữ liệu', fact: 'đọc trực tiếp từ dữ liệu' },
  en: { computed: 'computed from the data', stated: 'stated in the data', fact: 'read from the data' },
} as const;

export function provenance(f: Figure, lang: Lang = 'vi'): Provenance {
  const c = f.check;
  return {
    id: f.id,
    label: f.label,
    value: formatFigure(f),
    origin: f.origin,
    originText: ORIGIN[lang][f.origin],
    ...(f.formula ? { formula: f.formula } : {}),
    ...(f.check
      ? {
          check: {
            agrees: f.check.agrees,
            text: lang === 'en'
              ? `stated ${c!.stated}, sum of the parts ${c!.computed} — ${c!.agrees ? 'agree' : 'do NOT agree'}; prints the ${c!.printed === 'stated' ? 'stated' : 'computed'} figure`
              : `số đã nêu ${c!.stated}, tổng các thành phần ${c!.computed} — ${c!.agrees ? 'khớp' : 'KHÔNG khớp'}; in ${c!.printed === 'stated' ? 'số đã nêu' : 'số tính'}`,
          },
        }
      : {}),
    sources: f.sources.map((s) => ({ at: `${s.file}:${s.line}:${s.column}`, label: s.label })),
    explain: explainFigure(f, lang),
  };
}

export class PreviewSession {
  readonly templatesDir: string;
  private version = 0;
  private html: string | null = null;
  private htmlVersion = 0;
  private diagnostics: Diagnostic[] = [];
  private figures: Record<string, Provenance> = {};
  private took = 0;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.templatesDir = options.templatesDir ?? templatesRoot(options.cwd);
    this.now = options.now ?? (() => performance.now());
  }

  /** Compile and render once more; returns the new snapshot. Never throws for bad data. */
  async rebuild(): Promise<Snapshot> {
    const started = this.now();
    const compilation = await compile({
      ...this.options.compile,
      dataDir: this.options.dataDir,
      cwd: this.options.cwd,
      templatesDir: this.templatesDir,
      strict: this.options.strict,
    });
    const diagnostics = [...compilation.diagnostics];
    if (compilation.tree && !hasErrors(diagnostics)) {
      const rendered = htmlFragment(compilation.tree);
      diagnostics.push(...rendered.diagnostics);
      if (!hasErrors(rendered.diagnostics)) {
        this.html = rendered.value;
        this.htmlVersion = this.version + 1;
      }
    }
    if (compilation.model && !hasErrors(diagnostics)) {
      this.figures = Object.fromEntries(compilation.model.figures.map((f) => [f.id, provenance(f, this.options.lang ?? 'vi')]));
    }
    this.diagnostics = diagnostics;
    this.version++;
    this.took = Math.round(this.now() - started);
    return this.snapshot();
  }

  snapshot(): Snapshot {
    const lang = this.options.lang ?? 'vi';
    return {
      version: this.version,
      ok: !hasErrors(this.diagnostics),
      html: this.html,
      stale: this.html !== null && this.htmlVersion !== this.version,
      diagnostics: sortDiagnostics(this.diagnostics).map((d) => shown(d, lang)),
      figures: this.figures,
      took: this.took,
    };
  }

  get currentVersion(): number {
    return this.version;
  }
}

function shown(d: Diagnostic, lang: Lang): ShownDiagnostic {
  const text = lang === 'en' && d.en ? d.en : { message: d.message, hint: d.hint };
  return {
    code: d.code,
    severity: d.severity,
    message: text.message,
    ...(text.hint ? { hint: text.hint } : {}),
    file: d.file,
    line: d.line,
    column: d.column,
  };
}
