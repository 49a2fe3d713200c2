// A long single build says which stage it is in: nothing before the threshold (2 s), then one
// plain line per stage when not on a terminal, or one status line rewritten in place on a
// terminal (cleared at the end). The clock is injected: no test waits or asserts a time.
import { describe, expect, it } from 'vitest';
import { StageReporter, afterMsFromEnv } from '../../../src/cli/stages.js';

function reporter(tty: boolean, lang: 'vi' | 'en' = 'vi') {
  let clock = 0;
  const out: string[] = [];
  const r = new StageReporter({ tty, lang, write: (s) => out.push(s), now: () => clock, refreshMs: 0 });
  return { r, out, at: (ms: number) => { clock = ms; } };
}

describe('stage reporter', () => {
  it('a build under the threshold prints nothing', () => {
    const { r, out, at } = reporter(false);
    r.enter('load'); at(500); r.enter('render'); at(1900); r.enter('write', 'DOCX, PDF'); r.stop();
    expect(out).toEqual([]);
  });

  it('past the threshold, a plain line per stage entered (not a terminal)', () => {
    const { r, out, at } = reporter(false);
    r.enter('load'); at(1500); r.enter('validate'); at(2500); r.enter('render'); at(9000); r.enter('write', 'DOCX, PDF');
    r.enter('write', 'DOCX, PDF'); at(31000); r.enter('commit'); r.stop();
    expect(out).toEqual([
      '… đang dựng nội dung từ mẫu (sau 2,5 s)\n',
      '… đang ghi DOCX, PDF (sau 9,0 s)\n',
      '… đang lưu tệp (sau 31,0 s)\n',
    ]);
  });

  it('on a terminal, one status line rewritten in place and cleared at the end', () => {
    const { r, out, at } = reporter(true, 'en');
    at(3000); r.enter('write', 'PDF'); r.clear(); at(4200); r.enter('commit'); r.stop();
    expect(out).toEqual(['\r\x1b[K… writing PDF (3.0 s)', '\r\x1b[K', '\r\x1b[K… saving the files (4.2 s)', '\r\x1b[K']);
  });

  it('the threshold comes from BAOCAO_PROGRESS_AFTER_MS, else 2 s', () => {
    expect(afterMsFromEnv({})).toBe(2000);
    expect(afterMsFromEnv({ BAOCAO_PROGRESS_AFTER_MS: '0' })).toBe(0);
    expect(afterMsFromEnv({ BAOCAO_PROGRESS_AFTER_MS: 'x' })).toBe(2000);
  });
});
