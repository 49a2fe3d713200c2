// The typed Dataset is read by hand-kept readers (src/validate/dataset.ts), not generated from
// the schemas (see docs/architecture.md, "Types and schemas"). This test keeps the two from
// drifting apart: every field the shared schemas let a data file write must be read somewhere
// by the readers (as a JSON pointer segment `/<field>`), except the few read elsewhere, named
// here with the reason. A field added to a schema without a reader fails here, not silently.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const reader = readFileSync(path.join(root, 'src/validate/dataset.ts'), 'utf8');
const common = JSON.parse(readFileSync(path.join(root, 'schemas/common.schema.json'), 'utf8')).$defs as Record<string, Schema>;
const report = JSON.parse(readFileSync(path.join(root, 'schemas/report.schema.json'), 'utf8')) as Schema;
interface Schema { type?: string; properties?: Record<string, Schema> }

/** Fields read outside dataset.ts, and why. */
const ELSEWHERE = new Map([
  ['block.projectId', 'a `<record>Id` link, read by readLinks for any such field'],
  ['block.clearanceCaseId', 'a `<record>Id` link, read by readLinks for any such field'],
  ['report.document.date.month', 'the date is parsed whole (parseDate)'],
  ['report.document.date.day', 'the date is parsed whole (parseDate)'],
  ['report.fonts', 'the font folder is read by the pipeline (compile.ts)'],
]);

const isRead = (field: string) => new RegExp(`/${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(reader);

function fields(s: Schema, prefix: string): string[] {
  return Object.entries(s.properties ?? {}).flatMap(([k, v]) => [`${prefix}.${k}`, ...(v.type === 'object' ? fields(v, `${prefix}.${k}`) : [])]);
}

describe('the hand-kept Dataset readers and the schemas agree', () => {
  const shared = ['block', 'item', 'table', 'statTable', 'statRow', 'section', 'appendix', 'document', 'linkedFigure', 'rateFigure', 'statedMoney', 'statedArea', 'statedCount', 'unitRef'];
  it.each(shared)('every field of common.schema.json#/$defs/%s is read', (def) => {
    expect(common[def], def).toBeDefined();
    const unread = fields(common[def]!, def).filter((f) => !ELSEWHERE.has(f) && !isRead(f.split('.').pop()!));
    expect(unread).toEqual([]);
  });

  it('every field of report.schema.json is read', () => {
    const unread = fields(report, 'report').filter((f) => !ELSEWHERE.has(f) && !isRead(f.split('.').pop()!));
    expect(unread).toEqual([]);
  });

  it('the exceptions are still fields of the schemas', () => {
    const all = new Set([...Object.keys(common).flatMap((d) => fields(common[d]!, d)), ...fields(report, 'report')]);
    expect([...ELSEWHERE.keys()].filter((f) => !all.has(f))).toEqual([]);
  });
});
