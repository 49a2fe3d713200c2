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

/** Units as they may start a line of the PDF (the tree's list, read as a person would). */
const UNIT_START = /^(nghìn đồng|triệu đồng|tỷ đồng|đồng|USD|ha|km²|km|m²|m³|m2|m3|m|kg|tấn|%)(?![\p{L}\p{N}])/iu;

/** The lines of the text flow: the page number in the top margin is left out. */
const flow = (all: PdfLine[]): PdfLine[] => all.filter((l) => l.yMin > 20 * PT_PER_MM - 6);

/** Lines that end with a number while the next line (same page, or the next page's first) starts with its unit. */
export function partedUnits(all: PdfLine[]): string[] {
  const lines = flow(all);
  return lines.flatMap((line, i) => {
    const next = lines[i + 1];
    return next && /(?<![\p{L}\p{N}])\d(?:[\d.,]*\d)?$/u.test(line.text) && UNIT_START.test(next.text) ? [`${line.text} / ${next.text}`] : [];
  });
}

/**
 * Lines that start with a spaced dash inside a sentence: at the left margin (a paragraph's first
 * line is indented; a list item's dash opens an indented first line), after a line of the same
 * column that ends mid-sentence (a letter, a digit or a comma, not `.`, `;` or `:`). Such a line
 * reads as a list item ("Huyện ủy / - HĐND - UBND huyện").
 */
export function dashLineStarts(all: PdfLine[], leftMarginPt: number): string[] {
  const lines = flow(all);
  return lines.flatMap((line, i) => {
    const before = lines[i - 1];
    const atMargin = (l: PdfLine): boolean => Math.abs(l.xMin - leftMarginPt) < 1.5;
    const inSentence = before && atMargin(before) && /[\p{L}\p{N},)”"]$/u.test(before.text);
    return /^[-–—] /u.test(line.text) && atMargin(line) && inSentence ? [`${before.text} / ${line.text}`] : [];
  });
}

/** Names from `names` that a line end cuts in two (the name's first words end a line, the rest start the next). */
export function splitNames(all: PdfLine[], names: readonly string[]): string[] {
  const lines = flow(all);
  return lines.flatMap((line, i) => {
    const next = lines[i + 1];
    if (!next) return [];
    return names.filter((name) => {
      const words = name.split(' ');
      return words.slice(1).some((_, k) => {
        const head = words.slice(0, k + 1).join(' ');
        const tail = words.slice(k + 1).join(' ');
        return line.text.endsWith(` ${head}`) && next.text.startsWith(`${tail}`) && !/^[\p{L}\p{N}]/u.test(next.text.slice(tail.length));
      });
    }).map((name) => `${name}: ${line.text} / ${next.text}`);
  });
}

/**
 * The first line of the text flow on each page, in reading order (top to bottom; lines level
 * with each other, left to right) — what a reader compares page by page.
 */
export function firstLines(all: PdfLine[]): string[] {
  const pages = new Map<number, PdfLine[]>();
  for (const l of flow(all)) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  const count = Math.max(0, ...all.map((l) => l.page));
  return [...Array(count).keys()].map((i) => {
    const lines = [...(pages.get(i + 1) ?? [])].sort((a, b) => (Math.abs(a.yMin - b.yMin) < 3 ? a.xMin - b.xMin : a.yMin - b.yMin));
    return (lines[0]?.text ?? '').replace(/\u00a0/g, ' ');
  });
}
