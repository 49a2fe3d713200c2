// Small bao-cao data folders for tests that go through the real pipeline: the CCHC example's
// report.yaml and a noi-dung.yaml holding `prose` under one section and `table` (the body of a
// statistical table with id bm1) in an appendix. Each call makes a new folder under one temp root.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

const indent = (s: string, k: number): string => s.trim().split('\n').map((l) => ' '.repeat(k) + l).join('\n');

/** A maker of folders (and `remove` for afterAll). */
export function contentFolders(prefix: string): { make: (prose: string, table: string) => string; remove: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), prefix));
  let n = 0;
  return {
    make(prose, table) {
      const dir = path.join(base, `r${++n}`);
      mkdirSync(dir);
      copyFileSync(path.join(ROOT, 'examples/bao-cao-cchc/report.yaml'), path.join(dir, 'report.yaml'));
      writeFileSync(path.join(dir, 'noi-dung.yaml'), [
        'sections:', '  - title: KẾT QUẢ', '    content:', indent(prose, 6),
        'appendices:', '  - title: [BIỂU]', '    content:', '      - id: bm1', '        statTable:', indent(table, 10), '',
      ].join('\n'));
      return dir;
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}
