/**
 * `npm run bench:ledger`: append throughput of the ledger on PostgreSQL (1, 8, 32 writers)
 * and PGlite, the same database's raw INSERT rate (pgbench) and Emmett's PostgreSQL store
 * on the same workload, then memory over a long run. Last line:
 *   appends_per_s=<32 writers> ratio_to_pgbench=<r> ratio_to_emmett=<r>
 * Environment: see bench/benchConfig.ts (BENCH_SECONDS, BENCH_MEMORY_EVENTS, ...).
 */
import { readBenchConfig, type BenchConfig } from './benchConfig';
import { measureHeadline } from './headlineRounds';
import { openPGliteLedger, openPostgresLedger } from './ledgerTargets';
import { machineLine, serverLine } from './machineInfo';
import { growthOf, runMemoryPhase } from './memoryPhase';
import { formatRatio, formatResult } from './report';
import { ScratchSchemas } from './scratchSchemas';
import { timedPhase } from './timedPhase';

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
      `${Math.round(config.existingShare * 100)}% to existing streams with exact revisions, the rest no_stream to fresh streams; ` +
      `${config.rounds} round(s) of ours/pgbench/Emmett at ${config.writerCounts.at(-1)} writers, medians reported`,
  );

  const headlineWriters = config.writerCounts.at(-1)!;
  for (const writers of config.writerCounts.slice(0, -1)) {
    await timedPhase(`postgres writers=${writers}`, config, writers, () => openPostgresLedger(config.databaseUrl, schemas, `pg${writers}`, writers));
  }
  const { appendsPerSecond, toPgbench, toEmmett } = await measureHeadline(config, schemas, headlineWriters);
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
  console.log(`appends_per_s=${Math.round(appendsPerSecond)} ratio_to_pgbench=${formatRatio(toPgbench)} ratio_to_emmett=${formatRatio(toEmmett)}`);
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
