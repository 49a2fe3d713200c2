/**
 * The preview's assets: a fixed table of names, each with its content type and bytes — the four
 * Tinos fonts (read from the package on first request), the report stylesheet (the HTML
 * writer's CSS with @font-face rules pointing at those fonts), the preview's own stylesheet
 * (overlay, status chip, figure popover; screen only, so printing the page prints the report),
 * and the client script. Nothing outside this table can be served.
 */
import { readFileSync } from 'node:fs';
import { FONT_ASSETS, fontFaceCss, reportCss } from '../writers/html/index.js';
import { clientScript } from './client.js';

export interface Asset {
  type: string;
  body: () => Uint8Array | string;
}

const PREVIEW_CSS = `
@media screen {
  #report .figure { border-radius: 2px; cursor: help; transition: background-color 0.1s; }
  #report .figure:hover, #report .figure.active { background: #fde68a; box-shadow: 0 0 0 1px #d97706; }
  #status { position: fixed; right: 12px; bottom: 12px; z-index: 30; font: 13px/1.3 system-ui, sans-serif; padding: 6px 10px; border-radius: 14px; background: #1f2937; color: #fff; cursor: default; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  #status.ok { background: #166534; } #status.warning { background: #92400e; cursor: pointer; } #status.error { background: #b91c1c; } #status.lost { background: #4b5563; }
  #overlay { position: fixed; inset: 0; z-index: 20; background: rgba(17, 24, 39, 0.45); display: flex; align-items: flex-start; justify-content: center; padding: 6vh 16px; overflow: auto; }
  #overlay[hidden] { display: none; }
  #overlay .panel { width: min(900px, 100%); background: #fff; border-top: 6px solid #b91c1c; border-radius: 6px; box-shadow: 0 8px 30px rgba(0,0,0,.35); font: 14px/1.45 system-ui, sans-serif; color: #111827; }
  body:not(.has-errors) #overlay .panel { border-top-color: #d97706; }
  #overlay .panel-head { display: flex; gap: 12px; align-items: center; justify-content: space-between; padding: 12px 16px; font-weight: 600; border-bottom: 1px solid #e5e7eb; }
  #overlay .diagnostics { margin: 0; padding: 8px 16px 12px 36px; }
  #overlay .diagnostic { margin: 8px 0; }
  #overlay .where { font-family: ui-monospace, monospace; font-size: 13px; color: #1d4ed8; }
  #overlay .code { font-weight: 700; margin-right: 2px; }
  #overlay .error .code { color: #b91c1c; } #overlay .warning .code { color: #b45309; }
  #overlay .hint { color: #4b5563; font-size: 13px; }
  #popover { position: absolute; z-index: 25; box-sizing: border-box; background: #fff; color: #111827; font: 13px/1.45 system-ui, sans-serif; border: 1px solid #d1d5db; border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.25); padding: 10px 12px; }
  #popover[hidden] { display: none; }
  #popover .pv-label { font-weight: 600; } #popover .pv-value { margin: 2px 0 4px; }
  #popover .pv-formula, #popover .pv-check { color: #374151; } #popover .pv-check.bad { color: #b91c1c; }
  #popover .pv-head { margin-top: 4px; font-weight: 600; }
  #popover .pv-sources { margin: 2px 0 0; padding-left: 18px; max-height: 40vh; overflow: auto; }
  #popover .pv-at { color: #1d4ed8; } #popover .pv-id { margin-top: 6px; color: #6b7280; font-family: ui-monospace, monospace; font-size: 12px; }
}
@media print { #status, #overlay, #popover { display: none !important; } }
`.trim();

function fontAssets(): [string, Asset][] {
  return FONT_ASSETS.map((f) => [f.name, { type: 'font/ttf', body: () => readFileSync(f.path) }]);
}

/** Every asset the preview serves, by name (`/assets/<name>`). */
export function previewAssets(): ReadonlyMap<string, Asset> {
  return new Map<string, Asset>([
    ...fontAssets(),
    ['report.css', { type: 'text/css; charset=utf-8', body: () => `${fontFaceCss({ baseUrl: '/assets/' })}\n${reportCss()}\n` }],
    ['preview.css', { type: 'text/css; charset=utf-8', body: () => PREVIEW_CSS }],
    ['preview.js', { type: 'text/javascript; charset=utf-8', body: () => clientScript() }],
  ]);
}
