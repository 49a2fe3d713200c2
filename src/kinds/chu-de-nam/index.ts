/**
 * The code of the theme report kind `chu-de-nam` (its manifest is templates/chu-de-nam/kind.yaml):
 * how its record files are read and what its templates see beyond the shared model.
 */
import type { KindCode } from '../code.js';
import { readRecords } from './records.js';
import { themeModel } from './model.js';

export const code: KindCode = { readRecords, model: themeModel };
