// pdfmake's style lookup answered without allocating (src/writers/pdf/style-lookup.ts): it must
// give the original's answer on every stack, and fail loudly when a pdfmake upgrade changes the
// original. The stacks are generated: named styles that extend one another (in cycles too),
// override objects, items with their own style names, strings and sections.
import { describe, expect, it } from 'vitest';
import { STYLE_SOURCE_HASH, StyleContextStack, getStyleProperty, originalGetStyleProperty, styleSourceHash } from '../../../../src/writers/pdf/style-lookup.js';
import { random } from '../../../helpers/random.js';


const PROPERTIES = ['font', 'bold', 'fontSize', 'color', 'noWrap'];
const NAMES = ['a', 'b', 'c', 'd', 'missing'];

describe('the style lookup', () => {
  it('replaces the exact pdfmake code it was written against', () => {
    expect(styleSourceHash(), 'StyleContextStack changed: re-read getStyleProperty, getProperty and autopush, then update style-lookup.ts').toBe(STYLE_SOURCE_HASH);
  });

  it('answers as pdfmake does on generated stacks', () => {
    const rnd = random(20241130);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const value = (): unknown => pick([undefined, null, 0, false, '', 'x', 12, true]);
    const object = (): Record<string, unknown> => Object.fromEntries(PROPERTIES.filter(() => rnd() < 0.3).map((p) => [p, value()]));
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      const dictionary: Record<string, Record<string, unknown>> = {};
      for (const name of NAMES.slice(0, 4)) {
        if (rnd() < 0.2) continue;
        const style: Record<string, unknown> = object();
        if (rnd() < 0.5) style.extends = rnd() < 0.5 ? pick(NAMES) : [pick(NAMES), pick(NAMES)];
        dictionary[name] = style;
      }
      const stack = new StyleContextStack(dictionary, rnd() < 0.8 ? object() : null);
      const depth = Math.floor(rnd() * 5);
      for (let i = 0; i < depth; i++) stack.push(rnd() < 0.4 ? pick(NAMES) : object());
      const items: unknown[] = ['text', object(), { ...object(), style: pick(NAMES) }, { ...object(), style: [pick(NAMES), object(), pick(NAMES)] }, { section: true, style: pick(NAMES) }];
      for (const item of items) {
        for (const property of PROPERTIES) {
          const before = [...stack.styleOverrides];
          expect(getStyleProperty(item, stack, property, 'fallback')).toBe(originalGetStyleProperty(item, stack, property, 'fallback'));
          expect(getStyleProperty(item, null, property, 'fallback')).toBe(originalGetStyleProperty(item, null, property, 'fallback'));
          expect(stack.styleOverrides).toEqual(before);
          compared++;
        }
      }
    }
    expect(compared).toBe(400 * 5 * PROPERTIES.length);
  });
});
