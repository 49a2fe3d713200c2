/**
 * Small shared pieces of the helpers: SafeString construction (helper output is markup, already
 * escaped) and argument checks that turn a template mistake into a clear error.
 */
import Handlebars from 'handlebars';
import type { Figure } from '../../aggregate/index.js';

export function safe(markup: string): unknown {
  return new Handlebars.SafeString(markup);
}

export function expectFigure(f: unknown, helper: string, kind?: Figure['kind']): Figure {
  if (!f || typeof f !== 'object' || !('kind' in f) || !('id' in f)) {
    throw new Error(`helper "${helper}" cần một số liệu (figure) của mô hình, nhận được ${describe(f)}`);
  }
  const figure = f as Figure;
  if (kind && figure.kind !== kind) {
    throw new Error(`helper "${helper}" cần số liệu loại ${kind}, nhận được loại ${figure.kind} (${figure.id})`);
  }
  return figure;
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'một đối tượng' : JSON.stringify(v);
}
