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
  /** For a value read from a spreadsheet: its cell (file, line and column are the YAML mapping's). */
  cell?: CellRef;
  /** Other places the finding is about (the table cell a prose figure disagrees with). */
  related?: RelatedPosition[];
}

/** A second position of a diagnostic, with what stands there (`ô bm1[4]`). */
export interface RelatedPosition { file: string; line: number; column: number; label: string }

/** A spreadsheet cell: `data/2024/du-an.xlsx!Danh mục!D12`. */
export interface CellRef {
  file: string;
  sheet: string;
  ref: string;
}

/** A position in a source file; line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  cell?: CellRef;
}

/** What every stage returns: a value (possibly partial) and its findings. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
