// The recording half of the dump option (see register.mjs): docx objects remember how they were
// made (class or factory and arguments), and the documents are written as JSON — a docx object
// as `{ "$new": "Paragraph", "args": [...] }` or `{ "$call": "createBorderElement", "args": [...] }`,
// a function as `{ "$fn": "header", "source": "…" }` (for reading: a closure cannot be rebuilt, so
// the PDF writer's input tree is dumped as well, tree.json). The PDF dump also counts the layout passes:
// each `true` from pageBreakBefore makes pdfmake lay out the whole document again.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MADE = Symbol('baocao.dump.made');
const dir = process.env.BAOCAO_DUMP;

export function recordClass(Base, name) {
  const Recorded = class extends Base {
    constructor(...args) {
      super(...args);
      Object.defineProperty(this, MADE, { value: { $new: name, args } });
    }
  };
  Object.defineProperty(Recorded, 'name', { value: name });
  return Recorded;
}

export function recordFunction(fn, name) {
  return function recorded(...args) {
    const made = fn.apply(this, args);
    if (made && typeof made === 'object' && !Object.isFrozen(made) && !made[MADE]) {
      try { Object.defineProperty(made, MADE, { value: { $call: name, args } }); } catch { /* a shared constant */ }
    }
    return made;
  };
}

function serialise(value, seen = new Set()) {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? { $fn: value.name || 'function', source: String(value) } : value === undefined ? null : value;
  }
  if (value instanceof Date) return { $date: value.toISOString() };
  if (ArrayBuffer.isView(value)) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (seen.has(value)) throw new Error('dump: a cycle in the document');
  seen.add(value);
  let out;
  const made = value[MADE];
  if (made) out = { [made.$new ? '$new' : '$call']: made.$new ?? made.$call, args: made.args.map((a) => serialise(a, seen)) };
  else if (Array.isArray(value)) out = value.map((v) => serialise(v, seen));
  else out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, serialise(v, seen)]));
  seen.delete(value);
  return out;
}

function write(name, value) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), JSON.stringify(value));
}

export function dumpTree(root) {
  write('tree.json', serialise(root));
}

export function dumpDocx(doc) {
  write('docx.json', serialise(doc));
}

export function dumpPdf(def) {
  const stats = { layoutPasses: 1, headingsMoved: 0, inlines: 0, tableCells: 0 };
  count(def.content, stats);
  const before = def.pageBreakBefore;
  const counted = before ? { ...def, pageBreakBefore: (...a) => { const moved = before(...a); if (moved) { stats.layoutPasses++; stats.headingsMoved++; write('pdf-stats.json', stats); } return moved; } } : def;
  write('pdf.json', serialise(def));
  write('pdf-stats.json', stats);
  return counted;
}

/** Inline text pieces and table cells of a definition (how much pdfmake measures and styles). */
function count(node, stats) {
  if (Array.isArray(node)) { for (const n of node) count(n, stats); return; }
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node.text)) stats.inlines += node.text.length;
  if (node.table?.body) stats.tableCells += node.table.body.reduce((n, row) => n + row.length, 0);
  for (const key of ['stack', 'section', 'columns', 'ul', 'ol', 'text']) if (node[key] && typeof node[key] === 'object') count(node[key], stats);
  if (node.table?.body) count(node.table.body, stats);
}
