/**
 * pdfmake's style lookup, answered without allocating. `StyleContextStack.getStyleProperty` runs
 * some twenty times for every word pdfmake measures (font, bold, italics, size, colour, …), and
 * each call pushed the item and its style names onto the stack, made a callback closure and,
 * for every named style on the stack, a closure and a `Set`: it was the single costliest
 * function of laying out the seed report, with the garbage it left. `getStyleProperty` below
 * gives the same answer by the same rules, read in the same order — the item's own value; then,
 * unless the item is a string or a section, its style names from the last; then the stack from
 * its top (a named style through its `extends`, each name visited once; an override object by
 * its own value); then the default style; else the caller's default — without touching the
 * stack. tests/unit/writers/pdf/style-lookup.test.ts checks it against the original on
 * generated stacks, and `STYLE_SOURCE_HASH` fails that test when a pdfmake upgrade changes the
 * original.
 */
import './lean-deps.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's internals have no types */
type Any = any;

/** The sha-256 of `getStyleProperty`'s, `getProperty`'s and `autopush`'s source in pdfmake 0.3.11 (js/StyleContextStack.js). */
export const STYLE_SOURCE_HASH = 'fa4b197605ea3198da7736f4756e088e4de9f271f20d9b57b40849a4d8cd1e07';

export const StyleContextStack: Any = require('pdfmake/js/StyleContextStack.js').default;
export const originalGetStyleProperty: (item: Any, stack: Any, property: string, fallback: Any) => Any = StyleContextStack.getStyleProperty;

export function styleSourceHash(): string {
  return createHash('sha256').update(String(originalGetStyleProperty)).update('\0').update(String(StyleContextStack.prototype.getProperty)).update('\0').update(String(StyleContextStack.prototype.autopush)).digest('hex');
}

const isValue = (v: unknown): boolean => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

/** A named style's value, through its `extends` (last parent first), each name visited once. */
function fromStyle(dictionary: Any, name: Any, property: string, visited: Set<unknown> | undefined): Any {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<unknown>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromStyle(dictionary, parents[i], property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One entry of the stack: a style name, or an object of overrides. */
function fromEntry(dictionary: Any, entry: Any, property: string): Any {
  return isString(entry) ? fromStyle(dictionary, entry, property, undefined) : entry[property];
}

export function getStyleProperty(item: Any, stack: Any, property: string, fallback: Any): Any {
  if (isValue(item[property])) return item[property];
  if (!stack) return fallback;
  const dictionary = stack.styleDictionary;
  let value: Any;
  if (!isString(item) && item.section === undefined && item.style) {
    const names = Array.isArray(item.style) ? item.style : [item.style];
    for (let i = names.length - 1; i >= 0; i--) if (isValue((value = fromEntry(dictionary, names[i], property)))) return value;
  }
  const overrides = stack.styleOverrides;
  if (overrides) for (let i = overrides.length - 1; i >= 0; i--) if (isValue((value = fromEntry(dictionary, overrides[i], property)))) return value;
  value = stack.defaultStyle && stack.defaultStyle[property];
  return isValue(value) ? value : fallback;
}

/** Install once; pdfmake's classes call the static through the class, so every caller gets it. */
export function installStyleLookup(): void {
  StyleContextStack.getStyleProperty = getStyleProperty;
}
