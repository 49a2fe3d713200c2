/**
 * A `report build --all` worker thread: takes one year's build job at a time from the main
 * thread, runs it exactly as `report build <year>` would (skip check, compile, write), and posts
 * back the result with the messages it would have printed, so the main thread can print one
 * summary line per year without interleaving.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { runBuild, type BuildJob, type BuildResult } from './build.js';
import { MachineError, UsageError, incompleteInstall } from './io.js';

export interface WorkerReply {
  result: BuildResult;
  out: string;
  err: string;
  threadId: number;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (msg: { job: BuildJob }) => {
    const out: string[] = [];
    const err: string[] = [];
    let result: BuildResult;
    try {
      result = await runBuild(msg.job, { out: (s) => out.push(s), err: (s) => err.push(s) });
    } catch (e) {
      const error = e as Error;
      const message = e instanceof MachineError
        ? (await import('./machine.js')).formatMachineError(e, msg.job.lang).replace(/^report: /, '').trimEnd()
        : e instanceof UsageError
        ? error.message
        : incompleteInstall(e, msg.job.lang) ?? `lỗi nội bộ (${error?.name ?? 'Error'}: ${error?.message ?? String(e)})${process.env.BAOCAO_DEBUG ? `\n${error?.stack}` : ''}`;
      err.push(`report: ${message}\n`);
      result = { year: msg.job.target, status: 'failed', outputs: [], errors: 1, warnings: 0, ms: 0, message: message.split('\n')[0] };
    }
    const reply: WorkerReply = { result, out: out.join(''), err: err.join(''), threadId };
    port.postMessage(reply);
  });
}
