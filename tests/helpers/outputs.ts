// Reading outputs back for end-to-end tests: the CLI run in a child process, the DOCX's
// word/document.xml as paragraphs of text, and the PDF's text layer per page (pdftotext).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'bin/report.js');

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function docxXml(file: string, part = 'word/document.xml'): string {
  const files = unzipSync(readFileSync(file));
  if (!files[part]) throw new Error(`${part} not in ${file}`);
  return strFromU8(files[part]);
}

export function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** One string per w:p, in document order (text of its w:t runs; tabs and breaks as spaces). */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)].map((t) => (t[1] !== undefined ? decodeXml(t[1]) : ' ')).join(''));
}

export function pdfPages(file: string, flags: string[] = []): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', [...flags, '-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** Whitespace-normalised NFC text (no-break spaces count as spaces). */
export function norm(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}
