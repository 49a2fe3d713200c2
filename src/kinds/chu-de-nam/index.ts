/**
 * The code of the theme report kind `chu-de-nam` (its manifest is templates/chu-de-nam/kind.yaml):
 * how its record files are read, the rules its data must meet, and what its templates see beyond
 * the shared model.
 */
import type { KindCode } from '../code.js';
import { readRecords } from './records.js';
import { themeModel } from './model.js';
import { themeRules } from './rules.js';

export const code: KindCode = { readRecords, rules: themeRules as KindCode['rules'], model: themeModel };
