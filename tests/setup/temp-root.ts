// Global setup for the whole test run: every temporary folder a test makes (mkdtemp under
// os.tmpdir(), LibreOffice and Chromium profiles, the CLI's own temp files) goes under one folder
// made here, because TMPDIR is pointed at it before the test workers and the CLIs they spawn
// start. Teardown removes the folder, whether the tests passed or failed, so a run leaves nothing
// in the system's temp directory.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'baocao-tests-'));
  // Open to other users as the system temp folder is (sticky, world-writable): some tests run
  // the CLI as nobody.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  process.env.BAOCAO_TEST_TMP = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
