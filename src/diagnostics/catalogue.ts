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
  L001: { severity: 'error', vi: 'Không đọc được tệp: {reason}', en: 'Cannot read file: {reasonEn}', hint: { vi: 'Kiểm tra tệp có tồn tại và có quyền đọc.', en: 'Check that the file exists and is readable.' } },
  L002: { severity: 'error', vi: 'Tệp không phải UTF-8 hợp lệ: byte 0x{byte} (vị trí {offset}) không thuộc ký tự UTF-8 nào', en: 'File is not valid UTF-8: byte 0x{byte} (offset {offset}) is not part of a UTF-8 character', hint: { vi: 'Tệp có lẽ được lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258): mở tệp và lưu lại với mã hóa UTF-8 (Save with Encoding → UTF-8), rồi kiểm tra dấu tiếng Việt quanh vị trí này.', en: 'The file was probably saved in a legacy encoding (TCVN3, VNI, Windows-1258): save it as UTF-8 and check the diacritics around this position.' } },
  L003: { severity: 'error', vi: 'Tệp quá lớn ({size} byte, giới hạn {limit} byte)', en: 'File too large ({size} bytes, limit {limit})', hint: { vi: 'Tách dữ liệu thành nhiều tệp nhỏ hơn hoặc kiểm tra tệp có bị ghi nhầm nội dung.', en: 'Split the data or check the file was not overwritten by mistake.' } },
  L004: { severity: 'error', vi: 'Lỗi cú pháp YAML: {reason}', en: 'YAML syntax error: {reasonEn}', hint: { vi: 'Kiểm tra thụt lề, dấu hai chấm sau tên trường và dấu ngoặc kép đóng mở.', en: 'Check indentation, the colon after each key and matching quotes.' } },
  L005: { severity: 'error', vi: 'Khóa "{key}" bị lặp lại', en: 'Duplicate key "{key}"', hint: { vi: 'Mỗi trường chỉ được khai báo một lần; xóa hoặc gộp dòng lặp.', en: 'Each key may appear once; remove or merge the duplicate.' } },
  L006: { severity: 'error', vi: 'Thụt lề bằng ký tự Tab', en: 'Tab used for indentation', hint: { vi: 'YAML chỉ chấp nhận dấu cách để thụt lề; thay Tab bằng 2 dấu cách.', en: 'YAML indentation must use spaces; replace the tab with 2 spaces.' } },
  L007: { severity: 'error', vi: 'Quá nhiều bí danh (alias) YAML: tệp có thể là tấn công làm cạn tài nguyên', en: 'Too many YAML aliases: possible resource-exhaustion attack', hint: { vi: 'Không dùng bí danh (*tên) lồng nhau; viết trực tiếp giá trị.', en: 'Do not nest aliases; write the values out.' } },
  L008: { severity: 'note', vi: 'Văn bản đã được chuẩn hóa sang Unicode NFC (dấu tiếng Việt tổ hợp)', en: 'Text normalised to Unicode NFC (combining Vietnamese diacritics)', hint: { vi: 'Nên lưu tệp bằng bộ gõ Unicode dựng sẵn để tránh lỗi hiển thị dấu.', en: 'Prefer precomposed Unicode input.' } },
  L009: { severity: 'error', vi: 'Tệp rỗng hoặc không có nội dung dạng ánh xạ (key: value)', en: 'Empty file or top level is not a mapping', hint: { vi: 'Tệp dữ liệu phải bắt đầu bằng các trường dạng "tên: giá trị".', en: 'A data file must be a mapping of "key: value" fields.' } },
  L010: { severity: 'error', vi: 'Không tìm thấy tệp dữ liệu bắt buộc "{name}"', en: 'Required data file "{name}" not found', hint: { vi: 'Tạo tệp {name} trong thư mục năm (có thể dùng `report new <năm> --from <năm trước>`).', en: 'Create {name} in the year folder (see `report new`).' } },
  L011: { severity: 'error', vi: 'Số "{text}" viết không có dấu ngoặc kép sẽ bị YAML đọc thành số thực {float} (người nhập có ý là {vn})', en: 'Unquoted "{text}" is read by YAML as the float {float} (the clerk meant {vn})', hint: { vi: 'Luôn ghi số kèm đơn vị; dấu chấm là phân cách hàng nghìn, dấu phẩy là phần thập phân.', en: 'Always write the unit; "." separates thousands, "," is the decimal mark.' } },
  L012: { severity: 'error', vi: 'Giá trị không được dùng kiểu YAML "{tag}"', en: 'YAML tag "{tag}" is not allowed', hint: { vi: 'Bỏ thẻ kiểu (!!…) và ghi giá trị bình thường.', en: 'Remove the tag and write a plain value.' } },
  L013: { severity: 'error', vi: 'Giá trị chứa ký tự điều khiển không in được ({code})', en: 'A value contains a non-printable control character ({code})', hint: { vi: 'Xóa ký tự này (thường lọt vào khi sao chép từ tệp PDF hay Word) và gõ lại đoạn văn bản quanh nó.', en: 'Delete the character (usually pasted from PDF or Word) and retype the text around it.' } },
  L014: { severity: 'warning', vi: 'Phần "#{comment}" sau giá trị bị YAML đọc là chú thích và bỏ khỏi giá trị (giá trị chỉ còn "{value}")', en: 'The text "#{comment}" after the value is read by YAML as a comment and dropped (the value is just "{value}")', hint: { vi: 'Nếu "#…" là một phần của văn bản, đặt cả giá trị trong ngoặc kép; nếu đó là chú thích, để một dấu cách sau dấu #.', en: 'If "#…" belongs to the text, quote the whole value; if it is a comment, put a space after #.' } },
  L015: { severity: 'error', vi: 'Không đọc "{file}": đây là {kind}, không phải tệp dữ liệu thường', en: 'Not reading "{file}": it is {kindEn}, not a regular data file', hint: { vi: 'Thư mục dữ liệu chỉ chứa tệp YAML thường: xóa mục này hoặc đổi tên để nó không kết thúc bằng .yaml.', en: 'A data folder holds regular YAML files only: remove this entry or rename it so it does not end in .yaml.' } },
  L016: { severity: 'error', vi: 'Không đọc "{file}": liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu, tới {target}', en: 'Not reading "{file}": the symbolic link leads out of the data folder, to {target}', hint: { vi: 'Vì an toàn, công cụ chỉ đọc tệp nằm trong thư mục dữ liệu: chép tệp vào thư mục thay cho liên kết, hoặc xóa liên kết.', en: 'For safety only files inside the data folder are read: copy the file into the folder instead of linking it, or remove the link.' } },
  L017: { severity: 'error', vi: 'Không đọc được "{file}": liên kết tượng trưng lặp vòng (trỏ về chính nó hoặc về một liên kết trỏ ngược lại)', en: 'Cannot read "{file}": the symbolic link loops (it points to itself or to a link pointing back)', hint: { vi: 'Xóa liên kết này (lệnh rm chỉ xóa liên kết, không xóa tệp nào khác) rồi đặt tệp dữ liệu thật vào chỗ của nó.', en: 'Remove the link (rm removes only the link) and put the real data file in its place.' } },
  L018: { severity: 'error', vi: 'Không đọc được "{file}": tệp không còn tồn tại (liên kết hỏng, hoặc tệp bị xóa trong lúc đọc)', en: 'Cannot read "{file}": the file no longer exists (a broken link, or it was deleted while being read)', hint: { vi: 'Nếu đây là liên kết tượng trưng, tệp đích đã bị xóa hoặc đổi tên: xóa liên kết hoặc khôi phục tệp đích.', en: 'If this is a symbolic link, its target was deleted or renamed: remove the link or restore the target.' } },
  L019: { severity: 'error', vi: 'Không đọc được "{file}": không có quyền đọc tệp', en: 'Cannot read "{file}": no permission to read the file', hint: { vi: 'Cấp quyền đọc cho người dùng chạy công cụ (ví dụ: chmod a+r "{file}"), hoặc chạy lệnh với tài khoản sở hữu tệp.', en: 'Give the user running the tool read permission (e.g. chmod a+r "{file}"), or run it as the file\'s owner.' } },
  L020: { severity: 'error', vi: 'Không đọc được thư mục dữ liệu "{dir}": {reason}', en: 'Cannot read the data folder "{dir}": {reasonEn}', hint: { vi: 'Kiểm tra đường dẫn, và quyền đọc và mở thư mục (ví dụ: chmod a+rx "{dir}").', en: 'Check the path, and the permission to read and enter the folder (e.g. chmod a+rx "{dir}").' } },
  L021: { severity: 'error', vi: 'Giá trị chứa ký tự {code} ({name}){more}: văn bản Word không chứa được ký tự này', en: 'A value contains {code} ({nameEn}){moreEn}: a Word document cannot hold this character', hint: { vi: 'Xóa ký tự này (thường lọt vào khi sao chép từ PDF, trang web hay Word) rồi gõ lại đoạn văn bản quanh nó; nếu giá trị viết trong ngoặc kép, bỏ mã thoát \\u… tương ứng. Cần xuống dòng thì dùng dòng mới của YAML (khối >- hoặc |).', en: 'Delete the character (usually pasted from a PDF, a web page or Word) and retype the text around it; in a double-quoted value, remove the matching \\u… escape. For a line break use a YAML new line (a >- or | block).' } },
  L022: { severity: 'warning', vi: 'Giá trị chứa ký tự vô hình {code} ({name}){more}', en: 'A value contains the invisible character {code} ({nameEn}){moreEn}', hint: { vi: 'Ký tự này không hiện ra nhưng làm sai việc tìm kiếm, ngắt dòng và so khớp tên: đặt con trỏ tại vị trí này và xóa nó.', en: 'It prints nothing but breaks searching, line breaking and name matching: put the cursor here and delete it.' } },
  // ---- W: writers (DOCX, PDF, HTML) ----
  W001: { severity: 'warning', vi: 'Bộ ghi {format} không hiển thị được nút "{type}"; nút bị bỏ qua', en: 'The {format} writer cannot render node "{type}"; it was left out', hint: { vi: 'Kiểm tra mẫu (template) sinh ra nút này hoặc báo lỗi cho người phát triển.', en: 'Check the template that produced this node, or report a bug.' } },
  W002: { severity: 'warning', vi: 'Phần trang ({orientation}) nằm bên trong một khối khác; nội dung được in tại chỗ, không đổi hướng trang', en: 'A page section ({orientation}) is nested inside another block; its content is printed in place without changing the page orientation', hint: { vi: 'Đặt phần trang (phụ lục ngang) ở cấp cao nhất của văn bản.', en: 'Put page sections (landscape appendices) at the top level of the document.' } },
  W003: { severity: 'warning', vi: 'Hàng {row} của bảng chiếm {actual} cột, bảng khai báo {expected} cột', en: 'Table row {row} covers {actual} columns; the table declares {expected}', hint: { vi: 'Kiểm tra colSpan/rowSpan và số ô của hàng; ô thiếu được để trống, ô thừa bị bỏ.', en: 'Check colSpan/rowSpan and the cells of the row; missing cells are left empty, extra cells are dropped.' } },
  W004: { severity: 'warning', vi: 'Ngày văn bản "{date}" không hợp lệ; dấu thời gian của tệp dùng {fallback}', en: 'Document date "{date}" is invalid; file timestamps use {fallback}', hint: { vi: 'Ghi ngày theo dạng ISO, ví dụ 2024-12-05.', en: 'Write the date in ISO form, e.g. 2024-12-05.' } },

  // ---- V1xx: schema (shape, types and formats of each data file) ----
  V100: { severity: 'warning', vi: 'Tệp "{file}" không phải tệp dữ liệu đã biết nên không được kiểm tra theo lược đồ', en: 'File "{file}" is not a known data file, so it was not checked against a schema', hint: { vi: '{suggestion}Các tệp dữ liệu: {known}.', en: '{suggestionEn}Known data files: {known}.' } },
  V101: { severity: 'error', vi: 'Thiếu trường bắt buộc {field} trong {where}', en: 'Missing required field {fieldEn} in {whereEn}', hint: { vi: 'Thêm {add} vào {where}.', en: 'Add {addEn} to {whereEn}.' } },
  V102: { severity: 'error', vi: 'Trường "{key}" không có trong {where}', en: 'Unknown field "{key}" in {whereEn}', hint: { vi: '{suggestion}Các trường hợp lệ: {allowed}.', en: '{suggestionEn}Allowed fields: {allowed}.' } },
  V103: { severity: 'error', vi: '{field}: cần {expected}, nhưng đang là {actual}', en: '{field}: expected {expectedEn}, found {actualEn}', hint: { vi: 'Viết theo mẫu: {example}', en: 'Write it like: {example}' } },
  V104: { severity: 'error', vi: '{field}: giá trị "{value}" không nằm trong danh sách cho phép', en: '{field}: value "{value}" is not allowed', hint: { vi: '{suggestion}Chọn một trong: {allowed}.', en: '{suggestionEn}Choose one of: {allowed}.' } },
  V105: { severity: 'error', vi: '{field}: "{value}" không đúng định dạng {format} — {reason}', en: '{field}: "{value}" is not a valid {formatEn} — {reasonEn}', hint: { vi: 'Viết theo mẫu: {example}.', en: 'Write it like: {example}.' } },
  V106: { severity: 'error', vi: '{field}: giá trị "{value}" không thể có — {reason}', en: '{field}: impossible value "{value}" — {reasonEn}', hint: { vi: 'Đối chiếu với văn bản gốc và sửa lại số liệu.', en: 'Check the source document and correct the figure.' } },
  V107: { severity: 'error', vi: '{field}: số, ký hiệu văn bản "{value}" sai thể thức — {reason}', en: '{field}: document number "{value}" is malformed — {reasonEn}', hint: { vi: 'Theo Nghị định 30/2020/NĐ-CP: số, dấu "/" hoặc "-", rồi chữ viết tắt IN HOA nối bằng "-" hoặc "/", không có dấu cách (ví dụ {example}).', en: 'Per Decree 30/2020/NĐ-CP: the number, "/" or "-", then UPPER-CASE abbreviations joined by "-" or "/", no spaces (e.g. {example}).' } },
  V108: { severity: 'error', vi: '{field}: có {count} {what}, {rule}', en: '{field}: has {count} {whatEn}; {ruleEn}', hint: { vi: 'Thêm hoặc bớt cho đúng: {rule}.', en: 'Add or remove entries: {ruleEn}.' } },
  V109: { severity: 'error', vi: '{field}: {reason}', en: '{field}: {reasonEn}', hint: { vi: 'Di chuột vào trường trong VS Code (hoặc xem schemas/{schema}.schema.json) để xem mô tả và ví dụ.', en: 'Hover the field in VS Code (or read schemas/{schema}.schema.json) for its description and examples.' } },
  V113: { severity: 'error', vi: 'Ký hiệu "{{{token}}}" viết hai cặp ngoặc nhọn: trong dữ liệu, ký hiệu chỉ có một cặp', en: 'Token "{{{token}}}" has two pairs of braces: in data a token has one pair', hint: { vi: 'Viết {{token}} (hai cặp ngoặc {{…}} là cách viết của tệp mẫu, không phải của dữ liệu).', en: 'Write {{token}} (double braces belong to templates, not to data).' } },
  V114: { severity: 'error', vi: 'Ký hiệu "{{token}}": "{form}" không phải dạng hợp lệ của {{head}}', en: 'Token "{{token}}": "{form}" is not a form of {{head}}', hint: { vi: 'Các cách viết hợp lệ: {allowed}.', en: 'Valid forms: {allowed}.' } },
  V115: { severity: 'error', vi: 'Dấu "{brace}" lẻ, không thuộc ký hiệu nào, trong văn bản "{text}"', en: 'Unpaired "{brace}", not part of any token, in the text "{text}"', hint: { vi: 'Ký hiệu có dạng {tên} với đủ hai dấu ngoặc; nếu cần in dấu ngoặc nhọn, dùng ngoặc đơn ( ) thay thế.', en: 'A token looks like {name} with both braces; to print a bracket, use ( ) instead.' } },
  V150: { severity: 'error', vi: '{field}: chưa điền {what} — ô trống "__" do `report new` để lại', en: '{field}: {whatEn} not filled in yet — the "__" blank left by `report new`', hint: { vi: 'Thay "__" bằng {what} của năm{example}.', en: 'Replace "__" with this year\'s {whatEn}{exampleEn}.' } },

  // ---- V2xx: cross-file references and names ----
  V201: { severity: 'error', vi: 'Mã {what} "{id}" bị trùng (đã khai báo tại {first})', en: 'Duplicate {what} id "{id}" (first declared at {first})', hint: { vi: 'Mỗi mã chỉ dùng một lần; đổi mã hoặc xóa bản ghi lặp.', en: 'Each id may be used once; rename or remove the duplicate.' } },
  V202: { severity: 'error', vi: 'Không có văn bản mã "{id}" trong danh sách references của report.yaml.{suggestion}', en: 'No reference with id "{id}" in report.yaml references.{suggestionEn}', hint: { vi: 'Sửa mã cho đúng, hoặc khai báo văn bản đó trong mục references của report.yaml.', en: 'Fix the id or declare the document under references in report.yaml.' } },
  V203: { severity: 'error', vi: 'Đơn vị "{name}" không có trong sổ đăng ký (communes.yaml).{suggestion}', en: 'Unit "{name}" is not in the register (communes.yaml).{suggestionEn}', hint: { vi: 'Viết đúng tên như trong sổ đăng ký: {known}.', en: 'Use a name from the register: {known}.' } },
  V204: { severity: 'warning', vi: 'Văn bản gốc ghi "{written}", sổ đăng ký ghi "{name}": hai cách viết một tên đơn vị', en: 'The source document writes "{written}"; the register has "{name}"', hint: { vi: 'Báo cáo sẽ in "{name}". Nếu đúng là "{name}", thay bằng tên trong sổ đăng ký và bỏ đánh dấu stated.', en: 'The report prints "{name}". Replace the stated spelling with the register name.' } },
  V205: { severity: 'error', vi: 'Không có chỉ số (KPI) mã "{id}" trong digital.yaml', en: 'No KPI with id "{id}" in digital.yaml', hint: { vi: 'Khai báo chỉ số trong mục kpis của digital.yaml hoặc sửa mã.', en: 'Declare the KPI under kpis in digital.yaml or fix the id.' } },
  V206: { severity: 'error', vi: 'Ký hiệu "{{token}}" trong văn bản không hợp lệ hoặc không có số liệu tương ứng', en: 'Token "{{token}}" in the text is invalid or has no matching figure', hint: { vi: 'Dùng {ref:MÃ}, {ref:MÃ|short|number|date|dated}, {theme}, {kpi:MÃ}, {#} hoặc {tên} với tên khai báo trong "figures" cùng mục.', en: 'Use {ref:ID}, {theme}, {kpi:ID}, {#} or {name} declared under "figures" of the same item.' } },
  V207: { severity: 'warning', vi: 'Số liệu "{name}" được khai báo nhưng không được dùng trong văn bản', en: 'Figure "{name}" is declared but not used in the text', hint: { vi: 'Thêm {{name}} vào văn bản để in số liệu này, hoặc xóa nó.', en: 'Add {{name}} to the text or remove the figure.' } },
  V208: { severity: 'error', vi: 'Không có dự án mã "{id}" trong investment.yaml.{suggestion}', en: 'No project with id "{id}" in investment.yaml.{suggestionEn}', hint: { vi: 'Sửa projectId cho đúng mã một dự án trong investment.yaml ({known}), hoặc bỏ dòng projectId.', en: 'Use the id of a project in investment.yaml ({known}), or remove projectId.' } },
  V209: { severity: 'error', vi: 'Không có trường hợp GPMB mã "{id}" trong land-clearance.yaml.{suggestion}', en: 'No land-clearance case with id "{id}" in land-clearance.yaml.{suggestionEn}', hint: { vi: 'Sửa clearanceCaseId cho đúng mã một trường hợp trong land-clearance.yaml ({known}), hoặc bỏ dòng đó.', en: 'Use the id of a case in land-clearance.yaml ({known}), or remove clearanceCaseId.' } },
  // ---- V3xx: stated figures and counts ----
  V301: { severity: 'warning', vi: '{label}: số đã nêu {stated} khác tổng các thành phần {computed} (chênh lệch {diff}); báo cáo in {printed}', en: '{label}: stated {stated} differs from the sum of its parts {computed} (difference {diff})', hint: { vi: 'Kiểm tra lại các thành phần hoặc số đã nêu; dùng print: stated|computed để chọn số được in.', en: 'Check the parts or the stated figure; choose with print: stated|computed.' } },
  V302: { severity: 'error', vi: '{what} {value}: phần ({part}) lớn hơn tổng số ({whole})', en: '{whatEn} {value}: the part ({part}) exceeds the whole ({whole})', hint: { vi: 'Đối chiếu với văn bản gốc: số đạt (hoặc thứ hạng) không thể lớn hơn tổng số, ví dụ 15/17.', en: 'Check the source: the part (or the rank) cannot exceed the whole, e.g. 15/17.' } },
  V303: { severity: 'error', vi: '{label}: số đã nêu {stated} khác số mục được liệt kê {computed}', en: '{label}: stated {stated} but {computed} items are listed', hint: { vi: 'Sửa số đã nêu, hoặc thêm/bớt mục trong danh sách cho khớp ({formula}).', en: 'Correct the stated number, or add/remove items so they agree ({formula}).' } },
  V304: { severity: 'warning', vi: 'Diện tích {value} khác diện tích {other} ghi cho cùng khu đất "{project}" tại {at}', en: 'Area {value} differs from {other} given for the same land "{project}" at {at}', hint: { vi: 'Hai nơi nói về cùng một khu đất (clearanceCaseId): sửa một trong hai số cho khớp, hoặc bỏ clearanceCaseId nếu đó là hai khu đất khác nhau.', en: 'Both places describe the same land (clearanceCaseId): correct one figure, or remove clearanceCaseId if they differ in fact.' } },
  // ---- V4xx: statuses and dates ----
  V401: { severity: 'error', vi: 'Đơn vị "{name}" đạt chuẩn {standard} nhưng chưa đạt chuẩn {needed}', en: 'Unit "{name}" meets {standard} without {needed}', hint: { vi: 'Bổ sung tiêu chí {needed} (true hoặc mã quyết định) hoặc bỏ tiêu chí {standard}.', en: 'Add the {needed} standard or remove {standard}.' } },
  V402: { severity: 'error', vi: 'Quyết định {number} công nhận đơn vị "{name}" ghi ngày {date}, sau ngày báo cáo', en: 'Decision {number} for "{name}" is dated {date}, after the report', hint: { vi: 'Kiểm tra ngày của quyết định trong report.yaml hoặc ngày báo cáo.', en: 'Check the decision date or the report date.' } },
  V403: { severity: 'warning', vi: 'Đơn vị "{name}": quyết định công nhận kiểu mẫu có ngày trước quyết định công nhận nâng cao', en: 'Unit "{name}": the kiểu mẫu decision predates the nâng cao decision', hint: { vi: 'Kiểm tra lại ngày hoặc mã các quyết định.', en: 'Check the decisions and their dates.' } },
  V404: { severity: 'error', vi: 'Đơn vị "{name}" là {type}: tiêu chí {standard} chỉ áp dụng cho xã', en: 'Unit "{name}" is a {type}: the {standard} standard applies to xã only', hint: { vi: 'Bỏ tiêu chí standards của đơn vị này hoặc sửa loại đơn vị (type).', en: 'Remove the standards or fix the unit type.' } },

  // ---- T: templates and markup ----
  T001: { severity: 'error', vi: 'Không có mẫu báo cáo loại "{kind}" (thiếu main.hbs)', en: 'No templates for report kind "{kind}" (main.hbs missing)', hint: { vi: 'Kiểm tra trường kind trong report.yaml hoặc tạo thư mục templates/{kind}/ với main.hbs.', en: 'Check kind in report.yaml or create templates/{kind}/main.hbs.' } },
  T002: { severity: 'error', vi: 'Lỗi cú pháp mẫu: {reason}', en: 'Template syntax error: {reasonEn}', hint: { vi: 'Kiểm tra các cặp {{#…}} … {{/…}} đóng mở đúng.', en: 'Check that every {{#…}} block is closed.' } },
  T003: { severity: 'error', vi: 'Mẫu gọi helper không tồn tại "{helper}"', en: 'Unknown helper "{helper}"', hint: { vi: 'Các helper có sẵn: {known}.', en: 'Available helpers: {known}.' } },
  T004: { severity: 'error', vi: 'Mẫu gọi phần (partial) không tồn tại "{partial}"', en: 'Unknown partial "{partial}"', hint: { vi: 'Các phần có sẵn: {known}.', en: 'Available partials: {known}.' } },
  T005: { severity: 'error', vi: 'Mẫu dùng trường "{field}" mà mô hình báo cáo không có', en: 'Template uses field "{field}" that the model lacks', hint: { vi: 'Sửa tên trường trong mẫu (xem `report summary` để biết các số liệu của mô hình), hoặc bọc bằng {{#if …}} nếu trường có thể vắng.', en: 'Fix the field name, or guard it with {{#if …}}.' } },
  T006: { severity: 'error', vi: 'Mẫu in ra {what}: không in khoảng trống vào văn bản', en: 'Template prints {what}: refusing to leave a blank in the document', hint: { vi: 'Bọc đoạn này bằng {{#if …}} hoặc bổ sung dữ liệu.', en: 'Guard it with {{#if …}} or add the data.' } },
  T007: { severity: 'error', vi: 'Lỗi khi chạy mẫu: {reason}', en: 'Error while running the template: {reason}', hint: { vi: 'Kiểm tra tham số của helper tại dòng này.', en: 'Check the helper arguments at this line.' } },
  T010: { severity: 'error', vi: 'Khối "{name}" không được hỗ trợ trong mẫu', en: 'Unsupported block "{name}" in the markup', hint: { vi: 'Các khối hợp lệ: header, title, recipients, signature, appendix, table, ::: landscape.', en: 'Valid blocks: header, title, recipients, signature, appendix, table, ::: landscape.' } },
  T011: { severity: 'error', vi: 'Bảng không hợp lệ: {reason}', en: 'Invalid table: {reason}', hint: { vi: 'Mỗi dòng bảng có dạng "row: ô 1 | ô 2 | …" với số ô bằng số cột khai báo ở "columns:".', en: 'Each row is "row: a | b | …" with as many cells as columns.' } },
  T012: { severity: 'error', vi: 'Khối "{name}" thiếu trường "{field}"', en: 'Block "{name}" lacks field "{field}"', hint: { vi: 'Thêm dòng "{field}: …" vào khối.', en: 'Add a "{field}: …" line.' } },
  // ---- V5xx: issuing the report (number and date, from report.yaml or --number/--date) ----
  V501: { severity: 'error', vi: 'Ngày ban hành {date} ({from}) trước ngày của {doc} ({docDate}, {at}) mà báo cáo trích dẫn', en: 'Issue date {date} ({from}) is before {doc} ({docDate}, {at}), which the report cites', hint: { vi: 'Báo cáo không thể ban hành trước văn bản nó trích dẫn: chọn ngày từ {docDate} trở đi, hoặc sửa ngày của văn bản.', en: 'A report cannot predate a document it cites: choose {docDate} or later, or correct that date.' } },
  V502: { severity: 'error', vi: 'Ngày ban hành {date} ({from}) trước mốc số liệu {asOf} của chỉ số "{id}" ({at})', en: 'Issue date {date} ({from}) is before the as-of month {asOf} of KPI "{id}" ({at})', hint: { vi: 'Số liệu tính đến tháng {asOf} chỉ có thể báo cáo từ tháng đó trở đi: chọn ngày muộn hơn hoặc sửa asOf.', en: 'Figures as of {asOf} can only be reported from that month on: choose a later date or correct asOf.' } },
  V503: { severity: 'error', vi: 'Số văn bản "{value}" không hợp lệ: {reason}', en: 'Document number "{value}" is invalid: {reasonEn}', hint: { vi: 'Ghi số nguyên dương không có số 0 thừa (5, 12, 125); số nhỏ hơn 10 được in kèm số 0 (05), hoặc để "" cho văn thư ghi tay.', en: 'Write a positive number without extra zeros (5, 12, 125); numbers below 10 print with a leading zero (05), or leave "" for the clerk.' } },
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
