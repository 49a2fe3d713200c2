// An agency's own font, opt-in: with `--font-dir` (or `fonts:` in report.yaml) pointing at a
// folder of TrueType files — here a Debian font fixture, Cousine, since Times New Roman cannot be
// had on this machine — the PDF embeds that family, the DOCX names it, and manifest.json hashes
// the font files, so `--check` notices a changed font. Without a folder, Tinos stays the default.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, docxXml, runCli } from '../helpers/outputs.js';

const FIXTURE = 'tests/fixtures/fonts/cousine';
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const fontsOf = (pdf: string): string[] =>
  execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);

let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'baocao-fonts-'));
});

describe('--font-dir', () => {
  let out: string;
  let run: ReturnType<typeof runCli>;

  beforeAll(() => {
    out = path.join(work, 'out');
    run = runCli(['build', '2024', '--out', out, '--font-dir', FIXTURE]);
  });

  it('embeds the folder\'s family in the PDF, and no Tinos', () => {
    expect(run.status, run.stderr).toBe(0);
    const fonts = fontsOf(path.join(out, '2024/bao-cao-chu-de-nam-2024.pdf'));
    expect(fonts.some((l) => /\+Cousine\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/.test(l))).toBe(true);
    expect(fonts.some((l) => /\+Cousine-Bold\s/.test(l))).toBe(true);
    expect(fonts.filter((l) => /Tinos/.test(l))).toEqual([]);
  });

  it('names the family in the DOCX', () => {
    const styles = docxXml(path.join(out, '2024/bao-cao-chu-de-nam-2024.docx'), 'word/styles.xml');
    expect(/<w:docDefaults>[\s\S]*?<w:rFonts w:ascii="([^"]+)"/.exec(styles)?.[1]).toBe('Cousine');
  });

  it('warns about the faces the folder lacks (the fixture has no italics)', () => {
    expect(run.stderr).toMatch(/warning W012: Phông "Cousine" thiếu kiểu nghiêng; chữ kiểu nghiêng được in bằng kiểu thường/);
  });

  it('records the font files\' hashes and the option in manifest.json, so --check stays exact', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, '2024/manifest.json'), 'utf8'));
    expect(manifest.fonts).toBe(FIXTURE);
    expect(manifest.settings.fontDir).toBe(FIXTURE);
    for (const f of ['Cousine-Regular.ttf', 'Cousine-Bold.ttf']) {
      expect(manifest.inputs[`${FIXTURE}/${f}`]).toBe(sha(path.join(ROOT, FIXTURE, f)));
    }
    const check = runCli(['build', '2024', '--out', out, '--check']);
    expect(check.status, check.stderr).toBe(0);
  });
});

describe('fonts: in report.yaml', () => {
  it('uses the folder named in the data, and --check names a changed font file', () => {
    const data = path.join(work, 'data/2024');
    const fonts = path.join(work, 'data/fonts');
    cpSync(path.join(ROOT, 'data/2024'), data, { recursive: true });
    cpSync(path.join(ROOT, FIXTURE), fonts, { recursive: true });
    appendFileSync(path.join(data, 'report.yaml'), 'fonts: ../fonts\n');
    const out = path.join(work, 'out-yaml');
    const built = runCli(['build', '2024', '--data', path.join(work, 'data'), '--out', out, '--format', 'pdf'], { cwd: work });
    expect(built.status, built.stderr).toBe(0);
    expect(fontsOf(path.join(out, '2024/bao-cao-chu-de-nam-2024.pdf')).some((l) => /\+Cousine\s/.test(l))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, '2024/manifest.json'), 'utf8')).inputs['data/fonts/Cousine-Bold.ttf']).toBe(sha(path.join(fonts, 'Cousine-Bold.ttf')));

    // A changed font file makes the committed PDF stale, and --check says which input changed
    // (the bold face replaced by the regular one: the embedded glyphs differ).
    cpSync(path.join(fonts, 'Cousine-Regular.ttf'), path.join(fonts, 'Cousine-Bold.ttf'));
    const check = runCli(['build', '2024', '--data', path.join(work, 'data'), '--out', out, '--check'], { cwd: work });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('data/fonts/Cousine-Bold.ttf đã sửa');
  });

  it('refuses a folder that does not exist, at the fonts: line', () => {
    const data = path.join(work, 'missing/2024');
    cpSync(path.join(ROOT, 'data/2024'), data, { recursive: true });
    const text = readFileSync(path.join(data, 'report.yaml'), 'utf8');
    writeFileSync(path.join(data, 'report.yaml'), `${text}fonts: ../khong-co\n`);
    const line = text.split('\n').length;
    const r = runCli(['validate', '2024', '--data', path.join(work, 'missing')], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(`missing/2024/report.yaml:${line}:8: error W010: Không có thư mục phông chữ "../khong-co"`);
  });
});
