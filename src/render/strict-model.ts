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

const wrapped = new WeakMap<object, object>();

/**
 * The last field read that exists but holds nothing. Handlebars prints a value right after
 * reading it, so when printing a blank is refused this names the field, and so its line.
 */
let lastEmpty: string | undefined;
export function lastEmptyField(): string | undefined {
  return lastEmpty;
}

function wrappable(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

export function strictModel<T>(value: T): T {
  if (!wrappable(value)) return value;
  const cached = wrapped.get(value);
  if (cached) return cached as T;
  const proxy = new Proxy(value, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target || PROBES.has(prop)) {
        const value = Reflect.get(target, prop, receiver);
        if (value === undefined || value === null) lastEmpty = String(prop);
        return strictModel(value);
      }
      // An array read past its end is not a field name: leave it to the template's own checks.
      if (Array.isArray(target) && /^\d+$/.test(prop)) return undefined;
      throw new MissingFieldError(prop);
    },
  });
  wrapped.set(value, proxy);
  return proxy as T;
}
