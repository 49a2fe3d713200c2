/**
 * Escaping between data and markup. Every value from data reaches the light markup through
 * `escapeMarkup`, which backslash-escapes all ASCII punctuation so that a project named
 * `Dự án *A* _B_ #1 <x>` prints exactly so; the markup parser removes the backslashes. Figures
 * travel through the markup as private-use-area markers carrying their id and printed value,
 * and become `figure` nodes in the tree.
 */
export const FIGURE_OPEN = '\uE000';
export const FIGURE_SEP = '\uE001';
export const FIGURE_CLOSE = '\uE002';

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Escape text for the markup: punctuation is backslash-escaped, line breaks become spaces. */
export function escapeMarkup(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\uE000-\uE002]/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(PUNCTUATION, (c) => `\\${c}`);
}

/** A figure marker: `{id, value}` survive the markup parse and become a `figure` node. */
export function figureMarker(id: string, value: string): string {
  return `${FIGURE_OPEN}${id}${FIGURE_SEP}${escapeMarkup(value)}${FIGURE_CLOSE}`;
}

export const FIGURE_PATTERN = /\uE000([^\uE001]*)\uE001([^\uE002]*)\uE002/g;
