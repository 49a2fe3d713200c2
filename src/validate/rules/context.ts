/**
 * What every rule shares: the dataset (complete, or partial with `incomplete` naming the files
 * that failed), the kind's rules, the cited-document index and the register of units, and the
 * findings being collected. A rule that needs a file the dataset lacks stays silent (`lacks`)
 * instead of reporting everything that file would have held as missing.
 */
import type { SourceFile } from '../../load/index.js';
import type { ContentBlock, ContentItem, Dataset, Kpi, Loc, Reference, RegisterUnit, UnitRef } from '../dataset.js';
import { Findings } from '../../dataset/findings.js';
import { UnitRegister, didYouMean } from '../../dataset/register.js';
import type { SourcePosition } from '../../diagnostics/types.js';

/** Ids that must be unique within one kind of record (`what` names it in the message). */
export interface DuplicateGroup { what: string; items: { id: string; at: SourcePosition }[] }

/** Prose of a kind outside its content documents: blocks, or one loose text. */
/** Prose a kind declares; `scope` names its figures as the kind's model does (`urban:results`). */
export type KindProse = { blocks: ContentBlock[]; scope?: string } | { text: string; at: Loc };

/** The rules a kind's code registers (every part optional). */
export interface KindRules<D extends Dataset = Dataset> {
  /** The register of units the prose may name, and the data file it comes from. */
  units?(data: D): RegisterUnit[];
  registerFile?: string;
  /** KPI lines the prose may print (`kpi: ID`, `{kpi:ID}`), and their data file. */
  kpis?(data: D): Kpi[];
  kpiFile?: string;
  /** Ids to check for duplicates beside the cited documents. */
  duplicates?(data: D): DuplicateGroup[];
  /** The kind's prose outside content documents, checked like them. */
  prose?(data: D): KindProse[];
  /** Checks on a content item's links to the kind's records (`projectId`, …). */
  checkItem?(ctx: RuleContext<D>, item: ContentItem): void;
  /** The kind's cross-file rules. */
  check?(ctx: RuleContext<D>): void;
}

export class RuleContext<D extends Dataset = Dataset> extends Findings {
  readonly references: Map<string, Reference>;
  readonly register: UnitRegister;

  constructor(readonly data: D, readonly kind: KindRules<D>, readonly sources: readonly SourceFile[] = []) {
    super();
    this.references = new Map(data.report.references.map((r) => [r.id, r]));
    this.register = new UnitRegister(kind.units?.(data) ?? [], kind.registerFile !== undefined && this.lacks(kind.registerFile));
  }

  /** True when `name` (`communes`, `digital`, …) failed validation and is missing from the data. */
  lacks(name: string): boolean {
    return this.data.incomplete?.includes(name) ?? false;
  }

  /** A cited document by id (V202 when report.yaml has none). */
  reference(id: string, at: SourcePosition): Reference | undefined {
    const found = this.references.get(id);
    if (!found) this.report('V202', at, { id, ...didYouMean(id, this.references.keys()) });
    return found;
  }

  /** A unit name against the register (V203, V204); the name the report prints. */
  unitName(ref: UnitRef): string {
    return this.register.resolve(ref, this);
  }
}
