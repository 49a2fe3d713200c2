// The data folder against its kind's manifest, by file names alone: required files, near misses
// (case, a further extension, a typo) and two files for one; unrelated files are left alone.
import { describe, expect, it } from 'vitest';
import { checkDataFiles } from '../../../src/validate/files.js';

const KIND = {
  name: 'chu-de-nam',
  files: [
    { name: 'investment', required: true, title: 'Kế hoạch vốn đầu tư công' },
    { name: 'digital', required: true },
    { name: 'urban', required: false },
  ],
};
const ALL = ['report.yaml', 'investment.yaml', 'digital.yaml', 'urban.yaml'];
const codes = (entries: string[]) => checkDataFiles(entries, KIND, 'data/x').diagnostics.map((d) => `${d.code} ${d.file}`);

describe('checkDataFiles', () => {
  it('accepts a complete folder, optional files absent, and files that are no data file', () => {
    expect(codes(ALL)).toEqual([]);
    expect(codes(['report.yaml', 'investment.yaml', 'digital.yaml'])).toEqual([]);
    expect(codes([...ALL, 'notes.txt', 'investment.xlsx', 'ghi-chu.yaml', '.investment.yaml.swp'])).toEqual([]);
  });

  it('names a missing required file (K010), with the kind and the file\'s title', () => {
    const [d] = checkDataFiles(['report.yaml', 'digital.yaml'], KIND, 'data/x').diagnostics;
    expect(d).toMatchObject({ code: 'K010', severity: 'error', file: 'data/x/investment.yaml' });
    expect(d.message).toBe('Thiếu tệp dữ liệu bắt buộc "investment.yaml" của loại báo cáo "chu-de-nam" (Kế hoạch vốn đầu tư công)');
  });

  it('calls a near miss an error with a did-you-mean (K011) and does not validate it as data', () => {
    const r = checkDataFiles(['report.yaml', 'investment.yaml', 'Digital.yml', 'urban.yaml.txt', 'urbn.yaml'], KIND, 'data/x');
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([
      'K011 data/x/Digital.yml', 'K011 data/x/urban.yaml.txt', 'K011 data/x/urbn.yaml', 'K010 data/x/digital.yaml',
    ]);
    expect(r.diagnostics.slice(0, 3).map((d) => d.hint?.split('?')[0])).toEqual([
      'Có phải ý bạn là "digital.yaml"', 'Có phải ý bạn là "urban.yaml"', 'Có phải ý bạn là "urban.yaml"',
    ]);
    expect([...r.misnamed].sort()).toEqual(['Digital.yml', 'urban.yaml.txt', 'urbn.yaml']);
  });

  it('refuses two files for one data file (K012) instead of choosing', () => {
    const [d] = checkDataFiles([...ALL, 'investment.yml'], KIND, 'data/x').diagnostics;
    expect(d).toMatchObject({ code: 'K012', file: 'data/x/investment.yml' });
    expect(d.message).toContain('data/x/investment.yaml, data/x/investment.yml');
  });
});
