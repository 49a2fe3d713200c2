// Deterministic output: the same inputs give byte-identical DOCX and PDF whatever the clock or
// the time zone; document dates come from the report's date, not from now.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, docxXml } from '../helpers/outputs.js';

const NAMES = ['bao-cao-chu-de-nam-2024.docx', 'bao-cao-chu-de-nam-2024.pdf'];

function build(env: NodeJS.ProcessEnv): { dir: string; hashes: string[] } {
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-det-'));
  const r = runCli(['build', '2024', '--out', out], { env });
  expect(r.status, r.stderr).toBe(0);
  const dir = path.join(out, '2024');
  return { dir, hashes: NAMES.map((n) => createHash('sha256').update(readFileSync(path.join(dir, n))).digest('hex')) };
}

describe('determinism', () => {
  it('gives identical sha256 for DOCX and PDF across runs and time zones', () => {
    const a = build({ TZ: 'UTC' });
    const b = build({ TZ: 'Asia/Ho_Chi_Minh' });
    const c = build({ TZ: 'America/Los_Angeles' });
    expect(b.hashes).toEqual(a.hashes);
    expect(c.hashes).toEqual(a.hashes);
  });

  it('stamps the document with the report\'s date, not the build time', () => {
    const { dir } = build({});
    const core = docxXml(path.join(dir, NAMES[0]), 'docProps/core.xml');
    // The 2024 report leaves day and month blank: the last day of its year stands in.
    expect(core).toMatch(/<dcterms:created[^>]*>2024-12-31T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2024-12-31T00:00:00Z<\/dcterms:modified>/);
    const info = execFileSync('pdfinfo', ['-isodates', path.join(dir, NAMES[1])], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(info).toMatch(/CreationDate:\s+2024-12-31T00:00:00/);
    expect(info).toMatch(/ModDate:\s+2024-12-31T00:00:00/);
  });
});
