// Golden fixtures of valid reports: each `tests/fixtures/valid/<case>/` holds a data set (`data/`,
// or `data.path` naming one) and the expected output of each stage — `diagnostics.txt` (validate),
// `text.txt` (the document tree's plain text), `tree.json` (the tree itself), `document.xml` (the
// DOCX body, one element per line) and `pdf.txt` (the PDF's text layer, from pdftotext). One
// runner loops over the folders; `UPDATE_GOLDEN=1 npm test` rewrites them, and an unexpected file
// fails.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '../../src/pipeline/compile.js';
import { documentText } from '../../src/doctree/text.js';
import { formatText } from '../../src/diagnostics/format.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { unzipSync, strFromU8 } from 'fflate';

/** The DOCX body with one element per line, so a change shows as a readable diff. */
async function documentXml(tree: Parameters<typeof writeDocx>[0]): Promise<string> {
  const xml = strFromU8(unzipSync((await writeDocx(tree)).value)['word/document.xml']);
  return `${xml.replace(/></g, '>\n<')}\n`;
}

async function pdfText(tree: Parameters<typeof writePdf>[0]): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'golden-')), 'x.pdf');
  writeFileSync(file, (await writePdf(tree)).value);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const ROOT = path.resolve(__dirname, '../..');
const CASES = path.join(ROOT, 'tests/fixtures/valid');
const EXPECTED = ['diagnostics.txt', 'text.txt', 'tree.json', 'document.xml', 'pdf.txt'];
const INPUTS = ['data', 'data.path', 'README.md'];
const update = process.env.UPDATE_GOLDEN === '1';

function dataDir(caseDir: string): string {
  const pointer = path.join(caseDir, 'data.path');
  return existsSync(pointer) ? path.resolve(caseDir, readFileSync(pointer, 'utf8').trim()) : path.join(caseDir, 'data');
}

describe.each(readdirSync(CASES).sort())('golden: %s', (name) => {
  const caseDir = path.join(CASES, name);

  it('has only inputs and expected files', () => {
    const unexpected = readdirSync(caseDir).filter((f) => !EXPECTED.includes(f) && !INPUTS.includes(f));
    expect(unexpected).toEqual([]);
  });

  it('produces the expected diagnostics, text and tree', async () => {
    // A case that points at the repository's data shows paths from the repository root.
    const cwd = existsSync(path.join(caseDir, 'data.path')) ? ROOT : caseDir;
    const c = await compile({ dataDir: dataDir(caseDir), cwd, templatesDir: path.join(ROOT, 'templates') });
    const actual: Record<string, string> = {
      'diagnostics.txt': `${formatText(c.diagnostics)}\n`,
      'text.txt': c.tree ? `${documentText(c.tree)}\n` : '',
      'tree.json': c.tree ? `${JSON.stringify(c.tree, null, 1)}\n` : '',
      'document.xml': c.tree ? await documentXml(c.tree) : '',
      'pdf.txt': c.tree ? await pdfText(c.tree) : '',
    };
    for (const file of EXPECTED) {
      const target = path.join(caseDir, file);
      if (update) writeFileSync(target, actual[file]);
      expect(existsSync(target), `${name}/${file} missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
      expect(actual[file], `${name}/${file}`).toBe(readFileSync(target, 'utf8'));
    }
  });
});
