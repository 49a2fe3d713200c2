/**
 * The page shell the preview serves at `/`: the report's stylesheet and fonts from `/assets/`,
 * the current sheets inline (so the first paint needs no second request), the overlay, popover
 * and status elements the client script fills, and the script itself. The version of the
 * embedded render rides on <body> so the script knows what it shows.
 */
import { escapeAttr, escapeText } from '../writers/html/escape.js';
import type { Snapshot } from './session.js';

export function pageShell(snapshot: Snapshot, title: string, lang: 'vi' | 'en' = 'vi'): string {
  const none = lang === 'en' ? 'The report could not be built: see the errors.' : 'Chưa dựng được báo cáo: xem các lỗi.';
  const body = snapshot.html ?? `<div class="baocao"><section class="sheet portrait"><p class="p">${none}</p></section></div>`;
  return [
    '<!DOCTYPE html>',
    // The language of the tool's own words (the script reads it); the report itself is Vietnamese.
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    '<link rel="icon" href="data:,">',
    '<link rel="stylesheet" href="/assets/report.css">',
    '<link rel="stylesheet" href="/assets/preview.css">',
    '</head>',
    `<body class="baocao-desk" data-version="${escapeAttr(String(snapshot.version))}">`,
    `<div id="report">${body}</div>`,
    '<div id="overlay" hidden></div>',
    '<div id="popover" hidden role="tooltip"></div>',
    '<div id="status" class="status" role="status" aria-live="polite"></div>',
    '<script src="/assets/preview.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
