// The DOCX and the PDF paginate alike (issue 16): for the 2024 report and every example (landscape
// appendices included), the DOCX set by LibreOffice and the PDF set by pdfmake have the same
// number of pages and the same first line on every page. Both writers take one line pitch, one
// spacing and one set of keep rules from the theme and the tree, so this holds by construction;
// the test reads both back with positions (pdftotext) to show it. Also read on both: no line
// starts with a spaced dash inside a sentence, no number parts from its unit, no name from the
// register is cut at a line end.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/outputs.js';
import { dashLineStarts, firstLines, partedUnits, pdfLines, splitNames, PT_PER_MM, type PdfLine } from '../helpers/pdf-lines.js';
import { describeWithTool, hasTool } from '../helpers/tools.js';

/**
 * Whether the PDF keeps widows and orphans as the DOCX does (`w:widowControl` in Normal). Until
 * it does (the one-pass pdfmake layout hook of the footnotes work), the 2024 report's pages part
 * differently from page 1 on, only because LibreOffice moves a paragraph's last two lines where
 * one would stand alone: the test then sets the DOCX without widow control and shows that nothing
 * else differs. Set it to true with that hook: the 2024 report is then compared as built, and the
 * comparison without widow control would fail (the PDF would move lines the other does not).
 */
const PDF_KEEPS_WIDOWS = false;

const FOLDERS: Record<string, string> = {
  '2024': path.join(ROOT, 'data', '2024'),
  ...Object.fromEntries(readdirSync(path.join(ROOT, 'examples')).sort().map((e) => [`examples/${e}`, path.join(ROOT, 'examples', e)])),
};
const LEFT_MARGIN_PT = 30 * PT_PER_MM;

interface Built {
  pdf: PdfLine[];
  /** The DOCX as LibreOffice sets it. */
  docx: PdfLine[];
  /** 2024 only, while the PDF has no widow control: the DOCX with widow control switched off. */
  docxNoWidows?: PdfLine[];
}
const built = new Map<string, Built>();

/** The DOCX with `w:widowControl` off in Normal (and so in every style based on it). */
function withoutWidowControl(docx: string, out: string): string {
  const files = unzipSync(readFileSync(docx));
  const styles = strFromU8(files['word/styles.xml']!);
  if (!styles.includes('<w:widowControl/>')) throw new Error('Normal has no widow control to switch off');
  files['word/styles.xml'] = strToU8(styles.replaceAll('<w:widowControl/>', '<w:widowControl w:val="0"/>'));
  writeFileSync(out, zipSync(files));
  return out;
}

beforeAll(() => {
  if (!hasTool('soffice') || !hasTool('pdftotext')) return;
  const work = mkdtempSync(path.join(tmpdir(), 'baocao-pages-'));
  const docxDir = path.join(work, 'docx');
  mkdirSync(docxDir);
  const pdfs = new Map<string, string>();
  const docxs: string[] = [];
  Object.entries(FOLDERS).forEach(([name, dir], i) => {
    const out = path.join(work, `out-${i}`);
    const r = runCli(['build', dir, '--out', out, '--format', 'docx,pdf']);
    expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    const folder = path.join(out, path.basename(dir));
    const file = (ext: string): string => path.join(folder, readdirSync(folder).find((f) => f.endsWith(ext))!);
    pdfs.set(name, file('.pdf'));
    // One name per folder, so the converted PDFs do not overwrite each other.
    const docx = path.join(docxDir, `f${i}.docx`);
    writeFileSync(docx, readFileSync(file('.docx')));
    docxs.push(docx);
    if (name === '2024' && !PDF_KEEPS_WIDOWS) docxs.push(withoutWidowControl(docx, path.join(docxDir, `f${i}-nowidows.docx`)));
  });
  // One LibreOffice run converts them all, with a profile of its own (another may be running).
  const profile = path.join(work, 'profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', docxDir, ...docxs], { stdio: 'pipe', timeout: 300000 });
  const converted = (docx: string): PdfLine[] => pdfLines(docx.replace(/\.docx$/, '.pdf'));
  Object.keys(FOLDERS).forEach((name, i) => {
    const docx = path.join(docxDir, `f${i}.docx`);
    built.set(name, {
      pdf: pdfLines(pdfs.get(name)!),
      docx: converted(docx),
      ...(name === '2024' && !PDF_KEEPS_WIDOWS ? { docxNoWidows: converted(path.join(docxDir, `f${i}-nowidows.docx`)) } : {}),
    });
  });
}, 600_000);

