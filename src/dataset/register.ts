/**
 * The register of administrative units a report's prose may name (the kind supplies it), and
 * name resolution against it, shared by the register rule and by aggregation. Resolution is
 * strict: a name that is not in the register is an error with a suggestion (V203); a spelling
 * the data marks as `stated` (copied from a source document) resolves to the closest register
 * name with a warning (V204), and that closest name is what the report prints. When the register
 * file itself failed validation, every name is taken as written and nothing is reported.
 */
import type { RegisterUnit, UnitRef } from './types.js';
import { suggest } from '../diagnostics/suggest.js';
import type { Findings } from './findings.js';

export class UnitRegister {
  /** Register lookups built once, so that checking n names against m units costs n + m, not n × m. */
  private index?: Map<string, RegisterUnit>;

  /** `missing`: the register's file failed validation, so no name can be judged. */
  constructor(readonly units: readonly RegisterUnit[] = [], private readonly missing = false) {}

  find(name: string): RegisterUnit | undefined {
    if (!this.index) {
      // Earlier units win, as a search from the top would find them.
      this.index = new Map();
      for (const u of [...this.units].reverse()) {
        this.index.set(`${u.type} ${u.name}`, u);
        this.index.set(u.name, u);
      }
    }
    return this.index.get(name.trim());
  }

  /**
   * The name to print for a unit reference. Names may carry the unit type (`thị trấn <tên>`);
   * findings (when given) receive V203/V204.
   */
  resolve(ref: UnitRef, findings?: Findings): string {
    if (this.find(ref.name) || this.missing) return ref.name;
    const candidates = this.units.flatMap((u) => [u.name, `${u.type} ${u.name}`]);
    const guess = suggest(ref.name, candidates);
    if (ref.stated && guess) {
      findings?.report('V204', ref.at, { written: ref.name, name: guess });
      return guess;
    }
    findings?.report('V203', ref.at, {
      name: ref.name,
      suggestion: guess ? ` Có phải "${guess}"?` : '',
      suggestionEn: guess ? ` Did you mean "${guess}"?` : '',
      known: this.units.length ? shortList(this.units.map((u) => u.name)) : '(sổ đăng ký trống)',
    });
    return ref.name;
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
