/**
 * Explains why a value failed its format pattern (the schemas tag each format with `x-format`):
 * money without a unit, an area written in đồng, `82.03 ha` with a decimal point, a percentage
 * over 100, a negative amount, 31/02/2024, a document number with lower case or spaces. Each
 * explanation names its catalogue code — V105 wrong format, V106 impossible value, V107 bad
 * document number, or L011 for the float trap (a plain `676.373` where money or an area is
 * expected, which YAML would read as a float) — with a Vietnamese reason and its English twin.
 * It also guesses which format a free-form figure was meant to have when several would fit.
 */
import {
  daysInMonth,
  describeFloatTrap,
  isFloatTrap,
  parseDate,
  parseQuantity,
  parseVietnameseNumber,
  type ParseQuantityFailure,
} from '../numbers/index.js';
import { stripDiacritics } from '../diagnostics/suggest.js';

export interface Text {
  vi: string;
  en: string;
}

export interface FormatFinding {
  code: 'V105' | 'V106' | 'V107' | 'L011';
  reason: Text;
  /** Extra hint after the catalogue's own (a corrected spelling, both float readings…). */
  hint?: Text;
  /** Message arguments beyond value/field (L011 needs text, float, vn). */
  args?: Record<string, unknown>;
}

const t = (vi: string, en: string): Text => ({ vi, en });

/** Which of the candidate formats a text most likely meant (for values that may be several). */
export function guessFormat(text: string, formats: readonly string[]): string {
  const s = text.trim();
  const has = (f: string): boolean => formats.includes(f);
  const unit = /^[-+]?[\d.,]+\s*([^\d.,\s].*)$/u.exec(s)?.[1];
  const unitKind = unit === undefined ? undefined : parseQuantity(`1 ${unit}`, 'area').ok ? 'area' : 'money';
  const order = [
    s.endsWith('%') && 'percent',
    s.includes('/') && 'fraction',
    unitKind,
    /^-?\d+$/.test(s) && 'count',
    'money',
    'area',
    'count',
  ];
  return order.find((f): f is string => typeof f === 'string' && has(f)) ?? formats[0];
}

/** Why `text` fails the pattern of `format`; `plain` = written without quotes in the YAML. */
export function explainFormat(format: string, text: string, plain: boolean): FormatFinding {
  const trap = floatTrap(format, text, plain);
  if (trap) return trap;
  switch (format) {
    case 'money':
    case 'area':
      return quantity(format, text);
    case 'count':
      return count(text);
    case 'percent':
      return percent(text);
    case 'rate':
      return rate(text);
    case 'fraction':
      return fraction(text);
    case 'date':
      return date(text);
    case 'monthYear':
      return monthYear(text);
    case 'month':
    case 'day':
      return dayOrMonth(format, text);
    case 'docNumber':
    case 'docSymbol':
      return docNumber(text);
    default:
      return other(format, text);
  }
}

/** Plain `676.373` where a number is expected: YAML (and every editor) reads the float 676.373. */
function floatTrap(format: string, text: string, plain: boolean): FormatFinding | undefined {
  if (!plain || (format !== 'money' && format !== 'area') || !isFloatTrap(text)) return undefined;
  const { float, vietnamese } = describeFloatTrap(text);
  if (vietnamese === null) return undefined;
  const example = format === 'area' ? `"${text} m²"` : `"${text} triệu đồng"`;
  return {
    code: 'L011',
    reason: t('', ''),
    args: { text, float, vn: vietnamese },
    hint: t(
      `Hai cách đọc: YAML hiểu là số thực ${float}, người nhập có ý là ${vietnamese}. Ở đây nên viết ${example}.`,
      `Two readings: YAML sees the float ${float}, the clerk meant ${vietnamese}. Write ${example} here.`,
    ),
  };
}

const UNIT_REASON: Record<'money' | 'area', Text> = {
  money: t('thiếu đơn vị tiền (đồng, nghìn đồng, triệu đồng, tỷ đồng)', 'the money unit is missing (đồng, triệu đồng, tỷ đồng)'),
  area: t('thiếu đơn vị diện tích (m², ha)', 'the area unit is missing (m², ha)'),
};

function quantity(kind: 'money' | 'area', text: string): FormatFinding {
  const parsed = parseQuantity(text, kind);
  if (parsed.ok) {
    // `-0 triệu đồng` parses as zero: what is wrong is the sign, not the layout.
    if (/^\s*[-−]/u.test(text) && parsed.value.amount.isZero()) {
      const unsigned = text.trim().replace(/^[-−]\s*/u, '');
      return {
        code: 'V106',
        reason: kind === 'money'
          ? t(`dấu trừ trước số 0 không có nghĩa, và số tiền không bao giờ mang dấu: viết "${unsigned}"`, `a minus sign before zero means nothing, and money never carries a sign: write "${unsigned}"`)
          : t(`dấu trừ trước số 0 không có nghĩa, và diện tích không bao giờ mang dấu: viết "${unsigned}"`, `a minus sign before zero means nothing, and an area never carries a sign: write "${unsigned}"`),
      };
    }
    if (parsed.value.amount.isNegative()) {
      return { code: 'V106', reason: kind === 'money' ? t('số tiền không được âm', 'money cannot be negative') : t('diện tích không được âm', 'area cannot be negative') };
    }
    return { code: 'V105', reason: t('viết số, một dấu cách, rồi đơn vị theo cách viết chuẩn', 'write the number, one space, then the unit as usually spelt') };
  }
  return { code: 'V105', reason: quantityReason(kind, parsed.reason, parsed.unit), hint: decimalPointHint(text) };
}

