/**
 * Turns one schema problem (see schema-collapse.ts) into a positioned Vietnamese Diagnostic: the
 * catalogue code for its kind (V101 missing field, V102 unknown field with a "did you mean",
 * V103 wrong type, V104 value not in the list, V105–V107 format, range and document-number
 * errors, L011 the float trap, V108 item counts, V110 a string over its length limit, V109
 * anything else), the field's path in the
 * file, and a hint built from the schema's own titles and examples. A missing field points at
 * the mapping that lacks it, an unknown field at its key, everything else at the value.
 */
import { stringify } from 'yaml';
import { makeDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { isPlainScalar, keyPositionOf, pointerSegments, positionOf, type SourceFile } from '../load/index.js';
import { allowedNames, type Problem, type SchemaNode } from './schema-collapse.js';
import { explainFormat, type Text } from './schema-formats.js';
import { suggest } from '../diagnostics/suggest.js';

type Args = Record<string, unknown>;

interface Explained {
  code: DiagnosticCode;
  args: Args;
  hint?: Text;
  /** Where to point: the node at the problem's path (the mapping, for a missing field), or the unknown key. */
  at?: 'value' | 'key';
}

/** `schema`: the schema's path as shown to the user (named in the hint of V109). */
export function explainProblem(p: Problem, file: SourceFile, schema: string = file.name): Diagnostic {
  const e = explain(p, file);
  const position = e.at === 'key'
    ? keyPositionOf(file, p.instancePath, String(p.params.additionalProperty))
    : positionOf(file, p.instancePath);
  const args = { field: fieldPath(p.instancePath), schema, ...e.args };
  return makeDiagnostic(e.code, position, args, e.hint);
}

function explain(p: Problem, file: SourceFile): Explained {
  switch (p.keyword) {
    case 'required':
    case 'dependentRequired':
      return missing(p);
    case 'additionalProperties':
      return unknownField(p);
    case 'type':
      return wrongType(p);
    case 'enum':
    case 'const':
    case 'not':
      return notAllowed(p);
    case 'pattern':
      return badFormat(p, file);
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
      return itemCount(p);
    case 'minLength':
      return generic(t('không được để trống', 'must not be empty'), p);
    case 'maxLength':
      return tooLong(p);
    case 'exclusive':
      return exclusive(p);
    default: {
      const detail = p.message ?? p.keyword;
      return generic(t(`giá trị không hợp lệ theo lược đồ (${detail})`, `invalid value (${detail})`), p);
    }
  }
}

const t = (vi: string, en: string): Text => ({ vi, en });

// ---------- paths and examples ----------

/** `/plan/sources/0/amount` → `plan.sources[0].amount`. */
export function fieldPath(pointer: string): string {
  const out = pointerSegments(pointer).reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
  return out || '(gốc tệp)';
}

function where(pointer: string): Args {
  return pointer === '' ? { where: 'gốc tệp', whereEn: 'the top level' } : { where: fieldPath(pointer), whereEn: fieldPath(pointer) };
}

/** A value as the clerk would type it in YAML: `[a, b]`, `{ stated: 81, print: stated }`. */
function yamlFlow(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function examplesOf(schema: SchemaNode | undefined, max = 3): string | undefined {
  const list = Array.isArray(schema?.examples) ? schema.examples : [];
  return list.length ? list.slice(0, max).map(yamlFlow).join('; ').replace(/\.$/, '') : undefined;
}

function quoted(names: readonly string[], joinVi: string): string {
  const q = names.map((n) => `"${n}"`);
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} ${joinVi} ${q[q.length - 1]}`;
}

// ---------- one explanation per kind ----------

function missing(p: Problem): Explained {
  const alternatives = p.params.alternatives as string[] | undefined;
  const name = String(p.params.missingProperty);
  const property = p.parentSchema?.properties?.[name];
  if (alternatives && alternatives.length > 1) {
    return {
      code: 'V101',
      args: {
        ...where(p.instancePath),
        field: `(một trong ${quoted(alternatives, 'hoặc')})`,
        fieldEn: `(one of ${quoted(alternatives, 'or')})`,
        add: `một trong ${alternatives.map((a) => `\`${a}:\``).join(', ')}`,
        addEn: `one of ${alternatives.map((a) => `\`${a}:\``).join(', ')}`,
      },
    };
  }
  const example = examplesOf(property, 1);
  const line = `\`${name}: ${example ?? '…'}\``;
  const because = p.keyword === 'dependentRequired' ? ` (cần có khi đã ghi "${String(p.params.property)}")` : '';
  const becauseEn = p.keyword === 'dependentRequired' ? ` (needed because "${String(p.params.property)}" is present)` : '';
  return {
    code: 'V101',
    args: {
      ...where(p.instancePath),
      field: `"${name}"${property?.title ? ` (${property.title})` : ''}${because}`,
      fieldEn: `"${name}"${becauseEn}`,
      add: `dòng ${line}`,
      addEn: `a line ${line}`,
    },
  };
}

function unknownField(p: Problem): Explained {
  const meant = p.params.suggestion as string | undefined;
  return {
    code: 'V102',
    at: 'key',
    args: {
      ...where(p.instancePath),
      key: String(p.params.additionalProperty),
      suggestion: meant ? `Có phải ý bạn là "${meant}"? ` : '',
      suggestionEn: meant ? `Did you mean "${meant}"? ` : '',
      allowed: allowedNames(p).join(', '),
    },
  };
}

const TYPE_NAMES: Record<string, Text> = {
  object: t('một nhóm trường (các dòng "tên: giá trị")', 'a mapping ("key: value" lines)'),
  array: t('một danh sách (các dòng "- …" hoặc [a, b])', 'a list ("- …" lines or [a, b])'),
  string: t('một giá trị văn bản', 'a text value'),
  integer: t('một số nguyên', 'a whole number'),
  boolean: t('true', 'true'),
};

function typeNames(types: string[]): Text {
  // `["integer","string"]` is a number that YAML may give as text: name it a number. Among
  // other types, text already covers integers and booleans (we read YAML as text).
  const scalarOnly = types.every((x) => x === 'string' || x === 'integer' || x === 'boolean');
  const shown = [...new Set(scalarOnly && types.some((x) => x !== 'string')
    ? types.filter((x) => x !== 'string')
    : types.filter((x) => x !== 'integer' && x !== 'boolean'))];
  const names = shown.map((x) => TYPE_NAMES[x] ?? t(x, x));
  return t(names.map((n) => n.vi).join(' hoặc '), names.map((n) => n.en).join(' or '));
}

function actualType(value: unknown): Text {
  if (value === null || value === undefined || value === '') return t('giá trị trống', 'empty');
  if (Array.isArray(value)) return t('một danh sách', 'a list');
  if (value !== null && typeof value === 'object') return t('một nhóm trường', 'a mapping');
  return t(`giá trị "${String(value)}"`, `the value "${String(value)}"`);
}

function wrongType(p: Problem): Explained {
  const expected = typeNames([p.params.type].flat() as string[]);
  const actual = actualType(p.data);
  const example = examplesOf(p.parentSchema) ?? defaultExample([p.params.type].flat() as string[]);
  return { code: 'V103', args: { expected: expected.vi, expectedEn: expected.en, actual: actual.vi, actualEn: actual.en, example } };
}

function defaultExample(types: string[]): string {
  if (types.includes('object')) return '- text: …';
  if (types.includes('array')) return '[…, …]';
  return '…';
}

function notAllowed(p: Problem): Explained {
  const value = String(p.data);
  const allowed = (p.params.allowedValues as unknown[] | undefined) ??
    (p.keyword === 'const' ? [p.params.allowedValue] : (p.parentSchema?.examples ?? []));
  const names = allowed.map(String);
  const meant = p.keyword === 'not' ? undefined : suggest(value, names);
  const hint = p.keyword === 'not' && p.parentSchema?.description ? t(p.parentSchema.description, p.parentSchema.description) : undefined;
  return {
    code: 'V104',
    hint,
    args: {
      value,
      allowed: names.join(', '),
      suggestion: meant ? `Có phải ý bạn là "${meant}"? ` : '',
      suggestionEn: meant ? `Did you mean "${meant}"? ` : '',
    },
  };
}

const FORMAT_NAMES: Record<string, string> = {
  money: 'số tiền',
  area: 'diện tích',
  percent: 'tỷ lệ phần trăm',
  rate: 'tỷ lệ so với kế hoạch',
  fraction: 'phân số',
  count: 'số đếm',
  year: 'năm',
  month: 'tháng',
  day: 'ngày',
  date: 'ngày',
  monthYear: 'tháng/năm',
  id: 'mã định danh',
  period: 'giai đoạn',
  standard: 'tiêu chí (true hoặc mã văn bản)',
  kpiText: 'câu của chỉ số',
  upperText: 'chữ IN HOA',
  docNo: 'số văn bản',
};

function badFormat(p: Problem, file: SourceFile): Explained {
  const format = p.parentSchema?.['x-format'] ?? '';
  const value = String(p.data);
  const found = explainFormat(format, value, isPlainScalar(file, p.instancePath));
  const example = examplesOf(p.parentSchema) ?? '…';
  const args: Args = {
    value,
    format: FORMAT_NAMES[format] ?? p.parentSchema?.title ?? format,
    formatEn: format || 'value',
    reason: found.reason.vi,
    reasonEn: found.reason.en,
    example,
    ...found.args,
  };
  return { code: found.code, args, hint: found.hint };
}

function itemCount(p: Problem): Explained {
  const limit = Number(p.params.limit);
  const isObject = p.keyword === 'minProperties';
  const count = isObject ? Object.keys((p.data ?? {}) as object).length : Array.isArray(p.data) ? p.data.length : 0;
  const rule = p.keyword === 'maxItems' ? t(`tối đa ${limit}`, `at most ${limit}`) : t(`cần ít nhất ${limit}`, `at least ${limit} needed`);
  return {
    code: 'V108',
    args: {
      count,
      what: isObject ? 'trường' : 'mục',
      whatEn: isObject ? 'fields' : 'items',
      rule: rule.vi,
      ruleEn: rule.en,
    },
  };
}

/** A string past its schema's `maxLength` (counted in characters, as editors count them). */
function tooLong(p: Problem): Explained {
  const length = typeof p.data === 'string' ? [...p.data].length : 0;
  const limit = Number(p.params.limit);
  return {
    code: 'V110',
    args: { length: length.toLocaleString('vi-VN'), limit: limit.toLocaleString('vi-VN'), lengthEn: length.toLocaleString('en-US'), limitEn: limit.toLocaleString('en-US') },
  };
}

function exclusive(p: Problem): Explained {
  const fields = p.params.fields as string[];
  return generic(
    t(`chỉ được dùng một trong ${quoted(fields, 'và')} trong cùng một mục`, `use only one of ${quoted(fields, 'and')} in one entry`),
    p,
  );
}

function generic(reason: Text, p: Problem): Explained {
  const example = examplesOf(p.parentSchema);
  const hint = example ? t(`Ví dụ: ${example}`, `Example: ${example}`) : undefined;
  return { code: 'V109', args: { reason: reason.vi, reasonEn: reason.en }, hint };
}
