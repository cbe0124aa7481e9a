/**
 * npm run bench:read: the public read API under autocannon at 50 connections, on a public
 * read model of BENCH_COMPLAINTS complaints (default 100k). The model is built from the
 * synthetic ledger's complaints (app/tools/syntheticLedger) put through the public
 * projection's own reducer in memory and committed to the store (readModelFromSynthetic.ts;
 * the ledger itself is not written). The API runs in a child process, this one makes the load.
 * Phases: GET /livez (the HTTP stack without a database: the machine's ceiling now, since
 * these machines are shared), the complaint page (up to 5,500 real tracking ids in turn,
 * confidential ones included) and a filtered list (category and province, newest first, 20 a
 * page). Each phase runs 2 s unmeasured first (warm-up), then is measured: rate, latency and
 * the CPU per request of the server process and of its PostgreSQL backends (the
 * load-independent measure on a shared machine).
 * Last line: list_per_s=<n> list_p99_ms=<n> page_per_s=<n> page_p99_ms=<n>.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import { collectionCatalog } from '../projections/catalog';
import { PUBLIC_PROJECTION, publicComplaintsCollection, publicProjection } from '../projections/public/publicProjection';
import { LAST_POSITION } from '../projections/store/collectionSpec';
import { MAX_PAGE_SIZE } from '../projections/store/documentQuery';
import { PostgresReadModelStore } from '../projections/store/postgres/postgresReadModelStore';
import { cpuBetween, sampleCpu } from './httpCpu';
import { machineLine } from './machineInfo';
import { projectSyntheticLedger } from './readModelFromSynthetic';

const Settings = z.object({
  BENCH_COMPLAINTS: z.coerce.number().int().min(100).default(100_000),
  BENCH_SEED: z.coerce.number().int().min(0).default(2012),
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).default(50),
  BENCH_SECONDS: z.coerce.number().int().min(1).default(20),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
  /** Reuse a schema a previous run kept (BENCH_KEEP_SCHEMA=1 prints its name) instead of building one. */
  BENCH_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  BENCH_KEEP_SCHEMA: z.enum(['0', '1']).default('0'),
});
type Settings = z.infer<typeof Settings>;

async function buildReadModel(settings: Settings, client: SqlClient, schema: string): Promise<void> {
  const started = Date.now();
  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  const built = await projectSyntheticLedger(store, publicProjection, { complaints: settings.BENCH_COMPLAINTS, seed: settings.BENCH_SEED });
  console.log(`public read model: ${built.complaints} complaints, ${built.events} events projected in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.exec(`ANALYZE ${schema}.read_documents`);
}

/** Real tracking ids (listed ones and confidential ones) and the category x province lists that have complaints. */
async function samplePaths(client: SqlClient, schema: string): Promise<{ pages: string[]; lists: string[] }> {
  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  const sample = async (listed: boolean, pages: number) => {
    const documents = [];
    let cursor: string | undefined;
    for (let page = 0; page < pages; page++) {
      const found = await store.findDocuments(PUBLIC_PROJECTION, {
        collection: publicComplaintsCollection.name,
        where: [{ field: 'listed', op: 'eq', value: listed }],
        // Confidential (status-only) entries carry no keys but `listed`: only lastPosition orders them.
        orderBy: { field: listed ? 'submittedAt' : LAST_POSITION, direction: 'desc' },
        limit: MAX_PAGE_SIZE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      documents.push(...found.items);
      cursor = found.next;
      if (cursor === undefined) break;
    }
    return documents;
  };
  const listed = await sample(true, 10);
  const confidential = await sample(false, 1);
  if (listed.length === 0) throw new Error(`the public read model of ${schema} is empty`);
  const pages = [...listed, ...confidential].map((d) => `/api/public/complaints/${d.id}`);
  const lists = [...new Set(listed.map((d) => `/api/public/complaints?category=${String(d.keys.category)}&region=${String(d.keys.province)}&limit=20`))];
  console.log(`sample: ${pages.length} complaint pages (${confidential.length} confidential), ${lists.length} category x province lists`);
  return { pages, lists };
}

/** Each phase first runs this long unmeasured (JIT, prepared statements' generic plans). */
const WARM_UP_MS = 2_000;

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  /** The application name of its PostgreSQL connections (the schema's), to find their backends. */
  readonly applicationName: string;
}

function startServer(settings: Settings, schema: string): Promise<Server> {
  const child = fork(join(__dirname, 'readServer.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: settings.DATABASE_URL, BENCH_SCHEMA: schema },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, port: z.object({ port: z.number() }).parse(message).port, applicationName: schema }));
    child.once('exit', (code) => reject(new Error(`the read server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

interface Phase {
  readonly perSecond: number;
  readonly p99Ms: number;
}

/** autocannon's run, calling `onResponse` for each answer (the CPU window counts them). */
function cannon(options: autocannon.Options, onResponse: () => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)));
    instance.on('response', onResponse);
  });
}

