/**
 * Text widths in Times New Roman metrics, for the few places where a writer must know how long a
 * line of text is before any renderer lays it out: the rules under the agency name, the tiêu ngữ,
 * the trích yếu and the appendix title (Decree 30 fixes their length relative to the text), and
 * the column widths of the "Kính gửi" block. The advance widths below were read from Tinos (the
 * metric twin of Times New Roman that the PDF writer embeds) in 1/1000 em; Vietnamese letters
 * take the width of their base letter, which is how both fonts draw them (only ơ/ư differ).
 */

const CHARS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ĐđƠơƯư\u00a0–—“”‘’…²³';

const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722,
  667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278,
  500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, 722, 500, 722, 529, 776,
  542, 250, 500, 1000, 444, 444, 333, 333, 1000, 300, 300,
];

const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778,
  722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333,
  556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, 722, 556, 778, 554, 796,
  600, 250, 500, 1000, 500, 500, 333, 333, 1000, 300, 300,
];

function table(widths: readonly number[]): ReadonlyMap<string, number> {
  return new Map([...CHARS].map((c, i) => [c, widths[i] ?? 500]));
}

const WIDTHS = { regular: table(REGULAR), bold: table(BOLD) };

/** The letter a Vietnamese character is drawn on: tone marks off, the horn (ơ, ư) kept. */
function baseLetter(c: string): string {
  return c.normalize('NFD').replace(/[\u0300-\u031a\u031c-\u036f]/g, '').normalize('NFC');
}

/** Advance width of `text` in points at `sizePt`, in Times New Roman (= Tinos) metrics. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const widths = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const c of text.normalize('NFC')) {
    units += widths.get(c) ?? widths.get(baseLetter(c)) ?? 500;
  }
  return (units * sizePt) / 1000;
}
