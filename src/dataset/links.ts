/**
 * Prose figures tied to table cells — equal to a cell (`sameAs`), the ratio of two cells in
 * percent (`ratioOf`), or the sum of parts that are numbers or cells (`parts`) — reconciled with
 * the one function of `numbers/` at the figure's printed precision. The rules report what
 * differs (V312, V314, V301), a cell id that names nothing (V313) and a share of a whole that
 * computes above 100 % (V317); aggregation takes the number `print` chose and the cells as
 * provenance from the same outcome, so the check and the printed figure are one computation —
 * made once per figure (`LinkChecks`), by whichever stage asks first.
 */
import type { Decimal } from 'decimal.js';
import type { RelatedPosition } from '../diagnostics/types.js';
import {
  checkRatio, compareAtPrecision, convertArea, convertMoney, formatDiff, formatFigure, formatWritten, parseQuantity, reconcile,
  type Comparison, type FigureValue,
} from '../numbers/index.js';
import type { FigureInput, IdRef, Loc } from './types.js';
import { Findings, type Finding } from './findings.js';
import { isHit, type CellHit, type TableIndex } from './tables.js';

export interface LinkOutcome {
  /** The comparison, when every cell named resolved (and a ratio's whole is not zero). */
  cmp?: Comparison;
  /** The number to print, as `print` chose (the stated one when there is no comparison). */
  printed: Decimal;
  /** The cells (and written parts) compared with, for provenance. */
  sources: { at: Loc; label: string }[];
  /** A part named a cell that does not exist: the figure is printed as a plain fact. */
  brokenPart: boolean;
}

/** The number of a numeric figure, in its own unit; undefined for fractions and lists of units. */
export function amountOf(v: FigureValue): Decimal | undefined {
  switch (v.kind) {
    case 'money': return v.money.amount;
    case 'area': return v.area.amount;
    case 'count': case 'percent': return v.n;
    default: return undefined;
  }
}

/** The same figure with another number (the computed one), unit and kind kept. */
export function withAmount(v: FigureValue, n: Decimal): FigureValue {
  switch (v.kind) {
    case 'money': return { ...v, money: { ...v.money, amount: n } };
    case 'area': return { ...v, area: { ...v.area, amount: n } };
    case 'count': case 'percent': return { ...v, n };
    default: return v;
  }
}

/**
 * Every linked figure of a report reconciled once, against one index of its tables: the content
 * rules ask for each figure they read (and report what it found), aggregation asks again for the
 * figures it prints and gets the same outcome without reconciling again.
 */
export class LinkChecks {
  private readonly done = new WeakMap<FigureInput, { outcome: LinkOutcome; findings: readonly Finding[] }>();

  constructor(readonly tables: TableIndex) {}

  /**
   * The outcome of a linked figure (`value`: its numeric value as printed, `amount` its number).
   * What is wrong goes to `findings` when given — each time it is asked, as a rule that reads a
   * figure twice reports it twice; the reconciliation itself runs once.
   */
  outcome(name: string, input: FigureInput, value: FigureValue, amount: Decimal, findings?: Findings): LinkOutcome {
    let done = this.done.get(input);
    if (!done) {
      const own = new Findings();
      done = { outcome: this.reconcile(name, input, value, amount, own), findings: own.list };
      this.done.set(input, done);
    }
    for (const f of done.findings) findings?.report(f.code, f.at, f.args, f.related);
    return done.outcome;
  }

  /** The reconciliation (a method of its own, so a test can count how often it runs). */
  reconcile(name: string, input: FigureInput, value: FigureValue, amount: Decimal, findings: Findings): LinkOutcome {
    return reconcileLink(name, input, value, amount, this.tables, findings);
  }
}

