// The preview page speaks the tool's language: the shell tells the script (<html lang>) and a
// figure's provenance is worded in it; the report itself stays Vietnamese.
import { describe, expect, it } from 'vitest';
import { pageShell } from '../../../src/preview/page.js';
import { provenance } from '../../../src/preview/session.js';
import type { Figure } from '../../../src/aggregate/index.js';

const snapshot = { version: 1, html: null, diagnostics: [], figures: {}, took: 1 } as unknown as Parameters<typeof pageShell>[0];

describe('preview language', () => {
  it('the page shell names its language and words its placeholder in it', () => {
    expect(pageShell(snapshot, 'Report preview 2024', 'en')).toContain('<html lang="en">');
    expect(pageShell(snapshot, 'Report preview 2024', 'en')).toContain('The report could not be built');
    expect(pageShell(snapshot, 'Xem trước báo cáo 2024')).toContain('<html lang="vi">');
    expect(pageShell(snapshot, 'Xem trước báo cáo 2024')).toContain('Chưa dựng được báo cáo');
  });

  it('a figure\'s provenance follows the language', () => {
    const f = {
      id: 'investment.total', label: 'Tổng kế hoạch vốn', origin: 'stated', kind: 'count', n: 1, sources: [],
      check: { stated: '676.373', computed: '674.993', agrees: false, printed: 'stated' },
    } as unknown as Figure;
    expect(provenance(f, 'en').originText).toBe('stated in the data');
    expect(provenance(f, 'en').check?.text).toContain('do NOT agree');
    expect(provenance(f).originText).toBe('số đã nêu trong dữ liệu');
  });
});
