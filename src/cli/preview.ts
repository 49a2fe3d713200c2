/**
 * `report preview <year> [--port n] [--open]`: serve the report as HTML on 127.0.0.1, rebuilt on
 * every save under `data/<year>/` and the templates, and print the URL. One line per rebuild
 * (time, how long it took, errors and warnings); Ctrl+C stops the server. `--open` asks the
 * desktop to open the URL in the default browser.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Lang } from '../diagnostics/format.js';
import { formatText } from '../diagnostics/format.js';
import type { PreviewServer } from '../preview/server.js';
import type { Snapshot } from '../preview/session.js';
import { resolveDataDir, UsageError } from './io.js';
import type { GlobalOptions } from './run.js';

export interface PreviewOptions extends GlobalOptions {
  port?: string;
  open?: boolean;
  draft?: boolean;
}

export function parsePort(port: string | undefined): number {
  if (port === undefined) return 0;
  const n = Number(port);
  if (!/^\d{1,5}$/.test(port.trim()) || !Number.isInteger(n) || n > 65535) {
    throw new UsageError(`--port "${port}" không hợp lệ: cần một số từ 1 đến 65535 (bỏ trống để dùng cổng trống bất kỳ)`, `--port "${port}" is invalid: give a number from 1 to 65535 (or leave it out for any free port)`);
  }
  return n;
}

const clock = (): string => new Date().toTimeString().slice(0, 8);

function rebuildLine(s: Snapshot, lang: Lang): string {
  const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = s.diagnostics.filter((d) => d.severity === 'warning').length;
  const en = lang === 'en';
  const result = errors
    ? (en ? `${errors} error(s) — the page keeps the last good build` : `${errors} lỗi — trang giữ bản dựng tốt gần nhất`)
    : (en ? 'updated' : 'đã cập nhật');
  const text = `[${clock()}] ${result} (${s.took} ms)${warnings ? (en ? `, ${warnings} warning(s)` : `, ${warnings} cảnh báo`) : ''}`;
  if (!errors) return text;
  const list = formatText(s.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d })), lang);
  return `${text}\n${list}`;
}

/** Open a URL in the desktop's browser; failure only prints a hint. */
function openBrowser(url: string, lang: Lang): void {
  const failed = lang === 'en' ? `Could not open a browser; open ${url}\n` : `Không mở được trình duyệt; hãy mở ${url}\n`;
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]]
      : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(failed));
    child.unref();
  } catch {
    process.stderr.write(failed);
  }
}

export async function previewCommand(year: string, opts: PreviewOptions): Promise<void> {
  const cwd = process.cwd();
  const port = parsePort(opts.port);
  const { dir, year: y } = resolveDataDir(year, opts.data, cwd);
  const { startPreview } = await import('../preview/server.js');
  let server: PreviewServer;
  try {
    server = await startPreview({
      dataDir: dir,
      cwd,
      templatesDir: opts.templates ? path.resolve(cwd, opts.templates) : undefined,
      strict: opts.strict,
      lang: opts.lang,
      compile: { draft: opts.draft },
      port,
      title: opts.lang === 'en' ? `Report preview ${y}` : `Xem trước báo cáo ${y}`,
      onRebuild: (s) => process.stdout.write(`${rebuildLine(s, opts.lang)}\n`),
      onError: (err) => process.stderr.write(`report preview: ${(err as Error)?.message ?? String(err)}\n`),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`cổng ${port} đang được dùng; chọn cổng khác bằng --port hoặc bỏ --port để dùng cổng trống`, `port ${port} is in use; choose another with --port, or leave --port out for a free one`);
    if (code === 'EACCES') throw new UsageError(`không được phép mở cổng ${port}; chọn cổng trên 1024`, `not allowed to open port ${port}; choose a port above 1024`);
    throw err;
  }
  const rel = (p: string): string => {
    const r = path.relative(cwd, p);
    return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
  };
  if (opts.lang === 'en') {
    process.stdout.write(`Preview: ${server.url}\n`);
    process.stdout.write(`Watching ${server.watched.map(rel).join(' and ')} — saving a file refreshes the page. Ctrl+C to stop.\n`);
  } else {
    process.stdout.write(`Xem trước: ${server.url}\n`);
    process.stdout.write(`Đang theo dõi ${server.watched.map(rel).join(' và ')} — lưu tệp là trang tự cập nhật. Ctrl+C để dừng.\n`);
  }
  if (opts.open) openBrowser(server.url, opts.lang);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.exitCode = 0;
  // Everything is closed. chokidar can still leave a native watcher open when a watched folder is
  // removed while it closes (seen when the folder is deleted right after Ctrl+C): such a straggler
  // must not keep the command alive. The timer does not hold the process itself (unref).
  setTimeout(() => process.exit(), 500).unref();
}
