/**
 * Domain vocabulary: the Vietnamese names of the kinds and standards the data uses as enum
 * values. These are the fixed words of the domain, shared by the model and its checks.
 */
import type { Standard, WorkKind } from './records.js';

export const WORK_KIND_LABEL: Record<WorkKind, string> = {
  road: 'tuyến đường giao thông',
  school: 'công trình xây dựng trường học',
  concrete: 'gói bê tông tươi',
  lighting: 'gói điện chiếu sáng ngõ xóm',
  culture: 'công trình văn hóa',
  health: 'công trình y tế',
  other: 'công trình khác',
};

export const STANDARD_LABEL: Record<Standard, string> = {
  ntm: 'nông thôn mới',
  nangCao: 'nông thôn mới nâng cao',
  kieuMau: 'nông thôn mới kiểu mẫu',
};

/** The abbreviations reports use in running text. */
export const STANDARD_SHORT: Record<Standard, string> = {
  ntm: 'NTM',
  nangCao: 'NTM nâng cao',
  kieuMau: 'NTM kiểu mẫu',
};
