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
/**
 * Line markers: `\uE003file\uE004line:column\uE005`, put by the template compiler at the start
 * of each template line's text, so the markup parser knows which template line produced each
 * output line (Handlebars keeps no such map). They never reach the tree.
 */
export const LINE_OPEN = '\uE003';
/**
 * Footnote markers: `\uE006<base64 of the note's markup>\uE007`. The note's markup (a paragraph
 * and `-` items) is base64-encoded so that the markdown parser of the sentence around it sees
 * one opaque word — no emphasis, escape or line break of the note can leak into the sentence —
 * and the markup parser decodes and parses it as blocks of its own.
 */
export const FOOTNOTE_OPEN = '\uE006';
export const FOOTNOTE_CLOSE = '\uE007';
export const LINE_SEP = '\uE004';
export const LINE_CLOSE = '\uE005';

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Escape text for the markup: punctuation is backslash-escaped, line breaks become spaces. */
export function escapeMarkup(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\uE000-\uE007]/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(PUNCTUATION, (c) => `\\${c}`);
}

/** A figure marker: `{id, value}` survive the markup parse and become a `figure` node. */
export function figureMarker(id: string, value: string): string {
  return `${FIGURE_OPEN}${id}${FIGURE_SEP}${escapeMarkup(value)}${FIGURE_CLOSE}`;
}

/** The marker saying: the text after this came from `file` at `line`:`column`. */
export function lineMarker(file: string, line: number, column: number): string {
  return `${LINE_OPEN}${file}${LINE_SEP}${line}:${column}${LINE_CLOSE}`;
}

export const LINE_PATTERN = /\uE003([^\uE004]*)\uE004(\d+):(\d+)\uE005/g;

/** A footnote marker carrying the note's own markup. */
export function footnoteMarker(noteMarkup: string): string {
  return `${FOOTNOTE_OPEN}${Buffer.from(noteMarkup, 'utf8').toString('base64')}${FOOTNOTE_CLOSE}`;
}

export const FOOTNOTE_PATTERN = /\uE006([A-Za-z0-9+/=]*)\uE007/g;

/** Figure markers and footnote markers, in one pattern (group 1–2: figure; group 3: footnote). */
export const MARKER_PATTERN = /\uE000([^\uE001]*)\uE001([^\uE002]*)\uE002|\uE006([A-Za-z0-9+/=]*)\uE007/g;
