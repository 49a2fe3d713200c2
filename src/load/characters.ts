/**
 * Characters a report cannot hold or should not hide. XML 1.0 — the body of a DOCX — has no
 * place for U+FFFE, U+FFFF, lone UTF-16 surrogates or (as good practice) C1 controls such as
 * U+0085, and U+2028/U+2029 are line breaks that Word, PDF and HTML each treat differently:
 * any of them in any string (keys included, written raw or as a `"\u…"` escape) is an error
 * (L021), so no build can produce a document that Word calls unreadable. Invisible characters
 * (U+FEFF, U+200B and kin) print nothing but break searching, line breaking and name matching:
 * a warning (L022). Each is reported at the character itself when it is written raw in the
 * file, else at the start of the value; one diagnostic per value and kind, with the count.
 * C0 controls stay with the loader's L013.
 */
import { visit, type Document, type LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';

/** Noncharacters U+nFFFE and U+nFFFF of the supplementary planes 1–16. */
const PLANE_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => {
  const base = (i + 1) * 0x10000;
  return `\\u{${(base + 0xfffe).toString(16)}}\\u{${(base + 0xffff).toString(16)}}`;
}).join('');

/** With the `u` flag a lone surrogate is one code point, so `[\uD800-\uDFFF]` matches only lone ones. */
const FORBIDDEN = new RegExp(`[\\u0080-\\u009f\\u2028\\u2029\\ufdd0-\\ufdef\\ufffe\\uffff\\ud800-\\udfff${PLANE_NONCHARACTERS}]`, 'u');
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/u;

interface Named { vi: string; en: string }

function describe(ch: string): Named {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x85) return { vi: 'ký tự xuống dòng kiểu cũ NEL', en: 'the old NEL line break' };
  if (cp >= 0x80 && cp <= 0x9f) return { vi: 'ký tự điều khiển C1', en: 'a C1 control character' };
  if (cp === 0x2028) return { vi: 'ký tự ngắt dòng Unicode', en: 'the Unicode line separator' };
  if (cp === 0x2029) return { vi: 'ký tự ngắt đoạn Unicode', en: 'the Unicode paragraph separator' };
  if (cp >= 0xd800 && cp <= 0xdfff) return { vi: 'nửa cặp surrogate UTF-16 đứng lẻ', en: 'a lone UTF-16 surrogate' };
  if (cp === 0xfeff) return { vi: 'dấu BOM / khoảng trắng rộng 0 không ngắt', en: 'a byte-order mark / zero-width no-break space' };
  if (cp === 0x200b) return { vi: 'khoảng trắng rộng 0', en: 'a zero-width space' };
  if (cp === 0x200c || cp === 0x200d) return { vi: 'ký tự nối/tách rộng 0', en: 'a zero-width joiner or non-joiner' };
  if (cp === 0x2060) return { vi: 'ký tự nối từ vô hình', en: 'an invisible word joiner' };
  if (cp === 0x00ad) return { vi: 'dấu gạch nối mềm (ẩn)', en: 'a soft (hidden) hyphen' };
  if (cp === 0x180e) return { vi: 'dấu cách vô hình', en: 'an invisible separator' };
  return { vi: 'ký tự không dùng (noncharacter)', en: 'a noncharacter' };
}

function codeOf(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function count(value: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of value.matchAll(new RegExp(pattern.source, 'gu'))) n++;
  return n;
}

/** Every string of the document (keys and values) checked for the characters above. */
export function checkCharacters(doc: Document.Parsed, text: string, lc: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (value: string, range: [number, number, number] | null | undefined): void => {
    for (const [pattern, code] of [[FORBIDDEN, 'L021'], [INVISIBLE, 'L022']] as const) {
      const m = pattern.exec(value);
      if (!m) continue;
      // Where the character sits in the file when it is written raw; else where the value starts.
      const source = range ? text.slice(range[0], range[1]) : '';
      const raw = source ? pattern.exec(source) : null;
      const offset = range ? range[0] + (raw?.index ?? 0) : 0;
      const { line, col } = lc.linePos(offset);
      const ch = raw ? raw[0] : m[0];
      const name = describe(ch);
      const n = count(value, pattern);
      out.push(makeDiagnostic(code, { file, line, column: col }, {
        code: codeOf(ch), name: name.vi, nameEn: name.en,
        more: n > 1 ? `, cùng ${n - 1} ký tự như vậy khác trong giá trị này` : '',
        moreEn: n > 1 ? `, with ${n - 1} more such characters in this value` : '',
      }));
    }
  };
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string') check(node.value, node.range);
    },
  });
  return out;
}
