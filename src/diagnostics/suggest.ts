/**
 * "Did you mean …?": picks the closest of a list of known words to a word that was not found —
 * a misspelt field name (`ammount` → `amount`), a data file name, a commune typed without its
 * diacritics (`Tan Dan` → `Tân Dân`). Closeness is the Damerau–Levenshtein distance (optimal
 * string alignment: insert, delete, substitute, swap two neighbours) on lower-cased NFC text; a
 * word that differs only in Vietnamese diacritics counts as nearly equal. Short words need a
 * closer match so that a two-letter typo is not "corrected" into an unrelated word.
 */

/** Optimal-string-alignment distance: Levenshtein plus transposition of adjacent characters. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[t.length];
}

/** Lower-case NFC with single spaces. */
function fold(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Lower-case without Vietnamese diacritics (đ → d). */
export function stripDiacritics(word: string): string {
  return fold(word).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd');
}

/** How far `word` is from `candidate`; a diacritics-only difference scores 0.5. */
function score(word: string, candidate: string): number {
  const plain = editDistance(fold(word), fold(candidate));
  const bare = editDistance(stripDiacritics(word), stripDiacritics(candidate));
  return Math.min(plain, bare + 0.5);
}

/** Longer words are not compared at all. */
const MAX_WORD = 200;
/**
 * Only the first candidates are compared: real lists (fields, files, the units of a district)
 * hold tens, and a hostile list of 40 000 names met by as many misspellings must not cost
 * billions of edit distances.
 */
const MAX_CANDIDATES = 2000;

export interface SuggestOptions {
  /** Largest distance still suggested (default 2). */
  maxDistance?: number;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough. A candidate equal to
 * the word is not a suggestion. Ties go to the earlier candidate, so callers control priority.
 */
export function suggest(word: string, candidates: Iterable<string>, options: SuggestOptions = {}): string | undefined {
  // No name is this long; a pasted page must not cost seconds of edit distances.
  if (word.length > MAX_WORD) return undefined;
  const limit = Math.min(options.maxDistance ?? 2, Math.max(1, Math.floor([...fold(word)].length / 2)));
  let best: string | undefined;
  let bestScore = Infinity;
  let compared = 0;
  for (const candidate of candidates) {
    if (++compared > MAX_CANDIDATES) break;
    if (candidate === word) continue;
    const s = score(word, candidate);
    if (s <= limit && s < bestScore) {
      best = candidate;
      bestScore = s;
    }
  }
  return best;
}
