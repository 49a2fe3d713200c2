/**
 * The token grammar of prose in data, shared by the content rules (which report every slip) and
 * by aggregation (which resolves the tokens of valid data): a text is plain runs and `{name}`
 * tokens; `{{name}}` (a template habit) and a lone brace are slips. A token's head says what it
 * is — `ref:ID` (a cited document, with a citation form after `|`), `kpi:ID`, `theme`, `#`, a
 * year (`year`, `year+1`), or the name of a figure declared beside the text — and each kind of
 * token takes its own forms. Both sides read tokens only through this module, so a text the
 * rules accepted is a text aggregation can print.
 */
import type { FigureInput } from './types.js';

export type Piece =
  | { type: 'text'; value: string }
  /** `index`: where the token's `{` stands in the text (a figure's label reads the words around it). */
  | { type: 'token'; name: string; index: number }
  | { type: 'double'; name: string }
  | { type: 'brace'; brace: string; at: number };

/** Text and tokens in order; `{{…}}` and unpaired braces are kept as slips. */
export function scanTokens(source: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of source.matchAll(/\{\{([^{}]*)\}\}|\{([^{}]*)\}|[{}]/g)) {
    if (m.index > last) out.push({ type: 'text', value: source.slice(last, m.index) });
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ type: 'double', name: m[1].trim() });
    else if (m[2] !== undefined) out.push({ type: 'token', name: m[2].trim(), index: m.index });
    else out.push({ type: 'brace', brace: m[0], at: m.index });
  }
  if (last < source.length) out.push({ type: 'text', value: source.slice(last) });
  return out;
}

/** A few characters either side of an offset, on one line, to show where a stray brace is. */
export function excerpt(text: string, at: number): string {
  const from = Math.max(0, at - 20);
  const to = Math.min(text.length, at + 21);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

export const CITE_FORMS = new Set(['full', 'short', 'date', 'dated', 'number']);

/** `year`, `year+1`, `year-1`: the shift from the report's year, or undefined for another head. */
export function yearShift(head: string): number | undefined {
  const m = /^year(?:\s*([+-])\s*(\d+))?$/.exec(head.trim());
  if (!m) return undefined;
  return m[1] ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : 0;
}

/** What a token is, once its form has been checked against its kind. */
export type Token =
  | { kind: 'ref'; id: string; form: string }
  | { kind: 'kpi'; id: string }
  | { kind: 'theme'; short: boolean }
  | { kind: 'items' }
  | { kind: 'year'; shift: number }
  | { kind: 'figure'; name: string; input: FigureInput; form: string }
  /** An empty head, or a name that is no token and no figure (V206). */
  | { kind: 'unknown' }
  /** A form the token does not take (V114): the forms it does take, written out. */
  | { kind: 'badForm'; head: string; form: string; allowed: string };

/** Classify one token (`name` without its braces) against the figures declared beside the text. */
export function classifyToken(token: string, figures: Record<string, FigureInput>): Token {
  const parts = token.split('|').map((s) => s.trim());
  const [head, form = ''] = parts;
  if (!head) return { kind: 'unknown' };
  const kind = head.startsWith('ref:') ? 'ref' : head.startsWith('kpi:') ? 'kpi' : head === 'theme' || head === '#' ? head : 'figure';
  const input = kind === 'figure' && Object.hasOwn(figures, head) ? figures[head] : undefined;
  const forms = kind === 'ref' ? [...CITE_FORMS] : kind === 'theme' ? ['short'] : input?.kind === 'units' ? ['count'] : [];
  if (parts.length > 2 || (form && !forms.includes(form)) || (parts.length === 2 && !form)) {
    return { kind: 'badForm', head, form: parts.slice(1).join('|'), allowed: forms.length ? forms.map((f) => `{${head}|${f}}`).join(', ') : `{${head}}` };
  }
  if (kind === 'ref') return { kind: 'ref', id: head.slice(4), form: form || 'full' };
  if (kind === 'theme') return { kind: 'theme', short: form === 'short' };
  if (kind === 'kpi') return { kind: 'kpi', id: head.slice(4) };
  const shift = input || form ? undefined : yearShift(head);
  if (shift !== undefined) return { kind: 'year', shift };
  if (kind === '#') return { kind: 'items' };
  if (!input) return { kind: 'unknown' };
  return { kind: 'figure', name: head, input, form };
}
