// The "Nơi nhận" content rules (Decree 30, Phụ lục I II.9d) over report metadata written as YAML,
// so each warning is checked at the line of the item it is about.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../../src/load/index.js';
import { checkDistribution, type DistributionMeta } from '../../../../src/validate/rules/distribution.js';

/** report.yaml text → the rule's findings, as `code line:col`. */
function check(yaml: string): string[] {
  const file = parseSource(yaml, 'data/report.yaml').value!;
  const v = file.data as { recipients?: string[]; distribution?: string[]; archive?: string };
  const meta: DistributionMeta = {
    recipients: v.recipients ?? [],
    distribution: v.distribution ?? [],
    ...(v.archive !== undefined ? { archive: v.archive } : {}),
    at: { file: 'data/report.yaml', line: 1, column: 1, pointer: '' },
  };
  return checkDistribution(meta, [file]).map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
}

describe('Nơi nhận rules', () => {
  it('accepts a list that starts with "Như trên" and files with VT and a unit', () => {
    expect(check('recipients:\n  - HĐND xã\ndistribution:\n  - Như trên\n  - Thường trực Đảng ủy\narchive: VT, VP\n')).toEqual([]);
    expect(check('recipients: [HĐND xã]\ndistribution:\n  - "- Như trên;"\n  - "- Lưu: VT, NC.Châu"\n')).toEqual([]);
  });

  it('warns when a report with Kính gửi does not start with "Như trên", at the first item', () => {
    const found = check('recipients:\n  - HĐND huyện\ndistribution:\n  - Thường trực Huyện ủy\n  - Các ban HĐND\narchive: VT, VP\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^V650 4:5 .*"Thường trực Huyện ủy"/);
  });

  it('asks for no "Như trên" without Kính gửi', () => {
    expect(check('recipients: []\ndistribution:\n  - Thường trực Huyện ủy\narchive: VT, VP\n')).toEqual([]);
  });

  it('warns on a bare "Lưu: VT." at the archive line', () => {
    expect(check('recipients: [HĐND]\ndistribution:\n  - Như trên\narchive: VT.\n')).toEqual([
      'V652 4:10 "- Lưu: VT." chỉ ghi văn thư (VT), thiếu đơn vị soạn thảo',
    ]);
    expect(check('recipients: [HĐND]\ndistribution:\n  - Như trên\n  - "Lưu: VT"\n')[0]).toMatch(/^V652 4:5 /);
  });

  it('warns when the last item is not a "Lưu: VT, …" line', () => {
    expect(check('recipients: [HĐND]\ndistribution:\n  - Như trên\n  - Các phòng ban\n')[0]).toMatch(/^V651 4:5 .*"- Các phòng ban"/);
    expect(check('recipients: [HĐND]\ndistribution:\n  - Như trên\narchive: VP\n')[0]).toMatch(/^V651 4:10 .*"- Lưu: VP"/);
  });
});
