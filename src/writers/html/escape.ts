/**
 * HTML escaping for the writer: every text and attribute value that comes from the tree passes
 * through here, NFC-normalised, so no data can open a tag or close an attribute.
 */
import { nfc } from '../text.js';

const TEXT: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Readonly<Record<string, string>> = { ...TEXT, '"': '&quot;', "'": '&#39;' };

/** Text content: `&`, `<`, `>` escaped. */
export const escapeText = (s: string): string => nfc(s).replace(/[&<>]/g, (c) => TEXT[c]!);

/** A double-quoted attribute value: quotes escaped too. */
export const escapeAttr = (s: string): string => nfc(s).replace(/[&<>"']/g, (c) => ATTR[c]!);
