/**
 * Schema validation: the bundled data/2024 passes (as we parse it, failsafe, and as editors
 * parse it, core schema); each V1xx code, and L011 for the float trap, is produced by one small
 * edit of a valid file, at the right line and column, with a specific Vietnamese message and
 * hint. The compiled validators are (re)built first when missing or older than the schemas, so
 * `npm test` works on a fresh clone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { loadSources, parseSource } from '../../../src/load/index.js';
import { knownDataFiles, validateSchemas } from '../../../src/validate/schema.js';
import { findKinds } from '../../../src/kinds/registry.js';
import { editDistance, suggest } from '../../../src/diagnostics/suggest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const generated = path.join(root, 'dist/validators/validators.cjs');
/** The schemas of the theme report's files (report.yaml's included), as the pipeline passes them. */
const SPECS = [...findKinds(root).value.get('chu-de-nam')!.files];
/** Every schema below schemas/, by path relative to it (`report.schema.json`, `chu-de-nam/…`). */
function schemaFiles(): string[] {
  return readdirSync(path.join(root, 'schemas'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.schema.json')).map((f) => f.split(path.sep).join('/'));
}

function validatorsAreStale(): boolean {
  if (!existsSync(generated)) return true;
  const built = statSync(generated).mtimeMs;
  return schemaFiles().some((f) => statSync(path.join(root, 'schemas', f)).mtimeMs > built);
}

beforeAll(() => {
  if (validatorsAreStale()) execFileSync(process.execPath, [path.join(root, 'scripts/build-validators.mjs')], { cwd: root });
});

/** Letters only Vietnamese uses: a message made of them is not English. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

function check(name: string, text: string): Diagnostic[] {
  const parsed = parseSource(text, `data/test/${name}.yaml`);
  expect(parsed.diagnostics).toEqual([]);
  if (!parsed.value) throw new Error('fixture did not parse');
  return validateSchemas([parsed.value], SPECS);
}

/** Exactly one diagnostic, with its code and position; returns it for message checks. */
function only(diagnostics: Diagnostic[], code: string, line: number, column: number): Diagnostic {
  expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([`${code} ${line}:${column}`]);
  const [d] = diagnostics;
  expect(d.message).toMatch(VIETNAMESE);
  expect(d.hint ?? '').toMatch(VIETNAMESE);
  return d;
}

const INVESTMENT = `# yaml-language-server: $schema=../../schemas/chu-de-nam/investment.schema.json
plan:
  total: 676.373 triệu đồng
  sources:
    - name: Vốn đầu tư công phân cấp
      amount: 181.766 triệu đồng
areas:
  - id: chinh-trang-do-thi
    name: Chỉnh trang đô thị
    allocation: 59.370 triệu đồng
    projects:
      - id: via-he-an-lao
        kind: dự án
        name: Cải tạo vỉa hè thị trấn An Lão
        allocation: 11.700 triệu đồng
`;

const REPORT = `kind: chu-de-nam
year: 2024
agency:
  name: [ỦY BAN NHÂN DÂN, HUYỆN AN LÃO]
  fullName: Ủy ban nhân dân huyện An Lão
  selfName: Ủy ban nhân dân huyện
  territory: huyện
  territoryName: huyện An Lão
  symbol: UBND
  subunits: xã, thị trấn
document:
  type: BÁO CÁO
  symbol: BC-UBND
  number: ""
  place: An Lão
  date:
    year: 2024
  summary: Kết quả thực hiện Chủ đề năm 2024
theme: Đẩy mạnh công tác giải phóng mặt bằng
themeShort: Đẩy mạnh công tác GPMB
basis: [nq-48-hdnd]
recipients: [Hội đồng nhân dân huyện An Lão]
reportsTo: Hội đồng nhân dân huyện
signer:
  authority: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
  name: Hà Thế Vinh
distribution: [Thường trực Huyện ủy]
archive: VT
references:
  - id: nq-48-hdnd
    type: Nghị quyết
    number: 48/NQ-HĐND
    date: 15/12/2023
leadership:
  - text: Thực hiện {ref:nq-48-hdnd}.
`;

const DIGITAL = `kpis:
  - id: nop-truc-tuyen
    label: Tỷ lệ hồ sơ nộp trực tuyến
    qualifier: đạt trên
    value: 95%
    asOf: 11/2024
intro:
  - text: Ủy ban nhân dân huyện đã chỉ đạo.
areas:
  - title: Phát triển Chính quyền số
    content:
      - kpi: nop-truc-tuyen
      - text: Có {sites} xã có trang thông tin điện tử.
        figures:
          sites: 17/17
`;

const edit = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('bundled data', () => {
  it('data/2024 passes every schema with zero diagnostics', async () => {
    const loaded = await loadSources(path.join(root, 'data/2024'), root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value.map((f) => f.name).sort()).toEqual([...knownDataFiles(SPECS)].sort());
    expect(validateSchemas(loaded.value, SPECS)).toEqual([]);
  });

  it('data/2024 also passes as editors read it (YAML core schema: numbers, booleans)', () => {
    const validators = createRequire(import.meta.url)(generated) as Record<string, ((d: unknown) => boolean) & { errors?: unknown }>;
    for (const file of readdirSync(path.join(root, 'data/2024'))) {
      const name = file.replace(/\.yaml$/, '') === 'report' ? 'report' : `chu-de-nam/${file.replace(/\.yaml$/, '')}`;
      const data = parseDocument(readFileSync(path.join(root, 'data/2024', file), 'utf8')).toJS();
      expect({ name, ok: validators[name](data), errors: validators[name].errors ?? null }).toEqual({ name, ok: true, errors: null });
    }
  });

  it('the fixtures used below are valid', () => {
    expect(check('investment', INVESTMENT)).toEqual([]);
    expect(check('report', REPORT)).toEqual([]);
    expect(check('digital', DIGITAL)).toEqual([]);
  });
});

describe('schema files', () => {
  const schemaDir = path.join(root, 'schemas');
  const schemas = schemaFiles().map((f) => ({ file: f, schema: JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8')) }));

  /** Every object schema below `node`, with its JSON pointer. */
  function* objects(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) yield* objects(n, `${at}/${i}`);
    } else if (node !== null && typeof node === 'object') {
      yield [at, node as Record<string, unknown>];
      for (const [k, v] of Object.entries(node)) if (k !== 'examples' && k !== 'default') yield* objects(v, `${at}/${k}`);
    }
  }

  it('one schema per data file plus common, each with its $id and draft 2020-12', () => {
    const kinds = [...findKinds(root).value.values()];
    const kindFiles = ['report', ...kinds.flatMap((k) => k.files.filter((f) => f.name !== 'report').map((f) => `${k.name}/${f.name}`))];
    expect(schemas.map((s) => s.file).sort()).toEqual([...kindFiles, 'common'].map((n) => `${n}.schema.json`).sort());
    for (const { file, schema } of schemas) {
      expect(schema.$id).toBe(`https://baocao.local/schemas/${file}`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('every property has a Vietnamese title and description; fixed objects forbid other fields', () => {
    const missing: string[] = [];
    for (const { file, schema } of schemas) {
      for (const [at, node] of objects(schema, file)) {
        const props = node.properties as Record<string, { title?: string; description?: string }> | undefined;
        if (!props) continue;
        if (node.additionalProperties !== false) missing.push(`${at}: additionalProperties`);
        for (const [name, prop] of Object.entries(props)) {
          if (!prop.title || !VIETNAMESE.test(`${prop.title} ${prop.description ?? ''}`) || !prop.description) missing.push(`${at}/${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('schema diagnostics', () => {
  it('V100: a file without a schema is a warning with a did-you-mean', () => {
    const d = check('repot', 'a: b\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'V100', severity: 'warning', line: 1, column: 1 });
    expect(d[0].hint).toContain('"report.yaml"');
  });

  it('V101: a missing field points at the mapping that lacks it, hint adds `field:`', () => {
    const d = only(check('investment', edit(INVESTMENT, '    name: Chỉnh trang đô thị\n', '')), 'V101', 8, 5);
    expect(d.message).toContain('"name"');
    expect(d.message).toContain('areas[0]');
    expect(d.hint).toContain('`name:');
  });

  it('V102: an unknown field points at the key and suggests the close name', () => {
    const d = only(check('investment', edit(INVESTMENT, 'amount: 181', 'ammount: 181')), 'V102', 6, 7);
    expect(d.message).toContain('"ammount"');
    expect(d.hint).toContain('"amount"');
  });

  it('V102 inside a content block: `txt` → `text`, one diagnostic only', () => {
    const d = only(check('digital', edit(DIGITAL, '      - text: Có', '      - txt: Có')), 'V102', 13, 9);
    expect(d.hint).toContain('"text"');
  });

  it('V103: a scalar where a list is expected', () => {
    const list = '  sources:\n    - name: Vốn đầu tư công phân cấp\n      amount: 181.766 triệu đồng\n';
    const d = only(check('investment', edit(INVESTMENT, list, '  sources: Vốn đầu tư công phân cấp\n')), 'V103', 4, 12);
    expect(d.message).toContain('danh sách');
  });

  it('V104: a value outside the enum lists the allowed values and the close one', () => {
    const d = only(check('investment', edit(INVESTMENT, 'kind: dự án', 'kind: du an')), 'V104', 13, 15);
    expect(d.hint).toContain('dự án, công trình');
    expect(d.hint).toContain('"dự án"');
  });

  it('L011: an unquoted 676.373 where money is expected shows both readings', () => {
    const d = only(check('investment', edit(INVESTMENT, 'total: 676.373 triệu đồng', 'total: 676.373')), 'L011', 3, 10);
    expect(d.message).toContain('676.373');
    expect(d.hint).toContain('676.373');
    expect(d.hint).toContain('676373');
  });

  it('L011 for a figure too: one diagnostic, not one per possible format', () => {
    const d = only(check('digital', edit(DIGITAL, 'sites: 17/17', 'sites: 1.500')), 'L011', 15, 18);
    expect(d.hint).toContain('1500');
  });

  it('V105: quoted money without a unit says the unit is missing', () => {
    const d = only(check('investment', edit(INVESTMENT, 'total: 676.373 triệu đồng', 'total: "676.373"')), 'V105', 3, 10);
    expect(d.message).toContain('thiếu đơn vị');
    expect(d.hint).toContain('676.373 triệu đồng');
  });

  it('V105: an area unit where money is expected', () => {
    const d = only(check('investment', edit(INVESTMENT, 'amount: 181.766 triệu đồng', 'amount: 82.03 ha')), 'V105', 6, 15);
    expect(d.message).toContain('"ha"');
    expect(d.hint).toContain('82,03 ha');
  });

  it('V106: an impossible date (31/02/2024)', () => {
    const d = only(check('report', edit(REPORT, 'date: 15/12/2023', 'date: 31/02/2024')), 'V106', 34, 11);
    expect(d.message).toContain('31/02/2024');
    expect(d.message).toContain('29 ngày');
  });

  it('V106: the report date given in parts (day 30 of month 2)', () => {
    const d = only(check('report', edit(REPORT, '    year: 2024\n', '    year: 2024\n    month: 2\n    day: 30\n')), 'V106', 19, 10);
    expect(d.message).toContain('29 ngày');
  });

  it('V106: a percentage over 100', () => {
    const d = only(check('digital', edit(DIGITAL, 'value: 95%', 'value: 150%')), 'V106', 5, 12);
    expect(d.message).toContain('100%');
  });

  it('V106: negative money', () => {
    const d = only(check('investment', edit(INVESTMENT, 'allocation: 59.370 triệu đồng', 'allocation: -59.370 triệu đồng')), 'V106', 10, 17);
    expect(d.message).toContain('âm');
  });

  it('V106: day 00 is named as such, not as a short month (00/01/2024)', () => {
    const d = only(check('report', edit(REPORT, 'date: 15/12/2023', 'date: 00/01/2024')), 'V106', 34, 11);
    expect(d.message).toContain('không có ngày 00');
    expect(d.message).not.toContain('31 ngày');
  });

  it('V106: "-0 triệu đồng" is about the sign, not the layout of the number', () => {
    const d = only(check('investment', edit(INVESTMENT, 'allocation: 59.370 triệu đồng', 'allocation: -0 triệu đồng')), 'V106', 10, 17);
    expect(d.message).toContain('dấu trừ');
    expect(d.message).toContain('"0 triệu đồng"');
    expect(d.en?.message).toContain('minus sign');
  });

  it('V107: a document number with lower case or spaces', () => {
    const lower = only(check('report', edit(REPORT, '48/NQ-HĐND', '48/NQ-hđnd')), 'V107', 33, 13);
    expect(lower.message).toContain('viết thường');
    const spaced = only(check('report', edit(REPORT, '48/NQ-HĐND', '48 / NQ-HĐND')), 'V107', 33, 13);
    expect(spaced.message).toContain('dấu cách');
    expect(spaced.hint).toContain('48/NQ-HĐND');
  });

  it('V108: too many lines in the agency name', () => {
    const d = only(check('report', edit(REPORT, 'HUYỆN AN LÃO]', 'HUYỆN AN LÃO, A, B]')), 'V108', 4, 9);
    expect(d.message).toContain('tối đa 3');
  });

  it('V109: two exclusive fields in one block', () => {
    const d = only(check('digital', edit(DIGITAL, '      - kpi: nop-truc-tuyen\n', '      - kpi: nop-truc-tuyen\n        text: Thêm\n')), 'V109', 12, 9);
    expect(d.message).toContain('"text"');
    expect(d.message).toContain('"kpi"');
  });

  it('a missing label-or-text is one V101 naming both alternatives', () => {
    const d = only(check('digital', edit(DIGITAL, '    label: Tỷ lệ hồ sơ nộp trực tuyến\n', '')), 'V101', 2, 5);
    expect(d.message).toContain('"label"');
    expect(d.message).toContain('"text"');
  });
});

describe('suggest', () => {
  it('finds close names, Damerau transpositions and diacritic-less spellings', () => {
    expect(suggest('ammount', ['name', 'amount'])).toBe('amount');
    expect(suggest('tilte', ['title', 'content'])).toBe('title');
    expect(suggest('Tan Dan', ['Tân Viên', 'Tân Dân'])).toBe('Tân Dân');
    expect(suggest('xyz', ['name', 'amount'])).toBeUndefined();
    expect(suggest('amount', ['amount'])).toBeUndefined();
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
