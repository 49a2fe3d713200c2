/**
 * Findings as diagnostics: the one place that turns what the rules and the Dataset's analyses
 * collected (`dataset/findings.ts`) into catalogue diagnostics with their text and hint.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { Finding, Findings } from '../dataset/findings.js';

export function toDiagnostic(f: Finding): Diagnostic {
  const d = makeDiagnostic(f.code, f.at, f.args);
  return f.related?.length ? { ...d, related: f.related } : d;
}

export function diagnosticsOf(findings: Findings): Diagnostic[] {
  return findings.list.map(toDiagnostic);
}
