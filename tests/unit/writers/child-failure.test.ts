// A writer process's failure crosses to the parent as a message and comes back as an error the
// CLI's one catch reads as it would read it in-process: the same name, message, code and path.
import { describe, expect, it } from 'vitest';
import { fromFailure, isFailure, toFailure } from '../../../src/writers/child-failure.js';
import { incompleteInstall } from '../../../src/cli/io.js';

/** Through the same structured clone as the IPC channel's `advanced` serialization. */
const sent = <T>(value: T): T => structuredClone(value);

describe('writer process failures', () => {
  it('keep the name, message and stack, and say where they came from', () => {
    const err = new TypeError('cannot read properties of undefined');
    const back = fromFailure(sent(toFailure(err)), 'pdf');
    expect(back.name).toBe('TypeError');
    expect(back.message).toBe('cannot read properties of undefined');
    expect(back.stack).toContain(err.stack!.split('\n')[1]!);
    expect(back.stack!.endsWith('(in the pdf writer process)')).toBe(true);
  });

  it('keep the code and path, so a missing piece of the tool is an incomplete installation', () => {
    const err = Object.assign(new Error("Cannot find module 'pdfmake'"), { code: 'MODULE_NOT_FOUND' });
    expect(incompleteInstall(fromFailure(sent(toFailure(err)), 'pdf'), 'vi')).toContain('thiếu pdfmake');
  });

  it('a thrown non-error becomes an Error; a writer answer is no failure', () => {
    const back = fromFailure(sent(toFailure('boom')), 'pdf');
    expect([back.name, back.message]).toEqual(['Error', 'boom']);
    expect(isFailure(sent(toFailure('boom')))).toBe(true);
    expect(isFailure({ value: new Uint8Array(1), diagnostics: [] })).toBe(false);
    expect(isFailure(null)).toBe(false);
  });
});
