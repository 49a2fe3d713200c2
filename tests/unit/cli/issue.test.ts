// Issuing rules on the 2024 data set: the date may not precede a cited document or a KPI's
// as-of month, a partial date is judged by its last possible day, and the number is written
// without extra zeros. Findings are positioned at the data line that conflicts (command-line
// date) or at the report.yaml field (date or number written there).
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { compile, type Compilation } from '../../../src/pipeline/compile.js';
import { checkIssue as checkWith } from '../../../src/validate/issue.js';
import type { Dataset, Kpi } from '../../../src/validate/dataset.js';
import type { SourceFile } from '../../../src/load/index.js';
import type { IssueOptions } from '../../../src/validate/issue.js';

const ROOT = path.resolve(__dirname, '../../..');
let c: Compilation;

beforeAll(async () => {
  c = await compile({ dataDir: path.join(ROOT, 'data/2024'), cwd: ROOT, skipRender: true });
});

/** The KPI lines of the theme report (digital.yaml), which the pipeline takes from the kind's code. */
const checkIssue = (data: Dataset, sources: readonly SourceFile[], options?: IssueOptions) =>
  checkWith(data, sources, options, (data as Dataset & { digital?: { kpis: Kpi[] } }).digital?.kpis ?? []);

const lineOf = (file: string, re: RegExp) => c.sources.find((s) => s.path === file)!.text.split('\n').findIndex((l) => re.test(l)) + 1;

describe('checkIssue', () => {
  it('the 2024 data as it is (year only, no number) and a date after everything pass', () => {
    expect(checkIssue(c.dataset!, c.sources)).toEqual([]);
    expect(checkIssue(c.dataset!, c.sources, { date: { year: 2024, month: 12, day: 5 }, number: '05' })).toEqual([]);
    expect(checkIssue(c.dataset!, c.sources, { date: { year: 2024, month: 11, day: 20 } })).toEqual([]);
  });

  it('--date before a cited document: V501 at that document\'s date line', () => {
    const d = checkIssue(c.dataset!, c.sources, { date: { year: 2024, month: 11, day: 19 } });
    expect(d.map((x) => [x.code, x.file, x.line])).toEqual([['V501', 'data/2024/report.yaml', lineOf('data/2024/report.yaml', /date: 20\/11\/2024/)]]);
    expect(d[0].message).toContain('Ngày ban hành 19/11/2024 (--date) trước ngày của');
    expect(d[0].en?.message).toContain('Issue date 19/11/2024 (--date) is before');
  });

  it('--date before a KPI\'s as-of month: V502 at its asOf line', () => {
    const d = checkIssue(c.dataset!, c.sources, { date: { year: 2024, month: 10, day: 31 } });
    const v502 = d.find((x) => x.code === 'V502')!;
    expect(v502.file).toBe('data/2024/digital.yaml');
    expect(v502.line).toBe(lineOf('data/2024/digital.yaml', /asOf: 11\/2024/));
    expect(v502.message).toContain('trước mốc số liệu 11/2024');
  });

  it('a date in report.yaml obeys the same rules, reported at the report.yaml date', () => {
    const report = c.dataset!.report;
    const data = { ...c.dataset!, report: { ...report, document: { ...report.document, date: { ...report.document.date, month: 10 } } } };
    const d = checkIssue(data, c.sources);
    expect(d.map((x) => x.code).sort()).toEqual(['V501', 'V502']);
    for (const x of d) {
      expect(x.line).toBe(report.document.date.at.line);
      expect(x.message).toContain('tháng 10/2024 (report.yaml)');
    }
    // November: the last day of the month is after every as-of and cited date.
    const nov = { ...data, report: { ...report, document: { ...report.document, date: { ...report.document.date, month: 11 } } } };
    expect(checkIssue(nov, c.sources)).toEqual([]);
  });

  it('a number in report.yaml with extra zeros, or zero, is V503; 5 and 05 are fine', () => {
    const withNumber = (number: string) => ({ ...c.dataset!, report: { ...c.dataset!.report, document: { ...c.dataset!.report.document, number } } });
    expect(checkIssue(withNumber('5'), c.sources)).toEqual([]);
    expect(checkIssue(withNumber('05'), c.sources)).toEqual([]);
    expect(checkIssue(withNumber('125'), c.sources)).toEqual([]);
    const [bad] = checkIssue(withNumber('005'), c.sources);
    expect(bad.code).toBe('V503');
    expect(bad.message).toBe('Số văn bản "005" không hợp lệ: thừa số 0 ở đầu (ghi 5, báo cáo in 05)');
    expect(bad.line).toBe(lineOf('data/2024/report.yaml', /^\s+number:/));
    expect(checkIssue(withNumber('0'), c.sources)[0].message).toContain('số văn bản bắt đầu từ 1');
    // --number replaces the written number, so the written one is not judged.
    expect(checkIssue(withNumber('005'), c.sources, { number: '05' })).toEqual([]);
  });
});
