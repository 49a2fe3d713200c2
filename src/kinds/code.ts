/**
 * The code a kind may bring, for what no generic feature serves: a reader that turns its record
 * files into typed records, its data rules (cross-file checks, registered with validation) and
 * its part of the model (sections, register of units, KPI lines). A kind's manifest names its
 * module (`module: <name>` in kind.yaml); the modules are the folders of `src/kinds/`, compiled
 * with the package — an agency's kind has no code and gets the generic model. This table is the only list of them.
 */
import type { RecordReader } from '../validate/dataset.js';
import type { KindModel } from '../aggregate/index.js';
import type { KindRules } from '../validate/rules/index.js';
import { code as chuDeNam } from './chu-de-nam/index.js';

export interface KindCode {
  readRecords?: RecordReader;
  /** The kind's data rules, run by validation with the shared ones (`validate/rules/`). */
  rules?: KindRules;
  /** The kind's part of the model; its hooks see the Dataset with the kind's records. */
  model?: KindModel;
}

const MODULES: Record<string, KindCode> = {
  'chu-de-nam': chuDeNam,
};

/** The code module a manifest names; undefined for none (or a name the package lacks). */
export function kindCode(module: string | undefined): KindCode | undefined {
  return module === undefined ? undefined : MODULES[module];
}

export function knownModules(): string[] {
  return Object.keys(MODULES);
}
