/**
 * A data file written in parts: `investment/01.yaml`, `investment/02.yaml`, … read in file-name
 * order as if they were one `investment.yaml`. A province's project list can outgrow what one
 * file may hold (the size limit, files.ts), and a list a hundred pages long is easier to keep in
 * pieces. The rule is simple enough to explain in one sentence: a top-level list continues in the
 * next part (its items are appended in order), every other top-level field is written in one part
 * only. Each part is a complete YAML file with its own schema modeline, so an editor checks it
 * as it is typed. Ids are unique across parts: the same `id` in two parts is an error naming both
 * places (within one part, the kind's own checks report it as for a single file). Positions stay
 * those of the part: a diagnostic on the 12,000th project points into the part that holds it.
 */
import type { Diagnostic, StageResult } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { keyPositionOf, positionOf, type SourceFile, type SourcePart } from './index.js';

/** Escape a key for a JSON pointer segment. */
const seg = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * One SourceFile from its parts (each already parsed; all sound). `folder` is the split file's
 * display path (`data/2024/investment`).
 */
export function mergeParts(name: string, folder: string, parts: readonly SourceFile[]): StageResult<SourceFile | null> {
  const diagnostics: Diagnostic[] = [];
  const data: Record<string, unknown> = {};
  const owner = new Map<string, SourceFile>();
  const merged: SourcePart[] = [];
  for (const part of parts) {
    const values = part.data as Record<string, unknown>;
    const lists = new Map<string, { from: number; length: number }>();
    for (const [key, value] of Object.entries(values)) {
      const first = owner.get(key);
      const soFar = data[key];
      if (!first) {
        owner.set(key, part);
        data[key] = Array.isArray(value) ? [...value] : value;
        if (Array.isArray(value)) lists.set(key, { from: 0, length: value.length });
      } else if (Array.isArray(value) && Array.isArray(soFar)) {
        lists.set(key, { from: soFar.length, length: value.length });
        for (const item of value) soFar.push(item);
      } else {
        diagnostics.push(makeDiagnostic('L060', keyPositionOf(part, '', key), { key, first: first.path, folder }));
      }
    }
    merged.push({ ...part.parts[0], lists, keys: new Set(Object.keys(values)) });
  }
  const file: SourceFile = { path: folder, name, text: '', data, parts: merged };
  if (diagnostics.length) return { value: null, diagnostics };
  diagnostics.push(...duplicateIds(file));
  return { value: diagnostics.length ? null : file, diagnostics };
}

/**
 * The same `id` at the same place of the record tree (`/areas/*\/projects/*`) in two parts: an
 * error at the later one, naming the first. Records inside one part are left to the kind's checks.
 */
function duplicateIds(file: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, { part: number; pointer: string }>();
  const visit = (value: unknown, pointer: string, shape: string, part: number): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${pointer}/${i}`, `${shape}/*`, part));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') {
      const key = `${shape}\u0000${id}`;
      const first = seen.get(key);
      if (!first) seen.set(key, { part, pointer });
      else if (first.part !== part) {
        const at = positionOf(file, `${first.pointer}/id`);
        out.push(makeDiagnostic('L061', positionOf(file, `${pointer}/id`), { id, other: `${at.file}:${at.line}:${at.column}` }));
      }
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'id' && typeof v === 'object') visit(v, `${pointer}/${seg(k)}`, `${shape}/${seg(k)}`, part);
  };
  file.parts.forEach((part, p) => {
    for (const [key, list] of part.lists ?? []) {
      const items = (file.data as Record<string, unknown[]>)[key];
      for (let i = list.from; i < list.from + list.length; i++) visit(items[i], `/${seg(key)}/${i}`, `/${seg(key)}/*`, p);
    }
  });
  return out;
}
