// `report new 2025 --from 2024` on a copy of data/2024: the new folder keeps the registers and
// standing facts, moves the year and date on, leaves every yearly figure and prose as a "__"
// blank — and `report validate 2025` then reports it as incomplete (V150, one per blank) and
// nothing else. It never overwrites a folder. The editor setup maps every data file to its schema.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/outputs.js';

let work: string;
let created: ReturnType<typeof runCli>;
const dir = (year: string): string => path.join(work, 'data', year);
const read = (year: string, file: string): string => readFileSync(path.join(dir(year), file), 'utf8');
const data = (year: string, file: string): Record<string, unknown> => parse(read(year, file)) as Record<string, unknown>;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'baocao-new-'));
  cpSync(path.join(ROOT, 'data', '2024'), dir('2024'), { recursive: true });
  created = runCli(['new', '2025', '--from', '2024'], { cwd: work });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('report new 2025 --from 2024', () => {
  it('creates the folder with every data file of 2024', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/đã tạo data\/2025\/ từ data\/2024\/: 7 tệp, \d+ chỗ "__"/);
    expect(readdirSync(dir('2025')).sort()).toEqual(readdirSync(dir('2024')).sort());
  });

  it('starts every file with its schema modeline and a note on the blanks', () => {
    for (const f of readdirSync(dir('2025'))) {
      const [first, second] = read('2025', f).split('\n');
      expect(first, f).toBe(`# yaml-language-server: $schema=../../schemas/${schemaOf(f)}`);
      expect(second, f).toContain('"__" đánh dấu chỗ cần điền');
    }
  });

  it('is reported by validate as incomplete — missing figures, one V150 per blank — and nothing else', () => {
    const r = runCli(['validate', '2025', '--format', 'json'], { cwd: work });
    expect(r.status).toBe(1);
    const diagnostics = JSON.parse(r.stdout || r.stderr) as { code: string; severity: string; file: string; line: number; message: string }[];
    expect(diagnostics.length).toBeGreaterThan(50);
    expect([...new Set(diagnostics.map((d) => d.code))]).toEqual(['V150']);
    expect(diagnostics.every((d) => d.severity === 'error' && d.file.startsWith('data/2025/'))).toBe(true);
    const values = (f: string): string => read('2025', f).split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    const blanks = readdirSync(dir('2025')).reduce((n, f) => n + (values(f).match(/"__"/g) ?? []).length, 0);
    expect(diagnostics.length).toBe(blanks);
    const total = diagnostics.find((d) => d.file === 'data/2025/investment.yaml' && d.message.startsWith('plan.total:'))!;
    expect(total.message).toContain('chưa điền số liệu (số tiền)');
    expect(read('2025', 'investment.yaml').split('\n')[total.line - 1]).toMatch(/^\s*total: "__"$/);
  });

  it('moves the year, the document date and the trích yếu on, and empties the number', () => {
    const report = data('2025', 'report.yaml') as { year: number; document: { date: unknown; number: string; summary: string } };
    expect(report.year).toBe(2025);
    expect(report.document.date).toEqual({ year: 2025 });
    expect(report.document.number).toBe('');
    expect(report.document.summary).toBe((data('2024', 'report.yaml') as typeof report).document.summary.replace('2024', '2025'));
  });

  it('keeps the registers and standing facts: agency, units and standards, signer, recipients, distribution, references', () => {
    const [old, now] = [data('2024', 'report.yaml'), data('2025', 'report.yaml')];
    for (const key of ['kind', 'agency', 'signer', 'recipients', 'reportsTo', 'distribution', 'archive', 'references', 'basis']) {
      expect(now[key], key).toEqual(old[key]);
    }
    expect(data('2025', 'communes.yaml').units).toEqual(data('2024', 'communes.yaml').units);
    const kpis = (y: string) => (data(y, 'digital.yaml').kpis as Record<string, unknown>[]).map((k) => [k.id, k.label, k.text]);
    expect(kpis('2025')).toEqual(kpis('2024'));
  });

  it('clears the yearly figures and prose to blanks', () => {
    const investment = data('2025', 'investment.yaml') as { plan: { total: string; sources: { name: string; amount: string }[] } };
    expect(investment.plan.total).toBe('__');
    expect(investment.plan.sources.every((s) => s.amount === '__' && s.name.length > 0)).toBe(true);
    expect(data('2025', 'report.yaml').leadership).toEqual([{ text: '__' }]);
    expect(data('2025', 'communication.yaml').content).toEqual([{ text: '__' }]);
    expect(read('2025', 'land-clearance.yaml')).not.toMatch(/\d+(,\d+)? (ha|tỷ đồng)/);
  });

  it('validates like 2024 once every blank is filled (with the 2024 values): the blanks are exactly the yearly parts', () => {
    const filled = path.join(work, 'filled');
    cpSync(dir('2025'), path.join(filled, '2025'), { recursive: true });
    const fill = (now: unknown, old: unknown): unknown => {
      if (now === '__') return old;
      if (Array.isArray(now)) {
        const blankContent = now.length === 1 && (now[0] as { text?: unknown })?.text === '__';
        return blankContent ? old : now.map((v, i) => fill(v, (old as unknown[] | undefined)?.[i]));
      }
      if (now && typeof now === 'object') {
        return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, fill(v, (old as Record<string, unknown> | undefined)?.[k])]));
      }
      return now;
    };
    for (const f of readdirSync(dir('2025'))) {
      const now = parse(read('2025', f), { schema: 'failsafe' }) as unknown;
      const old = parse(read('2024', f), { schema: 'failsafe' }) as unknown;
      writeFileSync(path.join(filled, '2025', f), stringify(fill(now, old), { lineWidth: 0 }));
    }
    const codes = (r: ReturnType<typeof runCli>): string[] => (JSON.parse(r.stdout || r.stderr) as { code: string }[]).map((d) => d.code).sort();
    const before = runCli(['validate', '2024', '--format', 'json'], { cwd: work });
    const after = runCli(['--data', 'filled', 'validate', '2025', '--format', 'json'], { cwd: work });
    expect(after.status, after.stderr).toBe(before.status);
    expect(codes(after)).toEqual(codes(before));
  });

  it('warns (V612) of the basis still cited though dated before the new year, not of the registers\' dated history', () => {
    const warned = [...created.stderr.matchAll(/^(\S+): warning V612: Văn bản "([^"]+)" ghi ngày năm (\d{4})/gm)].map((m) => [m[1]!.replace(/:\d+:\d+$/, ''), m[2], m[3]]);
    expect(warned).toEqual([['data/2025/report.yaml', 'nq-48-hdnd', '2023']]);
  });

  it('never overwrites an existing folder (exit 2, nothing changed)', () => {
    writeFileSync(path.join(dir('2025'), 'investment.yaml'), 'plan: edited by the clerk\n');
    const again = runCli(['new', '2025', '--from', '2024'], { cwd: work });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('không bao giờ ghi đè');
    expect(read('2025', 'investment.yaml')).toBe('plan: edited by the clerk\n');
    mkdirSync(dir('2026'));
    expect(runCli(['new', '2026', '--from', '2024'], { cwd: work }).status).toBe(2);
    expect(readdirSync(dir('2026'))).toEqual([]);
  });

  it('refuses a missing source year and a target that is not later (exit 2)', () => {
    expect(runCli(['new', '2031', '--from', '2019'], { cwd: work }).status).toBe(2);
    const backwards = runCli(['new', '2023', '--from', '2024'], { cwd: work });
    expect(backwards.status).toBe(2);
    expect(existsSync(dir('2023'))).toBe(false);
  });
});

