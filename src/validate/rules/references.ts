/**
 * Rules on ids and cited documents, for every kind: an id given twice among the cited documents
 * of report.yaml or among a kind's records (V201, naming the first), and the documents the
 * report's basis names (V202 when report.yaml cites no such document).
 */
import type { RuleContext } from './context.js';

export function checkReferences(ctx: RuleContext): void {
  const groups = [{ what: 'văn bản', items: ctx.data.report.references }, ...(ctx.kind.duplicates?.(ctx.data) ?? [])];
  for (const g of groups) {
    const seen = new Map<string, { file: string; line: number }>();
    for (const item of g.items) {
      const first = seen.get(item.id);
      if (first) ctx.report('V201', item.at, { what: g.what, id: item.id, first: `${first.file}:${first.line}` });
      else seen.set(item.id, item.at);
    }
  }
  for (const b of ctx.data.report.basis) ctx.reference(b.id, b.at);
}
