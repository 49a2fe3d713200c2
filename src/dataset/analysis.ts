/**
 * What validation computes over a Dataset's content once and hands on to aggregation with it:
 * every statistical table indexed (rows numbered, declared totals reconciled) and each prose
 * figure linked to cells reconciled (`LinkChecks`, on first asking). The rules report what these
 * analyses found; aggregation prints the tables and outcomes they built, so no table is indexed
 * and no link reconciled twice in one compile.
 */
import { Findings } from './findings.js';
import { LinkChecks } from './links.js';
import { TableIndex } from './tables.js';
import type { ContentBlock, Dataset } from './types.js';

export class DatasetAnalysis {
  /** What the tables' analysis found (V310, V311, V315, V316), for validation to report. */
  readonly findings = new Findings();
  readonly tables: TableIndex;
  readonly links: LinkChecks;

  /**
   * Index the tables of every content document, then those of the leadership prose and of the
   * kind's own prose blocks (`prose`), before any prose is read: a figure may name a cell of a
   * table that stands after it.
   */
  constructor(data: Dataset, prose: readonly ContentBlock[][] = []) {
    this.tables = TableIndex.of(this.findings, data.documents, [data.report.leadership, ...prose]);
    this.links = new LinkChecks(this.tables);
  }
}
