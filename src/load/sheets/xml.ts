/**
 * The few XML operations the spreadsheet reader needs, on text: the elements of one name with
 * their attributes and bodies, an attribute's value, entity decoding. OOXML parts written by
 * Excel, LibreOffice and the usual libraries are flat and regular enough for this; a namespace
 * prefix on element names (`<x:c>`) is accepted.
 */

export interface XmlElement {
  /** The opening tag's attribute text. */
  open: string;
  /** Everything between the opening and closing tag ('' for an empty element). */
  body: string;
}

const patterns = new Map<string, RegExp>();

/** Every `<name …>…</name>` and `<name …/>`, in document order (not nested in each other). */
export function elements(xml: string, name: string): XmlElement[] {
  let re = patterns.get(name);
  if (!re) {
    re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, 'g');
    patterns.set(name, re);
  }
  const out: XmlElement[] = [];
  for (const m of xml.matchAll(re)) out.push({ open: m[1] ?? '', body: m[2] ?? '' });
  return out;
}

/** The value of attribute `name` in an opening tag's text, entities decoded. */
export function attr(open: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(open);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** The text of every `<t>` inside a body (inline strings, rich text). */
export function innerText(body: string): string {
  return elements(body, 't').map((t) => decodeXml(t.body)).join('');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return NAMED[e] ?? all;
    })
    // Excel escapes characters XML cannot hold as _xHHHH_ in strings.
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
