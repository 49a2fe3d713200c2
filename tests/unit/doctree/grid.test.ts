// The shared table grid (src/doctree/grid.ts): the kind a cell's text is set in. A note merged
// beside a bold group row and the plain rows under it is plain text in every writer.
import { describe, expect, it } from 'vitest';
import { cellKind, tableGrid } from '../../../src/doctree/grid.js';
import type { RowKind, Table } from '../../../src/doctree/types.js';

const text = (value: string) => [{ type: 'text' as const, value }];
function table(kinds: RowKind[], noteSpan: number): Table {
  return {
    type: 'table',
    columns: [{ width: 50, align: 'left' }, { width: 50, align: 'left' }],
    children: kinds.map((kind, r) => ({
      type: 'tableRow' as const,
      kind,
      children: [
        { type: 'tableCell' as const, children: text(`dòng ${r}`) },
        ...(r === 1 ? [{ type: 'tableCell' as const, children: text('ghi chú'), rowSpan: noteSpan }] : r > 1 && r < 1 + noteSpan ? [] : [{ type: 'tableCell' as const, children: text('') }]),
      ],
    })),
  };
}
const noteOf = (t: Table) => {
  const slot = tableGrid(t).slots[1]![1]!;
  if (slot.kind !== 'start') throw new Error('no note');
  return cellKind(t, slot.placed);
};

describe('cellKind', () => {
  it('is the row kind of a one-row cell', () => {
    const t = table(['header', 'group', 'body', 'body'], 1);
    const slot = tableGrid(t).slots[1]![0]!;
    expect(slot.kind === 'start' && cellKind(t, slot.placed)).toBe('group');
  });
  it('is body for a merge over a group row and its plain rows', () => {
    expect(noteOf(table(['header', 'group', 'body', 'body'], 3))).toBe('body');
  });
  it('keeps the kind of a merge over rows all of one kind', () => {
    expect(noteOf(table(['header', 'group', 'group', 'body'], 2))).toBe('group');
  });
});
