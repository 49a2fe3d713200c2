// The tree check: findings about the tree itself (table grid, nested sections, the date), each at
// the template line of the node, made once for every command instead of by each writer.
import { describe, expect, it } from 'vitest';
import { checkTree } from '../../../src/doctree/check.js';
import type { Block, Root, TableCell } from '../../../src/doctree/types.js';

const at = (line: number) => ({ file: 'templates/k/phu-luc.hbs', line, column: 1 });
const cell = (value: string): TableCell => ({ type: 'tableCell', children: [{ type: 'text', value }] });
const root = (children: Block[], date = '2024-12-05'): Root => ({ type: 'root', meta: { title: '', author: '', date }, children });

describe('checkTree', () => {
  it('reports a table row that does not fill the declared columns (W003) at the row\'s template line', () => {
    const table: Block = {
      type: 'table', position: at(3), columns: [{ width: 1, align: 'left' }, { width: 1, align: 'left' }],
      children: [
        { type: 'tableRow', kind: 'header', children: [cell('a'), cell('b')], position: at(5) },
        { type: 'tableRow', kind: 'body', children: [cell('c')], position: at(6) },
      ],
    };
    const d = checkTree(root([{ type: 'section', orientation: 'landscape', children: [table] }]));
    expect(d.map((x) => `${x.code} ${x.severity} ${x.file}:${x.line}:${x.column}`)).toEqual(['W003 warning templates/k/phu-luc.hbs:6:1']);
    expect(d[0].message).toContain('Hàng 2');
  });

  it('reports a section nested in a list (W002) and an unreadable date (W004)', () => {
    const nested: Block = { type: 'list', marker: '-', children: [{ type: 'listItem', children: [{ type: 'section', orientation: 'landscape', children: [], position: at(9) }] }] };
    const d = checkTree(root([nested], 'ngày mai'));
    expect(d.map((x) => `${x.code} ${x.line}`)).toEqual(['W004 0', 'W002 9']);
  });

  it('places an unreadable date (W004) at the header block that prints it', () => {
    const header: Block = { type: 'header', agency: ['A'], numberLine: '', placeDateLine: '', position: at(2) };
    expect(checkTree(root([header], 'x')).map((x) => `${x.code} ${x.file}:${x.line}:${x.column}`)).toEqual(['W004 templates/k/phu-luc.hbs:2:1']);
  });

  it('finds nothing in a sound tree', () => {
    expect(checkTree(root([{ type: 'paragraph', children: [] }]))).toEqual([]);
  });
});
