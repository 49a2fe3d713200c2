/**
 * Figure ids from the data, shared by the content rules (V613: two figures that would share an
 * id) and by aggregation (which names every figure): `<file>:<nearest id>.<figure name>`, where
 * the nearest id is that of the block or list item holding the figure, else its section's id,
 * else the section's title as a slug — never a position, so inserting a paragraph leaves the
 * other figures' ids as they were and `report diff` shows only the new ones.
 */
/**
 * A section title as an id part when the data gives none: `Về kinh tế` → `ve-kinh-te`. Years
 * (written, or as `{year}` tokens) are left out, so the same section of next year's report —
 * "… năm {year}" printing 2026 — keeps the ids of this year's and `report diff` pairs them.
 */
export function slugOf(title: string): string {
  return title.replace(/\{[^{}]*\}/g, ' ').replace(/(?<!\d)(19|20)\d{2}(?!\d)/g, ' ').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

/** The file part of a scope (`noi-dung:ket-qua` → `noi-dung`). */
export function fileOf(scope: string): string {
  return scope.slice(0, scope.indexOf(':'));
}

/** `<file>:<nearest id>.<figure name>`, or `<file>:<figure name>` at the top of a file. */
export function figureId(scope: string, name: string): string {
  return scope.endsWith(':') ? `${scope}${name}` : `${scope}.${name}`;
}
