/**
 * The model as templates see it: every plain object and array is wrapped so that reading a
 * field it does not have throws, instead of yielding `undefined`. Handlebars' strict mode
 * already refuses `{{missing}}`, but a misspelt field given to a helper or a block —
 * `{{#if landClearence}}`, `{{#each projets}}` — would silently drop a whole section; with this
 * wrapper it is an error that names the field. Keys that exist with no value (an optional part
 * of the model) still read as `undefined`, so `{{#if}}` on them works as intended. Class
 * instances (Decimal) are passed through untouched; the probes Handlebars and the runtime make
 * for their own purposes (`toHTML`, `then`, symbols, …) are answered normally.
 */
export class MissingFieldError extends Error {
  constructor(readonly field: string) {
    super(`"${field}" not in the model`);
  }
}

const PROBES = new Set(['toHTML', 'then', 'toJSON', 'constructor', '__proto__', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'inspect', 'nodeType', 'length']);

function wrappable(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/**
 * Wrap `value` for one render. The proxies are cached per render (`wrapped`), so a template
 * comparing the same object twice sees the same proxy; nothing is kept between renders.
 */
export function strictModel<T>(value: T, wrapped: WeakMap<object, object> = new WeakMap()): T {
  if (!wrappable(value)) return value;
  const cached = wrapped.get(value);
  if (cached) return cached as T;
  const proxy = new Proxy(value, {
    get(target, prop) {
      // Every field a template reads passes here: a value that is there is answered at once
      // (found, so `prop in target`), and only an object or array is wrapped in its turn.
      const v: unknown = (target as Record<PropertyKey, unknown>)[prop];
      if (v !== undefined || typeof prop === 'symbol' || prop in target || PROBES.has(prop)) {
        return v !== null && typeof v === 'object' ? strictModel(v, wrapped) : v;
      }
      // An array read past its end is not a field name: leave it to the template's own checks.
      if (Array.isArray(target) && /^\d+$/.test(prop)) return undefined;
      throw new MissingFieldError(prop);
    },
  });
  wrapped.set(value, proxy);
  return proxy as T;
}
