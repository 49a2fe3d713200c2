/**
 * The language of everything the CLI prints: messages, tables, help and usage errors. `--lang`
 * decides; without it, English only when the locale (LC_ALL, else LC_MESSAGES, else LANG — the
 * POSIX order) names English, Vietnamese otherwise, including `C`, `POSIX`, `C.UTF-8` and no
 * locale at all: the tool is made for Vietnamese offices.
 */
import type { Lang } from '../diagnostics/format.js';

export type { Lang };

export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'vi';
}

/** `--lang en` or `--lang=en` on the command line (before commander parses it). */
export function argvLang(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'vi' || v === 'en') return v;
  }
  return undefined;
}

/** Pick the text for `lang`: every message the CLI prints has both. */
export function say(lang: Lang, vi: string, en: string): string {
  return lang === 'en' ? en : vi;
}
