import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmStartArguments } from './npmStartCommand';

/** How the server is started: its TypeScript through tsx, or compiled as `npm start` runs it (after `npm run build`). */
export type ServerRuns = 'tsx' | 'npm-start';

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
 * port 0. `runs: 'npm-start'` runs the compiled server with the node arguments of `npm start`
 * (package.json) instead of the TypeScript through tsx.
 */
export function startServerProcess(
  databaseUrl: string,
  schema: string,
  env: Readonly<Record<string, string>> = {},
  runs: ServerRuns = 'tsx',
): Promise<ServerProcess> {
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return spawnServer({ EVENTSTORE_URL: databaseUrl, DATABASE_SCHEMA: schema, VAULT_MASTER_KEY: randomBytes(32).toString('base64'), JWT_PUBLIC_KEY: publicKey, ...env }, runs);
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
function spawnServer(env: Readonly<Record<string, string>>, runs: ServerRuns = 'tsx'): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-server-'));
  const merged: Record<string, string | undefined> = { ...process.env, PORT: '0', DATA_DIR: dataDir, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === '') delete merged[name];
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, runs === 'tsx' ? ['--import', 'tsx', 'app/main.ts'] : npmStartArguments(root), {
    cwd: root,
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
