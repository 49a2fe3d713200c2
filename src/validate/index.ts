/**
 * Validate: schema checks for every loaded file, then the normalise step that builds the typed
 * Dataset. The Dataset is built only when no file has a schema error, so later stages can rely
 * on its shapes; cross-file rules that need the whole dataset run in aggregation, where names
 * and references are resolved.
 */
import type { StageResult } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { SourceFile } from '../load/index.js';
import { validateSchemas } from './schema.js';
import { buildDataset, type Dataset } from './dataset.js';

export type { Dataset } from './dataset.js';

export function validateDataset(files: SourceFile[], dir: string): StageResult<Dataset | null> {
  const diagnostics = validateSchemas(files);
  if (!files.some((f) => f.name === 'report')) {
    diagnostics.push(makeDiagnostic('L010', { file: `${dir}/report.yaml`, line: 1, column: 1 }, { name: 'report.yaml' }));
  }
  if (hasErrors(diagnostics)) return { value: null, diagnostics };
  return { value: buildDataset(files), diagnostics };
}
