/**
 * Build step (run by scripts/bundle.mjs through the bundle's `precompile` launcher, so that the
 * keys are made by the very code that will look them up): compile every template under the
 * package's `templates/` folder and write them to dist/render/precompiled.json (see templates.ts).
 * Usage: precompile <templates folder> <output file>.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { precompileTemplates } from './templates.js';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: precompile <templates folder> <output file>\n');
  process.exit(2);
}
const compiled = precompileTemplates(dir);
const temp = `${out}.${process.pid}.tmp`;
writeFileSync(temp, `${JSON.stringify(compiled)}\n`);
renameSync(temp, out);
process.stdout.write(`precompile: ${Object.keys(compiled).length} templates → ${out}\n`);