function quantityReason(kind: 'money' | 'area', reason: ParseQuantityFailure, unit?: string): Text {
  switch (reason) {
    case 'missing-unit':
      return UNIT_REASON[kind];
    case 'wrong-kind':
      return kind === 'money'
        ? t(`"${unit}" là đơn vị diện tích, ở đây cần số tiền`, `"${unit}" is an area unit; money is expected here`)
        : t(`"${unit}" là đơn vị tiền, ở đây cần diện tích`, `"${unit}" is a money unit; an area is expected here`);
    case 'unknown-unit':
      return t(`đơn vị "${unit}" không được hỗ trợ`, `unit "${unit}" is not supported`);
    case 'mixed-separators':
      return t('dấu chấm chỉ dùng để phân cách hàng nghìn (nhóm 3 chữ số), dấu phẩy là phần thập phân', 'a dot only separates thousands (groups of 3 digits); the comma is the decimal mark');
    default:
      return t('không bắt đầu bằng một số', 'does not start with a number');
  }
}

/** `82.03 ha` → suggest `82,03 ha` (a decimal point where Vietnamese uses a comma). */
function decimalPointHint(text: string): Text | undefined {
  const m = /^(\d+)\.(\d{1,2}|\d{4,})(\s*\D.*)?$/u.exec(text.trim());
  if (!m) return undefined;
  const fixed = `${m[1]},${m[2]}${m[3] ?? ''}`;
  return t(`Nếu là số thập phân, viết "${fixed}".`, `If it is a decimal, write "${fixed}".`);
}

function count(text: string): FormatFinding {
  const s = text.trim();
  if (/^-\d+$/.test(s)) return { code: 'V106', reason: t('số đếm không được âm', 'a count cannot be negative') };
  if (/^\d+[.,]\d+$/.test(s)) {
    const whole = parseVietnameseNumber(s);
    const hint = whole.ok && whole.value.isInteger() ? t(`Viết ${whole.value.toFixed()}.`, `Write ${whole.value.toFixed()}.`) : undefined;
    return { code: 'V105', reason: t('số đếm phải là số nguyên, viết liền không có dấu chấm hay dấu phẩy', 'a count is a whole number written without separators'), hint };
  }
  return { code: 'V105', reason: t('số đếm chỉ gồm chữ số, không kèm đơn vị', 'a count is digits only, without a unit') };
}

function percent(text: string): FormatFinding {
  const s = text.trim();
  const m = /^([-+]?[\d.,]+)\s*(%?)$/u.exec(s);
  if (!m) return { code: 'V105', reason: t('tỷ lệ phải là một số kèm ký hiệu %', 'a percentage is a number followed by %') };
  const n = parseVietnameseNumber(m[1]);
  if (!n.ok) return { code: 'V105', reason: t('dùng dấu phẩy cho phần thập phân (ví dụ 94,75%)', 'use a comma as the decimal mark (e.g. 94,75%)') };
  if (n.value.isNegative()) return { code: 'V106', reason: t('tỷ lệ không được âm', 'a percentage cannot be negative') };
  if (n.value.greaterThan(100)) return { code: 'V106', reason: t('tỷ lệ vượt quá 100%', 'the percentage exceeds 100%') };
  if (m[2] === '') return { code: 'V105', reason: t('thiếu ký hiệu %', 'the % sign is missing') };
  return { code: 'V105', reason: t('viết ký hiệu % liền sau số', 'write % right after the number') };
}

/** A rate against a plan: like a percentage, but it may exceed 100 %. */
function rate(text: string): FormatFinding {
  const m = /^([-+]?[\d.,]+)\s*(%?)$/u.exec(text.trim());
  const n = m && parseVietnameseNumber(m[1]);
  if (n && n.ok && n.value.isNegative()) return { code: 'V106', reason: t('tỷ lệ không được âm', 'a percentage cannot be negative') };
  if (n && n.ok && m[2] === '') return { code: 'V105', reason: t('thiếu ký hiệu %', 'the % sign is missing') };
  return { code: 'V105', reason: t('tỷ lệ là một số viết kiểu Việt Nam kèm ký hiệu % liền sau (ví dụ 101,28%)', 'a rate is a Vietnamese-written number followed by % (e.g. 101,28%)') };
}

