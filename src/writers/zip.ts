/**
 * The zip package of the Office formats (DOCX, XLSX), deterministic: entries in the order given,
 * each stamped with the document's date instead of the time of the build, deflated by fflate
 * (pure JavaScript, so the bytes do not depend on the machine's zlib).
 */
import { zipSync, type Zippable } from 'fflate';

/** `files` zipped with every entry's modification time set to the calendar day of `date`. */
export function zipPackage(files: Readonly<Record<string, Uint8Array>>, date: Date): Uint8Array {
  const mtime = zipTime(date);
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime }];
  return zipSync(entries);
}

/**
 * Zip entries store local wall-clock time; building the Date from the document date's calendar
 * fields in local time makes fflate write the same DOS timestamp in every time zone.
 */
function zipTime(date: Date): Date {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), 0, 0, 0);
}
