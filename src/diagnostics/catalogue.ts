/**
 * The catalogue: every message baocao can print, under a stable code. Codes are prefixed by
 * stage — L load (YAML), V validate (V1xx schema, V2xx cross-file references and names,
 * V3xx stated figures and counts, V4xx statuses and dates, V5xx report metadata), A aggregate,
 * T templates and rendering, W writers, C command line. Messages are Vietnamese with an English
 * twin; `{name}` placeholders are filled from the arguments. A code, once published, keeps its
 * meaning: add new codes, never reuse old ones.
 */
import type { Diagnostic, Severity, SourcePosition } from './types.js';

export interface CatalogueEntry {
  severity: Severity;
  vi: string;
  en: string;
  hint?: { vi: string; en: string };
}

export const catalogue = {
  // ---- L: reading files and YAML ----
  L001: { severity: 'error', vi: 'Không đọc được tệp: {reason}', en: 'Cannot read file: {reason}', hint: { vi: 'Kiểm tra tệp có tồn tại và có quyền đọc.', en: 'Check that the file exists and is readable.' } },
  L002: { severity: 'error', vi: 'Tệp không phải UTF-8 hợp lệ (byte lỗi ở vị trí {offset})', en: 'File is not valid UTF-8 (bad byte at offset {offset})', hint: { vi: 'Lưu lại tệp với mã hóa UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8).', en: 'Save the file as UTF-8.' } },
  L003: { severity: 'error', vi: 'Tệp quá lớn ({size} byte, giới hạn {limit} byte)', en: 'File too large ({size} bytes, limit {limit})', hint: { vi: 'Tách dữ liệu thành nhiều tệp nhỏ hơn hoặc kiểm tra tệp có bị ghi nhầm nội dung.', en: 'Split the data or check the file was not overwritten by mistake.' } },
  L004: { severity: 'error', vi: 'Lỗi cú pháp YAML: {reason}', en: 'YAML syntax error: {reason}', hint: { vi: 'Kiểm tra thụt lề, dấu hai chấm sau tên trường và dấu ngoặc kép đóng mở.', en: 'Check indentation, the colon after each key and matching quotes.' } },
  L005: { severity: 'error', vi: 'Khóa "{key}" bị lặp lại', en: 'Duplicate key "{key}"', hint: { vi: 'Mỗi trường chỉ được khai báo một lần; xóa hoặc gộp dòng lặp.', en: 'Each key may appear once; remove or merge the duplicate.' } },
  L006: { severity: 'error', vi: 'Thụt lề bằng ký tự Tab', en: 'Tab used for indentation', hint: { vi: 'YAML chỉ chấp nhận dấu cách để thụt lề; thay Tab bằng 2 dấu cách.', en: 'YAML indentation must use spaces; replace the tab with 2 spaces.' } },
  L007: { severity: 'error', vi: 'Quá nhiều bí danh (alias) YAML: tệp có thể là tấn công làm cạn tài nguyên', en: 'Too many YAML aliases: possible resource-exhaustion attack', hint: { vi: 'Không dùng bí danh (*tên) lồng nhau; viết trực tiếp giá trị.', en: 'Do not nest aliases; write the values out.' } },
  L008: { severity: 'note', vi: 'Văn bản đã được chuẩn hóa sang Unicode NFC (dấu tiếng Việt tổ hợp)', en: 'Text normalised to Unicode NFC (combining Vietnamese diacritics)', hint: { vi: 'Nên lưu tệp bằng bộ gõ Unicode dựng sẵn để tránh lỗi hiển thị dấu.', en: 'Prefer precomposed Unicode input.' } },
  L009: { severity: 'error', vi: 'Tệp rỗng hoặc không có nội dung dạng ánh xạ (key: value)', en: 'Empty file or top level is not a mapping', hint: { vi: 'Tệp dữ liệu phải bắt đầu bằng các trường dạng "tên: giá trị".', en: 'A data file must be a mapping of "key: value" fields.' } },
  L010: { severity: 'error', vi: 'Không tìm thấy tệp dữ liệu bắt buộc "{name}"', en: 'Required data file "{name}" not found', hint: { vi: 'Tạo tệp {name} trong thư mục năm (có thể dùng `report new <năm> --from <năm trước>`).', en: 'Create {name} in the year folder (see `report new`).' } },
  L011: { severity: 'error', vi: 'Số "{text}" viết không có dấu ngoặc kép sẽ bị YAML đọc thành số thực {float} (người nhập có ý là {vn})', en: 'Unquoted "{text}" is read by YAML as the float {float} (the clerk meant {vn})', hint: { vi: 'Ghi rõ đơn vị (ví dụ "{text} triệu đồng") hoặc đặt trong ngoặc kép; dấu chấm là phân cách hàng nghìn, dấu phẩy là phần thập phân.', en: 'Add the unit (e.g. "{text} triệu đồng") or quote it; "." separates thousands, "," is the decimal mark.' } },
  L012: { severity: 'error', vi: 'Giá trị không được dùng kiểu YAML "{tag}"', en: 'YAML tag "{tag}" is not allowed', hint: { vi: 'Bỏ thẻ kiểu (!!…) và ghi giá trị bình thường.', en: 'Remove the tag and write a plain value.' } },
  // ---- W: writers (DOCX, PDF, HTML) ----
  W001: { severity: 'warning', vi: 'Bộ ghi {format} không hiển thị được nút "{type}"; nút bị bỏ qua', en: 'The {format} writer cannot render node "{type}"; it was left out', hint: { vi: 'Kiểm tra mẫu (template) sinh ra nút này hoặc báo lỗi cho người phát triển.', en: 'Check the template that produced this node, or report a bug.' } },
  W002: { severity: 'warning', vi: 'Phần trang ({orientation}) nằm bên trong một khối khác; nội dung được in tại chỗ, không đổi hướng trang', en: 'A page section ({orientation}) is nested inside another block; its content is printed in place without changing the page orientation', hint: { vi: 'Đặt phần trang (phụ lục ngang) ở cấp cao nhất của văn bản.', en: 'Put page sections (landscape appendices) at the top level of the document.' } },
  W003: { severity: 'warning', vi: 'Hàng {row} của bảng chiếm {actual} cột, bảng khai báo {expected} cột', en: 'Table row {row} covers {actual} columns; the table declares {expected}', hint: { vi: 'Kiểm tra colSpan/rowSpan và số ô của hàng; ô thiếu được để trống, ô thừa bị bỏ.', en: 'Check colSpan/rowSpan and the cells of the row; missing cells are left empty, extra cells are dropped.' } },
  W004: { severity: 'warning', vi: 'Ngày văn bản "{date}" không hợp lệ; dấu thời gian của tệp dùng {fallback}', en: 'Document date "{date}" is invalid; file timestamps use {fallback}', hint: { vi: 'Ghi ngày theo dạng ISO, ví dụ 2024-12-05.', en: 'Write the date in ISO form, e.g. 2024-12-05.' } },
} satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof catalogue;

/** Fill `{name}` placeholders from args. */
function fill(template: string, args: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Build a Diagnostic from its code, the position it is about and the message arguments. */
export function makeDiagnostic(
  code: DiagnosticCode,
  at: SourcePosition,
  args: Record<string, unknown> = {},
  extraHint?: { vi: string; en: string },
): Diagnostic {
  const entry: CatalogueEntry = catalogue[code];
  const hintVi = [entry.hint && fill(entry.hint.vi, args), extraHint?.vi].filter(Boolean).join(' ');
  const hintEn = [entry.hint && fill(entry.hint.en, args), extraHint?.en].filter(Boolean).join(' ');
  return {
    code,
    severity: entry.severity,
    message: fill(entry.vi, args),
    file: at.file,
    line: at.line,
    column: at.column,
    ...(hintVi ? { hint: hintVi } : {}),
    en: { message: fill(entry.en, args), ...(hintEn ? { hint: hintEn } : {}) },
  };
}
