/**
 * The Diagnostic: one finding of any stage, with a stable code from the catalogue, a severity,
 * a Vietnamese message (English on request) and the source position it is about. Stages return
 * diagnostics instead of throwing; only the CLI decides what they mean for the exit status.
 */
export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  hint?: string;
  /** English rendering of message and hint, for `--lang en`. */
  en?: { message: string; hint?: string };
}

/** A position in a source file; line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** What every stage returns: a value (possibly partial) and its findings. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
