import { once } from 'node:events';
import { DEV_TOKEN_ALGORITHM, readDevSigningKey } from '../../app/auth/devSigningKey';
import { mintToken } from '../../app/auth/mintToken';
import type { TokenClaims } from '../../app/auth/tokenClaims';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startEmbeddedServerProcess, type ServerProcess } from '../../app/tools/serverProcess';
import { launchBrowser } from './browser';

export interface PortalServer {
  readonly url: string;
  readonly process: ServerProcess;
  /** A token the server accepts (signed with its development key), for API calls that set up a test. */
  token(claims: TokenClaims): Promise<string>;
  /** GET or POST the JSON API as `token`'s holder. */
  api(method: 'GET' | 'POST', path: string, options?: { readonly token?: string; readonly body?: object; readonly headers?: Record<string, string> }): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it on a bare machine (embedded PGlite, projections,
 * the development login), in a fresh DATA_DIR, for portal tests: one per test file.
 * The scheduler and intake rate limits are off so a test decides what happens when.
 */
export async function startPortalServer(): Promise<PortalServer> {
  const server = await startEmbeddedServerProcess({ SCHEDULER_INTERVAL_SECONDS: '0', INTAKE_RATE_PER_HOUR: '0', LOG_LEVEL: 'warn' });
  const key = readDevSigningKey(server.dataDir);
  return {
    url: server.url,
    process: server,
    token: (claims) => mintToken({ claims, issuer: 'lapor-dev', audience: 'lapor-api', ttlSeconds: 3600, algorithm: DEV_TOKEN_ALGORITHM, privateKey: key.privateKey }),
    async api(method, path, options = {}) {
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    async stop() {
      const exited = once(server.child, 'exit');
      server.child.kill('SIGTERM');
      await exited;
      rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds (the read models follow the ledger asynchronously). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A portal server and a browser for one test file: started before its tests (in parallel, as
 * both take seconds), closed after them. A file with more setup adds its own beforeAll.
 */
export function portalAndBrowserForFile(): { server(): PortalServer; browser(): Browser } {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startPortalServer(), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    // Either failing fails the file, and afterAll still stops the other (a server left running kept Jest from exiting).
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return { server: () => server!, browser: () => browser! };
}
