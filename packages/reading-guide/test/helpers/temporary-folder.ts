/**
 * One temporary folder for a test run, removed when the run ends. The tests
 * copy fixtures and build sites into folders of their own under the system's
 * temporary folder; made inside this one instead, none of them outlives the
 * run. It is set as TMPDIR, which `os.tmpdir()` reads, before the test
 * processes start, so that they and the builds they run inherit it.
 *
 * Vitest's and Playwright's global setup both take a function that returns
 * the teardown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function useTemporaryFolder(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'reading-guide-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(folder, { recursive: true, force: true });
  };
}