/** Reconcile a linked figure; findings go to `findings`, cells are looked up in `index`. */
function reconcileLink(name: string, input: FigureInput, value: FigureValue, amount: Decimal, index: TableIndex, findings: Findings): LinkOutcome {
  const link = input.link!;
  const stated = { n: amount, places: link.places };
  const printedEn = link.print === 'computed' ? 'computed value' : 'stated figure';
  const printed = link.print === 'computed' ? 'số tính được' : 'số đã nêu';
  const sources: LinkOutcome['sources'] = [];
  const cell = (r: IdRef): CellHit | undefined => {
    const hit = index.cell(r);
    if (isHit(hit)) return hit;
    findings.report('V313', r.at, { cell: r.id, reason: hit.reason, reasonEn: hit.reasonEn, known: index.known() });
    return undefined;
  };
  const cellSource = (hit: CellHit) => sources.push({ at: hit.cell.at, label: `Ô ${hit.id}: ${hit.row.label}` });
  let cmp: Comparison | undefined;
  if (link.sameAs) {
    const hit = cell(link.sameAs);
    if (hit) {
      cellSource(hit);
      cmp = compareAtPrecision(stated, inUnitOf(value, hit));
      if (!cmp.agrees) {
        findings.report('V312', input.at, {
          name, stated: formatFigure(value), cell: hit.id, value: formatWritten(hit.cell),
          cellAt: `${hit.cell.at.file}:${hit.cell.at.line}`, diff: formatDiff(cmp.diff, link.places), printed, printedEn,
        }, [related(hit)]);
      }
    }
  } else if (link.ratioOf) {
    const [a, b] = link.ratioOf.map(cell);
    if (a && b) {
      cellSource(a); cellSource(b);
      cmp = checkRatio(stated, a.cell.n, b.cell.n);
      // A share of a whole above 100 % is impossible whatever was stated; a rate may exceed it.
      if (cmp && value.kind === 'percent' && !value.rate && cmp.computed.greaterThan(100)) {
        findings.report('V317', input.at, {
          name, part: formatWritten(a.cell), whole: formatWritten(b.cell),
          computed: `${formatWritten({ n: cmp.computed, places: link.places })}%`, stated: formatFigure(value),
        }, [related(a), related(b)]);
      } else if (cmp && !cmp.agrees) {
        findings.report('V314', input.at, {
          name, stated: formatFigure(value), part: formatWritten(a.cell), whole: formatWritten(b.cell),
          computed: formatWritten({ n: cmp.computed, places: link.places }), diff: formatDiff(cmp.diff, link.places), printed, printedEn,
        }, [related(a), related(b)]);
      }
    }
  } else if (link.parts) {
    const values: Decimal[] = [];
    for (const p of link.parts) {
      if ('n' in p) { values.push(p.n); sources.push({ at: p.at, label: `Thành phần của ${name}` }); continue; }
      const hit = cell(p);
      if (!hit) return { printed: amount, sources: [], brokenPart: true };
      values.push(inUnitOf(value, hit));
      cellSource(hit);
    }
    cmp = reconcile(stated, values, link.print, true);
    if (!cmp.agrees) {
      findings.report('V301', input.at, {
        label: name, stated: formatFigure(value), computed: formatFigure(withAmount(value, cmp.computed)),
        diff: formatDiff(cmp.diff, link.places), printed: link.print === 'computed' ? 'số tính từ các thành phần' : 'số đã nêu',
      });
    }
  }
  // The printed number comes from the same reconciliation as the check, at the figure's places.
  return { cmp, printed: cmp ? reconcile(stated, cmp.computed, link.print, true).printed : amount, sources, brokenPart: false };
}

/**
 * A cell's number in the unit of the prose figure it is compared with: a "Tỷ đồng" row against
 * "186.245,5 triệu đồng" is converted; a unit that is not money or area (Hồ sơ, %) is taken as is.
 */
function inUnitOf(v: FigureValue, hit: CellHit): Decimal {
  const unit = hit.row.unit ?? '';
  if (v.kind === 'money') {
    const q = parseQuantity(`1 ${unit}`, 'money');
    if (q.ok) return convertMoney({ ...q.value, amount: hit.cell.n }, v.money.unit).amount;
  }
  if (v.kind === 'area') {
    const q = parseQuantity(`1 ${unit}`, 'area');
    if (q.ok) return convertArea({ ...q.value, amount: hit.cell.n }, v.area.unit).amount;
  }
  return hit.cell.n;
}

/** A cell as a diagnostic's second position. */
function related(hit: CellHit): RelatedPosition {
  return { file: hit.cell.at.file, line: hit.cell.at.line, column: hit.cell.at.column, label: `ô ${hit.id}` };
}
