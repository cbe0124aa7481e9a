/**
 * `npm run bench:ledger`: append throughput of the ledger on PostgreSQL (1, 8, 32 writers)
 * and PGlite, the same database's raw INSERT rate (pgbench) and Emmett's PostgreSQL store
 * on the same workload, then memory over a long run. Last line:
 *   appends_per_s=<32 writers> ratio_to_pgbench=<r> ratio_to_emmett=<r>
 * Environment: see bench/benchConfig.ts (BENCH_SECONDS, BENCH_MEMORY_EVENTS, ...).
 */
import { loadavg } from 'node:os';
import { runAppendWorkload, type WorkloadResult } from './appendWorkload';
import { readBenchConfig, type BenchConfig } from './benchConfig';
import { loadEmmett, openEmmettTarget } from './emmettTarget';
import { openPGliteLedger, openPostgresLedger, type BenchTarget } from './ledgerTargets';
import { machineLine, serverLine } from './machineInfo';
import { growthOf, runMemoryPhase } from './memoryPhase';
import { findPgbench, measurePgbenchInserts } from './pgbenchInserts';
import { formatRatio, formatResult, type Ratio } from './report';
import { ScratchSchemas } from './scratchSchemas';

async function timedPhase(label: string, config: BenchConfig, writers: number, open: () => Promise<BenchTarget>): Promise<WorkloadResult> {
  console.log(`phase ${label}: ${writers} writer(s), ${config.warmupSeconds}s warm-up + ${config.seconds}s ...`);
  const target = await open();
  try {
    const result = await runAppendWorkload(target.appender, {
      writers,
      existingShare: config.existingShare,
      warmupMs: config.warmupSeconds * 1000,
      measureMs: config.seconds * 1000,
    });
    console.log(`phase ${label}: ${formatResult(result)} load=${loadavg()[0]!.toFixed(2)}`);
    return result;
  } finally {
    await target.close();
  }
}

async function pgbenchRatio(config: BenchConfig, schemas: ScratchSchemas, writers: number, ours: number): Promise<Ratio> {
  const pgbench = await findPgbench();
  if (!pgbench) return { unavailable: 'pgbench is not installed (looked in PGBENCH, /usr/bin and PATH)' };
  console.log(`phase pgbench: raw single-row INSERT, ${pgbench} -n -c ${writers} -j 2 -T ${config.seconds} ...`);
  const outcome = await measurePgbenchInserts(pgbench, config.databaseUrl, schemas, writers, config.seconds);
  if (!outcome.ok) return { unavailable: `pgbench failed: ${outcome.reason}` };
  console.log(`phase pgbench: ${Math.round(outcome.tps)} inserts/s`);
  return { value: ours / outcome.tps };
}

async function emmettRatio(config: BenchConfig, schemas: ScratchSchemas, writers: number, ours: number): Promise<Ratio> {
  let emmett: Awaited<ReturnType<typeof loadEmmett>>;
  try {
    emmett = await loadEmmett();
  } catch (error) {
    return { unavailable: `@event-driven-io/emmett-postgresql does not load on Node ${process.version}: ${String(error)}` };
  }
  try {
    const result = await timedPhase(`emmett-postgresql writers=${writers}`, config, writers, () => openEmmettTarget(emmett, config.databaseUrl, schemas, writers));
    return { value: ours / result.perSecond };
  } catch (error) {
    return { unavailable: `Emmett's PostgreSQL store failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function memoryPhase(config: BenchConfig, schemas: ScratchSchemas, writers: number): Promise<void> {
  if (config.memoryEvents === 0) return;
  console.log(`phase memory: ${config.memoryEvents} events, ${writers} writers, sample every ${config.memorySampleEvery} events ...`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('  (node without --expose-gc: heap figures include uncollected garbage)');
  const target = await openPostgresLedger(config.databaseUrl, schemas, 'memory', writers);
  try {
    const { result, samples } = await runMemoryPhase(target.appender, {
      total: config.memoryEvents,
      every: config.memorySampleEvery,
      writers,
      existingShare: config.existingShare,
      onSample: (line) => console.log(line),
    });
    console.log(`phase memory: ${formatResult(result)}`);
    const growth = growthOf(samples);
    if (!growth) console.log('phase memory: too few samples for a growth figure (need 4)');
    else {
      const sign = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
      console.log(
        `phase memory: first-to-last-quarter growth rss=${sign(growth.rssMb)}MB heapUsed=${sign(growth.heapUsedMb)}MB ` +
          `(${growth.heapBytesPerEvent.toFixed(2)} bytes/event) -> ${growth.flat ? 'flat' : 'GROWING'}`,
      );
    }
  } finally {
    await target.close();
  }
}

/** The bench stops by itself: a hard deadline and Ctrl-C both drop this run's schemas first. */
function installExits(schemas: ScratchSchemas, maxMinutes: number): void {
  const leave = (why: string, code: number): void => {
    console.error(why);
    void schemas.dropAll().finally(() => process.exit(code));
  };
  setTimeout(() => leave(`bench exceeded BENCH_MAX_MINUTES=${maxMinutes}; stopping`, 2), maxMinutes * 60_000).unref();
  process.once('SIGINT', () => leave('interrupted', 130));
  process.once('SIGTERM', () => leave('terminated', 143));
}

async function main(): Promise<void> {
  const config = readBenchConfig();
  const schemas = new ScratchSchemas(config.databaseUrl);
  scratch = schemas;
  installExits(schemas, config.maxMinutes);
  console.log(machineLine());
  console.log(await serverLine(schemas));
  console.log(
    `config: ${config.seconds}s per phase (+${config.warmupSeconds}s warm-up), one event per append, ` +
      `${Math.round(config.existingShare * 100)}% to existing streams with exact revisions, the rest no_stream to fresh streams`,
  );

  const byWriters = new Map<number, WorkloadResult>();
  for (const writers of config.writerCounts) {
    byWriters.set(writers, await timedPhase(`postgres writers=${writers}`, config, writers, () => openPostgresLedger(config.databaseUrl, schemas, `pg${writers}`, writers)));
  }
  const headlineWriters = config.writerCounts.at(-1)!;
  const headline = byWriters.get(headlineWriters)!.perSecond;

  const toPgbench = await pgbenchRatio(config, schemas, headlineWriters, headline);
  const toEmmett = await emmettRatio(config, schemas, headlineWriters, headline);
  // Before PGlite: its WASM heap would stay in this process's RSS.
  await memoryPhase(config, schemas, headlineWriters);
  for (const writers of config.pgliteWriterCounts) {
    await timedPhase(`pglite writers=${writers}`, config, writers, () => openPGliteLedger());
  }

  await schemas.dropAll(); // whatever a failed phase left behind
  console.log(machineLine());
  for (const [name, ratio, goal] of [['ratio_to_pgbench', toPgbench, 0.5], ['ratio_to_emmett', toEmmett, 1.5]] as const) {
    if ('unavailable' in ratio) console.log(`${name}=n/a because ${ratio.unavailable}`);
    else console.log(`target ${name} >= ${goal}: ${ratio.value >= goal ? 'met' : 'missed'} (${ratio.value.toFixed(2)})`);
  }
  console.log(`appends_per_s=${Math.round(headline)} ratio_to_pgbench=${formatRatio(toPgbench)} ratio_to_emmett=${formatRatio(toEmmett)}`);
}

let scratch: ScratchSchemas | undefined;
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await scratch?.dropAll();
    process.exit(1);
  },
);