/** The schema of a data file of the theme report: report.yaml's is shared, the others are the kind's. */
function schemaOf(file: string): string {
  const name = file.replace('.yaml', '');
  return name === 'report' ? 'report.schema.json' : `chu-de-nam/${name}.schema.json`;
}

describe('editor integration', () => {
  const settings = JSON.parse(readFileSync(path.join(ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
  const extensions = JSON.parse(readFileSync(path.join(ROOT, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };

  it('recommends the YAML extension', () => {
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });

  it('maps data/**/<file>.yaml to the schema of every data file, and each data file names its schema in a modeline', () => {
    const schemas = readdirSync(path.join(ROOT, 'schemas'), { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.schema.json') && f !== 'common.schema.json');
    for (const schema of schemas) {
      const name = path.basename(schema).replace('.schema.json', '');
      expect(settings['yaml.schemas'][`./schemas/${schema}`], schema).toEqual([`data/**/${name}.yaml`]);
    }
    for (const f of readdirSync(path.join(ROOT, 'data', '2024'))) {
      const first = readFileSync(path.join(ROOT, 'data', '2024', f), 'utf8').split('\n')[0];
      expect(first, f).toBe(`# yaml-language-server: $schema=../../schemas/${schemaOf(f)}`);
      expect(existsSync(path.join(ROOT, 'schemas', schemaOf(f))), f).toBe(true);
    }
  });
});
