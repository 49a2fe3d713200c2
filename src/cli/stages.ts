/**
 * Which stage a long single build is in. A report of a province's 10,000 projects takes tens of
 * seconds; without a word the clerk cannot tell a slow build from a hung one. Once a build has
 * run longer than `afterMs` (2 s, or BAOCAO_PROGRESS_AFTER_MS), each stage it enters is shown:
 * on a terminal as one status line rewritten in place (with the seconds so far, refreshed while
 * the build waits on a writer process), otherwise — CI logs, a pipe — as one plain line per
 * stage. A build faster than that prints nothing extra. The clock is injected, so the behaviour
 * is tested without waiting. Stages of the pipeline are reported through `compile`'s `onStage`.
 */
import { performance } from 'node:perf_hooks';
import { say, type Lang } from './lang.js';

export type StageName = 'load' | 'validate' | 'aggregate' | 'render' | 'write' | 'commit';

const WORDS: Record<StageName, [string, string]> = {
  load: ['đọc dữ liệu', 'reading the data'],
  validate: ['kiểm tra dữ liệu', 'checking the data'],
  aggregate: ['tổng hợp số liệu', 'aggregating the figures'],
  render: ['dựng nội dung từ mẫu', 'rendering the templates'],
  write: ['ghi', 'writing'],
  commit: ['lưu tệp', 'saving the files'],
};

export interface StageOptions {
  /** A terminal: one status line rewritten in place; otherwise plain lines. */
  tty: boolean;
  write: (text: string) => void;
  lang: Lang;
  /** Say nothing before the build has run this long. */
  afterMs?: number;
  now?: () => number;
  /** Refresh of the status line while waiting (terminal only); 0 for none. */
  refreshMs?: number;
  /** When the build started on `now`'s clock (default: when the reporter is made). */
  startedAt?: number;
}

export const DEFAULT_AFTER_MS = 2000;

/** The threshold from the environment (BAOCAO_PROGRESS_AFTER_MS), else 2 s. */
export function afterMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.BAOCAO_PROGRESS_AFTER_MS);
  return env.BAOCAO_PROGRESS_AFTER_MS !== undefined && Number.isFinite(v) && v >= 0 ? v : DEFAULT_AFTER_MS;
}

export class StageReporter {
  private readonly started: number;
  private readonly now: () => number;
  private readonly afterMs: number;
  private stage: { name: StageName; detail: string } | null = null;
  private shown = '';
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;

  constructor(private readonly opts: StageOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.started = opts.startedAt ?? this.now();
    this.afterMs = opts.afterMs ?? DEFAULT_AFTER_MS;
    const refresh = opts.refreshMs ?? 250;
    if (opts.tty && refresh > 0) {
      this.timer = setInterval(() => this.show(), refresh);
      this.timer.unref();
    }
  }

  /** The build enters a stage (`detail`: e.g. the formats being written). */
  enter(name: StageName, detail = ''): void {
    this.stage = { name, detail };
    this.show();
  }

  /** Erase the status line before other output; the next refresh draws it again. */
  clear(): void {
    if (this.drawn) this.opts.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The build is over: the status line is cleared, the timer stopped. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.drawn) this.opts.write('\r\x1b[K');
    this.drawn = false;
    this.stage = null;
  }

  private show(): void {
    const elapsed = this.now() - this.started;
    if (!this.stage || elapsed < this.afterMs) return;
    const [vi, en] = WORDS[this.stage.name];
    const what = `${say(this.opts.lang, vi, en)}${this.stage.detail ? ` ${this.stage.detail}` : ''}`;
    const secs = (elapsed / 1000).toFixed(1);
    if (this.opts.tty) {
      this.opts.write(`\r\x1b[K${say(this.opts.lang, `… đang ${what} (${secs.replace('.', ',')} s)`, `… ${what} (${secs} s)`)}`);
      this.drawn = true;
    } else if (this.shown !== what) {
      // One plain line per stage, written when the stage is entered (or first seen past the threshold).
      this.opts.write(`${say(this.opts.lang, `… đang ${what} (sau ${secs.replace('.', ',')} s)`, `… ${what} (after ${secs} s)`)}\n`);
    }
    this.shown = what;
  }
}