async function load(name: string, server: Server, sql: SqlClient, paths: readonly string[], settings: Settings): Promise<Phase> {
  let next = 0;
  let answered = 0;
  const run = (seconds: number) =>
    cannon(
      {
        url: `http://127.0.0.1:${server.port}`,
        connections: settings.BENCH_CONNECTIONS,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      () => answered++,
    );
  // Measured after a warm-up run, as bench:http does: its answers count in neither rate, latency nor CPU.
  await run(WARM_UP_MS / 1000);
  const before = await sampleCpu(sql, server.child.pid!, server.applicationName);
  answered = 0;
  const result = await run(settings.BENCH_SECONDS);
  const cpu = cpuBetween(before, await sampleCpu(sql, server.child.pid!, server.applicationName));
  const perRequestMs = (seconds: number): string => ((seconds * 1000) / Math.max(1, answered)).toFixed(3);
  const failed = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${name}: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms max ${result.latency.max} ms, ${result.requests.total} requests, ${result.non2xx} not 2xx, ${result.errors} errors, ${result.timeouts} timeouts; cpu ms per request: node ${perRequestMs(cpu.serverSeconds)} postgres ${perRequestMs(cpu.postgresSeconds)}`,
  );
  if (failed > 0) throw new Error(`${name}: ${failed} requests failed`);
  return { perSecond: Math.round(result.requests.average), p99Ms: result.latency.p99 };
}

async function main(): Promise<void> {
  const settings = Settings.parse(process.env);
  console.log(machineLine());
  const client = createPgSqlClient({ connectionString: settings.DATABASE_URL, maxConnections: 4 });
  const schema = settings.BENCH_SCHEMA ?? `bench_read_${randomBytes(4).toString('hex')}`;
  const dropAfter = settings.BENCH_SCHEMA === undefined && settings.BENCH_KEEP_SCHEMA === '0';
  let server: ChildProcess | undefined;
  try {
    if (settings.BENCH_SCHEMA === undefined) {
      console.log(`building a public read model of ${settings.BENCH_COMPLAINTS} complaints (seed ${settings.BENCH_SEED}) in schema ${schema}`);
      await buildReadModel(settings, client, schema);
    }
    const { pages, lists } = await samplePaths(client, schema);
    const started = await startServer(settings, schema);
    server = started.child;
    console.log(`autocannon: ${settings.BENCH_CONNECTIONS} connections, ${settings.BENCH_SECONDS} s per phase`);
    // The HTTP stack alone (express, helmet, request log, metrics) on this machine now: the ceiling the two phases are read against.
    const ceiling = await load('baseline GET /livez (no database)', started, client, ['/livez'], settings);
    const page = await load('complaint page', started, client, pages, settings);
    const list = await load('filtered list', started, client, lists, settings);
    console.log(`targets: page >= 3000/s at p99 < 20 ms: ${page.perSecond >= 3000 && page.p99Ms < 20 ? 'met' : 'NOT met'}; list >= 1000/s at p99 < 50 ms: ${list.perSecond >= 1000 && list.p99Ms < 50 ? 'met' : 'NOT met'}`);
    console.log(`share of the baseline: page ${(page.perSecond / ceiling.perSecond).toFixed(2)}, list ${(list.perSecond / ceiling.perSecond).toFixed(2)}`);
    console.log(machineLine());
    if (!dropAfter) console.log(`kept schema ${schema} (BENCH_SCHEMA=${schema} reuses it)`);
    console.log(`list_per_s=${list.perSecond} list_p99_ms=${list.p99Ms} page_per_s=${page.perSecond} page_p99_ms=${page.p99Ms}`);
  } finally {
    // Requests still in flight when the load stops must not meet a dropped schema.
    if (server !== undefined) await stopServer(server);
    if (dropAfter) await client.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
