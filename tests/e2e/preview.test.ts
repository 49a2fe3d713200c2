// `report preview` end to end: the real CLI serving a copy of data/2024, driven by Debian's
// Chromium through playwright-core (never a downloaded browser). A saved change shows up on the
// page (within 1 s: measured by `npm run bench`) with the new figure and the new total; a broken file brings up the overlay
// with its file:line while the last good render stays; fixing it removes the overlay. The
// server answers only its own routes on 127.0.0.1: path tricks get 404, other addresses refuse.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CLI, ROOT, runCli } from '../helpers/outputs.js';
import { chromiumPath, describeWithTool } from '../helpers/tools.js';

const CHROMIUM = chromiumPath();
const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

let work: string;
let server: ChildProcess;
let url: string;
let port: number;
let stderr = '';
let investmentFile: string;
let original: string;

/** A GET with the path sent exactly as written (no normalisation by the client). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether a TCP connection to address:port succeeds. */
function reachable(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'baocao-preview-'));
  cpSync(path.join(ROOT, 'data', '2024'), path.join(work, 'data', '2024'), { recursive: true });
  investmentFile = path.join(work, 'data', '2024', 'investment.yaml');
  original = readFileSync(investmentFile, 'utf8');
  server = spawn(process.execPath, [CLI, 'preview', '2024'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}${stderr}`)), 30_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Xem trước: (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    server.once('exit', (code) => { clearTimeout(timer); reject(new Error(`preview exited with ${code}: ${stderr}`)); });
  });
  port = Number(new URL(url).port);
});

afterAll(async () => {
  // Stop the server and wait until it has exited (SIGKILL if it ignores SIGTERM), so no preview
  // process outlives the test run.
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('report preview: the server', () => {
  it('prints a loopback URL on a free port', () => {
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(port).toBeGreaterThan(0);
  });

  it('serves the page, the current render, the fonts and its script', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<span class="figure" data-figure="investment.allocated">');
    const report = JSON.parse((await get('/report')).body.toString()) as { ok: boolean; html: string; figures: Record<string, unknown> };
    expect(report.ok).toBe(true);
    expect(report.figures['investment.allocated']).toBeDefined();
    const font = await get('/assets/tinos-400.ttf');
    expect(font.status).toBe(200);
    expect(font.type).toBe('font/ttf');
    expect(font.body.byteLength).toBeGreaterThan(100_000);
    expect((await get('/assets/preview.js')).status).toBe(200);
  });

  it('answers 404 to path tricks and to anything that is not its own', async () => {
    const tricks = [
      '/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/%2E%2E/package.json', '/%2e%2e%2fpackage.json',
      '/.%2e/package.json', '/%2e./package.json', '/assets/../package.json', '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/%252e%252e%252fpackage.json',
      '/..\\package.json', '/assets/..\\..\\package.json', '/assets/%5c..%5cpackage.json', '/%c0%ae%c0%ae/package.json',
      '/assets/tinos-400.ttf/../../package.json', '/assets/./preview.js', '//etc/passwd', '/package.json',
      '/data/2024/investment.yaml', '/src/cli/main.ts', '/assets/', '/assets/report.css%00.js', '/figure/../package.json',
    ];
    for (const trick of tricks) {
      const r = await get(trick);
      expect(r.status, trick).toBe(404);
      expect(r.body.toString(), trick).not.toContain('"name": "baocao"');
    }
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect((await get('/', { Host: `evil.example:${port}` })).status).toBe(421);
  });

  it('is not reachable on any address but 127.0.0.1', async () => {
    const others = Object.values(os.networkInterfaces()).flat()
      .filter((a): a is os.NetworkInterfaceInfo => Boolean(a) && !a!.internal)
      .map((a) => a.address);
    for (const address of [...others, '127.0.0.2', '::1']) {
      expect(await reachable(address), address).toBe(false);
    }
    expect(await reachable('127.0.0.1')).toBe(true);
  });
});

describeWithTool('chromium')('report preview: in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const line = (): number => original.slice(0, original.indexOf('allocation: 11.700 triệu đồng')).split('\n').length;
  const figure = (id: string): string => `.sheet.landscape .figure[data-figure="${id}"]`;

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'baocao-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows the report on A4 sheets in Tinos, with the appendix on a landscape sheet', async () => {
    expect(original).toContain('allocation: 11.700 triệu đồng');
    await expect.poll(() => page.locator(figure('investment.allocated')).textContent()).toBe('554.467');
    const layout = await page.evaluate(() => {
      const portrait = document.querySelector('.sheet.portrait')!.getBoundingClientRect();
      const landscape = document.querySelector('.sheet.landscape')!.getBoundingClientRect();
      const body = getComputedStyle(document.querySelector('.sheet .p')!);
      return { portrait: portrait.width, landscape: landscape.width, font: body.fontFamily, size: body.fontSize, tinos: document.fonts.check('14pt Tinos') };
    });
    expect(layout.portrait).toBeCloseTo((210 / 25.4) * 96, 0);
    expect(layout.landscape).toBeCloseTo((297 / 25.4) * 96, 0);
    expect(layout.font).toMatch(/^"?Tinos/);
    expect(parseFloat(layout.size)).toBeCloseTo((14 * 96) / 72, 2);
    expect(layout.tinos).toBe(true);
  });

  it('shows a changed figure and the new total after a save, keeping the scroll position', async () => {
    await page.locator('.sheet.landscape').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);
    writeFileSync(investmentFile, original.replace('allocation: 11.700 triệu đồng', 'allocation: 12.700 triệu đồng'));
    // How fast (goal: within 1 s of the save) is measured by `npm run bench`, not here.
    await page.waitForFunction(
      ([project, total]) => document.querySelector(project!)?.textContent === '12.700' && document.querySelector(total!)?.textContent === '555.467',
      [figure('investment.project.via-he-an-lao'), figure('investment.allocated')],
      { timeout: 20000, polling: 'raf' },
    );
    expect(await page.locator(figure('investment.area.chinh-trang-do-thi')).textContent()).toBe('60.370');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });

  it('shows the overlay with the broken line, over the last good render', async () => {
    writeFileSync(investmentFile, original.replace('allocation: 11.700 triệu đồng', 'allocation: 12.700 triệu đồng: sai'));
    const overlay = page.locator('#overlay');
    await overlay.waitFor({ state: 'visible', timeout: 5000 });
    const text = await overlay.innerText();
    expect(text).toContain(`data/2024/investment.yaml:${line()}:`);
    expect(text).toMatch(/lỗi L004 /);
    expect(text).toContain('gợi ý:');
    expect(await page.locator(figure('investment.allocated')).textContent()).toBe('555.467');
  });

  it('removes the overlay once the file is fixed', async () => {
    writeFileSync(investmentFile, original.replace('allocation: 11.700 triệu đồng', 'allocation: 12.700 triệu đồng'));
    await page.locator('#overlay').waitFor({ state: 'hidden', timeout: 5000 });
    expect(await page.locator(figure('investment.allocated')).textContent()).toBe('555.467');
  });

  it('explains a figure on hover, as report explain does', async () => {
    await page.locator(figure('investment.allocated')).hover();
    const popover = page.locator('#popover');
    await popover.waitFor({ state: 'visible', timeout: 5000 });
    const text = await popover.innerText();
    expect(text).toContain('555.467 triệu đồng');
    expect(text).toContain('cách tính:');
    expect(text).toMatch(/data\/2024\/investment\.yaml:\d+:\d+/);
    const explained = runCli(['explain', '2024', 'investment.allocated'], { cwd: work });
    expect(explained.status, explained.stderr).toBe(0);
    expect(await popover.getAttribute('title')).toBe(explained.stdout.trim());
  });
});

// Stopping while the watched folder is being removed (a CI job cleaning up right after Ctrl+C):
// chokidar may leave a native watcher open; the command must exit all the same. The race is won
// only some of the time, hence several rounds.
describe('report preview: stopping', () => {
  it('exits after SIGTERM even when its data folder is removed at once', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-preview-stop-'));
      cpSync(path.join(ROOT, 'data/2024'), path.join(dir, 'data/2024'), { recursive: true });
      const child = spawn(process.execPath, [CLI, 'preview', '2024'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        for (let i = 0; i < 100 && !/Ctrl\+C/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
        const file = path.join(dir, 'data/2024/investment.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('allocation: 11.700 triệu đồng', 'allocation: 11.701 triệu đồng'));
        for (let i = 0; i < 100 && !/đã cập nhật/.test(out.slice(out.indexOf('Ctrl+C'))); i++) await new Promise((r) => setTimeout(r, 50));
        child.kill('SIGTERM');
        rmSync(dir, { recursive: true, force: true });
        const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 5 s'), 5000))]);
        expect(code, `round ${round}`).toBe(0);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);
});