function fraction(text: string): FormatFinding {
  if (/^\d+\/0+$/.test(text.trim())) return { code: 'V106', reason: t('mẫu số bằng 0', 'the denominator is zero') };
  return { code: 'V105', reason: t('phân số gồm hai số nguyên cách nhau bởi "/"', 'a fraction is two whole numbers separated by "/"') };
}

function date(text: string): FormatFinding {
  const parsed = parseDate(text);
  if (!parsed.ok && parsed.reason === 'impossible') return { code: 'V106', reason: impossibleDate(text) };
  return { code: 'V105', reason: t('ngày viết theo dạng dd/mm/yyyy hoặc yyyy-mm-dd', 'write dates as dd/mm/yyyy or yyyy-mm-dd') };
}

/** 31/02/2024 → "tháng 2/2024 chỉ có 29 ngày"; 12/13/2024 → "không có tháng 13". */
function impossibleDate(text: string): Text {
  const s = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [day, month, year] = vn ? [+vn[1], +vn[2], +vn[3]] : iso ? [+iso[3], +iso[2], +iso[1]] : [0, 0, 0];
  return impossibleDayMonth(year, month, day);
}

export function impossibleDayMonth(year: number, month: number, day: number): Text {
  if (year < 1000) return t(`không có năm ${String(year).padStart(4, '0')}: năm viết đủ 4 chữ số, ví dụ 2024`, `there is no year ${String(year).padStart(4, '0')}: write the full year, e.g. 2024`);
  if (month < 1 || month > 12) return t(`không có tháng ${month}`, `there is no month ${month}`);
  const days = daysInMonth(year, month);
  if (day < 1) return t(`không có ngày ${String(day).padStart(2, '0')}: ngày trong tháng bắt đầu từ 01`, `there is no day ${String(day).padStart(2, '0')}: days of the month start at 01`);
  if (day > days) return t(`ngày không có thật: tháng ${month}/${year} chỉ có ${days} ngày`, `no such day: ${month}/${year} has ${days} days`);
  return t('ngày không có thật', 'no such day');
}

function monthYear(text: string): FormatFinding {
  const m = /^(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (m) return { code: 'V106', reason: t(`không có tháng ${Number(m[1])}`, `there is no month ${Number(m[1])}`) };
  return { code: 'V105', reason: t('viết theo dạng tháng/năm, ví dụ 11/2024', 'write month/year, e.g. 11/2024') };
}

function dayOrMonth(format: 'day' | 'month', text: string): FormatFinding {
  if (/^\d+$/.test(text.trim())) {
    return format === 'month'
      ? { code: 'V106', reason: t('tháng phải từ 1 đến 12', 'the month must be 1 to 12') }
      : { code: 'V106', reason: t('ngày phải từ 1 đến 31', 'the day must be 1 to 31') };
  }
  return { code: 'V105', reason: t('chỉ gồm chữ số', 'digits only') };
}

function docNumber(text: string): FormatFinding {
  const s = text.trim();
  const reason = /\s/u.test(s)
    ? t('có dấu cách', 'it contains spaces')
    : /\p{Ll}/u.test(s.replace(/TTg/g, ''))
      ? t('có chữ viết thường (ký hiệu phải viết IN HOA)', 'it contains lower case (abbreviations are UPPER CASE)')
      : t('không theo dạng số/KÝ-HIỆU', 'it is not number/ABBREVIATION');
  return { code: 'V107', reason };
}

const OTHER_REASONS: Record<string, Text> = {
  id: t('mã chỉ gồm chữ thường không dấu, chữ số và dấu "-"', 'an id is lower-case ASCII letters, digits and "-"'),
  year: t('năm gồm 4 chữ số, từ 1000 trở đi (ví dụ 2024)', 'a year has 4 digits, from 1000 on (e.g. 2024)'),
  docNo: t('số văn bản chỉ gồm chữ số, hoặc "" khi chưa cấp số', 'digits only, or "" before a number is issued'),
  period: t('giai đoạn viết dạng năm-năm, ví dụ 2024-2025', 'write a period as year-year, e.g. 2024-2025'),
  standard: t('ghi true hoặc mã văn bản công nhận trong report.yaml', 'write true or the id of the recognising decision in report.yaml'),
  kpiText: t('câu của chỉ số phải chứa {value} ở chỗ in giá trị', 'the sentence must contain {value} where the value goes'),
  upperText: t('phải viết IN HOA', 'must be UPPER CASE'),
};

function other(format: string, text: string): FormatFinding {
  const reason = OTHER_REASONS[format] ?? t('không khớp mẫu của trường', 'does not match the field pattern');
  const hint = format === 'id' ? idHint(text) : undefined;
  return { code: 'V105', reason, hint };
}

/** `Quyết định 4365` → suggest `quyet-dinh-4365`. */
function idHint(text: string): Text | undefined {
  const slug = stripDiacritics(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug ? t(`Có thể viết "${slug}".`, `You could write "${slug}".`) : undefined;
}
