// The CLI's verdict on a failure (src/cli/io.ts, used by main.ts and the --all worker): a piece of the tool itself gone
// missing is an incomplete installation to mend with `npm ci`, not an internal error.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingPieceOfTool } from '../../../src/cli/io.js';
import { PACKAGE_ROOT } from '../../../src/pipeline/paths.js';

describe('missingPieceOfTool', () => {
  it('names a file of dist/ or node_modules/ that could not be read or resolved', () => {
    const chunk = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'docx-ABC.cjs');
    expect(missingPieceOfTool(Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: chunk }))).toBe(chunk);
    expect(missingPieceOfTool(Object.assign(new Error(`Cannot find module '${chunk}'`), { code: 'MODULE_NOT_FOUND' }))).toBe(chunk);
  });

  it('leaves every other failure alone: a missing data file is the data’s, a bug is a bug', () => {
    expect(missingPieceOfTool(Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: path.join(PACKAGE_ROOT, 'data', '2024', 'x.yaml') }))).toBeUndefined();
    expect(missingPieceOfTool(Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: '/elsewhere/dist/x.js' }))).toBeUndefined();
    expect(missingPieceOfTool(new TypeError('x is undefined'))).toBeUndefined();
    expect(missingPieceOfTool(null)).toBeUndefined();
  });
});
