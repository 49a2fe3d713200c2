/**
 * The fonts the PDF embeds: the four Tinos TTFs from @expo-google-fonts/tinos (Times New Roman
 * metrics, every Vietnamese letter), resolved as plain files — never through the package's
 * index.js, which is React Native code. They are registered under 'Tinos' and, for trees or
 * styles that name it, 'Times New Roman'; the access policies let pdfmake read these four files
 * and nothing else, local or remote.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { FONT } from '../theme.js';

const require = createRequire(import.meta.url);
const file = (weight: string): string => require.resolve(`@expo-google-fonts/tinos/${weight}/Tinos_${weight}.ttf`);

export const TINOS = {
  normal: file('400Regular'),
  bold: file('700Bold'),
  italics: file('400Regular_Italic'),
  bolditalics: file('700Bold_Italic'),
} as const;

export const FONTS = { [FONT.pdfFamily]: TINOS, [FONT.family]: TINOS };

const allowed = new Set(Object.values(TINOS).map((p) => resolve(p)));

/** pdfmake's local access policy: only the four font files. */
export const isAllowedFontPath = (path: string): boolean => allowed.has(resolve(path));
