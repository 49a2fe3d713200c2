// Background writers: the PDF written in a child process (after its warm-up document) is byte
// for byte the PDF written in this process — the child changes when the work happens, not the
// output. The child runs compiled JavaScript, so this test uses dist/ (built by `npm ci`).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CompileModule from '../../../src/pipeline/compile.js';
import type * as BackgroundModule from '../../../src/writers/background.js';
import type * as CollectModule from '../../../src/writers/collect.js';

const ROOT = path.resolve(__dirname, '../../..');
/** A module of the compiled tool, typed by its source. */
const fromDist = (file: string): Promise<unknown> => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
const { compile } = (await fromDist('pipeline/compile.js')) as typeof CompileModule;
const { startWriters, writeAll, childEnvironment, StderrRelay } = (await fromDist('writers/background.js')) as typeof BackgroundModule;
const { collectGarbage } = (await fromDist('writers/collect.js')) as typeof CollectModule;

describe('background writers', () => {
  // Node 20 parses NODE_EXTRA_CA_CERTS at every start; the writer never connects anywhere.
  it('start the child without NODE_EXTRA_CA_CERTS, with the rest of the environment', () => {
    const env = { NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', NODE_OPTIONS: '--max-old-space-size=4096', LANG: 'vi_VN.UTF-8' };
    expect(childEnvironment(env)).toEqual({ NODE_OPTIONS: '--max-old-space-size=4096', LANG: 'vi_VN.UTF-8' });
    expect(env.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
  });

  // V8 prints twenty lines of GC log and native stack before it aborts on a full heap; the CLI
  // says C120 instead. Anything else the child prints is passed on.
  it('pass on what the child prints, except V8\'s report of a full heap when it is then stopped', () => {
    const report = '\n<--- Last few GCs --->\n\n[1:0x1]  15702 ms: Mark-Compact (reduce) 298.4 -> 297.5 MB\n';
    const fatal = 'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler\n';
    const run = (chunks: string[], stopped: boolean) => {
      const out: string[] = [];
      const relay = new StderrRelay((t) => out.push(t));
      for (const c of chunks) relay.data(c);
      relay.end(stopped);
      return out.join('');
    };
    expect(run(['(node:7) Warning: something\n'], false)).toBe('(node:7) Warning: something\n');
    expect(run(['(node:7) Warning: before\n', report, fatal], true)).toBe('(node:7) Warning: before\n');
    expect(run([fatal], true)).toBe('');
    expect(run([report, 'more\n'], false)).toBe(`${report}more\n`);
  });

  it('write the same bytes in a child process and in-process, in the order asked', async () => {
    const c = await compile({ dataDir: path.join(ROOT, 'data/2024'), cwd: ROOT });
    const background = await writeAll(startWriters(['docx', 'pdf'], new Set(['pdf'])), c.tree!);
    const here = await writeAll(startWriters(['docx', 'pdf'], new Set()), c.tree!);
    expect(background.map((r) => r.diagnostics)).toEqual([[], []]);
    expect(Buffer.from(background[0].value).subarray(0, 2).toString()).toBe('PK');
    expect(Buffer.from(background[1].value).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(background[1].value).equals(Buffer.from(here[1].value))).toBe(true);
    expect(Buffer.from(background[0].value).equals(Buffer.from(here[0].value))).toBe(true);
  });

  // A process that has handed its tree to the PDF writer's child only waits: it must not hold the
  // tree (at 10,000 projects the build's heap would stay beside the child's to the end).
  it('let go of the tree once it is sent to the child', async () => {
    const c = await compile({ dataDir: path.join(ROOT, 'data/2024'), cwd: ROOT });
    let tree = c.tree;
    c.tree = null;
    const sent = new WeakRef(tree!);
    const writing = writeAll(startWriters(['pdf'], new Set(['pdf'])), tree!);
    tree = null;
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage(0);
    expect(sent.deref()).toBeUndefined();
    const [pdf] = await writing;
    expect(Buffer.from(pdf!.value).subarray(0, 5).toString()).toBe('%PDF-');
  });

  // The child lets go of the tree once its definition is made: pdfmake keeps nothing of it.
  it('the PDF writer keeps nothing of the tree once it is laid out', async () => {
    const { writePdf } = (await fromDist('writers/pdf/index.js')) as { writePdf: (root: object) => Promise<unknown> };
    const c = await compile({ dataDir: path.join(ROOT, 'data/2024'), cwd: ROOT });
    const laidOut = new WeakRef(c.tree!);
    const writing = writePdf(c.tree!);
    c.tree = null;
    await writing;
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage(0);
    expect(laidOut.deref()).toBeUndefined();
  });
});
