/**
 * Figure diffs: what a change to the data does to the numbers the report prints. Two models'
 * figures are matched by id (ids are stable: built from record ids, never from positions in a
 * list); a figure changed when its printed form or its exact value (including, for a stated
 * figure, the total computed from its parts) differs. Each change carries the old and the new
 * printed value, the difference where one makes sense (money and area in the new figure's unit,
 * counts, percentage points, units joined or left) and the data lines behind the new figure.
 * Rendered as a terminal table or as Markdown for a pull-request comment. Pure: no files.
 */
import { formatFigure, type Figure, type SourceRef } from '../aggregate/index.js';
import { convertArea, convertMoney, formatArea, formatMoney, formatNumber, toExact } from '../numbers/index.js';
import { clip, textTable } from './table.js';

export interface FigureChange {
  id: string;
  label: string;
  change: 'changed' | 'added' | 'removed';
  old?: string;
  new?: string;
  difference?: string;
  /** The data lines behind the figure: the new side's, or the old side's for a removed figure. */
  sources: SourceRef[];
}

export interface FigureDiff {
  changes: FigureChange[];
  /** How many figures each side has. */
  before: number;
  after: number;
}

/** The exact value of a figure, unit included, and the computed total behind it. */
function exactKey(f: Figure): string {
  const v = ((): string => {
    switch (f.kind) {
      case 'money': return `${toExact(f.money.amount).toString()} ${f.money.unit}`;
      case 'area': return `${toExact(f.area.amount).toString()} ${f.area.unit}`;
      case 'count': case 'percent': return toExact(f.n).toString();
      case 'fraction': return `${toExact(f.part).toString()}/${toExact(f.whole).toString()}`;
      case 'units': return f.names.join('\u0000');
    }
  })();
  // A stated figure also changes when the total of its parts does; a figure without a stated
  // twin is its own computed value, so adding an agreeing stated figure is no change.
  return `${f.kind}:${v}|${f.check?.computed ?? formatFigure(f)}`;
}

/** The printed form, with the computed total when the printed one is a stated figure that disagrees. */
function shown(f: Figure, withComputed: boolean): string {
  const printed = formatFigure(f);
  return f.check && (withComputed || (f.check.printed === 'stated' && !f.check.agrees)) && f.check.computed !== printed
    ? `${printed} (tính: ${f.check.computed})`
    : printed;
}

function signed(s: string, negative: boolean, zero: boolean): string {
  if (zero) return `±${s}`;
  return negative ? s : `+${s}`;
}

/** new − old, printed like the figures themselves; undefined where no difference is meaningful. */
export function difference(before: Figure, after: Figure): string | undefined {
  if (before.kind === 'money' && after.kind === 'money') {
    const d = after.money.amount.minus(convertMoney(before.money, after.money.unit).amount);
    return signed(formatMoney({ kind: 'money', amount: d, unit: after.money.unit }), d.isNegative(), d.isZero());
  }
  if (before.kind === 'area' && after.kind === 'area') {
    const d = after.area.amount.minus(convertArea(before.area, after.area.unit).amount);
    return signed(formatArea({ kind: 'area', amount: d, unit: after.area.unit }), d.isNegative(), d.isZero());
  }
  if (before.kind === 'count' && after.kind === 'count') {
    const d = toExact(after.n).minus(before.n);
    return signed(formatNumber(d), d.isNegative(), d.isZero());
  }
  if (before.kind === 'percent' && after.kind === 'percent') {
    const d = toExact(after.n).minus(before.n);
    return `${signed(formatNumber(d, { maxDecimals: 2 }), d.isNegative(), d.isZero())} điểm %`;
  }
  if (before.kind === 'fraction' && after.kind === 'fraction' && toExact(before.whole).equals(after.whole)) {
    const d = toExact(after.part).minus(before.part);
    return `${signed(formatNumber(d), d.isNegative(), d.isZero())}/${formatNumber(after.whole)}`;
  }
  if (before.kind === 'units' && after.kind === 'units') {
    const added = after.names.filter((n) => !before.names.includes(n));
    const removed = before.names.filter((n) => !after.names.includes(n));
    return [...added.map((n) => `+${n}`), ...removed.map((n) => `−${n}`)].join(', ') || undefined;
  }
  return undefined;
}

