/**
 * The data rules, run in one place over the typed Dataset: ids and cited documents
 * (references.ts), prose tokens, figures, KPI lines and unit names (content.ts), statistical
 * tables and the prose figures tied to their cells (dataset/tables.ts, dataset/links.ts, analysed
 * once in a `DatasetAnalysis` that aggregation reuses), the
 * kind's own rules (registered by its code, e.g. src/kinds/chu-de-nam/rules.ts), then — only on
 * a complete dataset with no error so far — the number and date of the issued document
 * (issue.ts) and Decree 30's "Nơi nhận" rules (distribution.ts). The cross-file rules run on a
 * partial dataset too, so one run names the mistakes of every sound file.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { SourceFile } from '../../load/index.js';
import type { Dataset } from '../dataset.js';
import { DatasetAnalysis } from '../../dataset/analysis.js';
import { diagnosticsOf } from '../findings.js';
import { checkIssue, type IssueOptions } from '../issue.js';
import { checkDistribution } from './distribution.js';
import { RuleContext, type KindRules } from './context.js';
import { checkReferences } from './references.js';
import { checkContent } from './content.js';
import { checkParts } from './parts.js';

export type { KindRules, DuplicateGroup, KindProse } from './context.js';
export { RuleContext } from './context.js';

/**
 * The analyses the rules check and aggregation reuses: the tables of the content documents, the
 * leadership prose and the kind's prose blocks, indexed once; linked figures reconciled as read.
 */
export function analyseDataset(data: Dataset, kind: KindRules = {}): DatasetAnalysis {
  const prose = (kind.prose?.(data) ?? []).flatMap((p) => ('blocks' in p ? [p.blocks] : []));
  return new DatasetAnalysis(data, prose);
}

/** The cross-file rules: every finding on the (possibly partial) dataset. */
export function checkDataset(
  data: Dataset, kind: KindRules = {}, sources: readonly SourceFile[] = [], analysis: DatasetAnalysis = analyseDataset(data, kind),
): Diagnostic[] {
  const ctx = new RuleContext(data, kind, sources);
  checkReferences(ctx);
  kind.check?.(ctx);
  checkContent(ctx, analysis.links);
  // Phần only at the top level, and all of the top level when any (V614, V615).
  return [...diagnosticsOf(analysis.findings), ...diagnosticsOf(ctx), ...checkParts(data.documents)];
}

/** The rules on the issued document, for a complete dataset without errors. */
export function checkIssued(data: Dataset, kind: KindRules, sources: readonly SourceFile[], options: IssueOptions): Diagnostic[] {
  return [
    // The document number and date (from the data or --number/--date) against what the data knows.
    ...checkIssue(data, sources, options, kind.kpis?.(data) ?? []),
    // Decree 30's content rules for "Nơi nhận" (warnings, every kind).
    ...checkDistribution(data.report, sources),
  ];
}