const pageCount = (lines: PdfLine[]): number => Math.max(...lines.map((l) => l.page));

describeWithTool('soffice')('the DOCX (through LibreOffice) and the PDF paginate alike', () => {
  it.each(Object.keys(FOLDERS))('%s: same page count and the same first line on every page', (name) => {
    const b = built.get(name)!;
    // 2024, until the PDF keeps widows: the DOCX without widow control (see PDF_KEEPS_WIDOWS).
    const docx = b.docxNoWidows ?? b.docx;
    expect(pageCount(b.pdf)).toBeGreaterThan(1);
    expect(pageCount(docx)).toBe(pageCount(b.pdf));
    expect(firstLines(docx)).toEqual(firstLines(b.pdf));
    // No blank page (before an appendix or anywhere else) in either format.
    expect(firstLines(b.pdf)).not.toContain('');
    expect(firstLines(b.docx)).not.toContain('');
  });

  it('2024: the pages part differently only where the DOCX keeps widows and orphans', () => {
    const b = built.get('2024')!;
    if (PDF_KEEPS_WIDOWS) return;
    // LibreOffice moves the last two lines of a paragraph to the next page where the PDF leaves
    // one alone there: the first page to differ starts with a paragraph's second-last line in the
    // DOCX and its last line in the PDF.
    const [docx, pdf] = [firstLines(b.docx), firstLines(b.pdf)];
    const first = docx.findIndex((line, i) => line !== pdf[i]);
    expect(first).toBeGreaterThan(0);
    const next = (lines: PdfLine[], text: string): string => lines[lines.findIndex((l) => l.text.replace(/\u00a0/g, ' ') === text) + 1]!.text;
    expect(next(b.docx, docx[first]!)).toBe(pdf[first]);
  });
});

describeWithTool('soffice')('lines of both formats', () => {
  const names = (): string[] => {
    const units = (parse(readFileSync(path.join(ROOT, 'data/2024/communes.yaml'), 'utf8')) as { units: { name: string }[] }).units;
    return units.map((u) => u.name).filter((n) => n.includes(' '));
  };

  it.each(Object.keys(FOLDERS))('%s: no line starts with a spaced dash inside a sentence, no number parts from its unit', (name) => {
    const b = built.get(name)!;
    for (const lines of [b.pdf, b.docx]) {
      expect(dashLineStarts(lines, LEFT_MARGIN_PT)).toEqual([]);
      expect(partedUnits(lines)).toEqual([]);
    }
  });

  it('2024: no name of the register is cut at a line end', () => {
    const b = built.get('2024')!;
    const list = names();
    expect(list.length).toBeGreaterThan(10);
    // The names are printed many times, in prose and in the appendix.
    expect(b.pdf.filter((l) => list.some((n) => l.text.includes(n))).length).toBeGreaterThan(10);
    expect(splitNames(b.pdf, list)).toEqual([]);
    expect(splitNames(b.docx, list)).toEqual([]);
  });
});

describe('the line checks', () => {
  // The checks must find what they look for: lines as the PDF had them before the tree bound dashes.
  const line = (text: string, xMin: number, yMin: number): PdfLine => ({ page: 1, text, xMin, yMin, xMax: 500, yMax: yMin + 15 });
  it('find a dash, a unit and a name at the start of a line', () => {
    const lines = [
      line('Thường trực Huyện ủy', LEFT_MARGIN_PT, 100),
      line('- HĐND - UBND huyện tổng 47.670', LEFT_MARGIN_PT, 120),
      line('triệu đồng, thị trấn An', LEFT_MARGIN_PT, 140),
      line('Lão.', LEFT_MARGIN_PT, 160),
      line('- Hoàn thành công tác', LEFT_MARGIN_PT + 36, 180),
    ];
    expect(dashLineStarts(lines, LEFT_MARGIN_PT)).toEqual(['Thường trực Huyện ủy / - HĐND - UBND huyện tổng 47.670']);
    expect(partedUnits(lines)).toEqual(['- HĐND - UBND huyện tổng 47.670 / triệu đồng, thị trấn An']);
    expect(splitNames(lines, ['An Lão'])).toEqual(['An Lão: triệu đồng, thị trấn An / Lão.']);
  });
});
