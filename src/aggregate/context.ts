/**
 * The aggregation context: what every section builder shares — the figure registry, the
 * reference (cited document) index and the register of administrative units with name
 * resolution (`dataset/register.ts`: a stated spelling prints as the register's name). It
 * computes only: validation has already reported every reference, name and link that does not
 * resolve, and aggregation runs on data that passed.
 */
import type { Dataset, Reference, UnitRef, RegisterUnit } from '../dataset/types.js';
import { UnitRegister } from '../dataset/register.js';
import { FigureRegistry } from './figure.js';

export { didYouMean } from '../dataset/register.js';

export class AggregateContext<D extends Dataset = Dataset> {
  readonly figures = new FigureRegistry();
  readonly references: Map<string, Reference>;
  private readonly register: UnitRegister;

  constructor(readonly data: D, readonly units: readonly RegisterUnit[] = []) {
    this.references = new Map(data.report.references.map((r) => [r.id, r]));
    this.register = new UnitRegister(units);
  }

  reference(id: string): Reference | undefined {
    return this.references.get(id);
  }

  /** The name to print for a unit reference (a stated spelling: the register's closest name). */
  unitName(ref: UnitRef): string {
    return this.register.resolve(ref);
  }

  findUnit(name: string): RegisterUnit | undefined {
    return this.register.find(name);
  }
}
