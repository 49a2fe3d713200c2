/**
 * Two of pdfkit's dependencies made cheaper to load, before pdfmake is required. Loading the PDF
 * stack is on the critical path of a cold build (the writer process has to be ready when the
 * tree arrives), and two libraries did work at load time that a report never needs:
 *
 * - `tiny-inflate`, a DEFLATE decoder in plain JavaScript, which `unicode-trie` runs on every
 *   Unicode property table fontkit and unicode-properties build when they load (some 40 ms cold):
 *   it is answered by Node's own zlib, which decodes the same raw DEFLATE streams to the same
 *   bytes, with the module's contract kept (fill `dest`, return it or its used prefix);
 * - `@noble/ciphers/aes` and `@noble/hashes/*`, used by pdfkit only to encrypt a PDF with a
 *   password, which baocao never sets; loading them built AES tables and Web Crypto (some
 *   25 ms): they are required on first use instead, through a stand-in that forwards every
 *   property read to the real module;
 * - `brotli/decompress.js`, which fontkit needs only to open a WOFF2 font and which unpacks its
 *   dictionary (a 750 kB source file) when it loads (some 20 ms): a function that requires it on
 *   first call;
 * - pdfmake's SVG and QR code support — its copy of svg-to-pdfkit (a 128 kB file), `xmldoc` with
 *   `sax`, and its QR encoder — which a report never uses: loaded on first use, like @noble
 *   (the QR encoder's stand-in says it is an ES module without loading it, as pdfmake asks).
 *
 * Only requests made from code under `node_modules/` are answered this way; our own code never
 * requires these ids. The substitution is installed once per process, when this module is first
 * imported: every module of this folder that requires a part of pdfmake imports it first.
 */
import { inflateRawSync } from 'node:zlib';
import Module from 'node:module';

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

/** tiny-inflate's contract: inflate `source` into `dest`; return `dest`, or a copy of its filled prefix. */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}

/**
 * A module whose real exports are required on the first property read; `known` answers reads
 * that must not load it (`__esModule`, which a transpiled `require` asks at once).
 */
function onFirstUse(request: string, load: () => object, known: Record<string, unknown> = {}): object {
  let real: object | undefined;
  const target = (): object => (real ??= load());
  return new Proxy({}, {
    get: (_t, key) => (real === undefined && typeof key === 'string' && key in known ? known[key] : Reflect.get(target(), key)),
    has: (_t, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d && { ...d, configurable: true };
    },
    set: () => { throw new TypeError(`${request} is read-only here`); },
  });
}

const LAZY = /^@noble\/(ciphers|hashes)\//;
/** Each exports one function (BrotliDecompressBuffer, SVGtoPDF). */
const FUNCTIONS = new Set(['brotli/decompress.js', 'pdfmake:./svg-to-pdfkit/source.js']);
/** pdfmake's QR encoder, an ES module (`__esModule`) whose `default` is read when a QR code is measured. */
const QR = 'pdfmake:./qrEnc.js';
const IN_PDFMAKE = /[\\/]pdfmake[\\/]js[\\/]/;
const IN_PACKAGES = /[\\/]node_modules[\\/]/;
let installed = false;

export function installLeanDeps(): void {
  if (installed) return;
  installed = true;
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function load(request, parent, isMain) {
    if (parent?.filename && IN_PACKAGES.test(parent.filename)) {
      if (request === 'tiny-inflate') return inflateInto;
      const real = () => original.call(this, request, parent, false);
      // A relative request names pdfmake's own file only when pdfmake makes it.
      const id = request.startsWith('.') && IN_PDFMAKE.test(parent.filename) ? `pdfmake:${request}` : request;
      if (LAZY.test(id) || id === 'xmldoc') return onFirstUse(request, real as () => object);
      if (id === QR) return onFirstUse(request, real as () => object, { __esModule: true });
      if (FUNCTIONS.has(id)) {
        let fn: ((...args: unknown[]) => unknown) | undefined;
        return (...args: unknown[]) => (fn ??= real() as typeof fn)!(...args);
      }
    }
    return original.call(this, request, parent, isMain);
  };
}

installLeanDeps();
