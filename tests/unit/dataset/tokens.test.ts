// The token grammar of prose in data (dataset/tokens.ts), which the content rules and aggregation
// both read: text, tokens and slips in order, and each token classified with the forms it takes.
import { describe, expect, it } from 'vitest';
import { classifyToken, scanTokens } from '../../../src/dataset/tokens.js';
import type { FigureInput } from '../../../src/dataset/types.js';
import { toExact } from '../../../src/numbers/index.js';

describe('the token grammar shared by the rules and aggregation', () => {
  const figures: Record<string, FigureInput> = {
    xa: { kind: 'units', units: [], at: { file: 'f', line: 1, column: 1, pointer: '' } },
    n: { kind: 'count', value: toExact(3), at: { file: 'f', line: 1, column: 1, pointer: '' } },
  };
  it('scans text, tokens and slips', () => {
    expect(scanTokens('a {n} {{x}} } b').map((p) => p.type)).toEqual(['text', 'token', 'text', 'double', 'text', 'brace', 'text']);
  });
  it('classifies each token with the forms its kind takes', () => {
    expect(classifyToken('ref:qd-1|short', figures)).toEqual({ kind: 'ref', id: 'qd-1', form: 'short' });
    expect(classifyToken('xa|count', figures)).toMatchObject({ kind: 'figure', name: 'xa', form: 'count' });
    expect(classifyToken('n|count', figures)).toEqual({ kind: 'badForm', head: 'n', form: 'count', allowed: '{n}' });
    expect(classifyToken('year+1', figures)).toEqual({ kind: 'year', shift: 1 });
    expect(classifyToken('khong', figures)).toEqual({ kind: 'unknown' });
    expect(classifyToken('', figures)).toEqual({ kind: 'unknown' });
  });
});
