// The PDF's text lines with their positions, per page (`pdftotext -bbox-layout`): what the
// typesetting tests measure — gaps in millimetres, which line ends a page, what starts the next.
import { execFileSync } from 'node:child_process';

export interface PdfLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const attr = (tag: string, name: string): number => Number(new RegExp(`${name}="([^"]+)"`).exec(tag)![1]);
const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every line of the PDF in reading order, page by page (pages count from 1). */
export function pdfLines(file: string): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: PdfLine[] = [];
  html.split(/<page /).slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...m[2]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!));
      const tag = m[1]!;
      out.push({ page: i + 1, text: words.join(' ').normalize('NFC'), xMin: attr(tag, 'xMin'), yMin: attr(tag, 'yMin'), xMax: attr(tag, 'xMax'), yMax: attr(tag, 'yMax') });
    }
  });
  return out;
}

/** Number of pages of the PDF. */
export function pdfPageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

export const PT_PER_MM = 72 / 25.4;
