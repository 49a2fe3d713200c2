/**
 * The aggregation context: what every section builder shares — the figure registry, the
 * diagnostics being collected, the reference (cited document) index and the register of
 * administrative units with name resolution. Name resolution is strict: a unit name that is not
 * in the register is an error with a suggestion; a spelling the data marks as `stated` (copied
 * from a source document) is resolved to the closest register name with a warning. The register
 * and the checks on a content item's links to records come from the kind's code. When the
 * dataset is partial (a file failed validation), a check that needs the failed file stays silent
 * instead of reporting everything in it as missing.
 */
import type { Diagnostic, RelatedPosition, SourcePosition } from '../diagnostics/types.js';
import { makeDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { ContentItem, Dataset, Reference, UnitRef, RegisterUnit } from '../validate/dataset.js';
import { suggest } from '../diagnostics/suggest.js';
import { FigureRegistry } from './figure.js';

export class AggregateContext<D extends Dataset = Dataset> {
  readonly figures = new FigureRegistry();
  readonly diagnostics: Diagnostic[] = [];
  readonly references: Map<string, Reference>;

  /** Register lookups built once, so that checking n names against m units costs n + m, not n × m. */
  private unitIndex?: Map<string, RegisterUnit>;

  constructor(
    readonly data: D,
    readonly units: readonly RegisterUnit[] = [],
    private readonly itemCheck?: (ctx: AggregateContext<D>, item: ContentItem) => void,
  ) {
    this.references = new Map(data.report.references.map((r) => [r.id, r]));
  }

  /** The kind's checks on a content item's links to its records. */
  checkItem(item: ContentItem): void {
    this.itemCheck?.(this, item);
  }

  report(code: DiagnosticCode, at: SourcePosition, args: Record<string, unknown> = {}, related?: RelatedPosition[]): void {
    const d = makeDiagnostic(code, at, args);
    this.diagnostics.push(related?.length ? { ...d, related } : d);
  }

  /** True when `name` (`communes`, `digital`, …) failed validation and is missing from the data. */
  lacks(name: string): boolean {
    return this.data.incomplete?.includes(name) ?? false;
  }

  reference(id: string, at: SourcePosition): Reference | undefined {
    const found = this.references.get(id);
    if (!found) this.report('V202', at, { id, ...didYouMean(id, this.references.keys()) });
    return found;
  }

  /**
   * Resolve a unit reference to the name to print. Names may carry the unit type
   * (`thị trấn <tên>`); the type, when given, must match the register.
   */
  unitName(ref: UnitRef): string {
    const exact = this.findUnit(ref.name);
    if (exact || this.lacks('communes')) return ref.name;
    const candidates = this.units.flatMap((u) => [u.name, `${u.type} ${u.name}`]);
    const guess = suggest(ref.name, candidates);
    if (ref.stated && guess) {
      this.report('V204', ref.at, { written: ref.name, name: guess });
      return guess;
    }
    this.report('V203', ref.at, {
      name: ref.name,
      suggestion: guess ? ` Có phải "${guess}"?` : '',
      suggestionEn: guess ? ` Did you mean "${guess}"?` : '',
      known: this.units.length ? shortList(this.units.map((u) => u.name)) : '(sổ đăng ký trống)',
    });
    return ref.name;
  }

  findUnit(name: string): RegisterUnit | undefined {
    if (!this.unitIndex) {
      // Earlier units win, as a search from the top would find them.
      this.unitIndex = new Map();
      for (const u of [...this.units].reverse()) {
        this.unitIndex.set(`${u.type} ${u.name}`, u);
        this.unitIndex.set(u.name, u);
      }
    }
    return this.unitIndex.get(name.trim());
  }
}

/** A list for a hint: the first 30 entries, and how many more (a hostile list can be huge). */
function shortList(items: readonly string[]): string {
  const shown = items.slice(0, 30).join(', ');
  return items.length > 30 ? `${shown}, … (${items.length} mục)` : shown;
}

export function didYouMean(word: string, candidates: Iterable<string>): { suggestion: string; suggestionEn: string } {
  const guess = suggest(word, candidates);
  return { suggestion: guess ? ` Có phải "${guess}"?` : '', suggestionEn: guess ? ` Did you mean "${guess}"?` : '' };
}
