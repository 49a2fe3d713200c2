// Reading a DOCX paragraph's formatting the way Word does: the document defaults, then its
// paragraph style and the styles that style is based on, then the paragraph's (and its first
// run's) direct properties — each property taken from the last place that sets it. Tests use it
// to check what a reader sees, whether the writer says it with a style or directly.

export interface StyleDef {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  pPr: string;
  rPr: string;
}

export interface Effective {
  style: string;
  jc?: string;
  firstLine?: string;
  before?: string;
  after?: string;
  line?: string;
  outlineLevel?: string;
  keepNext: boolean;
  size?: number;
  bold: boolean;
  italic: boolean;
  caps: boolean;
  color?: string;
  font?: string;
}

const inner = (xml: string, tag: string): string => new RegExp(`<w:${tag}>([\\s\\S]*?)</w:${tag}>`).exec(xml)?.[1] ?? '';
const attr = (xml: string, tag: string, name: string): string | undefined =>
  new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];
/** An on/off property: undefined when absent, else its value (`<w:b/>` is on). */
const onOff = (xml: string, tag: string): boolean | undefined => {
  const m = new RegExp(`<w:${tag}(?: w:val="([^"]*)")?\\s*/>`).exec(xml);
  if (!m) return undefined;
  return !(m[1] === 'false' || m[1] === '0' || m[1] === 'off');
};

/** The styles of styles.xml by id, and the document defaults' run and paragraph properties. */
export function readStyles(stylesXml: string): { styles: Map<string, StyleDef>; defaults: { rPr: string; pPr: string } } {
  const styles = new Map<string, StyleDef>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const head = m[1]!;
    const body = m[2]!;
    const id = /w:styleId="([^"]*)"/.exec(head)?.[1] ?? '';
    styles.set(id, {
      id,
      type: /w:type="([^"]*)"/.exec(head)?.[1] ?? '',
      name: attr(body, 'name', 'val') ?? '',
      basedOn: attr(body, 'basedOn', 'val'),
      pPr: inner(body, 'pPr'),
      rPr: inner(body, 'rPr'),
    });
  }
  const defaults = inner(stylesXml, 'docDefaults');
  return { styles, defaults: { rPr: inner(inner(defaults, 'rPrDefault'), 'rPr'), pPr: inner(inner(defaults, 'pPrDefault'), 'pPr') } };
}

/** A style and the styles it is based on, outermost first. */
function chain(styles: Map<string, StyleDef>, id: string): StyleDef[] {
  const out: StyleDef[] = [];
  for (let s = styles.get(id); s && !out.includes(s); s = s.basedOn ? styles.get(s.basedOn) : undefined) out.unshift(s);
  return out;
}

function applyP(e: Effective, pPr: string): void {
  const p = pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '');
  e.jc = attr(p, 'jc', 'val') ?? e.jc;
  e.firstLine = attr(p, 'ind', 'firstLine') ?? e.firstLine;
  e.before = attr(p, 'spacing', 'before') ?? e.before;
  e.after = attr(p, 'spacing', 'after') ?? e.after;
  e.line = attr(p, 'spacing', 'line') ?? e.line;
  e.outlineLevel = attr(p, 'outlineLvl', 'val') ?? e.outlineLevel;
  e.keepNext = onOff(p, 'keepNext') ?? e.keepNext;
}

function applyR(e: Effective, rPr: string): void {
  const sz = attr(rPr, 'sz', 'val');
  if (sz) e.size = Number(sz) / 2;
  e.bold = onOff(rPr, 'b') ?? e.bold;
  e.italic = onOff(rPr, 'i') ?? e.italic;
  e.caps = onOff(rPr, 'caps') ?? e.caps;
  e.color = attr(rPr, 'color', 'val') ?? e.color;
  e.font = attr(rPr, 'rFonts', 'ascii') ?? e.font;
}

/** The formatting of a `<w:p>` (and of its first text run) as Word resolves it. */
export function effective(paragraph: string, sheet: ReturnType<typeof readStyles>): Effective {
  const pPr = /^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? '';
  const styleId = attr(pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, ''), 'pStyle', 'val') ?? 'Normal';
  const e: Effective = { style: styleId, keepNext: false, bold: false, italic: false, caps: false };
  applyP(e, sheet.defaults.pPr);
  applyR(e, sheet.defaults.rPr);
  for (const s of chain(sheet.styles, styleId)) {
    applyP(e, s.pPr);
    applyR(e, s.rPr);
  }
  applyP(e, pPr);
  const run = [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => /<w:t[ >]/.test(r));
  if (run) applyR(e, inner(run, 'rPr'));
  return e;
}
