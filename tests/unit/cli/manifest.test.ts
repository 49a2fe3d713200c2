// Manifests: what counts as a change (files, tool, settings), how it is described, and a
// serialisation that is stable (sorted keys, no timestamps) so a committed manifest only changes
// when the build does.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compareInputs, dataFiles, describeChanges, hashFiles, inputPath, serialiseManifest, sha256, templateFiles,
  toolId, unchanged, type BuildSettings, type Manifest,
} from '../../../src/cli/manifest.js';

const settings: BuildSettings = { formats: ['docx', 'pdf'], draft: false, number: null, date: null };
const tool = { name: 'baocao', version: '0.1.0', fingerprint: 'a'.repeat(64) };

function manifest(over: Partial<Manifest> = {}): Manifest {
  return {
    manifest: 1, tool, year: '2024', kind: 'chu-de-nam', data: 'data/2024', templates: 'templates/chu-de-nam',
    settings, inputs: { 'data/2024/report.yaml': '1', 'data/2024/investment.yaml': '2', 'templates/chu-de-nam/main.hbs': '3' },
    outputs: { 'b.pdf': { sha256: 'p', bytes: 2 }, 'a.docx': { sha256: 'd', bytes: 1 } },
    diagnostics: { errors: 0, warnings: 4 },
    ...over,
  };
}

describe('compareInputs', () => {
  it('nothing changed', () => {
    const c = compareInputs(manifest(), manifest());
    expect(unchanged(c)).toBe(true);
    expect(describeChanges(c)).toEqual([]);
  });

  it('names edited, added and removed files, settings and the tool', () => {
    const now = manifest({
      inputs: { 'data/2024/report.yaml': '1', 'data/2024/investment.yaml': 'X', 'data/2024/urban.yaml': '4' },
      settings: { ...settings, draft: true, number: '05' },
      tool: { ...tool, fingerprint: 'b'.repeat(64) },
    });
    const c = compareInputs(manifest(), now);
    expect(unchanged(c)).toBe(false);
    expect(describeChanges(c, tool, now.tool)).toEqual([
      'data/2024/investment.yaml đã sửa',
      'data/2024/urban.yaml mới thêm',
      'templates/chu-de-nam/main.hbs đã xóa',
      'tùy chọn --draft: (không) → có',
      'tùy chọn --number: (không) → 05',
      'công cụ đã được biên dịch lại (mã khác với lần dựng trước)',
    ]);
    expect(describeChanges(compareInputs(manifest(), manifest({ tool: { ...tool, version: '0.2.0', fingerprint: 'c' } })), tool, { ...tool, version: '0.2.0' }))
      .toEqual(['công cụ đổi phiên bản 0.1.0 → 0.2.0']);
  });

  it('a change of formats is a change', () => {
    const c = compareInputs(manifest(), manifest({ settings: { ...settings, formats: ['pdf'] } }));
    expect(c.settings).toEqual([{ name: 'formats', old: 'docx,pdf', new: 'pdf' }]);
  });
});

describe('serialiseManifest', () => {
  it('sorts inputs and outputs, ends with a newline, has no timestamps', () => {
    const text = serialiseManifest(manifest());
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.inputs)).toEqual(['data/2024/investment.yaml', 'data/2024/report.yaml', 'templates/chu-de-nam/main.hbs']);
    expect(Object.keys(parsed.outputs)).toEqual(['a.docx', 'b.pdf']);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT/);
    expect(serialiseManifest(JSON.parse(text))).toBe(text);
  });
});

describe('input files', () => {
  it('data: every *.yaml of the folder, as the loader reads it (a sub-folder\'s *.yaml are the parts of one data file), and the spreadsheets in it; templates: the kind\'s *.hbs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-manifest-'));
    mkdirSync(path.join(dir, 'data', '2024', 'sub'), { recursive: true });
    for (const f of ['report.yaml', 'urban.YML', 'notes.txt', 'sub/x.yaml', 'sub/du-an.xlsx']) writeFileSync(path.join(dir, 'data', '2024', f), f);
    mkdirSync(path.join(dir, 'templates', 'k'), { recursive: true });
    for (const f of ['main.hbs', 'a.hbs', 'README.md']) writeFileSync(path.join(dir, 'templates', 'k', f), f);
    writeFileSync(path.join(dir, 'templates', 'k', 'kind.yaml'), 'name: k\ntitle: Báo cáo thử\ndocumentType: Báo cáo\n');
    expect(dataFiles(path.join(dir, 'data', '2024')).map((f) => path.basename(f))).toEqual(['report.yaml', 'urban.YML', 'x.yaml', 'du-an.xlsx']);
    // The kind found beside the data: its manifest and templates (no record files, no schemas).
    expect(templateFiles(dir, path.join(dir, 'data', '2024'), undefined, 'k').map((f) => path.basename(f))).toEqual(['kind.yaml', 'a.hbs', 'main.hbs']);
    expect(hashFiles(dataFiles(path.join(dir, 'data', '2024')), dir)).toEqual({
      'data/2024/report.yaml': sha256('report.yaml'),
      'data/2024/urban.YML': sha256('urban.YML'),
      'data/2024/sub/x.yaml': sha256('sub/x.yaml'),
      'data/2024/sub/du-an.xlsx': sha256('sub/du-an.xlsx'),
    });
  });

  it('names the tool\'s own templates the same on every machine', () => {
    const own = path.resolve(__dirname, '../../../templates/chu-de-nam/main.hbs');
    expect(inputPath('/somewhere/else', own)).toBe('baocao:templates/chu-de-nam/main.hbs');
    expect(inputPath('/work/x', '/work/x/data/2024/report.yaml')).toBe('data/2024/report.yaml');
  });

  it('the tool id has the package version and a fingerprint of the compiled code', () => {
    const id = toolId();
    expect(id.name).toBe('baocao');
    expect(id.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(id.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
