/**
 * Findings: what an analysis of the Dataset (or a rule that runs one) has to say, as data — a
 * catalogue code, the position, the message's arguments and any related positions. Only
 * validation turns them into diagnostics (`validate/findings.ts`); aggregation runs the same
 * analyses' results on data that passed and never collects any.
 */
import type { RelatedPosition, SourcePosition } from '../diagnostics/types.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';

export interface Finding { code: DiagnosticCode; at: SourcePosition; args: Record<string, unknown>; related?: RelatedPosition[] }

/** A list of findings with the one method every analysis reports through. */
export class Findings {
  readonly list: Finding[] = [];

  report(code: DiagnosticCode, at: SourcePosition, args: Record<string, unknown> = {}, related?: RelatedPosition[]): void {
    this.list.push(related?.length ? { code, at, args, related } : { code, at, args });
  }
}
