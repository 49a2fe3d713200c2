/**
 * The preview's routes and the guard in front of them. The server answers only a fixed set of
 * paths — the page, the current render, the event stream and a fixed list of asset names — so
 * no request can name a file on disk. Before routing, a path is refused outright if it carries
 * any trick that could mean something else to some layer: a `..` or `.` segment, an encoded dot,
 * slash or backslash (`%2e`, `%2f`, `%5c`, in any case, even double-encoded), a raw backslash,
 * a NUL or other control character, or an encoding that does not decode. Refused and unknown
 * paths both get a plain 404.
 */

export type Route =
  | { kind: 'page' }
  | { kind: 'report' }
  | { kind: 'events' }
  | { kind: 'asset'; name: string };

/** Percent-encodings that must never appear: dot, slash, backslash, percent itself (double encoding), NUL. */
const ENCODED_TRICK = /%(2e|2f|5c|25|00)/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The path of a request URL if it is clean, else null (the caller answers 404). */
export function cleanPath(rawUrl: string | undefined): string | null {
  if (!rawUrl || !rawUrl.startsWith('/')) return null;
  const raw = rawUrl.split(/[?#]/, 1)[0]!;
  if (raw.includes('\\') || ENCODED_TRICK.test(raw) || CONTROL.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || CONTROL.test(decoded) || decoded.includes('//')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('..'))) return null;
  return decoded;
}

/** The route for a request URL, or null for anything the preview does not serve. */
export function route(rawUrl: string | undefined, assets: ReadonlySet<string>): Route | null {
  const path = cleanPath(rawUrl);
  if (path === null) return null;
  if (path === '/') return { kind: 'page' };
  if (path === '/report') return { kind: 'report' };
  if (path === '/events') return { kind: 'events' };
  const asset = /^\/assets\/([a-z0-9][a-z0-9.-]*)$/.exec(path);
  if (asset && assets.has(asset[1]!)) return { kind: 'asset', name: asset[1]! };
  return null;
}
