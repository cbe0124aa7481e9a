import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Commands read their configuration from the environment: for the test file that calls this,
 * an embedded ledger (PGlite) in a folder of its own, removed afterwards.
 */
export function useEmbeddedDataDir(prefix: string): void {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const savedEnv = { ...process.env };
  beforeAll(() => {
    delete process.env.EVENTSTORE_URL;
    delete process.env.READ_STORE_URL;
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env = savedEnv;
    rmSync(dataDir, { recursive: true, force: true });
  });
}
