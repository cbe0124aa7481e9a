import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Its DATA_DIR (the development key pair lives there with `developmentLogin`). */
  readonly dataDir: string;
  /** Everything the server wrote to stdout so far. */
  output(): string;
}

/**
 * `app/main.ts` as a child process on a PostgreSQL schema of its own (for benchmarks and
 * process-level tests): a random vault master key, a JWT key of nobody's, a fresh DATA_DIR,
 * port 0. `compiledMain` (dist/app/main.js, what `npm start` runs) replaces running the
 * TypeScript through tsx.
 */
export function startServerProcess(
  databaseUrl: string,
  schema: string,
  env: Readonly<Record<string, string>> = {},
  compiledMain?: string,
): Promise<ServerProcess> {
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return spawnServer({ EVENTSTORE_URL: databaseUrl, DATABASE_SCHEMA: schema, VAULT_MASTER_KEY: randomBytes(32).toString('base64'), JWT_PUBLIC_KEY: publicKey, ...env }, compiledMain);
}

/**
 * The embedded default, as `npm start` runs it on a bare machine: PGlite and the development
 * key pair (so the portal's development login) in a fresh DATA_DIR, whatever this process's
 * environment says about other stores or issuers.
 */
export function startEmbeddedServerProcess(env: Readonly<Record<string, string>> = {}): Promise<ServerProcess> {
  return spawnServer({ EVENTSTORE_URL: '', READ_STORE_URL: '', JWT_PUBLIC_KEY: '', JWT_JWKS_URL: '', VAULT_MASTER_KEY: '', ...env });
}

/** Empty values in `env` unset the variable. Resolves once the server prints the address it listens on. */
function spawnServer(env: Readonly<Record<string, string>>, compiledMain?: string): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-server-'));
  const merged: Record<string, string | undefined> = { ...process.env, PORT: '0', DATA_DIR: dataDir, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === '') delete merged[name];
  const child = spawn(process.execPath, compiledMain === undefined ? ['--import', 'tsx', 'app/main.ts'] : [compiledMain], {
    cwd: `${__dirname}/../..`,
    env: merged,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, dataDir, output: () => output });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
}
