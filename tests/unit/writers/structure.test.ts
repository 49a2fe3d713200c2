import { describe, expect, it } from 'vitest';
import type { Block, Root, Table, TableCell } from '../../../src/doctree/types.js';
import { documentDate, endAppendices, isRunInSubhead, pageRuns, tableGrid } from '../../../src/writers/structure.js';
import { distributionLines, listLines, segments, singleLine } from '../../../src/writers/text.js';
import { sampleTree } from './sample.js';

const cell = (value: string, extra: Partial<TableCell> = {}): TableCell => ({ type: 'tableCell', children: [{ type: 'text', value }], ...extra });

describe('pageRuns', () => {
  it('puts the body in a portrait run and the appendix in a landscape run that restarts numbering', () => {
    const runs = pageRuns(sampleTree());
    expect(runs.map((r) => [r.orientation, r.restartNumbering])).toEqual([
      ['portrait', false],
      ['landscape', true],
    ]);
  });

  it('drops page breaks at run boundaries and starts a new portrait run after a section', () => {
    const root: Root = {
      type: 'root',
      meta: { title: 't', author: 'a', date: '2024-12-05' },
      children: [
        { type: 'paragraph', children: [] },
        { type: 'pageBreak' },
        { type: 'section', orientation: 'landscape', children: [{ type: 'pageBreak' }, { type: 'paragraph', children: [] }] },
        { type: 'paragraph', children: [] },
      ],
    };
    const runs = pageRuns(root);
    expect(runs.map((r) => r.children.map((b) => b.type))).toEqual([['paragraph'], ['paragraph'], ['paragraph']]);
    expect(runs[2]!.orientation).toBe('portrait');
  });
});

describe('tableGrid', () => {
  const table = (rows: TableCell[][]): Table => ({
    type: 'table',
    columns: [1, 1, 1].map((width) => ({ width, align: 'left' as const })),
    children: rows.map((children, i) => ({ type: 'tableRow', kind: i === 0 ? 'header' : 'body', children })),
  });

  it('places cells around rowSpans from the rows above (HTML semantics)', () => {
    const grid = tableGrid(table([[cell('a', { rowSpan: 2 }), cell('b', { colSpan: 2 })], [cell('c'), cell('d')]]));
    expect(grid.diagnostics).toEqual([]);
    expect(grid.slots[1]!.map((s) => (s.kind === 'start' ? s.placed.cell.children : s.kind))).toEqual([
      'covered',
      [{ type: 'text', value: 'c' }],
      [{ type: 'text', value: 'd' }],
    ]);
    expect(grid.headerRowCount).toBe(1);
  });

  it('pads short rows and drops extra cells with a W003 warning', () => {
    const grid = tableGrid(table([[cell('a')], [cell('a'), cell('b'), cell('c'), cell('d')]]));
    expect(grid.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['W003', 'warning'],
      ['W003', 'warning'],
    ]);
    expect(grid.slots[0]!.map((s) => s.kind)).toEqual(['start', 'empty', 'empty']);
  });
});

describe('text helpers', () => {
  it('punctuates administrative lists', () => {
    expect(listLines(['Như trên', 'Lưu: VT'])).toEqual(['- Như trên;', '- Lưu: VT.']);
    expect(listLines(['- Lưu: VT, HC (2).'])).toEqual(['- Lưu: VT, HC (2).']);
    expect(singleLine('Hội đồng nhân dân huyện An Lão')).toBe('Hội đồng nhân dân huyện An Lão.');
  });

  it('prints the last line of Nơi nhận as the data wrote it: no full stop it did not ask for', () => {
    expect(distributionLines(['Như trên', 'Lưu: VT, NC.Châu'])).toEqual(['- Như trên;', '- Lưu: VT, NC.Châu']);
    expect(distributionLines(['Như trên', 'Lưu: VT, VP.'])).toEqual(['- Như trên;', '- Lưu: VT, VP.']);
  });

  it('normalises to NFC and upper-cases with Vietnamese rules', () => {
    const nfd = 'công tác lãnh đạo'.normalize('NFD');
    expect(segments([{ type: 'text', value: nfd }], { upper: true })).toEqual([
      { kind: 'text', text: 'CÔNG TÁC LÃNH ĐẠO', bold: false, italic: false },
    ]);
  });

  it('falls back to a fixed date and warns when the document date is unreadable', () => {
    const { date, diagnostics } = documentDate({ title: '', author: '', date: 'ngày mai' });
    expect(date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(diagnostics[0]?.code).toBe('W004');
  });
});

describe('endAppendices', () => {
  const heading: Block = { type: 'appendixHeading', label: 'Phụ lục', title: ['T'], note: '(n)' };
  const table = { type: 'table', columns: [], rows: [] } as unknown as Table;
  const para = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });

  it('ends each appendix with ./.: a line after a table, appended after a closing paragraph\'s stop', () => {
    const out = endAppendices([heading, table, { type: 'pageBreak' }, heading, para('Ghi chú.')]);
    expect(out.map((b) => b.type)).toEqual(['appendixHeading', 'table', 'paragraph', 'pageBreak', 'appendixHeading', 'paragraph']);
    expect(out[2]).toMatchObject({ align: 'right', indent: false, children: [{ type: 'text', value: './.' }] });
    expect(out[5]).toMatchObject({ children: [{ value: 'Ghi chú.' }, { value: '/.' }] });
  });

  it('leaves the body, and an appendix already ending with ./., alone', () => {
    const body = [para('Báo cáo.'), para('Hết./.')];
    expect(endAppendices(body)).toEqual(body);
    expect(endAppendices([heading, para('Hết./.')])).toEqual([heading, para('Hết./.')]);
  });

  it('is applied to every page run the writers lay out', () => {
    const root = sampleTree();
    const last = pageRuns(root).at(-1)!.children.at(-1)!;
    expect(JSON.stringify(last)).toContain('./.');
  });
});

describe('isRunInSubhead', () => {
  const p = (children: unknown[]) => ({ type: 'paragraph', children }) as never;
  it('is a short bold or italic label ending with a colon', () => {
    expect(isRunInSubhead(p([{ type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'text', value: 'Xã Quốc Tuấn:' }] }] }]))).toBe(true);
  });
  it('is not plain text, a label without its colon, or a long sentence', () => {
    expect(isRunInSubhead(p([{ type: 'text', value: 'Xã Quốc Tuấn:' }]))).toBe(false);
    expect(isRunInSubhead(p([{ type: 'strong', children: [{ type: 'text', value: 'Xã Quốc Tuấn' }] }]))).toBe(false);
    expect(isRunInSubhead(p([{ type: 'strong', children: [{ type: 'text', value: `${'rất dài '.repeat(12)}:` }] }]))).toBe(false);
  });
});
