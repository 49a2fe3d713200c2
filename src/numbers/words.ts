/**
 * Reads integers aloud in Vietnamese (nd30.md §6), for "Bằng chữ: …" lines under money amounts.
 * The number is cut into 9-digit blocks, each followed by "tỷ" once per block position (so scales
 * repeat: nghìn tỷ, triệu tỷ, tỷ tỷ); each block into 3-digit groups with nghìn/triệu. Every group
 * after the leading one reads its hundreds even when 0 ("không trăm"), and all-zero groups are
 * skipped. Word variants (nghìn/ngàn, tỷ/tỉ, linh/lẻ, tư/bốn) are options so one report stays
 * consistent. Works on digit strings, so any size is exact.
 */
import type { Decimal } from 'decimal.js';
import { ROUND_HALF_UP, toExact } from './exact.js';
import { parseVietnameseNumber } from './parse.js';
import { convertMoney, type Money } from './units.js';

export interface ReadNumberOptions {
  thousand?: 'nghìn' | 'ngàn';
  billion?: 'tỷ' | 'tỉ';
  zeroTens?: 'linh' | 'lẻ';
  fourAfterTens?: 'tư' | 'bốn';
}

type Words = Required<ReadNumberOptions>;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** The units digit after "mươi" changes sound: 1 → mốt, 4 → tư (or bốn), 5 → lăm. */
function unitsAfterTens(u: number, w: Words): string {
  if (u === 1) return 'mốt';
  if (u === 4) return w.fourAfterTens;
  if (u === 5) return 'lăm';
  return DIGITS[u];
}

/**
 * One 3-digit group. `leading` is true only for the number's first group, the only one allowed
 * to drop its hundreds ("mười lăm", not "không trăm mười lăm").
 */
function readGroup(g: number, leading: boolean, w: Words): string[] {
  const h = Math.floor(g / 100);
  const t = Math.floor(g / 10) % 10;
  const u = g % 10;
  const out: string[] = [];
  const saysHundreds = !leading || h > 0;
  if (saysHundreds) out.push(DIGITS[h], 'trăm');
  if (t === 0) {
    // After "trăm" a lone unit needs "linh"; 105 is "linh năm" (never "linh lăm").
    if (u > 0) out.push(...(saysHundreds ? [w.zeroTens, DIGITS[u]] : [DIGITS[u]]));
  } else if (t === 1) {
    // 11 is "mười một" and 14 "mười bốn": mốt/tư belong after "mươi" only; 15 is still "mười lăm".
    out.push('mười');
    if (u > 0) out.push(u === 5 ? 'lăm' : DIGITS[u]);
  } else {
    out.push(DIGITS[t], 'mươi');
    if (u > 0) out.push(unitsAfterTens(u, w));
  }
  return out;
}

/** Splits a digit string into 3-digit numbers, most significant first. */
function groupsOf3(digits: string): number[] {
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups: number[] = [];
  for (let i = 0; i < padded.length; i += 3) groups.push(Number(padded.slice(i, i + 3)));
  return groups;
}

/** Within a 9-digit block: group 2 is triệu, 1 is nghìn, 0 has no scale word. */
function blockScale(positionInBlock: number, w: Words): string[] {
  return positionInBlock === 2 ? ['triệu'] : positionInBlock === 1 ? [w.thousand] : [];
}

function readDigits(digits: string, w: Words): string {
  const groups = groupsOf3(digits.replace(/^0+(?=\d)/, ''));
  if (groups.length === 1 && groups[0] === 0) return DIGITS[0];
  const words: string[] = [];
  let leading = true;
  groups.forEach((g, index) => {
    const position = groups.length - 1 - index; // 0 = units group
    const inBlock = position % 3;
    const billions = Math.floor(position / 3);
    // The tỷ suffix belongs to the whole block, so it follows the block's last group — said
    // whenever any group of the block is non-zero (1.200.000.000.000 = một nghìn hai trăm tỷ).
    if (g !== 0) {
      words.push(...readGroup(g, leading, w), ...blockScale(inBlock, w));
      leading = false;
    }
    if (inBlock === 0 && billions > 0) {
      // The block spans positions position..position+2, i.e. the two groups before this one.
      const block = groups.slice(Math.max(0, index - 2), index + 1);
      if (block.some((x) => x !== 0)) words.push(...Array<string>(billions).fill(w.billion));
    }
  });
  return words.join(' ');
}

/** Accepts a bigint, a Decimal, or digits (plain or Vietnamese-grouped); must be an integer. */
function toIntegerDigits(n: bigint | string | Decimal): string {
  let d: Decimal;
  if (typeof n === 'string') {
    const parsed = parseVietnameseNumber(n);
    if (!parsed.ok) throw new RangeError(`readNumber: not a number: "${n}" (${parsed.reason})`);
    d = parsed.value;
  } else {
    d = toExact(n);
  }
  if (!d.isInteger()) throw new RangeError(`readNumber: not an integer: ${d.toFixed()}`);
  return d.toFixed();
}

export function readNumber(n: bigint | string | Decimal, opts: ReadNumberOptions = {}): string {
  const w: Words = {
    thousand: opts.thousand ?? 'nghìn',
    billion: opts.billion ?? 'tỷ',
    zeroTens: opts.zeroTens ?? 'linh',
    fourAfterTens: opts.fourAfterTens ?? 'tư',
  };
  const digits = toIntegerDigits(n);
  const negative = digits.startsWith('-') && /[1-9]/.test(digits);
  const words = readDigits(digits.replace(/^-/, ''), w);
  return negative ? `âm ${words}` : words;
}

/** Upper-cases the first letter only: the sentence starts the "Bằng chữ" line. */
function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/**
 * `676.373 triệu` → "Sáu trăm bảy mươi sáu tỷ ba trăm bảy mươi ba triệu đồng". The amount is
 * read in đồng, the smallest unit people write in words, rounded half-up to a whole đồng.
 */
export function moneyInWords(m: Money, opts: ReadNumberOptions = {}): string {
  const dong = convertMoney(m, 'đồng').amount.toDecimalPlaces(0, ROUND_HALF_UP);
  return `${capitalise(readNumber(dong, opts))} đồng`;
}