export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureDiff {
  const old = new Map(before.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const changes: FigureChange[] = [];
  for (const f of after) {
    seen.add(f.id);
    const o = old.get(f.id);
    if (!o) {
      changes.push({ id: f.id, label: f.label, change: 'added', new: shown(f, false), sources: f.sources });
      continue;
    }
    if (exactKey(o) === exactKey(f) && formatFigure(o) === formatFigure(f)) continue;
    const samePrint = formatFigure(o) === formatFigure(f);
    changes.push({
      id: f.id, label: f.label, change: 'changed',
      old: shown(o, samePrint), new: shown(f, samePrint),
      difference: samePrint ? undefined : difference(o, f),
      sources: f.sources,
    });
  }
  for (const o of before) {
    if (!seen.has(o.id)) changes.push({ id: o.id, label: o.label, change: 'removed', old: shown(o, false), sources: o.sources });
  }
  return { changes, before: before.length, after: after.length };
}

// ---------------------------------------------------------------- presentation

/** `data/2024/investment.yaml:17, 21` — lines grouped by file, at most `max` per file. */
export function formatSources(sources: readonly SourceRef[], max = 6): string {
  const byFile = new Map<string, number[]>();
  for (const s of sources) {
    const lines = byFile.get(s.file) ?? [];
    if (!lines.includes(s.line)) lines.push(s.line);
    byFile.set(s.file, lines);
  }
  return [...byFile].map(([file, lines]) => {
    const sorted = [...lines].sort((a, b) => a - b);
    const shownLines = sorted.slice(0, max).join(', ') + (sorted.length > max ? `, … (+${sorted.length - max})` : '');
    return `${file}:${shownLines}`;
  }).join('; ');
}

const NONE = '—';

type Lang = 'vi' | 'en';

/** How many figures changed value, were added and were removed. */
export function countChanges(d: FigureDiff): { changed: number; added: number; removed: number } {
  const n = (kind: FigureChange['change']): number => d.changes.filter((c) => c.change === kind).length;
  return { changed: n('changed'), added: n('added'), removed: n('removed') };
}

/** The footer: changed, added and removed figures counted apart, so an insertion is not read as edits. */
function tally(d: FigureDiff, lang: Lang): string {
  const n = d.changes.length;
  const { changed, added, removed } = countChanges(d);
  if (lang === 'en') {
    return n
      ? `${changed} figure(s) changed, ${added} added, ${removed} removed (${d.after} figures in the new version)`
      : `No figure changed (${d.after} figures).`;
  }
  return n
    ? `${changed} số liệu thay đổi, ${added} số liệu thêm mới, ${removed} số liệu bị bỏ (bản mới có ${d.after} số liệu)`
    : `Không có số liệu nào thay đổi (${d.after} số liệu).`;
}

/** The diff for tools (`--format json`): the shape README's "report diff --format json" documents. */
export function formatDiffJson(d: FigureDiff, sides: DiffSides): string {
  return `${JSON.stringify({
    before: { spec: sides.before, figures: d.before },
    after: { spec: sides.after, figures: d.after },
    counts: countChanges(d),
    changes: d.changes.map((c) => ({
      id: c.id, label: c.label, change: c.change, old: c.old ?? null, new: c.new ?? null, difference: c.difference ?? null,
      sources: c.sources.map((s) => ({ file: s.file, line: s.line, column: s.column })),
    })),
  }, null, 2)}\n`;
}

const HEAD: Record<Lang, string[]> = {
  vi: ['Số liệu', 'Cũ', 'Mới', 'Chênh lệch', 'Dòng dữ liệu'],
  en: ['Figure', 'Old', 'New', 'Difference', 'Data lines'],
};

export interface DiffSides { before: string; after: string }

export function formatDiffTable(d: FigureDiff, sides: DiffSides, lang: Lang = 'vi'): string {
  const title = lang === 'en'
    ? `Figures compared: ${sides.before} (old) → ${sides.after} (new)`
    : `So sánh số liệu: ${sides.before} (cũ) → ${sides.after} (mới)`;
  if (!d.changes.length) return `${title}\n${tally(d, lang)}`;
  const head = HEAD[lang];
  const rows = d.changes.map((c) => [
    clip(c.label, 56), c.old ?? NONE, c.new ?? NONE, c.difference ?? NONE, formatSources(c.sources, 4),
  ]);
  return [title, '', textTable(head, rows), '', tally(d, lang)].join('\n');
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function formatDiffMarkdown(d: FigureDiff, sides: DiffSides, lang: Lang = 'vi'): string {
  const title = `#### ${lang === 'en' ? 'Figures changed' : 'Số liệu thay đổi'}: \`${sides.before}\` → \`${sides.after}\``;
  if (!d.changes.length) return `${title}\n\n${tally(d, lang)}\n`;
  const [added, removed] = lang === 'en' ? [' · new', ' · removed'] : [' · mới', ' · đã bỏ'];
  const rows = d.changes.map((c) => {
    const label = `${cell(c.label)}<br><sub>\`${cell(c.id)}\`${c.change === 'added' ? added : c.change === 'removed' ? removed : ''}</sub>`;
    const src = formatSources(c.sources).split('; ').map((s) => `\`${cell(s)}\``).join('<br>');
    return `| ${label} | ${cell(c.old ?? NONE)} | ${cell(c.new ?? NONE)} | ${cell(c.difference ?? NONE)} | ${src} |`;
  });
  return [
    title, '',
    `| ${HEAD[lang].join(' | ')} |`,
    '| --- | ---: | ---: | ---: | --- |',
    ...rows, '',
    `${tally(d, lang)}`, '',
  ].join('\n');
}
