// The README's bao-cao section works as written: its `noi-dung.yaml` example and its Phần example,
// each put in a folder beside an example's report.yaml, validate without an error and build, the
// parts printed as "Phần I" / "Phần II" with their Mục numbered from I.; the figure ids it names
// are the ones `report summary` prints.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/outputs.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Báo cáo loại `bao-cao`'), readme.indexOf('### Biểu mẫu thống kê'));
const yamlBlocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'baocao-readme-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A folder with the xã example's report.yaml and `content` as noi-dung.yaml. */
function folder(name: string, content: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  copyFileSync(path.join(ROOT, 'examples', 'xa-tien-thang-q3-2025', 'report.yaml'), path.join(dir, 'report.yaml'));
  writeFileSync(path.join(dir, 'noi-dung.yaml'), content);
  return dir;
}

describe('README: writing a bao-cao report', () => {
  it('has the noi-dung.yaml example and the Phần example', () => {
    expect(yamlBlocks).toHaveLength(2);
    expect(section).toContain('report new xa-q4-2025 --kind bao-cao');
  });

  it('the noi-dung.yaml example validates, and its figure ids are the ones the README names', () => {
    const dir = folder('noi-dung', yamlBlocks[0]!);
    const v = runCli(['validate', dir, '--format', 'json'], { cwd: work });
    const errors = (JSON.parse(v.stdout) as { code: string; severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const { figures } = JSON.parse(runCli(['summary', dir, '--format', 'json'], { cwd: work }).stdout) as { figures: { id: string }[] };
    expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['noi-dung:lua-mua.luaMua', 'noi-dung:tro-cap.doiTuong']));
    expect(section).toContain('noi-dung:lua-mua.luaMua');
  });

  it('the Phần example builds into Phần I and Phần II, each with its Mục from I.', () => {
    const dir = folder('phan', yamlBlocks[1]!);
    const out = path.join(work, 'out');
    const built = runCli(['build', dir, '--out', out, '--format', 'html'], { cwd: work });
    expect(built.status, built.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'phan', 'bao-cao-2025-so-45.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toMatch(/Phần I KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2025 I\. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH .*Phần II NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025 I\. NHIỆM VỤ TRỌNG TÂM/);
  });
});
