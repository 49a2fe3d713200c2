// Years in scaffolded prose become tokens relative to the source report's year; years that are
// fixed facts (a date, a document number, a period) stay as written.
import { describe, expect, it } from 'vitest';
import { yearTokens } from '../../../src/scaffold/index.js';

describe('yearTokens', () => {
  it('turns the report year and its neighbours into tokens', () => {
    expect(yearTokens('Tổng kết năm 2025, kế hoạch năm 2026, so với năm 2024', 2025))
      .toBe('Tổng kết năm {year}, kế hoạch năm {year+1}, so với năm {year-1}');
    expect(yearTokens('KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025', 2025)).toBe('KẾT QUẢ 6 THÁNG ĐẦU NĂM {year}');
  });

  it('keeps dates, document numbers, periods and far years as written', () => {
    for (const fixed of ['ngày 18/12/2024', 'Nghị định 30/2025/NĐ-CP', 'giai đoạn 2021-2025', 'giai đoạn 2025–2030', 'từ năm 2020', '12.2025', 'mã 20250']) {
      expect(yearTokens(fixed, 2025)).toBe(fixed);
    }
  });

  it('leaves names alone: a year inside a token or a word is part of a name', () => {
    expect(yearTokens('Năm 2024 có {nam2024} đơn vị, theo {ref:KH-2025}', 2025)).toBe('Năm {year-1} có {nam2024} đơn vị, theo {ref:KH-2025}');
    expect(yearTokens('mã KH2025 và bm2[2].nam-2024', 2025)).toBe('mã KH2025 và bm2[2].nam-2024');
  });
});
