import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the server wrote to stdout so far. */
  output(): string;
}

/**
 * `app/main.ts` as a child process on a PostgreSQL schema of its own (for benchmarks and
 * process-level tests): a random vault master key, a JWT key of nobody's, port 0.
 * Resolves once it prints the address it listens on. `compiledMain` (dist/app/main.js, what
 * `npm start` runs) replaces running the TypeScript through tsx.
 */
export function startServerProcess(
  databaseUrl: string,
  schema: string,
  env: Readonly<Record<string, string>> = {},
  compiledMain?: string,
): Promise<ServerProcess> {
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const child = spawn(process.execPath, compiledMain === undefined ? ['--import', 'tsx', 'app/main.ts'] : [compiledMain], {
    cwd: `${__dirname}/../..`,
    env: {
      ...process.env,
      PORT: '0',
      EVENTSTORE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      VAULT_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_PUBLIC_KEY: publicKey,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
}
