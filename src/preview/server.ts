/**
 * The preview server: Node's own `http`, bound to 127.0.0.1 only (a free port unless one is
 * given), answering the few routes in routes.ts — the page, `/report` (the current render,
 * diagnostics and figure provenance as JSON), `/events` (Server-Sent Events announcing each new
 * version) and the fixed assets — and 404 for everything else. Requests whose Host header is not
 * the loopback address (DNS rebinding) are refused. chokidar watches the year's data folder and
 * the templates; changes are debounced (50 ms) and rebuilt one at a time, so a burst of saves
 * costs one or two compilations and the page updates within a few hundred milliseconds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { watch, type FSWatcher } from 'chokidar';
import { previewAssets } from './assets.js';
import { pageShell } from './page.js';
import { route } from './routes.js';
import { PreviewSession, type SessionOptions, type Snapshot } from './session.js';

export const LOOPBACK = '127.0.0.1';
const DEBOUNCE_MS = 50;
const HEARTBEAT_MS = 15_000;

export interface PreviewOptions extends SessionOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Page title. */
  title?: string;
  /** Called after every rebuild (the CLI prints a line). */
  onRebuild?: (snapshot: Snapshot) => void;
  /** Called when watching or a rebuild fails unexpectedly (the CLI prints it); the server keeps running. */
  onError?: (error: unknown) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  session: PreviewSession;
  /** Folders being watched. */
  watched: string[];
  /** Rebuild now (as a file change would). */
  rebuild(): Promise<Snapshot>;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Inline style attributes carry rule and column widths; scripts come only from /assets/.
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const session = new PreviewSession(options);
  const assets = previewAssets();
  const assetNames = new Set(assets.keys());
  const clients = new Set<http.ServerResponse>();
  let snapshot = await session.rebuild();

  // ---------- rebuilds: debounced, one at a time ----------
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Snapshot> | undefined;
  let pending = false;
  const rebuild = async (): Promise<Snapshot> => {
    if (running) {
      pending = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          pending = false;
          try {
            snapshot = await session.rebuild();
            broadcast(snapshot.version);
            options.onRebuild?.(snapshot);
          } catch (err) {
            options.onError?.(err);
          }
        } while (pending);
        return snapshot;
      } finally {
        // Cleared in the same step as the last check of `pending`, so no request can fall between.
        running = undefined;
      }
    })();
    return running;
  };
  // Once closing, no change schedules a rebuild: the watcher still reports while it closes (the
  // data folder may be going away), and a rebuild started then kept the process alive.
  let closed = false;
  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
  };

  function broadcast(version: number): void {
    for (const res of clients) res.write(`event: version\ndata: ${version}\n\n`);
  }

  // ---------- HTTP ----------
  let port = options.port ?? 0;
  const allowedHosts = (): Set<string> => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    const notFound = (): void => send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.\n');
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) {
      send(res, 421, 'text/plain; charset=utf-8', 'Máy chủ xem trước chỉ trả lời địa chỉ 127.0.0.1.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'Chỉ hỗ trợ GET.\n');
      return;
    }
    const r = route(req.url, assetNames);
    if (!r) return notFound();
    switch (r.kind) {
      case 'page':
        return send(res, 200, 'text/html; charset=utf-8', pageShell(snapshot, options.title ?? (options.lang === 'en' ? 'Report preview' : 'Xem trước báo cáo'), options.lang), req.method);
      case 'report':
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(snapshot), req.method);
      case 'events':
        return openStream(req, res);
      case 'asset': {
        const asset = assets.get(r.name);
        return asset ? send(res, 200, asset.type, asset.body(), req.method) : notFound();
      }
    }
  });

  function openStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(`retry: 500\nevent: version\ndata: ${snapshot.version}\n\n`);
    clients.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      clients.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  options.onRebuild?.(snapshot);

  // ---------- watching ----------
  const watched = [options.dataDir, session.templatesDir];
  const watcher: FSWatcher = watch(watched, { ignoreInitial: true, ignored: (p: string) => /(^|[/\\])\.[^/\\]*\.tmp$|~$|\.swp$/.test(p) });
  watcher.on('all', schedule);
  watcher.on('error', (err) => options.onError?.(err));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    session,
    watched,
    rebuild,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (running) await running.catch(() => undefined);
    },
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Uint8Array, method = 'GET'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': bytes.byteLength });
  res.end(method === 'HEAD' ? undefined : bytes);
}
