/**
 * Findings: what a rule (or a shared analysis a rule runs) has to say, as data — a catalogue
 * code, the position, the message's arguments and any related positions — turned into
 * diagnostics only by validation. Analyses that aggregation also runs (tables, linked figures,
 * unit names) collect findings that aggregation simply ignores: it runs on data that passed.
 */
import type { Diagnostic, RelatedPosition, SourcePosition } from '../diagnostics/types.js';
import { makeDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';

export interface Finding { code: DiagnosticCode; at: SourcePosition; args: Record<string, unknown>; related?: RelatedPosition[] }

/** A list of findings with the one method every analysis reports through. */
export class Findings {
  readonly list: Finding[] = [];

  report(code: DiagnosticCode, at: SourcePosition, args: Record<string, unknown> = {}, related?: RelatedPosition[]): void {
    this.list.push(related?.length ? { code, at, args, related } : { code, at, args });
  }

  diagnostics(): Diagnostic[] {
    return this.list.map(toDiagnostic);
  }
}

export function toDiagnostic(f: Finding): Diagnostic {
  const d = makeDiagnostic(f.code, f.at, f.args);
  return f.related?.length ? { ...d, related: f.related } : d;
}
