/**
 * The content rules Decree 30 (Phụ lục I, II.9b–d) adds to the "Nơi nhận" list, for every report
 * kind: a report with "Kính gửi" lists "Như trên" first, and the last line says where the
 * document is filed, the records office and the drafting unit — "- Lưu: VT, <unit>…" (a bare
 * "- Lưu: VT." leaves the unit out). Each finding is a warning: the layout is still printed as
 * the data asks, and the clerk decides. The rule reads only the report metadata — recipients,
 * the distribution list and, where a kind keeps it apart, the filing line (`archive`) — and
 * points at the list item it is about.
 */
import type { Diagnostic, SourcePosition } from '../../diagnostics/types.js';
import { makeDiagnostic } from '../../diagnostics/catalogue.js';
import type { SourceFile } from '../../load/index.js';
import { fieldAt } from '../issue.js';
import type { Loc } from '../dataset.js';

/** The part of any kind's report metadata the rule reads. */
export interface DistributionMeta {
  recipients: readonly string[];
  distribution: readonly string[];
  /** The filing line without its "Lưu:" label, when the kind keeps it apart from the list. */
  archive?: string;
  /** Where the report metadata is (report.yaml, its root). */
  at: Loc;
}

/** An item as the reader sees it: no list dash, no final punctuation, NFC, single spaces. */
const bare = (item: string): string =>
  item.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^[-+–]\s*/u, '').replace(/[.;,]+$/u, '').trim();

const AS_ABOVE = /^như trên$/iu;
const FILING = /^lưu\s*:/iu;
/** "Lưu: VT, VP", "Lưu: VT, HC (2)": the records office, then the drafting unit. */
const FILING_WITH_UNIT = /^lưu\s*:\s*vt\s*,\s*\S/iu;
const FILING_BARE = /^lưu\s*:\s*vt$/iu;

export function checkDistribution(meta: DistributionMeta, sources: readonly SourceFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (field: string): SourcePosition => fieldAt(sources, meta.at, field);
  const items = [...meta.distribution, ...(meta.archive !== undefined ? [`Lưu: ${meta.archive}`] : [])];
  if (items.length === 0) return out;

  if (meta.recipients.length > 0 && !AS_ABOVE.test(bare(items[0]!))) {
    out.push(makeDiagnostic('V650', meta.distribution.length ? at('distribution/0') : at('distribution'), { first: bare(items[0]!) }));
  }
  const last = bare(items[items.length - 1]!);
  const lastAt = meta.archive !== undefined ? at('archive') : at(`distribution/${meta.distribution.length - 1}`);
  if (FILING_BARE.test(last)) out.push(makeDiagnostic('V652', lastAt, { last: `- ${last}.` }));
  else if (!FILING.test(last) || !FILING_WITH_UNIT.test(last)) out.push(makeDiagnostic('V651', lastAt, { last: `- ${last}` }));
  return out;
}
